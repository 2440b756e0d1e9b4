"""JSON Lines of articles: one per line, either newsgraph JSON or a raw-text record.

A raw-text record is ``{"text": ..., "published": ..., "url": ..., ...}``: its text is
read like a text file, its other keys fill in metadata (``id``, ``published``,
``modified``, ``url``, ``publisher``, ``language``; other keys are ignored, so that
corpora carrying annotations read as they are). Records are read one line at a time, so a
file of any size streams.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any, Iterator

from .. import formats
from ..errors import InputError, ModelError, NewsgraphError
from ..model import Article, article_from_data, is_uri, mint_article_id
from . import text as text_reader
from .base import ReadOptions, Sanitiser, apply_options, decode_text
from .native import json_lines, parse_json

RECORD_META = ("published", "modified", "url", "publisher", "language")


def is_raw_record(doc: Any) -> bool:
    return isinstance(doc, dict) and isinstance(doc.get("text"), str) and "body" not in doc


def read_record(line: str, options: ReadOptions, number: int | None = None) -> tuple[Article, bool]:
    """One line as an Article, and whether it was raw text (still to be extracted)."""
    doc = parse_json(line, options.source, line=number)
    where = f"line {number}: " if number else ""
    if is_raw_record(doc):
        # A corpus record is raw input: characters no format can carry become spaces, in
        # its text, metadata and id alike, and the article's provenance says so.
        sanitiser = Sanitiser()
        doc = sanitiser.document(doc)
        fill = {k: str(doc[k]) for k in RECORD_META if doc.get(k) and getattr(options, k) is None}
        opts = replace(options, **fill)  # type: ignore[arg-type]  # mypy checks **meta against every field, the dict "extra" too; only str fields are named
        if not doc["text"].strip():
            raise InputError(
                f"{where}the record's text is empty", "give each record an article text", source=options.source
            )
        [article] = text_reader.read(doc["text"].encode("utf-8"), opts)
        data = article.model_dump()
        if doc.get("id") is not None:
            # Corpus ids ("breitbart_2016-09-12_...") are kept stable by minting from them.
            ident = str(doc["id"])
            data["id"] = ident if is_uri(ident) else mint_article_id(ident, opts.id_base)
        if sanitiser and data["provenance"] is not None:
            data["provenance"]["notes"].append(f"{where}{sanitiser.note()}")
        return article_from_data(data), True
    other = formats.sniff(line.encode("utf-8"))
    if other is not None and other.name not in ("json", "jsonl") and other.readable:
        # A line of JSON-LD or ninjs (a batch export of ours, or a feed) reads as what it is.
        try:
            [article] = list(other.load_reader()(line.encode("utf-8"), options))
        except NewsgraphError as err:
            err.what = where + err.what
            raise err.at(options.source)
        except ValueError:
            raise InputError(
                f"{where}the line holds more than one {other.name} article",
                "put one article per line",
                source=options.source,
            ) from None
        return article, False
    try:
        article = article_from_data(doc)
    except ModelError as err:
        err.what = where + err.what
        raise err.at(options.source)
    return apply_options(article, options), False


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    text = decode_text(data, options.source)
    for number, line in enumerate(json_lines(text), start=1):
        if line.strip():
            yield read_record(line, options, number)[0]
