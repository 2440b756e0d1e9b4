"""Saved web pages: the article found by trafilatura, with what the page's metadata states.

trafilatura finds the article's blocks (paragraphs, headings, quotes, list items) and
reads the title, authors, site name, URL, description and tags. This reader turns them
into an Article and leaves the rest to the extraction passes (``html`` is not a
structured format), which remove what furniture is left and find the byline, captions
and credits in the text.

Offsets: a page has no plain text to point into, so ``Paragraph.offset`` is the
position in the article text *as extracted*: the blocks in page order, joined by a blank
line ("\\n\\n"), the first block at 0. The headline is not part of that text.

Dates come from metadata only (meta tags, JSON-LD, the URL): never from the page's
text, where a copyright footer or a "related stories" date would be taken for the
publication date.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache
from typing import Any, Iterator
from urllib.parse import urljoin

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from ..errors import InputError
from ..exporters import html_body
from ..exporters.html_body import NEVER_TEXT
from ..model import Actor, Article, Media, Paragraph, ParagraphRole, mint_article_id, mint_id
from .base import ReadOptions, Sanitiser, apply_options, provenance

_LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_SPACE = re.compile(r"\s+")
_ROLES: dict[str, ParagraphRole] = {"p": "body", "head": "subheading", "item": "list_item", "row": "body"}
# Enough for any article page; a bigger tree is refused by trafilatura rather than parsed.
_MAX_TREE = 500_000
# Elements of a page newsgraph reads at all. Article pages have a few thousand; trafilatura's
# work grows faster than the page (200,000 paragraphs took minutes), so a page far beyond any
# article is refused up front rather than left to run for hours.
MAX_ELEMENTS = 50_000
_MIN_SENTENCE_WORDS = 8


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    import trafilatura  # imported here: not every command needs it

    if not data.strip():
        raise InputError("the file is empty", "give a saved web page with an article in it",
                         source=options.source)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError("this looks like a binary file, not a web page",
                         "give the page as saved by a browser (File > Save Page As)", source=options.source)
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError("this is not an HTML page newsgraph can parse",
                         "give the page as saved by a browser (File > Save Page As)", source=options.source)
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise InputError(f"the page has {elements:,} elements, more than the {MAX_ELEMENTS:,} newsgraph "
                         "reads in one page", "save the article's own page, not an archive or a "
                         "listing; or give its text as a .txt file", source=options.source)
    # libxml2 keeps &#1; or &#xFFFE; as characters that lxml then refuses to set again,
    # which would make trafilatura drop the whole page: they become spaces first.
    sanitiser = Sanitiser()
    sanitiser.tree(tree)
    page = deepcopy(tree)  # trafilatura prunes the tree it is given
    # Fallback content of iframes, objects, video, noscript... is no article text, and
    # trafilatura keeps some of it. (Scripts stay: trafilatura reads JSON-LD metadata from
    # them and never takes their text. Their tails are the page's text and stay too.)
    etree.strip_elements(tree, *(NEVER_TEXT - {"script"}), with_tail=False)
    doc = trafilatura.bare_extraction(
        tree, url=options.url, with_metadata=True, include_comments=False, include_images=True,
        include_tables=True, config=_config(), date_extraction_params={"extensive_search": False},
    )
    body = _blocks(doc.body) if doc is not None and doc.body is not None else []
    # trafilatura falls back to any text on the page; an article has at least one sentence.
    if not any(len(p.text.split()) >= _MIN_SENTENCE_WORDS for p in body):
        raise InputError("no article text was found in this page",
                         "check that the page holds the article itself, not a list of links or a "
                         "login wall; save the page after it has fully loaded", source=options.source)
    url = _first_url(options.url, doc.url, _canonical(page))
    published, modified = _metadata_dates(page, url)
    base = options.id_base
    actors: list[Actor] = []
    authors = _authors(doc.author, base, actors)
    publisher = None
    if doc.sitename and not options.publisher:
        publisher = _org(doc.sitename, base, actors)
    article = Article(
        id=mint_article_id(url or "\n\n".join(p.text for p in body), base),
        headline=_clean(doc.title) or None,
        subheadline=_standfirst(doc.description, body),
        authors=authors,
        publisher=publisher,
        url=url,
        language=_language(page),
        published=published,
        modified=modified if modified and modified != published else None,
        body=body,
        media=_media(page, doc, url),
        topics=_topics(doc),
        actors=actors,
        provenance=provenance(data, "html", options.source,
                              notes=[n for n in [sanitiser.note()] if n]),
    )
    yield apply_options(article, options)


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE))
    return config


# --- body ----------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _blocks(root: etree._Element) -> list[Paragraph]:
    """The article's blocks in page order, with roles and offsets into the extracted text."""
    pieces: list[tuple[str, ParagraphRole]] = []

    def visit(el: etree._Element, inherited: ParagraphRole | None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("quote",):
            for child in el:
                visit(child, "blockquote")
            if not len(el):
                pieces.append((_clean("".join(el.itertext())), "blockquote"))
            return
        if tag in ("list", "table", "div", "body", "cell") and len(el):
            for child in el:
                visit(child, inherited)
            return
        if tag == "graphic":
            return
        if tag == "row":
            cells = [_clean("".join(c.itertext())) for c in el]
            pieces.append((" | ".join(c for c in cells if c), inherited or "body"))
            return
        role = inherited or _ROLES.get(tag, "body")
        pieces.append((_clean("".join(el.itertext())), role))

    visit(root, None)
    paragraphs: list[Paragraph] = []
    offset = 0
    for text, role in pieces:
        if not text:
            continue
        paragraphs.append(Paragraph(text=text, offset=offset, role=role))
        offset += len(text) + 2  # the blank line between blocks
    return paragraphs


# --- metadata -------------------------------------------------------------------------


def _first_url(*candidates: str | None) -> str | None:
    return next((c for c in candidates if c and _URL.match(c)), None)


def _canonical(page: HtmlElement) -> str | None:
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = page.xpath(xpath)
        if found:
            return str(found[0]).strip()
    return None


def _language(page: HtmlElement) -> str | None:
    lang = (page.get("lang") or page.get("{http://www.w3.org/XML/1998/namespace}lang") or "").strip()
    return lang if _LANG.match(lang) else None


def _metadata_dates(page: HtmlElement, url: str | None) -> tuple[str | None, str | None]:
    """Publication and modification dates from meta tags, JSON-LD and the URL only."""
    from htmldate import find_date

    tags = page.xpath('//meta | //script[@type="application/ld+json"]')
    # No title and no body: nothing that is the page's text can be read as a date.
    meta = lxml.html.document_fromstring(
        "<html><head>" + "".join(etree.tostring(el, encoding="unicode", with_tail=False) for el in tags)
        + "</head><body></body></html>")
    dates = []
    # A date in the URL is the publication date; the modification date is in the tags.
    for original, where in ((True, url), (False, None)):
        try:
            dates.append(find_date(meta, extensive_search=False, original_date=original, url=where))
        except (ValueError, TypeError):  # a malformed date in a tag is no date
            dates.append(None)
    published, modified = dates
    if modified and published and modified < published:
        modified = None
    return published, modified


def _authors(author: str | None, base: str, actors: list[Actor]) -> list[str]:
    from ..extract.byline import split_names

    ids: list[str] = []
    for piece in (author or "").split(";"):
        found = split_names(piece)
        if not found:
            continue
        for name in found.names:
            aid = mint_id("person", name, base)
            if aid not in ids:
                ids.append(aid)
                titles = [found.titles[name]] if name in found.titles else []
                actors.append(Actor(id=aid, kind="person", name=name, titles=titles))
    return ids


def _org(name: str, base: str, actors: list[Actor]) -> str:
    from ..extract.outlets import resolve

    outlet = resolve(name)
    canonical = outlet.name if outlet else _clean(name)
    oid = mint_id("organization", canonical, base)
    if not any(a.id == oid for a in actors):
        aliases = [name] if name != canonical else []
        actors.append(Actor(id=oid, kind="organization", name=canonical, aliases=aliases))
    return oid


def _standfirst(description: str | None, body: list[Paragraph]) -> str | None:
    """The page's description, when it is a standfirst and not the lede cut short."""
    text = _clean(description)
    if not text or len(text.split()) < 4:
        return None
    lede = body[0].text if body else ""
    stem = text.rstrip(".… ").removesuffix("...")
    if stem and (lede.startswith(stem) or stem in lede):
        return None
    return text


def _topics(doc: Any) -> list[str]:
    topics: list[str] = []
    for value in (*(doc.categories or []), *(doc.tags or [])):
        for t in str(value).split(","):
            t = _clean(t)
            if t and t not in topics:
                topics.append(t)
    return topics


def _media(page: HtmlElement, doc: Any, url: str | None) -> list[Media]:
    """Photos of the article: its figures with captions and credits, else its lead image."""
    shown = {g.get("src") for g in doc.body.iter("graphic")} if doc.body is not None else set()
    scope = page.xpath("//article") or [page]
    media: list[Media] = []
    for figure in scope[0].iter("figure"):
        img = next(iter(figure.iter("img")), None)
        src = (img.get("src") or img.get("data-src")) if img is not None else None
        if shown and src not in shown and scope[0] is page:
            continue
        media.append(figure_medium(figure, url))
    if not media and doc.image:
        media.append(Media(url=_absolute(doc.image, url)))
    return media


def figure_medium(figure: etree._Element, base: str | None) -> Media:
    """A ``<figure>`` as a photo: its image, its caption and the credit inside either."""
    from ..extract.credits import is_photo_credit, split_caption

    img = next(iter(figure.iter("img")), None)
    src = (img.get("src") or img.get("data-src")) if img is not None else None
    caption_el = next(iter(figure.iter("figcaption")), None)
    caption = _clean("".join(caption_el.itertext())) if caption_el is not None else None
    credit = None
    credit_el = next((e for e in figure.iter() if isinstance(e.tag, str)
                      and re.search(r"credit|copyright|byline|source", e.get("class") or "", re.I)), None)
    if credit_el is not None:
        credit = _clean("".join(credit_el.itertext())) or None
        if caption and credit and caption.endswith(credit):
            caption = caption[: -len(credit)].rstrip() or None
    elif caption:
        split = split_caption(caption)
        if split:
            caption, credit = split
        elif is_photo_credit(caption):
            caption, credit = None, caption
    if not caption and img is not None:
        caption = _clean(img.get("alt")) or None
    return Media(url=_absolute(src, base), caption=caption, credit=credit)


# --- HTML fragments (feed items' content, descriptions) ---------------------------------

_DOUBLE_BR = re.compile(r"(?:<br\s*/?>\s*){2,}", re.I)


def fragment(html: str, base: str | None = None, sanitiser: Sanitiser | None = None
             ) -> tuple[list[Paragraph], list[Media]]:
    """An article's HTML (a feed item's content) as paragraphs, and its figures as media.

    The whole fragment is the article: no boilerplate to find, so no trafilatura. Two or
    more ``<br>`` in a row end a paragraph (feeds separate paragraphs so); one is a space.
    Figures go to media with their captions and credits, never into the text.
    """
    if not html or not html.strip():
        return [], []
    try:
        root = lxml.html.fragment_fromstring(_DOUBLE_BR.sub("</p><p>", html), create_parent="div")
    except (etree.ParserError, ValueError):
        return [], []
    media = [figure_medium(f, base) for f in root.iter("figure")]
    media += [Media(url=_absolute(img.get("src"), base), caption=_clean(img.get("alt")) or None)
              for img in root.iter("img") if not any(a.tag == "figure" for a in img.iterancestors())
              and _absolute(img.get("src"), base) and not _is_pixel(img)]
    markup = html_body.parse(etree.tostring(root, encoding="unicode"), sanitiser=sanitiser)
    paragraphs: list[Paragraph] = []
    offset = 0
    for p in markup.paragraphs:
        paragraphs.append(Paragraph(text=p.text, offset=offset, role=p.role))
        offset += len(p.text) + 2
    return paragraphs, [m for m in media if m.url or m.caption]


def _is_pixel(img: etree._Element) -> bool:
    """A tracking pixel (1x1 or hidden), not a photo."""
    return img.get("width") in ("0", "1") or img.get("height") in ("0", "1")


def _absolute(src: str | None, base: str | None) -> str | None:
    if not src:
        return None
    full = urljoin(base, src) if base else src
    return full if _URL.match(full) else None
