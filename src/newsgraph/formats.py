"""The one registry of formats: name, extensions, media type, reader, exporter, validator.

Everything that lists formats (CLI choices, ``newsgraph formats``, output file names,
content sniffing) reads this table; nothing else keeps its own list. Readers, exporters
and validators are named by dotted path and imported on first use, so that
``newsgraph --help`` does not pay for spaCy or lxml.
"""

from __future__ import annotations

import importlib
import json
import re
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any, Callable

from .errors import InputError, UsageError
from .standards import (
    GEOJSON_SCHEMA,
    NEWSML_XSD,
    NINJS_SCHEMAS,
    SCHEMAORG_CONTEXT,
    SCHEMAORG_VOCAB,
    XML_XSD,
)


@dataclass(frozen=True)
class Format:
    name: str
    title: str
    extensions: tuple[str, ...]  # the first is the one written
    media_type: str
    reader: str | None = None  # "module:function"
    exporter: str | None = None  # module with render() and render_many()
    validator: str | None = None  # "module:function", bytes -> list[Problem]
    # The check of a document newsgraph has just rendered from a valid Article, when it
    # can skip what only repeats the model's rules; None: ``validator``.
    generated_validator: str | None = None
    structured: bool = True  # structured inputs are not re-extracted unless asked
    many_extension: str | None = None  # file extension when one file holds many articles
    standards: tuple[str, ...] = ()  # official files its validator needs (see standards.py)
    # A feed is one document of many articles: "-o all.atom" is one file even for a folder of inputs.
    collection: bool = False
    lossless: bool = True  # written and read back, the same Article (feeds carry only what feeds can)

    @property
    def readable(self) -> bool:
        return self.reader is not None

    @property
    def writable(self) -> bool:
        return self.exporter is not None

    def load_reader(self) -> Callable[..., Any]:
        if not self.reader:
            raise UsageError(f"newsgraph cannot read {self.name}", f"readable formats: {', '.join(readable_names())}")
        return _load(self.reader)

    def load_exporter(self) -> Any:
        if not self.exporter:
            raise UsageError(f"newsgraph cannot write {self.name}", f"writable formats: {', '.join(writable_names())}")
        return importlib.import_module(self.exporter)

    def load_validator(self, *, generated: bool = False) -> Callable[..., Any] | None:
        """The check of a document of this format; ``generated``: one newsgraph has just
        rendered (the exporter says so through this call, not through a cache)."""
        path = (self.generated_validator if generated else None) or self.validator
        return _load(path) if path else None

    def extension_for(self, many: bool) -> str:
        return self.many_extension if many and self.many_extension else self.extensions[0]


def _load(path: str) -> Callable[..., Any]:
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


FORMATS: tuple[Format, ...] = (
    Format(
        "text",
        "raw article text (headline first, blank-line paragraphs), or IPTC 7901 / ANPA 1312 wire copy",
        (".txt", ".text", ".tst"),
        "text/plain",
        reader="newsgraph.readers.text:read",
        structured=False,
    ),
    Format(
        "html",
        "web page (the article found by trafilatura, with the page's metadata)",
        (".html", ".htm", ".xhtml"),
        "text/html",
        reader="newsgraph.readers.html:read",
        structured=False,
    ),
    # Records are raw text (extracted) or articles (taken as they are): decided per line.
    Format(
        "jsonl",
        'JSON Lines: newsgraph JSON or {"text": ..., "published": ...} per line',
        (".jsonl", ".ndjson"),
        "application/jsonl",
        reader="newsgraph.readers.jsonl:read",
        validator="newsgraph.validators.native:check",
        structured=False,
    ),
    Format(
        "json",
        "newsgraph JSON (lossless; an object, an array, or JSON Lines)",
        (".json",),
        "application/json",
        reader="newsgraph.readers.native:read",
        exporter="newsgraph.exporters.native",
        validator="newsgraph.validators.native:check",
        many_extension=".jsonl",
    ),
    # ".newsml.xml" is written so that exports of several formats can share a folder;
    # any ".xml" is read as NewsML-G2, and the reader says clearly when it is not.
    Format(
        "newsml",
        "IPTC NewsML-G2 2.35 (newsItem; one newsMessage for many articles)",
        (".newsml.xml", ".xml"),
        "application/vnd.iptc.g2.newsitem+xml",
        reader="newsgraph.readers.newsml:read",
        exporter="newsgraph.exporters.newsml",
        validator="newsgraph.validators.newsml:check",
        generated_validator="newsgraph.validators.newsml:check_generated",
        standards=(NEWSML_XSD, XML_XSD),
    ),
    Format(
        "nitf",
        "IPTC NITF 3.x news article (with or without its namespace)",
        (".nitf.xml", ".nitf"),
        "application/nitf+xml",
        reader="newsgraph.readers.nitf:read",
    ),
    Format(
        "newsml1",
        "IPTC NewsML 1.x (NewsItems with NITF, XHTML or text content)",
        (".newsml1.xml",),
        "application/vnd.iptc.newsml+xml",
        reader="newsgraph.readers.newsml1:read",
    ),
    Format(
        "jsonld",
        "schema.org JSON-LD: a NewsArticle @graph (JSON Lines for many articles)",
        (".jsonld",),
        "application/ld+json",
        reader="newsgraph.readers.jsonld:read",
        exporter="newsgraph.exporters.jsonld",
        validator="newsgraph.validators.jsonld:check",
        standards=(SCHEMAORG_VOCAB, SCHEMAORG_CONTEXT),
    ),
    # IPTC registers no media type for ninjs; application/ninjs+json is the one AP serves.
    Format(
        "ninjs",
        "IPTC ninjs news item (writes 3.x, or 2.x or 1.x with --ninjs-version; reads 1.x-3.x)",
        (".ninjs.json", ".ninjs.jsonl"),
        "application/ninjs+json",
        reader="newsgraph.readers.ninjs:read",
        exporter="newsgraph.exporters.ninjs",
        validator="newsgraph.validators.ninjs:check",
        many_extension=".ninjs.jsonl",
        standards=(NINJS_SCHEMAS[3], NINJS_SCHEMAS[2], GEOJSON_SCHEMA),
    ),
    # Feeds: every kind is read by one reader (one article per item, item by item); "rss" and
    # "atom" are also written, as one feed of all the articles. Any ".xml" whose root element
    # is <rss>, <rdf:RDF> or <feed> is read as a feed (see sniff).
    Format(
        "feed",
        "syndication feed: RSS 0.9x-2.0, RSS 1.0 (RDF), Atom 0.3/1.0, WordPress WXR, JSON Feed (one article per item)",
        (".rdf", ".wxr", ".feed.json"),
        "application/rss+xml",
        reader="newsgraph.readers.feed:read",
        structured=False,
    ),
    Format(
        "rss",
        "RSS 2.0 feed (reads any feed; writes one RSS 2.0 feed of all the articles)",
        (".rss", ".rss.xml"),
        "application/rss+xml",
        reader="newsgraph.readers.feed:read",
        exporter="newsgraph.exporters.feed_rss",
        validator="newsgraph.validators.feed:check_rss",
        structured=False,
        collection=True,
        lossless=False,
    ),
    Format(
        "atom",
        "Atom 1.0 feed (reads any feed; writes one Atom feed of all the articles)",
        (".atom", ".atom.xml"),
        "application/atom+xml",
        reader="newsgraph.readers.feed:read",
        exporter="newsgraph.exporters.feed_atom",
        validator="newsgraph.validators.feed:check_atom",
        structured=False,
        collection=True,
        lossless=False,
    ),
)

_BY_NAME = {f.name: f for f in FORMATS}


def get(name: str) -> Format:
    try:
        return _BY_NAME[name]
    except KeyError:
        raise UsageError(f"unknown format {name!r}", f"choose one of: {', '.join(names())}") from None


def names() -> list[str]:
    return [f.name for f in FORMATS]


def is_feed(fmt: Format | None) -> bool:
    """Whether ``fmt`` is read by the feed reader (item by item, in batches)."""
    return fmt is not None and fmt.reader == "newsgraph.readers.feed:read"


def lossless_names() -> list[str]:
    """Formats that carry every field of the model: written, then read, the same Article."""
    return [f.name for f in FORMATS if f.writable and f.lossless]


def readable_names() -> list[str]:
    return [f.name for f in FORMATS if f.readable]


def writable_names() -> list[str]:
    return [f.name for f in FORMATS if f.writable]


def by_extension(path: str | PurePath) -> Format | None:
    """The format a file name announces, if it announces exactly one."""
    name = PurePath(path).name.lower()
    best: tuple[int, Format] | None = None
    for fmt in FORMATS:
        for ext in fmt.extensions:
            if name.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), fmt)
    return best[1] if best else None


# --- sniffing ----------------------------------------------------------------------

_XML_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(newsItem|newsMessage|nitf|NewsML)\b")
_ROOT_FORMAT = {b"newsItem": "newsml", b"newsMessage": "newsml", b"nitf": "nitf", b"NewsML": "newsml1"}
# The first element of an XML document (after the declaration, comments, PIs, DOCTYPE).
_FIRST_ELEMENT = re.compile(
    rb"^(?:\s|<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*"
    rb"<(?:([A-Za-z_][\w.-]*):)?([A-Za-z_][\w.-]*)",
    re.S,
)
_FEED_ROOTS = {b"rss": "rss", b"feed": "atom", b"RDF": "feed"}
_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)


def sniff(head: bytes) -> Format | None:
    """Guess a format from the first bytes of a document, or None when nothing fits."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        return None
    if stripped[:1] == b"<":
        root = _FIRST_ELEMENT.match(stripped)
        if root and root.group(2) in _FEED_ROOTS:
            return _BY_NAME.get(_FEED_ROOTS[root.group(2)])
        root = _XML_ROOT.search(_without_comments(head[:4096]))
        if root:
            return _BY_NAME.get(_ROOT_FORMAT[root.group(1)])
        if _HTML.match(stripped):
            return _BY_NAME.get("html")
        return None
    if stripped[:1] in (b"{", b"["):
        return _BY_NAME.get(_sniff_json(stripped))
    return _BY_NAME["text"]


def refine(fmt: Format, head: bytes) -> Format:
    """The format of a file whose extension several formats share, decided by its content:
    ".json" (newsgraph JSON, ninjs, JSON-LD) and ".xml" (NewsML-G2, NITF, NewsML 1.x, feeds)."""
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if fmt.name == "json" and stripped[:1] in (b"{", b"["):
        return sniff(head) or fmt
    if fmt.name == "newsml" and stripped[:1] == b"<":
        found = sniff(head)
        return found if found is not None and (found.name in ("nitf", "newsml1") or is_feed(found)) else fmt
    return fmt


def _without_comments(head: bytes) -> bytes:
    # A comment may name another root ("<!-- converted from NITF -->"); the element counts.
    return re.sub(rb"<!--.*?(?:-->|$)", b"", head, flags=re.S)


# Keys only ninjs items have (any version, any case), and only newsgraph's own JSON has.
_NINJS_KEYS = frozenset(
    {
        "uri",
        "guid",
        "versioncreated",
        "firstcreated",
        "headlines",
        "bodies",
        "body_html",
        "body_text",
        "body_xhtml",
        "pubstatus",
        "copyrightnotice",
        "located",
        "byline",
        "$standard",
        "standard",
        "descriptions",
        "renditions",
        "associations",
    }
)
_NATIVE_KEYS = frozenset({"actors", "places", "quotes", "events", "provenance", "kicker", "subheadline"})


def _sniff_json(data: bytes) -> str:
    # Only the keys near the top matter; a partial document is fine for that.
    text = data[:65536].decode("utf-8", "replace")
    if re.search(r'"version"\s*:\s*"https?:(?:\\?/){2}jsonfeed\.org', text):
        return "feed"
    if '"@context"' in text or '"@graph"' in text:
        return "jsonld"
    first: Any = None
    for candidate in (text, text.split("\n", 1)[0]):
        try:
            first = json.loads(candidate)
            break
        except (json.JSONDecodeError, RecursionError):  # deep nesting: judge by the keys
            continue
    if isinstance(first, list) and first:
        first = first[0]
    if isinstance(first, dict):
        if _is_envelope(first):
            return "ninjs"  # newsgraph's own JSON never wraps articles in an envelope
        keys = {k.lower() for k in _item_of(first)}
    else:
        keys = {k.lower() for k in re.findall(r'"([$A-Za-z_]+)"\s*:', text[:8192])}
    if "id" in keys and keys & _NATIVE_KEYS:
        return "json"
    # ninjs identifies items by "uri" (Superdesk's dialect by "guid"); our own JSON by "id".
    if ("uri" in keys or "guid" in keys) and (keys & _NINJS_KEYS - {"uri", "guid"} or "id" not in keys):
        return "ninjs"
    return "json"


def _holder(doc: dict[str, Any]) -> dict[str, Any]:
    data = doc.get("data")
    return data if isinstance(data, dict) else doc


def _is_envelope(doc: dict[str, Any]) -> bool:
    holder = _holder(doc)
    return (
        "id" not in holder
        and "uri" not in holder
        and any(
            isinstance(holder.get(k), list) or (k == "item" and isinstance(holder.get(k), dict))
            for k in ("item", "items", "results", "data")
        )
    )


def _item_of(doc: dict[str, Any]) -> dict[str, Any]:
    """The first item of an API envelope or feed wrapper ({"data": {"item"}}, {"item": [...]})."""
    holder = _holder(doc)
    for key in ("item", "items", "results", "data"):
        value = holder.get(key)
        if isinstance(value, list) and value and isinstance(value[0], dict):
            value = value[0]
        if isinstance(value, dict):
            inner = value.get("item")
            return inner if isinstance(inner, dict) else value
    return doc


def detect_format(data: bytes, name: str | None, declared: str | None = None) -> Format:
    """The format named by the caller, else by the file's extension, else by its content."""
    fmt: Format | None
    if declared:
        fmt = get(declared)
    else:
        fmt = (by_extension(name) if name else None) or sniff(data[:65536])
        if fmt is None:
            raise InputError(
                "cannot tell which format this is", f"name it with --from ({', '.join(readable_names())})", source=name
            )
        fmt = refine(fmt, data[:65536])  # ".json" and ".xml" are shared: the content decides
    if not fmt.readable:
        raise UsageError(f"newsgraph cannot read {fmt.name}", f"readable formats: {', '.join(readable_names())}")
    return fmt
