"""Atom 1.0 (RFC 4287): one feed, one entry per article.

Entry: ``id`` the article's id (a URN or URL: stable across runs), ``title`` the
headline (else the first words), ``updated`` the modification date (else publication,
else the export time), ``published``, one ``author`` per author (else the publisher),
``link rel="alternate"`` the URL, ``summary`` the standfirst, ``content type="html"`` the
body with the quote and entity markup the ninjs body uses, ``category`` per topic (term
the code or name, label the name, scheme when it is an IRI), ``link rel="enclosure"`` and
Media RSS ``media:content`` (caption, credit) per medium with a URL, ``rights``.
"""

from __future__ import annotations

from typing import Iterable, Iterator

from lxml import etree

from ..model import Article
from ..feed_rules import atom_entry_problems
from .. import html_body
from . import feed
from .base import ExportOptions

__all__ = ["render", "render_many", "entry"]

VALIDATE_CHUNKS = False  # chunks are parts of one document: each entry is checked as written
_A = f"{{{feed.ATOM_NS}}}"
_NSMAP = {None: feed.ATOM_NS, "media": feed.MEDIA_NS}


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    return "".join(render_many([article], options))


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    return feed.stream(articles, _opening, entry, atom_entry_problems, options.pretty, level=1)


def _opening(first: Article) -> tuple[str, str]:
    root = etree.Element(f"{_A}feed", nsmap=_NSMAP)
    publisher = feed.publisher_name(first)
    etree.SubElement(root, f"{_A}id").text = (
        f"{feed.site([first])}#newsgraph-feed" if first.url else "urn:newsgraph:feed"
    )
    etree.SubElement(root, f"{_A}title").text = publisher or feed.FEED_TITLE
    etree.SubElement(root, f"{_A}updated").text = feed.rfc3339(feed.now(first))
    # Entries without an author of their own take the feed's (RFC 4287 4.1.1).
    etree.SubElement(etree.SubElement(root, f"{_A}author"), f"{_A}name").text = publisher or "newsgraph"
    etree.SubElement(root, f"{_A}link", rel="alternate", href=feed.site([first]))
    etree.SubElement(root, f"{_A}generator", uri="https://github.com/newsgraph").text = "newsgraph"
    root.text = "\n  "
    etree.indent(root, space="  ")
    return feed.opening(root, "</feed>", "</feed>\n")


def entry(article: Article) -> etree._Element:
    feed.xml_safe(article)
    el = etree.Element(f"{_A}entry", nsmap=_NSMAP)
    etree.SubElement(el, f"{_A}id").text = article.id
    etree.SubElement(el, f"{_A}title").text = feed.title(article)
    updated = article.modified or article.published
    etree.SubElement(el, f"{_A}updated").text = feed.rfc3339(updated or feed.now())
    if article.published:
        etree.SubElement(el, f"{_A}published").text = feed.rfc3339(article.published)
    publisher = feed.publisher_name(article)
    for name in feed.author_names(article) or ([publisher] if publisher else []):
        etree.SubElement(etree.SubElement(el, f"{_A}author"), f"{_A}name").text = name
    if feed.is_url(article.url):
        etree.SubElement(el, f"{_A}link", rel="alternate", type="text/html", href=article.url or "")
    if article.subheadline:
        etree.SubElement(el, f"{_A}summary").text = article.subheadline
    if article.body or not feed.is_url(article.url):
        # An entry needs content or an alternate link (RFC 4287 4.1.1.2): without either, empty content.
        etree.SubElement(el, f"{_A}content", type="html").text = html_body.render(article)
    for topic in article.topics:
        term = topic.code or topic.name
        if not term:
            continue
        cat = etree.SubElement(el, f"{_A}category", term=term)
        if topic.name and topic.name != term:
            cat.set("label", topic.name)
        if feed.is_iri(topic.scheme):
            cat.set("scheme", topic.scheme or "")
    for medium in article.media:
        if feed.is_url(medium.url):
            etree.SubElement(el, f"{_A}link", rel="enclosure", href=medium.url or "", type=feed.media_type(medium))
    for medium in article.media:
        if feed.is_url(medium.url):
            feed.media_content(el, medium)
    if article.rights and (article.rights.notice or article.rights.holder):
        etree.SubElement(el, f"{_A}rights").text = article.rights.notice or f"© {article.rights.holder}"
    return el
