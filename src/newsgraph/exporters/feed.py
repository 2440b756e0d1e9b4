"""What the Atom and RSS exports share: dates, names, ids, media types, streaming.

A feed of many articles is written as a stream (see :func:`stream`): the opening of the
feed, then one entry per article, each checked against the feed rules on its own as it
is written (:mod:`newsgraph.validators.feed`), then the closing. Memory stays flat for
any number of articles, and a bad article stops the export before anything is kept (the
CLI writes through a temp file).
"""

from __future__ import annotations

import hashlib
import mimetypes
import re
from array import array
from datetime import datetime, timezone
from email.utils import format_datetime
from typing import Callable, Iterable, Iterator
from urllib.parse import urlsplit

from lxml import etree

from ..errors import ExportError
from ..model import Article, Media

MEDIA_NS = "http://search.yahoo.com/mrss/"
DC_NS = "http://purl.org/dc/elements/1.1/"
CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
ATOM_NS = "http://www.w3.org/2005/Atom"
# A channel must link to a web site; when no article has a URL there is none to name, and
# a reserved name (RFC 2606) says so rather than inventing one.
NO_SITE = "https://newsgraph.invalid/"
FEED_TITLE = "Articles converted by newsgraph"
UNTITLED_WORDS = 12  # an entry without a headline is titled by its first words
_DECLARATIONS = re.compile(r'^(<[\w:]+)(?:\s+xmlns(?::\w+)?="[^"]*")+')
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_ABSOLUTE_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")
DEFAULT_MEDIA_TYPES = {"image": "image/jpeg", "video": "video/mp4", "audio": "audio/mpeg", "graphic": "image/png"}


def moment(iso: str) -> datetime:
    """An ISO date or date-time; a date is its midnight, a time without zone is UTC."""
    found = datetime.fromisoformat(iso.replace("Z", "+00:00")) if "T" in iso else datetime.fromisoformat(iso[:10])
    return found if found.tzinfo else found.replace(tzinfo=timezone.utc)


def rfc3339(iso: str) -> str:
    text = moment(iso).isoformat()
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def rfc822(iso: str) -> str:
    return format_datetime(moment(iso))


def opening(root: etree._Element, closing: str, tail: str) -> tuple[str, str]:
    """The text of a feed's document up to the element entries go in (``closing`` is that
    element's end tag), and what closes the document after the last entry."""
    text = etree.tostring(root, encoding="unicode")
    head, _, _ = text.rpartition(closing)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + head.rstrip() + "\n", tail


def now(article: Article | None = None) -> str:
    """The time of a feed or entry that states none: the article's newest date, else the Unix
    epoch or $SOURCE_DATE_EPOCH (as an undated NewsML-G2 item): the same input, the same bytes."""
    if article is not None and (article.modified or article.published):
        return article.modified or article.published or ""
    from .newsml import export_time  # SOURCE_DATE_EPOCH-aware, shared with newsMessage headers

    return export_time(None)


def is_url(value: str | None) -> bool:
    return bool(value and _URL.match(value))


def is_iri(value: str | None) -> bool:
    return bool(value and _ABSOLUTE_IRI.match(value))


def title(article: Article) -> str:
    if article.headline:
        return article.headline
    words = " ".join(p.text for p in article.body[:2]).split()
    if not words:
        return "(untitled)"
    return " ".join(words[:UNTITLED_WORDS]) + ("…" if len(words) > UNTITLED_WORDS else "")


def names(article: Article, ids: Iterable[str]) -> list[str]:
    by_id = {a.id: a.name for a in article.actors}
    return [by_id[i] for i in ids if i in by_id]


def author_names(article: Article) -> list[str]:
    return names(article, article.authors)


def publisher_name(article: Article) -> str | None:
    found = names(article, [article.publisher] if article.publisher else [])
    return found[0] if found else None


def media_type(medium: Media) -> str:
    guessed = mimetypes.guess_type(urlsplit(medium.url or "").path)[0]
    if guessed and guessed.split("/")[0] in ("image", "video", "audio"):
        return guessed
    return DEFAULT_MEDIA_TYPES[medium.kind]


def site(articles: Iterable[Article]) -> str:
    for article in articles:
        if article.url:
            parts = urlsplit(article.url)
            return f"{parts.scheme}://{parts.netloc}/"
    return NO_SITE


def media_content(parent: etree._Element, medium: Media) -> None:
    """A photo as Media RSS: its URL and type, its caption and credit."""
    el = etree.SubElement(
        parent,
        f"{{{MEDIA_NS}}}content",
        url=medium.url or "",
        type=media_type(medium),
        medium=medium.kind if medium.kind != "graphic" else "image",
    )
    if medium.caption:
        etree.SubElement(el, f"{{{MEDIA_NS}}}description").text = medium.caption
    if medium.credit:
        etree.SubElement(el, f"{{{MEDIA_NS}}}credit").text = medium.credit


def stream(
    articles: Iterable[Article],
    opening: Callable[[Article], tuple[str, str]],
    entry: Callable[[Article], etree._Element],
    check: Callable[[etree._Element], list[str]],
    pretty: bool,
    level: int,
) -> Iterator[str]:
    """The feed as chunks: opening, one entry per article (each checked), closing; entries
    are indented ``level`` steps (RSS items sit in the channel, Atom entries in the feed)."""
    iterator = iter(articles)
    first = next(iterator, None)
    if first is None:
        return
    head, tail = opening(first)
    yield head
    written = SeenIds()
    for article in _chain(first, iterator):
        # One id is one article (ids are minted from the guid, URL or text): a feed holds
        # each once, and Atom and RSS readers would merge repeats anyway.
        if not written.add(article.id):
            continue
        element = entry(article)
        problems = check(element)
        if problems:
            raise ExportError(
                f"the feed entry for {article.id} breaks the feed rules: {'; '.join(problems[:3])}",
                "this is a newsgraph bug: please report it with the input file",
            )
        if pretty:
            etree.indent(element, space="  ", level=level)
        # The feed's root declares the same namespaces: the entry need not repeat them.
        text = _DECLARATIONS.sub(r"\1", etree.tostring(element, encoding="unicode"), count=1)
        yield "  " * level + text + "\n"
    yield tail


class SeenIds:
    """The ids a feed has written, in about 20 bytes each where a set of strings takes some
    130 (12 MiB for 100,000 ids, a quarter of a whole conversion's footprint): their
    128-bit BLAKE2 digests (no two ids of any feed share one in practice) in an
    open-addressing table of two 64-bit words per slot that doubles when 80% full."""

    def __init__(self, slots: int = 1024) -> None:
        self._words = array("Q", [0]) * (2 * slots)
        self._slots = slots  # a power of two
        self._count = 0

    def __len__(self) -> int:
        return self._count

    def add(self, key: str) -> bool:
        """Remember ``key``; False when it was remembered already."""
        digest = hashlib.blake2b(key.encode("utf-8"), digest_size=16).digest()
        high, low = int.from_bytes(digest[:8], "big"), int.from_bytes(digest[8:], "big") or 1  # (0, 0) is free
        if not self._place(high, low):
            return False
        self._count += 1
        if 5 * self._count > 4 * self._slots:
            self._grow()
        return True

    def _place(self, high: int, low: int) -> bool:
        words, mask = self._words, self._slots - 1
        slot = high & mask
        while words[2 * slot + 1]:
            if words[2 * slot] == high and words[2 * slot + 1] == low:
                return False
            slot = (slot + 1) & mask
        words[2 * slot], words[2 * slot + 1] = high, low
        return True

    def _grow(self) -> None:
        old = self._words
        self._slots *= 2
        self._words = array("Q", [0]) * (2 * self._slots)
        for i in range(0, len(old), 2):
            if old[i + 1]:
                self._place(old[i], old[i + 1])


def _chain(first: Article, rest: Iterator[Article]) -> Iterator[Article]:
    yield first
    yield from rest


def xml_safe(article: Article) -> None:
    """ExportError when the article holds a character XML 1.0 cannot carry."""
    from ..model import FORBIDDEN_CHARACTERS

    for text in (article.headline or "", *(p.text for p in article.body)):
        bad = FORBIDDEN_CHARACTERS.search(text)
        if bad:
            raise ExportError(
                f"the article holds the character U+{ord(bad.group()):04X}, which XML 1.0 cannot carry",
                "remove control characters from the input and convert again",
            )
