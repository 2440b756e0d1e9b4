"""NewsML-G2: the official IPTC 2.35 XSD (lxml), then whether newsgraph can read the item.

The schema is IPTC's file, found through :mod:`newsgraph.standards` and loaded once per
process. When it is not installed the check says so: a warning, or an error under
``strict``. Problems carry the line of the offending element.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from lxml import etree

from .. import standards, xmlsafe
from ..errors import InputError, NewsgraphError, SchemaMissingError
from .problem import Problem

_NAR = "{http://iptc.org/std/nar/2006-10-01/}"  # dropped from messages: every tag has it

# Reading the item after the XSD passes also checks the model's rules (ids, spans).
_READ_SOURCE = "<document>"


@lru_cache(maxsize=4)
def _load_schema(path: Path) -> etree.XMLSchema | SchemaMissingError:
    # The outcome is cached either way: a wrong file is reported once per process, not
    # hashed again for every document.
    actual = standards.sha256(path)
    expected = standards.PINNED[standards.NEWSML_XSD]
    if actual != expected:
        return SchemaMissingError(
            f"{path} is not the official NewsML-G2 2.35 XSD (SHA-256 {actual[:12]}…, expected {expected[:12]}…)",
            standards.INSTALL_HINT,
        )
    # Parsed from its path so that the relative import of xml.xsd resolves beside it;
    # the file is the pinned official one, and the parser still never goes online.
    doc = etree.parse(str(path), xmlsafe.parser())
    return etree.XMLSchema(doc)


_schema: etree.XMLSchema | None = None  # once found and loaded, kept for the process


def schema() -> etree.XMLSchema:
    """The loaded official XSD; SchemaMissingError when it is not installed or altered.

    Looked up until found (so that ``standards install`` in a running process counts),
    then kept: searching the standards path costs as much as validating a small item.
    """
    global _schema
    if _schema is not None:
        return _schema
    path = standards.find(standards.NEWSML_XSD)
    if path is None:
        raise SchemaMissingError(f"the official schema {standards.NEWSML_XSD} is not installed", standards.INSTALL_HINT)
    loaded = _load_schema(path)
    if isinstance(loaded, SchemaMissingError):
        raise loaded
    _schema = loaded
    return loaded


def xsd_problems(root: etree._Element, xsd: etree.XMLSchema, limit: int = 20) -> list[Problem]:
    """The XSD's findings for a parsed document, each with its line and element path."""
    if xsd.validate(root.getroottree()):
        return []
    return [
        Problem(entry.message.replace(_NAR, ""), line=entry.line or None, path=entry.path or None)
        for entry in list(xsd.error_log)[:limit]
    ]


def check_generated(data: bytes, *, strict: bool = False) -> list[Problem]:
    """Problems of a document the exporter has just rendered from a valid Article: the
    XSD check only, since reading it back would repeat the model's rules (and was half
    the cost of an export)."""
    return check(data, strict=strict, read=False)


def check(data: bytes, *, strict: bool = False, read: bool = True) -> list[Problem]:
    """Problems of a NewsML-G2 document; [] when it is valid (and readable, with ``read``).

    A missing (or altered) official XSD is a warning, or SchemaMissingError under ``strict``.
    """
    try:
        root = xmlsafe.parse(data, _READ_SOURCE, what="NewsML-G2")
    except InputError as err:
        return [Problem(err.message)]
    problems: list[Problem] = []
    try:
        problems.extend(xsd_problems(root, schema()))
    except SchemaMissingError as err:
        if strict:
            raise  # says which schema and how to install it, wherever it is caught
        # Not fatal unless asked: the document may be fine, it just was not checked.
        problems.append(
            Problem(f"not checked against the NewsML-G2 XSD: {err.message}", severity="warning", unchecked=True)
        )
    if read and not any(p.severity == "error" for p in problems):
        problems.extend(_read_problems(root))
    return problems


def _read_problems(root: etree._Element) -> list[Problem]:
    # Imported here: the reader imports the model, which the XSD check alone does not need.
    from ..readers.newsml import articles_from_root
    from ..readers.base import ReadOptions

    try:
        articles = articles_from_root(root, ReadOptions(source=_READ_SOURCE))
    except NewsgraphError as err:
        return [Problem(f"newsgraph cannot read it: {err.message}")]
    if not articles:
        return [Problem("it holds no newsItem that newsgraph can read")]
    return []
