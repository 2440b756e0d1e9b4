"""What every reader shares: its options, decoding, and provenance."""

from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass, field

from .. import version
from ..errors import InputError
from pydantic import ValidationError

from ..model import DEFAULT_ID_BASE, Actor, Article, Provenance, format_validation_error, mint_id


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


_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def decode_text(data: bytes, source: str) -> str:
    """Decode UTF-8 (or BOM-marked UTF-16/32) text; anything else is a clear error.

    Offsets into the article are offsets into the string returned here, after the BOM.
    """
    if not data.strip():
        raise InputError("the file is empty", "give a file with an article in it", source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"invalid {encoding.upper()} at byte {err.start + len(bom)}",
                                 "re-save the file in UTF-8", source=source) from None
    if b"\x00" in data[:4096]:
        raise InputError("this looks like a binary file, not text",
                         "give a text, HTML, JSON or XML article; UTF-16 text needs a byte order mark",
                         source=source)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise InputError(f"not valid UTF-8 (byte 0x{data[err.start]:02x} at offset {err.start})",
                         "re-save the file in UTF-8, e.g. iconv -f latin1 -t utf-8", source=source) from None


def provenance(data: bytes, reader: str, source: str) -> Provenance:
    name = source.replace("\\", "/").rsplit("/", 1)[-1] if source else None
    return Provenance(source=name, sha256=hashlib.sha256(data).hexdigest(), reader=reader,
                      newsgraph_version=version.__version__)


def apply_options(article: Article, options: ReadOptions) -> Article:
    """Fill in what the caller stated (--published, --url, ...); the caller's word wins."""
    updates: dict[str, object] = {}
    for name in ("published", "modified", "url", "language"):
        value = getattr(options, name)
        if value:
            updates[name] = value
    actors = list(article.actors)
    if options.publisher:
        pid = mint_id("organization", options.publisher, options.id_base)
        if not any(a.id == pid for a in actors):
            actors.append(Actor(id=pid, kind="organization", name=options.publisher))
        updates["publisher"] = pid
        updates["actors"] = actors
    if not updates:
        return article
    data = article.model_dump()
    data.update({k: (v if k != "actors" else [a.model_dump() for a in v]) for k, v in updates.items()})
    try:
        return Article.model_validate(data)
    except ValidationError as err:
        raise InputError(f"an option is invalid: {format_validation_error(err)}",
                         "fix the --published/--url/--language value or the .meta.json sidecar",
                         source=options.source) from None
