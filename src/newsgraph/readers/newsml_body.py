"""The body of a NewsML-G2 item: NITF or XHTML in ``inlineXML`` -> paragraphs and marks.

Paragraphs are the innermost text blocks (``p``, ``hl2``, ``li``, ``h1``-``h6``, ...), in
document order; their role comes from the block (``hl2`` is a subheading, ``li`` a list
item) or the block around it (``bq``/``blockquote``, ``note``). Inline ``person``,
``org``, ``location``, ``event`` and ``q`` elements become marks with their offsets (see
:mod:`newsgraph.inline`). Whitespace is kept exactly under ``xml:space="preserve"`` (what
newsgraph writes); elsewhere it is collapsed as a browser would, offsets following.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from lxml import etree

import lxml.html

from ..inline import Mark, flatten, join_fragments
from ..model import Paragraph
from ..newsml_terms import ENTITY_TAGS, NITF, XHTML, XML_SPACE, ng
from ..xmlsafe import local_name, namespace
from .plaintext import paragraphs as plain_paragraphs

_TEXT_BLOCKS = frozenset({"p", "hl1", "hl2", "li", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "dt", "dd"})
_ROLE_OF_BLOCK = {
    "hl1": "subheading",
    "hl2": "subheading",
    "h1": "subheading",
    "h2": "subheading",
    "h3": "subheading",
    "h4": "subheading",
    "h5": "subheading",
    "h6": "subheading",
    "li": "list_item",
    "dt": "list_item",
    "dd": "list_item",
}
_ROLE_OF_CONTAINER = {"bq": "blockquote", "blockquote": "blockquote", "note": "note"}
# Not body text: the NITF head and an XHTML <header> (dpa's headline and sub-headline inside
# the body) repeat the item's metadata; tables and media are not prose.
_SKIPPED = frozenset(
    {"body.head", "head", "header", "body.end", "media", "table", "nitf-table", "script", "style", "fn", "title"}
)

# Root elements of the text vocabularies read here, whatever namespace they are in (an
# XHTML <html> without xmlns inherits the NewsML-G2 default namespace; NITF comes with
# and without its own).
TEXT_ROOTS = frozenset({"nitf", "html", "body", "body.content", "block", "div", "section", "article", "p", "xhtml"})
_WIRE_LINES = 3  # a <p> holding this many lines of wire copy or table rows is not one paragraph
_COLUMNS = re.compile(r"\S {2,}\S")  # columns aligned with spaces: a table row

QUOTE = "quote"
ENTITY = "entity"


@dataclass
class BodyParagraph:
    text: str
    role: str
    offset: int | None
    marks: list[Mark] = field(default_factory=list)


def paragraphs(content: etree._Element) -> list[BodyParagraph]:
    """The paragraphs of a NITF or XHTML document (or fragment), with their marks."""
    result: list[BodyParagraph] = []
    keys = itertools.count(-1, -1)  # unsplit marks get unique keys, so they never merge
    _walk(content, "body", _preserves_space(content), result, keys)
    return result


def readable(content: etree._Element) -> bool:
    """Whether ``content`` is NITF, XHTML or HTML, which :func:`body_paragraphs` reads."""
    return namespace(content) in (NITF, XHTML) or local_name(content) in TEXT_ROOTS


def body_paragraphs(content: etree._Element) -> list[BodyParagraph]:
    """:func:`paragraphs`, or the element's text as plain paragraphs when it holds text
    outside any paragraph element (``<body>Text</body>``): text is never dropped."""
    found = paragraphs(content)
    if found:
        return found
    return text_paragraphs("\n".join(_loose_text(content)))


def sports_paragraphs(content: etree._Element) -> tuple[list[BodyParagraph], str | None]:
    """SportsML's ``sports-content``: the text of the articles it carries (NITF or XHTML
    inside ``article``, with or without a namespace), or, when it carries none, what it
    holds instead (its statistics, schedules, standings), for the error."""
    found: list[BodyParagraph] = []
    for article in content.iter():
        if isinstance(article.tag, str) and local_name(article) == "article":
            if not any(local_name(a) == "article" for a in article.iterancestors() if a is not content):
                found += body_paragraphs(article)
    if found:
        return found, None
    held = list(dict.fromkeys(local_name(el) for el in content if isinstance(el.tag, str)))
    return [], f"<{local_name(content)}> with {', '.join(held) or 'nothing'}"


def _loose_text(content: etree._Element) -> list[str]:
    return [
        t
        for el in content.iter()
        if local_name(el) not in _SKIPPED
        for t in (el.text if isinstance(el.tag, str) else None, el.tail)
        if t and t.strip()
    ]


def text_paragraphs(text: str) -> list[BodyParagraph]:
    """Plain text (``inlineData``, text in the content element) as body paragraphs."""
    return [BodyParagraph(p.text, "body", None) for p in plain_paragraphs(text)]


def html_paragraphs(markup: str) -> list[BodyParagraph]:
    """An HTML fragment (``inlineData`` of type text/html, ninjs ``body_html``) as paragraphs."""
    if not markup.strip():
        return []
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div")
    except (etree.ParserError, ValueError):
        return text_paragraphs(markup)
    return body_paragraphs(root)


def _walk(element: etree._Element, role: str, preserve: bool, out: list[BodyParagraph], keys: itertools.count) -> None:
    for child in element:
        name = local_name(child)
        if not name or name in _SKIPPED:
            continue
        space = child.get(XML_SPACE)
        keep = preserve if space is None else space == "preserve"
        if name in _TEXT_BLOCKS and not _has_text_block(child):
            if name == "pre" and not keep and not len(child):
                # Preformatted (line-ups, tables): each line is a row of its own.
                out.extend(
                    BodyParagraph(line.rstrip(), role, None) for line in (child.text or "").splitlines() if line.strip()
                )
                continue
            wire = None if keep or len(child) else _wire_copy(child.text or "")
            if wire:
                out.extend(BodyParagraph(p.text, role, None) for p in wire)
            else:
                out.append(_paragraph(child, _ROLE_OF_BLOCK.get(name, role), keep, keys))
        else:
            _walk(child, _ROLE_OF_CONTAINER.get(name, role), keep, out, keys)


def _wire_copy(text: str) -> list[Paragraph] | None:
    """A whole wire story or table in one block (Reuters sends them in a single <p>): its
    paragraphs as the wire's indentation, hard wraps and rows give them; None for an
    ordinary block, however a pretty-printer broke its lines."""
    lines = [line.rstrip() for line in text.splitlines()[1:] if line.strip()]
    if len(lines) < _WIRE_LINES:
        return None
    if sum(1 for line in lines if _COLUMNS.search(line.strip())) >= _WIRE_LINES:
        return [Paragraph(text=line.strip()) for line in text.splitlines() if line.strip()]
    indents = {len(line) - len(line.lstrip()) for line in lines}
    if 0 not in indents or len(indents) < 2:  # every line indented alike: pretty-printed markup
        return None
    found = [" ".join(p.text.split()) for p in plain_paragraphs(text)]
    return [Paragraph(text=t) for t in found if t] if len(found) > 1 else None


def _has_text_block(element: etree._Element) -> bool:
    return any(local_name(d) in _TEXT_BLOCKS for d in element.iterdescendants())


def _paragraph(block: etree._Element, role: str, preserve: bool, keys: itertools.count) -> BodyParagraph:
    def mark_of(el: etree._Element) -> tuple[str, str | None, int] | None:
        name = local_name(el)
        if name == "q":
            kind, ref = QUOTE, el.get(ng("quote"))
        elif name in ENTITY_TAGS:
            # The tag stays in the kind: a foreign mark without a known id is typed by it.
            kind, ref = f"{ENTITY}:{name}", el.get("location-code" if name == "location" else "value")
        else:
            return None
        part = el.get(ng("part"))
        key = int(part) if part is not None and part.isdigit() else next(keys)
        return kind, ref, key

    if len(block):
        text, marks = flatten(block, mark_of)
        marks = list(join_fragments(marks))
    else:
        text, marks = block.text or "", []
    if not preserve:
        text, marks = collapse_whitespace(text, marks)
    offset = block.get(ng("offset"))
    return BodyParagraph(text, role, int(offset) if offset is not None and offset.isdigit() else None, marks)


def _preserves_space(element: etree._Element) -> bool:
    """xml:space of an element, inherited from its ancestors (default: not preserved)."""
    for el in itertools.chain([element], element.iterancestors()):
        value = el.get(XML_SPACE)
        if value is not None:
            return value == "preserve"
    return False


def collapse_whitespace(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Runs of white space as one space, none at the ends; marks move with their text."""
    out: list[str] = []
    new_pos = [0] * (len(text) + 1)  # new offset of each old offset
    pending_space = False
    for i, ch in enumerate(text):
        new_pos[i] = len(out) + (1 if pending_space and out else 0)
        if ch.isspace():
            pending_space = True
            continue
        if pending_space and out:
            out.append(" ")
        pending_space = False
        out.append(ch)
    new_pos[len(text)] = len(out)
    collapsed = "".join(out)
    moved = []
    for m in marks:
        start, end = min(new_pos[m.start], len(collapsed)), min(new_pos[m.end], len(collapsed))
        # A mark that began on white space starts at the next kept character.
        while start < end and collapsed[start] == " ":
            start += 1
        while end > start and collapsed[end - 1] == " ":
            end -= 1
        if end > start:
            moved.append(Mark(start, end, m.kind, m.ref, m.key))
    return collapsed, moved


# --- provider furniture inside the body ------------------------------------------------
#
# Agencies put lines for editors at the top of a story (Reuters' "(Adds comments, detail)",
# a byline line) and a rights line at its end ("© AGENCY. All rights reserved."). They are
# not story text: they leave the body and are kept, with the reason, as removed text.
_ADVISORY = re.compile(
    r"^\((?:adds|updates|recasts|corrects|changes|repeats|refiles|fixes|rewrites|"
    r"removes|inserts|new throughout|writes through|edits)\b[^()]*\)$",
    re.I,
)
_BYLINE_LINE = re.compile(r"^By [A-Z][\w.'\u2019-]*(?: (?:[A-Z][\w.'\u2019-]*|and|de|van|von|der|la)){0,6}$")
_RIGHTS_LINE = re.compile(r"^(?:©|\(c\)|copyright\b)", re.I)
_TOP_LINES = 6  # furniture above the story is a few lines at most


@dataclass
class Furniture:
    removed: list[tuple[str, str]] = field(default_factory=list)  # text, reason
    byline: str | None = None


def without_furniture(paras: list[BodyParagraph]) -> tuple[list[BodyParagraph], Furniture]:
    """The body without editors' advisories and a byline line at its top and a rights
    line at its end; what was taken out, and the byline found."""
    found = Furniture()
    kept: list[BodyParagraph] = []
    for index, para in enumerate(paras):
        text = " ".join(para.text.split())
        if index < _TOP_LINES and not para.marks and _ADVISORY.match(text):
            found.removed.append((text, "editors' advisory"))
        elif index < _TOP_LINES and not para.marks and found.byline is None and _BYLINE_LINE.match(text):
            found.byline = text
            found.removed.append((text, "byline"))
        else:
            kept.append(para)
    while kept and len(kept) > 1 and _RIGHTS_LINE.match(kept[-1].text.strip()) and not kept[-1].marks:
        found.removed.append((" ".join(kept.pop().text.split()), "rights notice"))
    return kept, found
