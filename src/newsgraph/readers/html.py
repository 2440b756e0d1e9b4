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
from collections import Counter
from copy import deepcopy
from functools import lru_cache
from typing import Any, Iterator
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml import etree
from lxml.html import HtmlElement

from ..errors import InputError
from ..html_body import NEVER_TEXT
from .. import html_body
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
# trafilatura's output elements: containers of blocks, and the blocks themselves.
_CONTAINERS = frozenset({"quote", "list", "table", "div", "body", "cell"})
_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "table", "row", "cell", "quote", "div", "graphic", "code", "lb"})


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    import trafilatura  # imported here: not every command needs it
    from trafilatura.settings import Document

    if not data.strip():
        raise InputError("the file is empty", "give a saved web page with an article in it", source=options.source)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InputError(
            "this looks like a binary file, not a web page",
            "give the page as saved by a browser (File > Save Page As)",
            source=options.source,
        )
    tree = trafilatura.load_html(data)
    if tree is None:
        raise InputError(
            "this is not an HTML page newsgraph can parse",
            "give the page as saved by a browser (File > Save Page As)",
            source=options.source,
        )
    elements = sum(1 for _ in tree.iter())
    if elements > MAX_ELEMENTS:
        raise InputError(
            f"the page has {elements:,} elements, more than the {MAX_ELEMENTS:,} newsgraph reads in one page",
            "save the article's own page, not an archive or a listing; or give its text as a .txt file",
            source=options.source,
        )
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
        tree,
        url=options.url,
        with_metadata=True,
        include_comments=False,
        include_images=True,
        include_tables=True,
        config=_config(),
        date_extraction_params={"extensive_search": False},
    )
    # A Document, or None when it finds nothing (a dict only if asked with as_dict=True).
    body = _blocks(doc.body) if isinstance(doc, Document) and doc.body is not None else []
    # trafilatura falls back to any text on the page; an article has at least one sentence.
    if not isinstance(doc, Document) or not any(_is_sentence(p.text) for p in body):
        raise InputError(
            "no article text was found in this page",
            "check that the page holds the article itself, not a list of links or a "
            "login wall; save the page after it has fully loaded",
            source=options.source,
        )
    body, captions = _captions_out(body, page)
    url = _first_url(options.url, doc.url, _canonical(page))
    published, modified = _metadata_dates(page, url)
    base = options.id_base
    actors: list[Actor] = []
    authors = _authors(doc.author, base, actors, _copyright_holder(page))
    publisher = None
    if doc.sitename and not options.publisher:
        publisher = _org(doc.sitename, base, actors)
    article = Article(
        id=mint_article_id(url or "\n\n".join(p.text for p in body), base),
        headline=headline(doc.title, page, [doc.sitename, options.publisher], url),
        subheadline=_standfirst(doc.description, body),
        authors=authors,
        publisher=publisher,
        url=url,
        language=_language(page) or detect_language(body),
        published=published,
        modified=modified if modified and modified != published else None,
        body=body,
        media=_with_captions(_media(page, doc, url), captions, url),
        topics=_topics(doc),
        actors=actors,
        provenance=provenance(data, "html", options.source, notes=[n for n in [sanitiser.note()] if n]),
    )
    yield apply_options(article, options)


# Scripts written without spaces between words (Chinese, Japanese; Korean has spaces but
# short words): a sentence is counted in characters there.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_MIN_SENTENCE_CHARS = 20


def _is_sentence(text: str) -> bool:
    return len(text.split()) >= _MIN_SENTENCE_WORDS or len(_UNSPACED.findall(text)) >= _MIN_SENTENCE_CHARS


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "MAX_TREE_SIZE", str(_MAX_TREE))
    return config


# --- body ----------------------------------------------------------------------------


def _clean(text: str | None) -> str:
    return _SPACE.sub(" ", text or "").strip()


def _text(el: etree._Element) -> str:
    """A block's text; a line break (trafilatura's <lb/>) is a space, never glue ("FL<lb/>June")."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if node.tag in ("lb", "br"):
            parts.append(" ")
        elif isinstance(node.tag, str) and node.text:
            parts.append(node.text)
        for child in node:
            walk(child)
            if child.tail:
                parts.append(child.tail)

    walk(el)
    return _clean("".join(parts))


def _holds_blocks(cell: etree._Element) -> bool:
    """Whether a table cell holds paragraphs or headings, not just a datum."""
    return any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS and c.tag != "lb" for c in cell)


def _blocks(root: etree._Element) -> list[Paragraph]:
    """The article's blocks in page order, with roles and offsets into the extracted text."""
    pieces: list[tuple[str, ParagraphRole]] = []

    def visit(el: etree._Element, inherited: ParagraphRole | None) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag == "graphic":
            return
        if tag == "row" and any(_holds_blocks(c) for c in el):
            for cell in el:  # a layout table: the article's blocks sit in its cells
                visit(cell, inherited)
            return
        if tag == "row":
            cells = [_text(c) for c in el]
            pieces.append((" | ".join(c for c in cells if c), inherited or "body"))
            return
        role: ParagraphRole | None = "blockquote" if tag == "quote" else inherited
        if tag in _CONTAINERS and any(isinstance(c.tag, str) and c.tag in _BLOCK_TAGS for c in el):
            # Text trafilatura keeps between blocks (after a heading or an image, outside any
            # <p>) is a paragraph of its own, never dropped.
            if el.text and el.text.strip():
                pieces.append((_clean(el.text), role or "body"))
            for child in el:
                visit(child, role)
                if child.tail and child.tail.strip():
                    pieces.append((_clean(child.tail), role or "body"))
            return
        pieces.append((_text(el), role or _ROLES.get(tag, "body")))

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

# Separators between a headline and the site's name: "Headline | ZDNet", "Headline - TechCrunch".
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»|·|/)\s+|\s*[|–—»·]\s*")
_TITLE_META = ("og:title", "twitter:title")
_WORDS = re.compile(r"\w+")


def headline(found: str | None, page: HtmlElement, site_names: list[str | None], url: str | None = None) -> str | None:
    """The article's headline: trafilatura's title, unless it is none of the page's titles
    (then the page's og:title or <title>), without the site's name around it, or the
    page's <h1> when that is the same headline written out in full.

    A site name is stripped when it is og:site_name, the publisher, the site's domain, or
    what the page's titles add to each other ("Headline" in og:title, "Headline | Site"
    in <title>).
    """
    titles = [_clean(t) for t in (*_meta(page, _TITLE_META), *page.xpath("//title/text()")) if _clean(t)]
    h1s = [_clean(h.text_content()) for h in page.iter("h1") if _clean(h.text_content())]
    names = {
        _key(n)
        for n in (*site_names, *_meta(page, ("og:site_name", "application-name")), _domain(url or _own_links(page)))
        if n
    }
    text = _clean(found)
    keys = {_key(t) for t in titles}
    if titles and (not text or not any(_key(text) in k or (k and k in _key(text)) for k in keys)):
        text = titles[0]  # trafilatura took a line of the page (a logo, a link) for the title
    text = _strip_site(text, names, {_key(t) for t in titles})
    fuller = next((h for h in h1s if _covers(h, text)), None)
    return fuller or text or None


def _covers(h1: str, text: str) -> bool:
    """Whether an <h1> is ``text`` written out in full ('Michael Anastassiades' for 'Anastassiades')."""
    words, h1_words = _WORDS.findall(text.casefold()), set(_WORDS.findall(h1.casefold()))
    if not words or _key(h1) == _key(text) or len(h1) > 2 * len(text):
        return False
    return sum(w in h1_words for w in words) >= 0.8 * len(words) and len(h1_words) >= len(set(words))


def _own_links(page: HtmlElement) -> str | None:
    """The site a saved page comes from, when it does not say: where most of its links go."""
    hosts = Counter(
        urlsplit(str(h)).netloc.lower()
        for h in page.xpath("//a/@href")[:2000]
        if str(h).startswith(("http://", "https://"))
    )
    host = hosts.most_common(1)[0][0] if hosts else ""
    return f"http://{host}/" if host else None


def _domain(url: str | None) -> str | None:
    """'theguardian' for https://www.theguardian.com/...: how sites name themselves in titles."""
    if not url:
        return None
    host = urlsplit(url).netloc.lower().split(":")[0]
    labels = [x for x in host.split(".") if x and not re.match(r"^www\d?$", x)]
    return labels[0] if len(labels) >= 2 else None


def _strip_site(text: str, names: set[str], titles: set[str]) -> str:
    for _ in range(3):  # "Headline | Section | Site"
        parts = _SEPARATOR.split(text)
        if len(parts) < 2:
            return text
        matches = list(_SEPARATOR.finditer(text))
        head, tail = text[: matches[-1].start()].strip(), text[matches[-1].end() :].strip()
        first, rest = text[: matches[0].start()].strip(), text[matches[0].end() :].strip()
        if _is_site(tail, names) or (_key(head) in titles and _key(text) not in titles):
            text = head
        elif _is_site(first, names) or (_key(rest) in titles and _key(text) not in titles):
            text = rest
        else:
            return text
    return text


def _is_site(part: str, names: set[str]) -> bool:
    key = _key(part)
    if not key:
        return False
    return any(key == n or (len(n) >= 4 and (n in key or key in n) and len(key) <= 2 * len(n) + 8) for n in names)


def _key(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def _meta(page: HtmlElement, names: tuple[str, ...]) -> list[str]:
    found = []
    for name in names:
        found += [str(v) for v in page.xpath(f'//meta[@property="{name}" or @name="{name}"]/@content')]
    return found


# py3langid's confidence, normalised to 0..1, below which a page's language is left unset.
LANGUAGE_CONFIDENCE = 0.9
_MIN_LANGUAGE_CHARS = 200


def detect_language(body: list[Paragraph]) -> str | None:
    """The language of a page that does not state it, from its article text."""
    text = " ".join(p.text for p in body)[:20000]
    if len(text) < _MIN_LANGUAGE_CHARS:
        return None
    lang, confidence = _identifier().classify(text)
    return str(lang) if confidence >= LANGUAGE_CONFIDENCE else None


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


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
        "<html><head>"
        + "".join(etree.tostring(el, encoding="unicode", with_tail=False) for el in tags)
        + "</head><body></body></html>"
    )
    dates = []
    # A date in the URL is the publication date; the modification date is in the tags.
    for original, where in ((True, url), (False, None)):
        try:
            dates.append(find_date(meta, extensive_search=False, original_date=original, url=where))
        except (ValueError, TypeError):  # a malformed date in a tag is no date
            dates.append(None)
    published, modified = dates
    stated_published, stated_modified = _stated_dates(page)
    # A date-time the page states keeps its time and zone; htmldate gives the day only.
    published = stated_published or published
    modified = stated_modified or modified
    if modified and published and modified[:10] < published[:10]:
        modified = None
    return published, modified


# Where pages state their dates, most trusted first (Open Graph, schema.org microdata,
# the meta names of the common CMSs).
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "datePublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "date",
    "article.published",
)
MODIFIED_META = (
    "article:modified_time",
    "og:updated_time",
    "dateModified",
    "lastmod",
    "dcterms.modified",
    "article.updated",
)


def _stated_dates(page: HtmlElement) -> tuple[str | None, str | None]:
    """Publication and modification date-times as the page's meta tags and JSON-LD state them."""
    from . import datestamps

    values: dict[str, str] = {}
    for meta in page.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            values.setdefault(key, content)
    for el in page.xpath('//*[@itemprop="datePublished" or @itemprop="dateModified"][@datetime]'):
        values.setdefault(el.get("itemprop").lower(), el.get("datetime"))
    for key, value in _jsonld_dates(page):
        values.setdefault(key.lower(), value)

    def first(keys: tuple[str, ...]) -> str | None:
        for key in keys:
            found = datestamps.parse(values.get(key.lower()))
            if found:
                return found
        return None

    return first(PUBLISHED_META), first(MODIFIED_META)


def _jsonld_dates(page: HtmlElement) -> Iterator[tuple[str, str]]:
    import json

    for script in page.xpath('//script[@type="application/ld+json"]'):
        try:
            doc = json.loads(script.text or "", strict=False)
        except (ValueError, RecursionError):
            continue
        pending = [doc]
        while pending:
            node = pending.pop(0)
            if isinstance(node, list):
                pending.extend(node)
            elif isinstance(node, dict):
                for key in ("datePublished", "dateModified"):
                    if isinstance(node.get(key), str):
                        yield key, node[key]
                pending.extend(v for k, v in node.items() if k == "@graph" and isinstance(v, list))


def _copyright_holder(page: HtmlElement) -> str:
    """The page's stated copyright ('Copyright (c) Condé Nast 2019'), to tell its
    publisher from its authors: a page may give the company as its author too."""
    return " ".join(page.xpath('string(//meta[@name="copyright"]/@content)').split())


def _authors(author: str | None, base: str, actors: list[Actor], holder: str = "") -> list[str]:
    from ..lexicon.bylines import split_names

    ids: list[str] = []
    names: list[str] = []
    for piece in (author or "").split(";"):
        found = split_names(piece)
        if not found:
            continue
        for name in found.names:
            if name in holder or any(_one_name(name, seen) for seen in names):
                continue  # the copyright holder; "Troy L Smith" after "Troy Smith"
            names.append(name)
            aid = mint_id("person", name, base)
            if aid not in ids:
                ids.append(aid)
                titles = [found.titles[name]] if name in found.titles else []
                actors.append(Actor(id=aid, kind="person", name=name, titles=titles))
    return ids


def _one_name(a: str, b: str) -> bool:
    """'Troy L Smith' and 'Troy Smith': one name with and without a middle initial."""

    def words(name: str) -> list[str]:
        return [w.strip(".").casefold() for w in name.split() if len(w.strip(".")) > 1]

    return words(a) == words(b)


def _org(name: str, base: str, actors: list[Actor]) -> str:
    from ..lexicon.outlets import resolve

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
    from ..lexicon.credits import is_photo_credit, split_caption

    img = next(iter(figure.iter("img")), None)
    src = (img.get("src") or img.get("data-src")) if img is not None else None
    caption_el = next(iter(figure.iter("figcaption")), None)
    caption = _clean("".join(caption_el.itertext())) if caption_el is not None else None
    credit = None
    credit_el = next(
        (
            e
            for e in figure.iter()
            if isinstance(e.tag, str) and re.search(r"credit|copyright|byline|source", e.get("class") or "", re.I)
        ),
        None,
    )
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


def fragment(
    html: str, base: str | None = None, sanitiser: Sanitiser | None = None
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
    (sanitiser if sanitiser is not None else Sanitiser()).tree(root)
    media = [figure_medium(f, base) for f in root.iter("figure")]
    media += [
        Media(url=_absolute(img.get("src"), base), caption=_clean(img.get("alt")) or None)
        for img in root.iter("img")
        if not any(a.tag == "figure" for a in img.iterancestors())
        and _absolute(img.get("src"), base)
        and not _is_pixel(img)
    ]
    markup = html_body.parse(etree.tostring(root, encoding="unicode"), sanitiser=sanitiser)
    paragraphs: list[Paragraph] = []
    offset = 0
    for p in markup.paragraphs:
        paragraphs.append(Paragraph(text=p.text, offset=offset, role=p.role))
        offset += len(p.text) + 2
    return paragraphs, [m for m in media if m.url or m.caption]


# Photo captions as pages mark them: <figcaption>, a caption inside a figure, WordPress's
# caption text, or an element of class "caption" beside an image.
_CAPTIONS = '//figcaption | //*[contains(@class, "caption")][not(.//p[3])]'
_MIN_CAPTION_CHARS = 16
_MAX_CAPTION_CHARS = 600  # a longer "caption" element is a wrapper, not a caption


def _captions_out(body: list[Paragraph], page: HtmlElement) -> tuple[list[Paragraph], list[tuple[str, str | None]]]:
    """The body without the photo captions trafilatura kept as paragraphs, and those captions
    (with the image beside each) for media."""
    captions: dict[str, str | None] = {}
    for el in page.xpath(_CAPTIONS):
        text = _clean(el.text_content())
        if len(text) >= _MIN_CAPTION_CHARS and (el.tag == "figcaption" or len(text) <= _MAX_CAPTION_CHARS):
            holder = next((a for a in el.iterancestors() if a.tag == "figure"), el.getparent())
            img = next(iter(holder.iter("img")), None) if holder is not None else None
            captions.setdefault(text, (img.get("src") or img.get("data-src")) if img is not None else None)
    if not captions:
        return body, []
    kept: list[Paragraph] = []
    moved: list[tuple[str, str | None]] = []
    keys = {c: _key(c) for c in captions}  # white space differs: "S.C.Former" in one, "S.C. Former"
    for p in body:
        key = _key(p.text)
        found = next(
            (c for c, k in keys.items() if key == k or (len(p.text) > 2 * _MIN_CAPTION_CHARS and key in k)), None
        )
        if found is not None and p.role in ("body", "list_item"):
            moved.append((p.text, captions[found]))
            continue
        kept.append(p)
    if not moved:
        return body, []
    offset = 0
    for i, p in enumerate(kept):
        kept[i] = p.model_copy(update={"offset": offset})
        offset += len(p.text) + 2
    return kept, moved


def _with_captions(media: list[Media], captions: list[tuple[str, str | None]], base: str | None) -> list[Media]:
    from ..lexicon.credits import split_caption

    known = {m.caption for m in media} | {f"{m.caption} {m.credit}" for m in media}
    for text, src in captions:
        if text in known or any(m.caption and m.caption in text for m in media):
            continue
        split = split_caption(text)
        caption, credit = split if split else (text, None)
        media.append(Media(url=_absolute(src, base), caption=caption, credit=credit))
    return media


def _is_pixel(img: etree._Element) -> bool:
    """A tracking pixel (1x1 or hidden), not a photo."""
    return img.get("width") in ("0", "1") or img.get("height") in ("0", "1")


def _absolute(src: str | None, base: str | None) -> str | None:
    if not src:
        return None
    full = urljoin(base, src) if base else src
    return full if _URL.match(full) else None
