"""RSS 2.0: one channel, one item per article.

Item: ``title`` the headline (else the first words), ``link`` the URL, ``guid`` the
article's id (``isPermaLink="false"``: it is stable, the URL may change),
``description`` the standfirst (else the first paragraph), ``content:encoded`` the body
as HTML with the quote and entity markup the ninjs body uses, ``pubDate`` (RFC 822),
``dc:creator`` per author (RSS ``author`` must be an e-mail address), ``category`` per
topic (domain: its scheme), one ``enclosure`` (the first medium with a URL: RSS allows
one) and Media RSS ``media:content`` (caption, credit) per medium with a URL, and
``dc:rights``. The channel links to the articles' site.

Plain text and HTML: RSS 2.0 never said whether a title is text or HTML, and readers
guess (feedparser reads a title as HTML when it holds an entity or an end tag). A title
that an HTML reading would change (it holds markup or a character reference) is written
as escaped HTML, which either reading shows as the same text; any other title stays
plain, so that "AT&T" shows as AT&T in readers that take titles as text (the RSS
Advisory Board's profile). A ``description`` is HTML (the specification says so): its
text is always escaped.
"""

from __future__ import annotations

import html
import re
from typing import Iterable, Iterator

from lxml import etree

from ..model import Article
from ..feed_rules import rss_item_problems
from .. import html_body
from . import feed
from .base import ExportOptions

__all__ = ["render", "render_many", "item", "plain_text"]

VALIDATE_CHUNKS = False  # chunks are parts of one document: each item is checked as written
_DC = f"{{{feed.DC_NS}}}"
_NSMAP = {"content": feed.CONTENT_NS, "dc": feed.DC_NS, "media": feed.MEDIA_NS, "atom": feed.ATOM_NS}
_MARKUP = re.compile(r"<[A-Za-z/!?]")  # what an HTML parser takes for a tag, comment or declaration


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    return "".join(render_many([article], options))


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    return feed.stream(articles, _opening, item, rss_item_problems, options.pretty, level=2)


def _opening(first: Article) -> tuple[str, str]:
    root = etree.Element("rss", version="2.0", nsmap=_NSMAP)
    channel = etree.SubElement(root, "channel")
    publisher = feed.publisher_name(first)
    etree.SubElement(channel, "title").text = plain_text(publisher or feed.FEED_TITLE)
    etree.SubElement(channel, "link").text = feed.site([first])
    about = f"Articles from {publisher}" if publisher else feed.FEED_TITLE
    etree.SubElement(channel, "description").text = html.escape(about, quote=False)
    if first.language:
        etree.SubElement(channel, "language").text = first.language
    etree.SubElement(channel, "lastBuildDate").text = feed.rfc822(feed.now(first))
    etree.SubElement(channel, "generator").text = "newsgraph"
    etree.SubElement(channel, "docs").text = "https://www.rssboard.org/rss-specification"
    etree.indent(root, space="  ")
    return feed.opening(root, "</channel>", "  </channel>\n</rss>\n")


def plain_text(text: str) -> str:
    """A title as RSS readers show it whether they take it as text or as HTML (see above)."""
    if _MARKUP.search(text) or html.unescape(text) != text:
        return html.escape(text, quote=False)
    return text


def item(article: Article) -> etree._Element:
    feed.xml_safe(article)
    el = etree.Element("item", nsmap=_NSMAP)
    etree.SubElement(el, "title").text = plain_text(feed.title(article))
    if feed.is_url(article.url):
        etree.SubElement(el, "link").text = article.url
    etree.SubElement(el, "guid", isPermaLink="false").text = article.id
    description = article.subheadline or (article.body[0].text if article.body else None)
    if description:
        etree.SubElement(el, "description").text = html.escape(description, quote=False)
    if article.body:
        etree.SubElement(el, f"{{{feed.CONTENT_NS}}}encoded").text = html_body.render(article)
    if article.published:
        etree.SubElement(el, "pubDate").text = feed.rfc822(article.published)
    for name in feed.author_names(article):
        etree.SubElement(el, f"{_DC}creator").text = name
    for topic in article.topics:
        if topic.name or topic.code:
            cat = etree.SubElement(el, "category")
            cat.text = topic.name or topic.code
            if topic.scheme:
                cat.set("domain", topic.scheme)
    with_url = [m for m in article.media if feed.is_url(m.url)]
    if with_url:
        etree.SubElement(el, "enclosure", url=with_url[0].url or "", length="0", type=feed.media_type(with_url[0]))
    for medium in with_url:
        feed.media_content(el, medium)
    if article.rights and (article.rights.notice or article.rights.holder):
        etree.SubElement(el, f"{_DC}rights").text = article.rights.notice or f"© {article.rights.holder}"
    return el
