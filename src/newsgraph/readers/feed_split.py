"""A feed cut into items, one small feed document per item, without reading it all.

feedparser parses a whole document at once; a feed of 100,000 items would be held in
memory twice over. Here lxml's ``iterparse`` walks the feed, and each item (RSS
``<item>``, Atom ``<entry>``) is handed out as a document of its own: the root element
with its namespaces, the channel's or feed's own metadata (title, link, language...),
and that one item. Each is parsed by feedparser alone, so a bad item fails alone and
memory stays flat however long the feed is.

WordPress exports (WXR) hold attachments as items of their own; they are not articles.
An attachment a post names as its thumbnail (``_thumbnail_id``) is written into the
post's document as ``media:thumbnail`` (attachments listed after the post are not seen).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import BinaryIO, Iterator

from lxml import etree

from ..errors import InputError

RSS10 = "http://purl.org/rss/1.0/"
ATOM10 = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
WP_NAMESPACES = (
    "http://wordpress.org/export/1.0/",
    "http://wordpress.org/export/1.1/",
    "http://wordpress.org/export/1.2/",
)
MEDIA = "http://search.yahoo.com/mrss/"
_PLACE = "newsgraph-feed-item-goes-here"
_ITEMS = frozenset({"item", "entry"})
_ROOTS = frozenset({"rss", "RDF", "feed", "rdf"})
# WordPress post types that are no article: the site's furniture, revisions, files.
WXR_NOT_ARTICLES = frozenset(
    {
        "attachment",
        "nav_menu_item",
        "revision",
        "custom_css",
        "customize_changeset",
        "oembed_cache",
        "user_request",
        "wp_block",
        "wp_template",
        "wp_template_part",
        "wp_global_styles",
        "wp_navigation",
        "wp_font_family",
        "wp_font_face",
    }
)


@dataclass
class ItemDocument:
    """One item of a feed as a feed document of its own; ``number`` counts from 1."""

    number: int
    data: bytes


def _local(tag: object) -> str:
    return etree.QName(tag).localname if isinstance(tag, str) else ""


def _ns(tag: object) -> str | None:
    return etree.QName(tag).namespace if isinstance(tag, str) else None


class _Splitter:
    def __init__(self) -> None:
        self.root: etree._Element | None = None
        self.channel: etree._Element | None = None  # RSS 2.0 / 1.0 channel element
        self.header: list[bytes] = []  # the channel's or feed's own children, serialised
        self.attachments: dict[str, str] = {}  # WXR post id -> attachment URL
        self.number = 0

    def wrap(self, item: etree._Element) -> bytes:
        assert self.root is not None
        root = etree.Element(self.root.tag, attrib=dict(self.root.attrib), nsmap=self.root.nsmap)
        holder = root
        if self.channel is not None and _local(self.root.tag) != "RDF":
            holder = etree.SubElement(root, self.channel.tag, attrib=dict(self.channel.attrib))
        holder.text = _PLACE
        outer = etree.tostring(root, encoding="utf-8", xml_declaration=True)
        return outer.replace(_PLACE.encode("ascii"), b"".join(self.header) + etree.tostring(item), 1)

    def wxr(self, item: etree._Element) -> bool:
        """Whether a WordPress item is an article; attachments are remembered."""
        ns = next((n for n in WP_NAMESPACES if item.find(f"{{{n}}}post_type") is not None), None)
        if ns is None:
            return True
        kind = (item.findtext(f"{{{ns}}}post_type") or "").strip()
        if kind == "attachment":
            url = (item.findtext(f"{{{ns}}}attachment_url") or "").strip()
            post = (item.findtext(f"{{{ns}}}post_id") or "").strip()
            if url and post:
                self.attachments[post] = url
        if kind in WXR_NOT_ARTICLES:
            return False
        for meta in item.iterfind(f"{{{ns}}}postmeta"):
            if (meta.findtext(f"{{{ns}}}meta_key") or "").strip() == "_thumbnail_id":
                url = self.attachments.get((meta.findtext(f"{{{ns}}}meta_value") or "").strip())
                if url:
                    etree.SubElement(item, f"{{{MEDIA}}}thumbnail", url=url, nsmap={"media": MEDIA})
        return True


def split(stream: BinaryIO, source: str) -> Iterator[ItemDocument]:
    """Each item of the feed in ``stream`` as a document of its own, in feed order.

    Raises InputError when the feed is not well-formed XML (after the items before the
    fault) or is no RSS, RDF or Atom feed.
    """
    state = _Splitter()
    depth = 0
    parser = etree.iterparse(
        stream,
        events=("start", "end"),
        resolve_entities=False,
        no_network=True,
        huge_tree=True,
        remove_comments=True,
        remove_pis=True,
        load_dtd=False,
    )
    try:
        for event, el in parser:
            if event == "start":
                depth += 1
                if depth == 1:
                    if _local(el.tag) not in _ROOTS:
                        raise InputError(
                            f"the root element is <{_local(el.tag)}>, not a feed's",
                            "give an RSS, RDF or Atom feed",
                            source=source,
                        )
                    state.root = el
                elif depth == 2 and _local(el.tag) == "channel":
                    state.channel = el
                continue
            depth -= 1
            parent = el.getparent()
            if parent is None:
                continue
            name = _local(el.tag)
            rdf = _local(state.root.tag) == "RDF" if state.root is not None else False
            if name in _ITEMS and (parent is state.root or parent is state.channel):
                if state.wxr(el):
                    state.number += 1
                    yield ItemDocument(state.number, state.wrap(el))
                _forget(el)
            elif rdf and name == "channel" and parent is state.root:
                # RSS 1.0 lists every item in the channel again (items/rdf:Seq): not needed.
                for listing in el.findall(f"{{{RSS10}}}items") + el.findall("items"):
                    el.remove(listing)
                state.header.append(etree.tostring(el))
            elif parent is state.channel and not rdf or parent is state.root and state.channel is None:
                # WordPress lists the site's authors, categories and terms here: not per item.
                if _ns(el.tag) not in WP_NAMESPACES:
                    state.header.append(etree.tostring(el))
                _forget(el)
    except etree.XMLSyntaxError as err:
        raise InputError(
            f"the feed is not well-formed XML after item {state.number}: {err}",
            "fix the XML at the place named (an unescaped '&' or '<' is the usual cause)",
            source=source,
        ) from None
    except ValueError as err:  # a name or namespace lxml parsed but cannot write again
        raise InputError(
            f"the feed holds a broken element name after item {state.number}: {err}",
            "fix the element's name or namespace in the feed",
            source=source,
        ) from None


def _forget(el: etree._Element) -> None:
    """Free an element that has been handed out, and what came before it (flat memory)."""
    el.clear(keep_tail=False)
    parent = el.getparent()
    if parent is not None:
        while el.getprevious() is not None:
            del parent[0]
