"""Parsing untrusted XML: no network, no DTD, no entity expansion, bounded size.

Every XML reader and validator in newsgraph parses through :func:`parse`. A news file
never needs a DOCTYPE, so one is refused outright with a clear error: that closes the
doors to external entities (XXE), entity bombs ("billion laughs") and DTD fetching in
one place, instead of relying on each parser option being right everywhere.
"""

from __future__ import annotations

import re

from lxml import etree

from .errors import InputError

# What libxml2 is told: never fetch, never expand, never load a DTD, keep its default
# limits on depth and text size (huge_tree=False).
_PARSER_OPTIONS = dict(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_blank_text=False,
    collect_ids=False,
)

# The prolog is what comes before the root element; a DOCTYPE can only appear there.
_DOCTYPE = re.compile(rb"<!DOCTYPE", re.I)
_ROOT_START = re.compile(rb"<[A-Za-z_:]")
_PROLOG_SCAN = 65536

_NO_DOCTYPE_FIX = "remove the <!DOCTYPE ...> declaration; newsgraph does not load DTDs or expand entities in XML input"


def parser() -> etree.XMLParser:
    """A fresh parser with the safe options (lxml parsers are not thread-safe to share)."""
    return etree.XMLParser(**_PARSER_OPTIONS)


def parse(data: bytes, source: str | None = None, *, what: str = "XML") -> etree._Element:
    """The root element of ``data``, or :class:`InputError` saying what is wrong and where.

    ``what`` names the expected kind of document in messages ("NewsML-G2", "XML").
    """
    if not data.strip():
        raise InputError("the file is empty", f"give a {what} document", source=source)
    # NUL bytes dropped so that UTF-16 text scans like ASCII.
    head = data[:_PROLOG_SCAN].replace(b"\x00", b"")
    root_start = _ROOT_START.search(head)
    if _DOCTYPE.search(head, 0, root_start.start() if root_start else len(head)):
        # Caught before parsing: a DTD is refused however it is encoded (UTF-16 included).
        raise InputError(
            "the XML has a DOCTYPE declaration: DTDs and entity declarations are "
            "refused, so that external entities and entity bombs cannot be used",
            _NO_DOCTYPE_FIX,
            source=source,
        )
    failure: InputError | None = None
    try:
        root = etree.fromstring(data, parser())
    except etree.XMLSyntaxError as err:
        line, column = err.position if err.position else (err.lineno, None)
        where = f"line {line}" + (f", column {column}" if column else "") if line else "somewhere"
        message = _clean_message(err.msg or str(err))
        if _TOO_LARGE.search(message):
            # libxml2's own limits (huge_tree=False): say which, not which parser flag lifts it.
            failure = InputError(
                f"the XML holds a value over 10 MB or elements nested over 256 deep, "
                f"at {where}; newsgraph reads no more",
                "shorten or split it; a news item never needs one that large",
                source=source,
            )
        elif _BAD_BYTES.search(message):
            failure = InputError(
                f"the XML is not valid in its encoding at {where}",
                "re-save it in the encoding its XML declaration names, or in UTF-8 when it names none",
                source=source,
            )
        else:
            failure = InputError(
                f"malformed XML at {where}: {message}",
                f"fix the XML so that it is well-formed (an XML linter shows the spot); newsgraph reads {what}",
                source=source,
            )
    except ValueError as err:  # e.g. a str with an encoding declaration; bytes are expected
        failure = InputError(f"cannot parse the XML: {err}", f"give the {what} document as bytes", source=source)
    if failure is not None:
        # Raised outside the except block: the lxml error (whose log cannot be pickled)
        # must not ride along as __context__ when the error crosses to another process.
        raise failure
    tree = root.getroottree()
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:
        raise InputError("the XML has a DOCTYPE declaration", _NO_DOCTYPE_FIX, source=source)
    if _has_entity_refs(root):
        raise InputError(
            "the XML uses entity references that newsgraph does not expand",
            "replace them with the characters they stand for",
            source=source,
        )
    return root


def _has_entity_refs(root: etree._Element) -> bool:
    # Without a DTD no entity can be declared, so this only fires for odd inputs; cheap to check.
    return any(isinstance(node, etree._Entity) for node in root.iter(etree.Entity))


_TOO_LARGE = re.compile(
    r"Resource limit exceeded|Excessive depth|huge input lookup|too long|"
    r"XML_PARSE_HUGE",
    re.I,
)
_BAD_BYTES = re.compile(r"Invalid bytes in character encoding|not proper UTF-8|Input is not proper", re.I)


def _clean_message(message: str) -> str:
    # libxml2 messages end with "(<string>, line N)" or a repeated ", line N, column M"
    # on some builds, and may run over lines.
    message = " ".join(message.split())
    message = re.sub(r",? \(<string>, line \d+\)$", "", message)
    return re.sub(r",? line \d+, column \d+$", "", message).strip()


def collapsed_text(el: etree._Element | None) -> str | None:
    """An element's text, white space collapsed; None when it holds none."""
    if el is None:
        return None
    value = " ".join("".join(el.itertext()).split())
    return value or None


def local_name(element: etree._Element) -> str:
    """The tag without its namespace ('' for comments and processing instructions)."""
    tag = element.tag
    if not isinstance(tag, str):
        return ""
    return tag.rpartition("}")[2]


def namespace(element: etree._Element) -> str | None:
    tag = element.tag
    if isinstance(tag, str) and tag.startswith("{"):
        return tag[1:].partition("}")[0]
    return None
