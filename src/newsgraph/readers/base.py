"""What every reader shares: its options, decoding, and provenance."""

from __future__ import annotations

import codecs
import hashlib
import re
from dataclasses import dataclass, field

from .. import version
from ..errors import InputError, UsageError
from pydantic import ValidationError

from ..sanitiser import Sanitiser
from ..model import (
    DEFAULT_ID_BASE,
    FORBIDDEN_CHARACTERS,
    Actor,
    Article,
    Provenance,
    format_validation_error,
    mint_id,
)


@dataclass(frozen=True)
class ReadOptions:
    """What the caller knows that the input may not state, and how to name things."""

    source: str = "<stdin>"
    published: str | None = None
    modified: str | None = None
    url: str | None = None
    publisher: str | None = None
    language: str | None = None
    id_base: str = DEFAULT_ID_BASE
    extra: dict[str, str] = field(default_factory=dict)
    encoding: str | None = None  # of text input in a legacy encoding (latin-1, cp1252, ...)

    def __post_init__(self) -> None:
        if self.encoding is not None:
            try:
                codecs.lookup(self.encoding)
            except LookupError:
                raise UsageError(
                    f"--encoding {self.encoding!r} is not an encoding Python knows",
                    "give a name such as latin-1, cp1252, iso-8859-15 or utf-8",
                ) from None
        # A base that mints no URI would fail every input deep inside: say so once, up front.
        try:
            mint_id("person", "x", self.id_base)
            usable = "#" not in self.id_base  # ids inside an article are '<article id>#quote-1'
        except ValueError:
            usable = False
        if not usable:
            raise UsageError(
                f"--id-base {self.id_base!r} cannot start an id",
                "give the start of a URI without '#', e.g. 'urn:newsgraph:' or 'https://data.example.org/id/'",
            )


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(
    data: bytes, source: str, encoding: str | None = None, *, legacy: str | None = None, notes: list[str] | None = None
) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16/32) text, or text in the ``encoding`` the caller
    names; anything else is a clear error, unless the caller knows the input's kind to be
    8-bit: then text that is not UTF-8 is read in ``legacy`` (Latin-1 for the few bytes it
    leaves out), and ``notes`` gets a line that says so.

    Offsets into the article are offsets into the string returned here, after the BOM.
    """
    if not data.strip():
        raise InputError("the file is empty", "give a file with an article in it", source=source)
    if encoding is not None and not any(data.startswith(bom) for bom, _ in _BOMS):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as err:
            raise InputError(
                f"not valid {encoding} (byte 0x{data[err.start]:02x} at offset {err.start})",
                "name the encoding the file is in with --encoding",
                source=source,
            ) from None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(
                    f"invalid {encoding.upper()} at byte {err.start + len(bom)}",
                    "re-save the file in UTF-8",
                    source=source,
                ) from None
    if b"\x00" in data[:4096]:
        raise InputError(
            "this looks like a binary file, not text",
            "give a text, HTML, JSON or XML article; UTF-16 text needs a byte order mark",
            source=source,
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        if legacy is not None:
            return _decode_legacy(data, legacy, notes)
        raise InputError(
            f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
            "name its encoding with --encoding, e.g. --encoding latin-1, or re-save the file in UTF-8",
            source=source,
        ) from None


def _decode_legacy(data: bytes, legacy: str, notes: list[str] | None) -> str:
    try:
        text, used = data.decode(legacy), legacy
    except UnicodeDecodeError:  # cp1252 leaves five bytes out: Latin-1 has them all
        text, used = data.decode("latin-1"), "Latin-1"
    if notes is not None:
        notes.append(f"not UTF-8: read as {used} (give --encoding to choose)")
    return text


def provenance(data: bytes, reader: str, source: str, notes: list[str] | None = None) -> Provenance:
    name = source.replace("\\", "/").rsplit("/", 1)[-1] if source else None
    return Provenance(
        source=name,
        sha256=hashlib.sha256(data).hexdigest(),
        reader=reader,
        newsgraph_version=version.__version__,
        notes=list(notes or []),
    )


def apply_options(article: Article, options: ReadOptions) -> Article:
    """Fill in what the caller stated (--published, --url, ...); the caller's word wins."""
    updates: dict[str, object] = {}
    for name in ("published", "modified", "url", "language"):
        value = getattr(options, name)
        if value:
            updates[name] = value
    if not updates and not options.publisher:
        return article
    try:
        actors = list(article.actors)
        if options.publisher:
            pid = mint_id("organization", options.publisher, options.id_base)
            if not any(a.id == pid for a in actors):
                actors.append(Actor(id=pid, kind="organization", name=options.publisher))
            updates["publisher"] = pid
            updates["actors"] = actors
        data = article.model_dump()
        data.update({k: (v if k != "actors" else [a.model_dump() for a in actors]) for k, v in updates.items()})
        return Article.model_validate(data)
    except ValidationError as err:
        raise InputError(
            f"an option is invalid: {format_validation_error(err)}",
            "fix the --published/--modified/--url/--publisher/--language value or the .meta.json sidecar",
            source=options.source,
        ) from None


# --- characters no format can carry ----------------------------------------------------
#
# The model refuses control characters XML 1.0 forbids, U+FFFE/U+FFFF and lone surrogates
# (see model.FORBIDDEN_CHARACTERS). Raw text, web pages and other publishers' documents do
# hold them now and then (a CMS paste, a broken feed): their readers replace each by one
# space, so that offsets into the text stay exact, and say so in provenance.notes. Our
# own JSON is not repaired: such a character there means the file was altered. The
# Sanitiser itself is in newsgraph/sanitiser.py: the HTML body codec uses it too.


def sanitise(text: str) -> tuple[str, str | None]:
    """Raw text with forbidden characters replaced by spaces, and the note saying so."""
    sanitiser = Sanitiser()
    return sanitiser.text(text), sanitiser.note()


# XML: a forbidden character makes the document malformed, so readers repair the bytes
# only after a parse has failed, then parse again. Character references are ASCII in every
# encoding; raw bytes are replaced only where the encoding is known to be ASCII-based.
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")
_RAW_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]|\xef\xbf[\xbe\xbf]")
_DECLARED = re.compile(rb"^\s*<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_ASCII_BASED = re.compile(r"^(utf-?8|(us-)?ascii|iso-?8859-\d+|latin-?\d|(windows|cp)-?125\d)$", re.I)


def sanitise_xml(data: bytes, sanitiser: Sanitiser) -> bytes:
    """XML bytes with forbidden characters (raw or as references) replaced by spaces."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" in data[:4]:
        return data  # UTF-16/32: libxml2's own error stands
    declared = _DECLARED.match(data[:1024])
    encoding = declared.group(1).decode("ascii") if declared else "utf-8"
    utf8 = bool(re.match(r"^utf-?8$", encoding, re.I))

    def reference(match: re.Match[bytes]) -> bytes:
        try:
            char = chr(int(match.group(1), 16) if match.group(1) else int(match.group(2)))
        except (ValueError, OverflowError):
            return match.group()  # out of range: libxml2 reports it
        if not FORBIDDEN_CHARACTERS.match(char):
            return match.group()
        sanitiser.record(char, None)
        return b" "

    def raw(match: re.Match[bytes]) -> bytes:
        found = match.group()
        if len(found) > 1 and not utf8:
            return found  # U+FFFE/U+FFFF as UTF-8 bytes mean something else elsewhere
        sanitiser.record(found.decode("utf-8") if len(found) > 1 else chr(found[0]), None)
        return b" "

    repaired = _CHAR_REF.sub(reference, data)
    if _ASCII_BASED.match(encoding):
        repaired = _RAW_CONTROL.sub(raw, repaired)
    return repaired


# --- what agencies' XML declares wrongly or needlessly ------------------------------------
#
# A DOCTYPE that only names an external DTD (NITF and NewsML 1.x files carry one: <!DOCTYPE
# nitf SYSTEM "nitf-3-2.dtd">) is dropped before parsing: no DTD is ever loaded, so the
# document reads the same without it; one with an internal subset stays refused by
# newsgraph.xmlsafe. A file declaring ISO-8859-1 whose bytes are UTF-8 (several agencies
# send those) is read as UTF-8. Both are said in provenance.notes.
_EXTERNAL_DOCTYPE = re.compile(
    rb"<!DOCTYPE\s+[\w.:-]+\s+(?:SYSTEM\s+(?:\"[^\"]*\"|'[^']*')|"
    rb"PUBLIC\s+(?:\"[^\"]*\"|'[^']*')(?:\s+(?:\"[^\"]*\"|'[^']*'))?)\s*>",
    re.I,
)
_LATIN_DECLARED = re.compile(
    rb"^(\s*<\?xml[^>]*?encoding\s*=\s*[\"'])(iso-?8859-1|latin-?1|windows-1252|cp1252)([\"'])", re.I
)


def prepare_xml(data: bytes) -> tuple[bytes, list[str]]:
    """``data`` without an external-only DOCTYPE and with a wrong Latin-1 declaration
    corrected; the notes saying what was done. Line numbers stay as they were."""
    notes: list[str] = []
    head = data[:4096]
    doctype = _EXTERNAL_DOCTYPE.search(head)
    if doctype and not re.search(rb"<[A-Za-z_]", head[: doctype.start()]):  # in the prolog only
        kept_lines = b"\n" * doctype.group().count(b"\n")
        data = data[: doctype.start()] + kept_lines + data[doctype.end() :]
        notes.append("the DOCTYPE names an external DTD, which newsgraph does not load; it was ignored")
    declared = _LATIN_DECLARED.match(data[:200])
    if declared and re.search(rb"[\x80-\xff]", data):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return data, notes  # truly Latin-1: libxml2 decodes it as declared
        data = declared.group(1) + b"UTF-8" + declared.group(3) + data[declared.end() :]
        notes.append(f"the XML declares {declared.group(2).decode()} but its bytes are UTF-8; read as UTF-8")
    return data, notes
