"""Syndication feeds: RSS 2.0, RSS 1.0 (RDF), Atom 1.0 and 0.3, WordPress WXR, JSON Feed.

One article per item. feedparser reads each item (see :mod:`.feed_split` for how a feed
is cut into items without holding it in memory); this module maps what it found:

- title -> headline; link -> url; guid / id -> the article's id when it is a URI, else
  the key its id is minted from (else the link, the title, the text);
- ``content:encoded`` / ``atom:content`` / ``xhtml:body`` -> body, through the same HTML
  path as web pages (:func:`.html.fragment`: figures become media, ``<br><br>`` ends a
  paragraph); the summary (``description``) is then the standfirst, else the body;
- pubDate / published / ``dc:date`` -> published, updated -> modified, with time and zone
  (RFC 822 and ISO 8601; the original kept in provenance when it was not ISO);
- ``dc:creator`` / author -> authors; the channel's title -> publisher; language;
- categories -> topics (the category's domain or scheme as the topic's scheme);
- enclosures, ``media:content``, ``media:thumbnail`` (with ``media:credit``) -> media;
- rights / copyright -> rights.

An item with nothing to read (no title, link, id or text) is an error of that item alone.
"""

from __future__ import annotations

import io
import json
import re
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

from ..errors import InputError
from ..model import Actor, Article, Media, MediaKind, Paragraph, Rights, Topic, is_uri, mint_article_id, mint_id
from . import datestamps
from .base import ReadOptions, Sanitiser, apply_options, decode_text, provenance
from .feed_split import MEDIA, split
from .html import fragment

__all__ = ["read", "read_item", "items"]

_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_SPACE = re.compile(r"\s+")
# A tag as an HTML parser sees one: "a < b" is text (RSS writers escape a title that
# holds markup, see exporters.feed_rss.plain_text, and leave such text plain).
_TAGS = re.compile(r"<[A-Za-z/!?][^>]*>")
# What an excerpt is compared by: letters and digits (see _excerpt), without the mark of a cut.
_SQUASH = re.compile(r"[\W_]+")
_ELLIPSIS = re.compile(r"(?:\.\.\.|…|\[(?:\.\.\.|…)\])\s*$")
_ATOM_SUMMARY_TYPE = re.compile(rb"<(?:[\w.-]+:)?summary\b[^>]*?\btype\s*=\s*[\"']([a-z]+)", re.I)
_SHORTCODE = re.compile(r"\[/?[a-z_][a-z0-9_-]*(?:\s[^\]]*)?\]")
_CAPTION_SHORTCODE = re.compile(r"\[caption\b[^\]]*\](.*?)\[/caption\]", re.S)
_IMG = re.compile(r"<img\b[^>]*>", re.I)
_HTML_TYPES = ("text/html", "application/xhtml+xml", "html", "xhtml")
_MEDIA_KINDS: dict[str, MediaKind] = {"image": "image", "video": "video", "audio": "audio"}
# Only the text of item HTML is kept (scripts and the like never become text, see
# html.fragment) and relative links are resolved against the item's URL there: feedparser's
# own sanitiser and link rewriting would only cost time (seconds on deeply nested markup).
_FEEDPARSER = {"sanitize_html": False, "resolve_relative_uris": False}
JSON_FEED_VERSION = re.compile(r"^https?://jsonfeed\.org/version/")


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    """Every item of a feed, in order; a bad item stops here (batches read item by item)."""
    if not data.strip():
        raise InputError("the file is empty", "give an RSS, Atom or JSON feed", source=options.source)
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        yield from _json_feed(data, options)
        return
    documents = items(data, options.source)
    count = 0
    while True:
        try:
            item = next(documents, None)
        except InputError as err:
            if count or "root element" in err.what:
                raise
            # Not well-formed XML (an HTML entity, a stray '&'): feedparser's lenient
            # parser reads what a feed reader would show; the whole feed is in memory then.
            yield from _lenient(data, options)
            return
        if item is None:
            if not count:
                raise InputError(
                    "the feed holds no item", "give a feed with at least one item or entry", source=options.source
                )
            return
        count += 1
        yield read_item(item.data, options, item.number)


def _lenient(data: bytes, options: ReadOptions) -> Iterator[Article]:

    parsed = _parse(data, options.source)
    if not parsed.entries:
        reason = parsed.get("bozo_exception") or "no item or entry"
        raise InputError(
            f"this is no feed newsgraph can read: {reason}",
            "give a well-formed RSS, RDF or Atom feed",
            source=options.source,
        )
    note = f"the feed is not well-formed XML ({parsed.get('bozo_exception')}): read leniently"
    for number, entry in enumerate(parsed.entries, 1):
        item = _Item(entry, parsed.feed, options, data, number, parsed.get("version", ""))
        item.lenient = True
        item.notes.append(note)
        yield item.article()


def items(data: bytes, source: str) -> Iterator[Any]:
    """The feed's items as small feed documents (see :func:`.feed_split.split`)."""
    return split(io.BytesIO(data), source)


def read_item(data: bytes, options: ReadOptions, number: int = 1) -> Article:
    """One item, given as a feed document holding that item alone."""

    parsed = _parse(data, options.source)
    if not parsed.entries:
        raise InputError(
            f"the item could not be read: {parsed.get('bozo_exception', 'no item')}",
            "check the feed's XML around that item",
            source=_item_source(options.source, number),
        )
    return _Item(parsed.entries[0], parsed.feed, options, data, number, parsed.get("version", "")).article()


class _Item:
    def __init__(
        self, entry: Any, channel: Any, options: ReadOptions, data: bytes, number: int, version: str = ""
    ) -> None:
        self.version = version  # feedparser's: "rss20", "atom10", ...
        self.sanitiser = Sanitiser()
        # Characters no format can carry (a broken feed's &#0;) become spaces, and are noted.
        self.entry, self.channel = self.sanitiser.document(entry), self.sanitiser.document(channel)
        self.options, self.number = options, number
        self.data = data
        self.lenient = False  # data is the whole feed, not this item's document
        self.actors: list[Actor] = []
        self.notes: list[str] = []
        self.byline: str | None = None  # an author field as written, when it needed cleaning

    def article(self) -> Article:
        e = self.entry
        # A relative link (some CMSs write "/news/1") is relative to the channel's site.
        site = _url(self.channel.get("link"))
        url = (
            _url(e.get("link"))
            or _url(e.get("id"))
            or (_url(urljoin(site, str(e.get("link")))) if site and e.get("link") else None)
        )
        headline = _text(e.get("title"), e.get("title_detail"))
        body, standfirst, media = self.body(url)
        key = e.get("id") or url or headline or "\n\n".join(p.text for p in body)
        if not key:
            raise InputError(
                "the item has no title, link, id or text",
                "give every item at least a title or a link",
                source=_item_source(self.options.source, self.number),
            )
        base = self.options.id_base
        guid = _clean(e.get("id"))
        # A guid or Atom id that is a URI is the article's id (newsgraph's own feeds give back
        # the ids they were written with); anything else names it through a minted id.
        article = Article(
            id=guid if guid and "#" not in guid and is_uri(guid) else mint_article_id(str(key), base),
            headline=headline or None,
            subheadline=standfirst,
            authors=self.authors(),
            byline=self.byline,
            publisher=self.publisher(),
            url=url,
            language=self.language(),
            published=self.date("published", "created", "updated"),
            modified=self.date("updated")
            if dict.get(e, "published") and dict.get(e, "updated") not in (None, dict.get(e, "published"))
            else None,
            body=body,
            media=media + self.media(),
            topics=self.topics(),
            rights=self.rights(),
            actors=self.actors,
            provenance=provenance(
                self.data, "feed", self.options.source, notes=self.notes + [n for n in [self.sanitiser.note()] if n]
            ),
        )
        if article.modified and article.published and article.modified <= article.published:
            article = article.model_copy(update={"modified": None})
        return apply_options(article, self.options)

    def body(self, url: str | None) -> tuple[list[Paragraph], str | None, list[Media]]:
        e = self.entry
        base = url or _url(self.channel.get("link"))
        contents = [c for c in e.get("content") or [] if c.get("value")]
        content = next((c for c in contents if c.get("type") in _HTML_TYPES), contents[0] if contents else None)
        summary = e.get("summary") or ""
        detail = self.summary_detail(summary)
        if content is None:
            paragraphs, media = self.html(summary, detail, base)
            return paragraphs, None, media
        paragraphs, media = self.html(content["value"], content, base)
        # feedparser copies an Atom entry's content into its summary when it has none
        standfirst = _text(summary, detail) if summary != content["value"] else ""
        if _excerpt(standfirst, paragraphs):
            standfirst = ""
        return paragraphs, standfirst or None, media

    def html(self, value: str, detail: Any, base: str | None) -> tuple[list[Paragraph], list[Media]]:
        kind = (detail or {}).get("type") or "text/html"
        if self.entry.get("wp_post_type"):  # WordPress shortcodes: a [caption] is a figure, others no text
            value = _SHORTCODE.sub("", _CAPTION_SHORTCODE.sub(_figure, value))
        if kind in _HTML_TYPES:
            return fragment(value, base, self.sanitiser)
        paragraphs = []
        offset = 0
        for block in re.split(r"\n\s*\n", value):
            text = self.sanitiser.text(_SPACE.sub(" ", block).strip())
            if text:
                paragraphs.append(Paragraph(text=text, offset=offset))
                offset += len(text) + 2
        return paragraphs, []

    def summary_detail(self, summary: str) -> dict[str, Any]:
        """The summary's type. feedparser lets a later ``media:description`` overwrite an
        item's summary_detail (not its summary): such a detail says nothing of the summary,
        whose type is then the format's (an RSS description is HTML, an Atom summary is text
        unless its type attribute says otherwise)."""
        detail = self.entry.get("summary_detail") or {}
        if detail.get("value") == summary:
            return dict(detail)
        if not self.version.startswith("atom"):
            return {"type": "text/html"}
        typed = _ATOM_SUMMARY_TYPE.search(self.data)
        return {"type": "text/html" if typed and typed.group(1) in (b"html", b"xhtml") else "text/plain"}

    def date(self, *keys: str) -> str | None:
        for key in keys:
            raw = dict.get(self.entry, key)  # not feedparser's fallback from updated to published
            if not raw:
                continue
            found = datestamps.parse(raw)
            if found is None and dict.get(self.entry, f"{key}_parsed"):
                found = _from_struct(dict.get(self.entry, f"{key}_parsed"))
            if found:
                if not datestamps.is_iso(raw) and datestamps.parse_rfc822(raw) is None:
                    self.notes.append(f"{key} date as written: {raw}")
                return found
        gmt = self.entry.get("wp_post_date_gmt")  # WordPress drafts have no pubDate
        if gmt and "published" in keys and not gmt.startswith("0000"):
            try:
                return datestamps.shift(gmt, 0)
            except ValueError:  # not a WordPress date: no date rather than a failed item
                self.notes.append(f"ignored wp:post_date_gmt {gmt!r}: not a date")
        return None

    def authors(self) -> list[str]:
        from ..lexicon.bylines import author_field, split_names

        ids: list[str] = []
        names = [a.get("name") or "" for a in self.entry.get("authors") or [] if isinstance(a, dict)]
        for raw in names or ([self.entry["author"]] if self.entry.get("author") else []):
            # "futurezone/KN", "_Jane Doe": the people of a field a CMS filled its own way
            field = author_field(_clean(raw))
            people = field.people if "@" not in raw else []
            if field.cleaned and self.byline is None:
                self.byline = _clean(raw)
            found = [split_names(p) for p in people]
            for name in [n for f, p in zip(found, people) for n in (f.names if f else [p])]:
                aid = mint_id("person", name, self.options.id_base)
                if aid not in ids:
                    ids.append(aid)
                    self.actors.append(Actor(id=aid, kind="person", name=name))
        return ids

    def publisher(self) -> str | None:
        if self.options.publisher:
            return None
        name = _publisher_name(
            _text(self.channel.get("title"), self.channel.get("title_detail")),
            _clean(self.channel.get("author") or ""),
            _url(self.channel.get("link")),
        )
        if not name:
            return None
        oid = mint_id("organization", name, self.options.id_base)
        self.actors.append(Actor(id=oid, kind="organization", name=name))
        return oid

    def language(self) -> str | None:
        for detail in (
            self.entry.get("title_detail"),
            *(self.entry.get("content") or []),
            self.entry.get("summary_detail"),
        ):
            lang = (detail or {}).get("language")
            if lang and _LANG.match(lang):
                return lang
        lang = self.channel.get("language") or ""
        return lang if _LANG.match(lang) else None

    def topics(self) -> list[Topic]:
        topics: list[Topic] = []
        for tag in self.entry.get("tags") or []:
            term, label = _clean(tag.get("term")), _clean(tag.get("label"))
            if not term and not label:
                continue
            topic = Topic(
                name=label or term,
                code=term if label and label != term else None,
                scheme=_clean(tag.get("scheme")) or None,
            )
            if topic not in topics:
                topics.append(topic)
        return topics

    def media(self) -> list[Media]:
        e = self.entry
        credits = [_clean(c.get("content")) for c in e.get("media_credit") or [] if isinstance(c, dict)]
        credit = next((c for c in credits if c), None)
        # feedparser keeps no media:description when the item has a description of its own
        described = _media_descriptions(self.data) if not self.lenient else {}
        found: list[Media] = []
        seen: set[str] = set()
        # (from the links: feedparser's "enclosures" is computed, and a sanitised copy is a plain dict)
        candidates = [
            (m.get("href"), m.get("type"))
            for m in e.get("links") or []
            if isinstance(m, dict) and m.get("rel") == "enclosure"
        ]
        candidates += [(m.get("url"), m.get("type") or m.get("medium")) for m in e.get("media_content") or []]
        candidates += [(m.get("url"), "image") for m in e.get("media_thumbnail") or []]
        for href, kind in candidates:
            url = _url(href)
            if not url or url in seen:
                continue
            seen.add(url)
            caption, own_credit = (self.sanitiser.text(t) if t else None for t in described.get(url, (None, None)))
            found.append(
                Media(
                    kind=_MEDIA_KINDS.get(str(kind or "image").split("/")[0], "image"),
                    url=url,
                    caption=caption,
                    credit=own_credit or credit,
                )
            )
        return found

    def rights(self) -> Rights | None:
        notice = _clean(self.entry.get("rights") or self.channel.get("rights") or "")
        return Rights(notice=notice) if notice else None


def _media_descriptions(data: bytes) -> dict[str, tuple[str | None, str | None]]:
    """Media RSS in an item's document: URL -> (media:description, media:credit)."""
    from lxml import etree

    try:
        root = etree.fromstring(
            data, etree.XMLParser(resolve_entities=False, no_network=True, recover=True, huge_tree=True)
        )
    except etree.XMLSyntaxError:
        return {}
    found: dict[str, tuple[str | None, str | None]] = {}
    if root is None:
        return found
    for el in root.iter(f"{{{MEDIA}}}content", f"{{{MEDIA}}}thumbnail"):
        scope = el.getparent() if el.tag == f"{{{MEDIA}}}thumbnail" else el
        group = el.getparent() if el.getparent() is not None and el.getparent().tag == f"{{{MEDIA}}}group" else None
        texts = []
        for name in ("description", "credit"):
            value = scope.findtext(f"{{{MEDIA}}}{name}") if scope is not None else None
            if not value and group is not None:
                value = group.findtext(f"{{{MEDIA}}}{name}")
            texts.append(_clean(value) or None)
        url = _url(el.get("url"))
        if url and (texts[0] or texts[1]):
            found.setdefault(url, (texts[0], texts[1]))
    return found


def _figure(match: re.Match[str]) -> str:
    """WordPress's [caption]<img ...> text[/caption] as the figure it stands for."""
    inner = match.group(1)
    images = "".join(_IMG.findall(inner))
    return f"<figure>{images}<figcaption>{_IMG.sub('', inner)}</figcaption></figure>"


def _parse(data: bytes, source: str) -> Any:
    import feedparser

    try:
        return feedparser.parse(data, **_FEEDPARSER)
    except (UnicodeError, LookupError, ValueError, TypeError) as err:  # broken bytes, unknown encodings
        raise InputError(
            f"the feed cannot be decoded: {err}",
            "save the feed in UTF-8 and check its XML declaration's encoding",
            source=source,
        ) from None


def _item_source(source: str, number: int) -> str:
    """'feed.xml#item-7': how messages name an item (a batch job names it already)."""
    return source if "#item-" in source else f"{source}#item-{number}"


_TITLE_PARTS = re.compile(r"\s+[-|>:»–—]\s+|:\s+")


def _publisher_name(title: str, author: str, link: str | None) -> str:
    """The publisher a channel names: its title without the section it is the feed of
    ("Technology", "BBC News - Technology" -> BBC News); for a feed of a section alone, the
    feed's author (JSON Feed's "NPR"), else its site's domain, else nobody."""
    from ..lexicon.outlets import is_section_name, lookup

    parts = [p for p in _TITLE_PARTS.split(title) if p.strip()]
    kept = [p.strip() for p in parts if not is_section_name(p)]
    if kept:
        return title if len(kept) == len(parts) else kept[0]
    if author and "@" not in author:
        return author
    host = re.sub(r"^www\.", "", urlsplit(link).hostname or "") if link else ""
    outlet = lookup(host) if host else None
    return outlet.name if outlet else host


def _text(value: Any, detail: Any = None) -> str:
    """A title or summary as plain text (feedparser gives HTML ones as HTML)."""
    text = str(value or "")
    if (detail or {}).get("type") in _HTML_TYPES:
        import html as htmllib

        text = htmllib.unescape(_TAGS.sub(" ", text))
    return _clean(text)


def _excerpt(summary: str, body: list[Paragraph]) -> bool:
    """Whether a summary says nothing the body does not: empty, or the body's own words cut
    short. Compared letters and digits only, because publishers make such excerpts by
    stripping the content's tags, which glues the words of one element to the next
    ("50%360 x 640") and leaves entities double-escaped ("&nbsp;")."""
    import html as htmllib

    squashed = _SQUASH.sub("", htmllib.unescape(_ELLIPSIS.sub("", summary))).casefold()
    if not squashed:
        return True
    return squashed in _SQUASH.sub("", " ".join(p.text for p in body)).casefold()


def _clean(value: Any) -> str:
    return _SPACE.sub(" ", str(value or "")).strip()


def _url(value: Any) -> str | None:
    text = _clean(value)
    return text if _URL.match(text) else None


def _from_struct(value: Any) -> str | None:
    import calendar
    from datetime import datetime, timezone

    try:
        return datetime.fromtimestamp(calendar.timegm(value), timezone.utc).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


# --- JSON Feed (jsonfeed.org 1.0 / 1.1) -------------------------------------------------


def _json_feed(data: bytes, options: ReadOptions) -> Iterator[Article]:
    try:
        doc = json.loads(decode_text(data, options.source))
    except json.JSONDecodeError as err:
        raise InputError(
            f"not valid JSON: {err.msg} at line {err.lineno}", "fix the JSON", source=options.source
        ) from None
    if not isinstance(doc, dict) or not JSON_FEED_VERSION.match(str(doc.get("version") or "")):
        raise InputError(
            "this JSON is no JSON Feed (no jsonfeed.org version)",
            "give an RSS, Atom or JSON Feed document",
            source=options.source,
        )
    items = doc.get("items")
    if not isinstance(items, list) or not items:
        raise InputError("the JSON Feed holds no items", 'give a feed with an "items" list', source=options.source)
    for number, item in enumerate(items, 1):
        if not isinstance(item, dict):
            raise InputError("the item is not an object", "fix the feed", source=_item_source(options.source, number))
        try:
            atom = _json_item_as_atom(doc, item)
        except ValueError as err:  # a control character lxml refuses
            raise InputError(
                f"the item cannot be read: {err}", "fix the feed", source=_item_source(options.source, number)
            ) from None
        yield read_item(atom, options, number)


def _listed(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _json_item_as_atom(doc: dict, item: dict) -> bytes:
    """A JSON Feed item as a one-entry Atom document: one mapping serves both."""
    from lxml import etree

    atom = "http://www.w3.org/2005/Atom"
    feed = etree.Element(f"{{{atom}}}feed", nsmap={None: atom, "media": "http://search.yahoo.com/mrss/"})
    if doc.get("language"):
        feed.set("{http://www.w3.org/XML/1998/namespace}lang", str(doc["language"]))
    etree.SubElement(feed, f"{{{atom}}}title").text = str(doc.get("title") or "")
    if isinstance(doc.get("author"), dict) and doc["author"].get("name"):  # the publisher, often
        etree.SubElement(etree.SubElement(feed, f"{{{atom}}}author"), f"{{{atom}}}name").text = str(
            doc["author"]["name"]
        )
    if doc.get("home_page_url"):
        etree.SubElement(feed, f"{{{atom}}}link", rel="alternate", href=str(doc["home_page_url"]))
    entry = etree.SubElement(feed, f"{{{atom}}}entry")
    for key, tag in (
        ("id", "id"),
        ("title", "title"),
        ("date_published", "published"),
        ("date_modified", "updated"),
        ("summary", "summary"),
    ):
        if item.get(key):
            etree.SubElement(entry, f"{{{atom}}}{tag}").text = str(item[key])
    if item.get("url"):
        etree.SubElement(entry, f"{{{atom}}}link", rel="alternate", href=str(item["url"]))
    authors = _listed(item.get("authors")) or ([item["author"]] if isinstance(item.get("author"), dict) else [])
    for author in authors:
        if isinstance(author, dict) and author.get("name"):
            etree.SubElement(etree.SubElement(entry, f"{{{atom}}}author"), f"{{{atom}}}name").text = str(author["name"])
    for tag in _listed(item.get("tags")):
        etree.SubElement(entry, f"{{{atom}}}category", term=str(tag))
    if item.get("content_html") or item.get("content_text"):
        html = bool(item.get("content_html"))
        etree.SubElement(entry, f"{{{atom}}}content", type="html" if html else "text").text = str(
            item.get("content_html") or item.get("content_text")
        )
    for key in ("image", "banner_image"):
        if item.get(key):
            etree.SubElement(entry, "{http://search.yahoo.com/mrss/}thumbnail", url=str(item[key]))
    for att in _listed(item.get("attachments")):
        if isinstance(att, dict) and att.get("url"):
            etree.SubElement(
                entry, f"{{{atom}}}link", rel="enclosure", href=str(att["url"]), type=str(att.get("mime_type") or "")
            )
    return etree.tostring(feed, encoding="utf-8", xml_declaration=True)
