"""An article's body as HTML with its spans marked up, and the way back.

One block per paragraph, by role: ``<p>`` (body), ``<h2>`` (subheading),
``<blockquote>`` (blockquote), ``<li>`` inside ``<ul>`` (list items) and
``<p data-role="note">`` (notes). Inside a block every span of the model is an element:

- ``<span data-actor="ID">``, ``<span data-place="ID">``, ``<span data-event="ID">`` for
  the mentions of actors, places and events;
- ``<q data-quote="ID" data-speaker="ACTOR" data-kind="direct">`` for each span of a quote;
- ``<span data-speaker-of="QUOTE">`` for the words a quote's speaker was taken from;
- ``<span data-via-of="QUOTE">`` for the words naming the outlet or document that relays it.

Spans that cross are nested by :func:`newsgraph.inline.nest`: the inner one is closed and
reopened, and only then do its pieces carry ``data-span="K"`` (the same K on every piece)
so that :func:`parse` joins them again. The text keeps its own quotation marks, so pages
that show this HTML should set ``q[data-quote] { quotes: none }``.

:func:`render` is used by the ninjs exporter and is meant for any target that takes HTML
(a CMS, a web page); :func:`parse` reads such HTML back into paragraphs and spans, and
also reads other publishers' HTML bodies as well as their markup allows.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field, replace
from typing import Iterable, Iterator

import lxml.html
from lxml import etree

from .inline import Element, Mark, flatten, join_fragments, nest, to_html
from .model import Article, Paragraph, Quote, Span
from .sanitiser import Sanitiser

# kind of mark -> (tag, attribute holding the id). One table for writing and reading.
MARK_TAGS: dict[str, tuple[str, str]] = {
    "quote": ("q", "data-quote"),
    "speaker": ("span", "data-speaker-of"),
    "via": ("span", "data-via-of"),
    "event": ("span", "data-event"),
    "place": ("span", "data-place"),
    "actor": ("span", "data-actor"),
}
# Where two marks cover the same characters, the earlier kind here is the outer element.
_KIND_ORDER = tuple(MARK_TAGS)
SPLIT_ATTR = "data-span"
ROLE_ATTR = "data-role"

# paragraph role -> block tag; roles sharing a tag are told apart by data-role.
ROLE_TAGS: dict[str, str] = {
    "body": "p",
    "subheading": "h2",
    "blockquote": "blockquote",
    "list_item": "li",
    "note": "p",
}
_TAG_ROLES = {
    "p": "body",
    "h1": "subheading",
    "h2": "subheading",
    "h3": "subheading",
    "h4": "subheading",
    "h5": "subheading",
    "h6": "subheading",
    "blockquote": "blockquote",
    "li": "list_item",
    "pre": "body",
    "dt": "body",
    "dd": "body",
}
_ROLES = frozenset(ROLE_TAGS)

# Class names of the spans in a row of labels above a story, by the field they fill.
LABEL_CLASSES: dict[str, frozenset[str]] = {
    "kicker": frozenset({"vignette", "kicker", "category", "overline", "label", "rubric"}),
    "source": frozenset({"source", "agency"}),
    "byline": frozenset({"byline", "author"}),
    "dateline": frozenset({"dateline", "location"}),
}
_LABELS_BELOW = 1  # such a row comes first, or below a heading that repeats the headline
_LABEL_WORDS = 6  # a label is a few words

# Elements whose content a reader never sees as text: scripts, embedded content and the
# fallbacks shown only when it fails, form controls. (Shared with the HTML page reader.)
NEVER_TEXT = frozenset(
    {
        "script",
        "style",
        "template",
        "noscript",
        "iframe",
        "frame",
        "frameset",
        "noframes",
        "object",
        "embed",
        "noembed",
        "applet",
        "canvas",
        "video",
        "audio",
        "button",
        "input",
        "select",
        "textarea",
    }
)
# Elements whose content is never article text in a body.
_SKIP = NEVER_TEXT | {"head", "figure", "nav", "aside", "svg", "math", "img", "picture", "form", "figcaption"}
_BLOCKS = (
    frozenset(
        {
            "address",
            "article",
            "blockquote",
            "body",
            "center",
            "dd",
            "details",
            "div",
            "dl",
            "dt",
            "fieldset",
            "footer",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "header",
            "hgroup",
            "hr",
            "li",
            "main",
            "ol",
            "p",
            "pre",
            "section",
            "summary",
            "table",
            "tbody",
            "td",
            "tfoot",
            "th",
            "thead",
            "tr",
            "ul",
            "html",
        }
    )
    | _SKIP
)

# Characters an HTML parser would drop or rewrite, written as character references.
# (NUL has no HTML representation at all: it comes back as U+FFFD.)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\r\x0e-\x1f]")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]")
_UTF8_PARSER = lxml.html.HTMLParser(encoding="utf-8")


# --- writing ----------------------------------------------------------------------


def paragraph_marks(article: Article) -> list[list[Mark]]:
    """The marks of every paragraph: mentions, quote spans, speaker and relay mentions."""
    per: list[list[tuple[int, int, int, str, str]]] = [[] for _ in article.body]

    def add(kind: str, ref: str, spans: Iterable[Span]) -> None:
        rank = _KIND_ORDER.index(kind)
        for s in spans:
            if s.in_body and s.paragraph < len(per):  # headline spans travel apart (ninjs details)
                per[s.paragraph].append((s.start, s.end, rank, kind, ref))

    for q in article.quotes:
        add("quote", q.id, q.spans)
        if q.speaker_mention is not None:
            add("speaker", q.id, [q.speaker_mention])
        if q.via_mention is not None:
            add("via", q.id, [q.via_mention])
    for e in article.events:
        add("event", e.id, e.mentions)
    for p in article.places:
        add("place", p.id, p.mentions)
    for a in article.actors:
        add("actor", a.id, a.mentions)
    result = []
    for items in per:
        items.sort(key=lambda t: (t[0], -t[1], t[2]))
        result.append([Mark(s, e, kind, ref, key) for key, (s, e, _, kind, ref) in enumerate(items)])
    return result


def _split_keys(nodes: list, counts: dict[int, int] | None = None) -> dict[int, int]:
    counts = {} if counts is None else counts
    for node in nodes:
        if isinstance(node, Element):
            counts[node.mark.key] = counts.get(node.mark.key, 0) + 1
            _split_keys(node.children, counts)
    return counts


def render_paragraph(text: str, marks: list[Mark], quotes: dict[str, Quote]) -> str:
    """The inner HTML of one paragraph: its text with the marks as nested elements."""
    nodes = nest(text, marks)
    pieces = _split_keys(nodes)

    def tag_for(el: Element) -> tuple[str, dict[str, str]]:
        mark = el.mark
        tag, attr = MARK_TAGS[mark.kind]
        attrs = {attr: mark.ref or ""}
        if mark.kind == "quote":
            quote = quotes.get(mark.ref or "")
            if quote is not None:
                if quote.speaker:
                    attrs["data-speaker"] = quote.speaker
                attrs["data-kind"] = quote.kind
        if pieces.get(mark.key, 0) > 1:
            attrs[SPLIT_ATTR] = str(mark.key)
        return tag, attrs

    return _CONTROL.sub(lambda m: f"&#{ord(m.group())};", to_html(nodes, tag_for))


def render(article: Article) -> str:
    """The whole body as HTML, one block per paragraph, blocks separated by newlines."""
    quotes = {q.id: q for q in article.quotes}
    blocks: list[str] = []
    in_list = False
    for paragraph, marks in zip(article.body, paragraph_marks(article)):
        inner = render_paragraph(paragraph.text, marks, quotes)
        role = paragraph.role
        if role == "list_item" and not in_list:
            blocks.append("<ul>")
        elif role != "list_item" and in_list:
            blocks.append("</ul>")
        in_list = role == "list_item"
        tag = ROLE_TAGS[role]
        extra = f' {ROLE_ATTR}="{role}"' if _TAG_ROLES.get(tag) != role else ""
        blocks.append(f"<{tag}{extra}>{inner}</{tag}>")
    if in_list:
        blocks.append("</ul>")
    return "\n".join(blocks)


# --- reading ----------------------------------------------------------------------


@dataclass
class QuoteMarkup:
    """What the markup says about one quote."""

    spans: list[Span] = field(default_factory=list)
    speaker: str | None = None
    kind: str | None = None
    speaker_mention: Span | None = None
    via_mention: Span | None = None


@dataclass
class BodyMarkup:
    """Paragraphs and the spans their markup carries, keyed by the ids in the markup."""

    paragraphs: list[Paragraph] = field(default_factory=list)
    actors: dict[str, list[Span]] = field(default_factory=dict)
    places: dict[str, list[Span]] = field(default_factory=dict)
    events: dict[str, list[Span]] = field(default_factory=dict)
    quotes: dict[str, QuoteMarkup] = field(default_factory=dict)
    # A row of labelled spans above the story (:data:`LABEL_CLASSES`): field -> its text.
    labels: dict[str, str] = field(default_factory=dict)

    def mentions(self, kind: str) -> dict[str, list[Span]]:
        return {"actor": self.actors, "place": self.places, "event": self.events}[kind]

    def without(self, index: int) -> "BodyMarkup":
        """The same markup less paragraph ``index`` and its spans, later paragraphs renumbered."""

        def move(spans: list[Span]) -> list[Span]:
            return [replace(s, paragraph=s.paragraph - (s.paragraph > index)) for s in spans if s.paragraph != index]

        def table(t: dict[str, list[Span]]) -> dict[str, list[Span]]:
            return {k: moved for k, v in t.items() if (moved := move(v))}

        quotes = {}
        for qid, q in self.quotes.items():
            spans = move(q.spans)
            if spans:
                mention = move([q.speaker_mention]) if q.speaker_mention else []
                via = move([q.via_mention]) if q.via_mention else []
                quotes[qid] = QuoteMarkup(
                    spans, q.speaker, q.kind, mention[0] if mention else None, via[0] if via else None
                )
        return BodyMarkup(
            self.paragraphs[:index] + self.paragraphs[index + 1 :],
            table(self.actors),
            table(self.places),
            table(self.events),
            quotes,
            dict(self.labels),
        )


def parse(html: str, *, exact: bool = False, sanitiser: Sanitiser | None = None, labels: bool = False) -> BodyMarkup:
    """Paragraphs and spans from an HTML body.

    ``exact`` keeps every character of each block as it is (for HTML written by
    :func:`render`); otherwise white space is read the way a browser shows it: runs
    collapsed to one space, blocks trimmed, empty blocks dropped. Characters no format can
    carry (``&#1;`` in the HTML) become spaces, counted in ``sanitiser`` when given.
    ``labels``: a row of labelled spans at the top (:func:`_label_row`) goes to
    ``BodyMarkup.labels`` instead of the body, for the caller to read into fields.
    """
    result = BodyMarkup()
    if not html.strip():
        return result
    try:
        try:
            root = lxml.html.document_fromstring(html)
        except ValueError:  # a string that declares its own encoding: hand lxml the bytes
            root = lxml.html.document_fromstring(html.encode("utf-8"), parser=_UTF8_PARSER)
    except (etree.ParserError, ValueError):
        return result
    body = root.find("body")
    if body is None:
        return result
    (sanitiser if sanitiser is not None else Sanitiser()).tree(body)
    # Figures, scripts, navigation and the like hold no article text (their tails do).
    etree.strip_elements(body, *_SKIP, with_tail=False)
    for br in body.iter("br"):
        br.tail = "\n" + (br.tail or "")
    for block, role in _blocks(body, None):
        row = _label_row(block) if labels and len(result.paragraphs) <= _LABELS_BELOW else None
        if row:
            result.labels.update({k: v for k, v in row.items() if k not in result.labels})
            continue
        _add_block(result, block, role, exact)
    return result


def _label_row(block: etree._Element) -> dict[str, str] | None:
    """A block of nothing but two or more short spans, each with a class that says what it
    holds ('<span class="vignette">Defence</span><span class="source">TT</span>'): fields,
    not a line of the story (read as text they glue into 'DefenceTT')."""
    kids = [c for c in block if isinstance(c.tag, str)]
    if len(kids) < 2 or (block.text or "").strip() or any((c.tail or "").strip() or len(c) for c in kids):
        return None
    found: dict[str, str] = {}
    for kid in kids:
        text = " ".join((kid.text or "").split())
        classes = (kid.get("class") or "").casefold().split()
        what = next((f for f, names in LABEL_CLASSES.items() if set(classes) & names), None)
        if what is None or not text or len(text.split()) > _LABEL_WORDS:
            return None
        found.setdefault(what, text)
    return found


def apply(markup: BodyMarkup, article: Article) -> Article:
    """``article`` with the body and spans the markup states (e.g. after an edit in a CMS).

    The markup is authoritative for the text and for where every actor, place, event and
    quote is in the body; entities keep their other fields, quotes their spans in the
    headline or standfirst (the body markup cannot hold those). A quote whose spans are
    all gone is dropped (nothing refers to quotes); ids the article does not know are
    ignored.
    """
    same_text = [p.text for p in markup.paragraphs] == [p.text for p in article.body]
    body = (
        [p.model_copy(update={"offset": old.offset}) for p, old in zip(markup.paragraphs, article.body)]
        if same_text
        else list(markup.paragraphs)
    )
    actor_ids = {a.id for a in article.actors}
    quotes = []
    for q in article.quotes:
        found = markup.quotes.get(q.id)
        lines = [s for s in q.spans if not s.in_body]
        if (found is None or not found.spans) and not lines:
            continue
        if found is None:  # only in the headline: as it was
            quotes.append(q)
            continue
        line_mention = q.speaker_mention if q.speaker_mention is not None and not q.speaker_mention.in_body else None
        line_via = q.via_mention if q.via_mention is not None and not q.via_mention.in_body else None
        quotes.append(
            q.model_copy(
                update={
                    "spans": found.spans + lines,
                    "speaker_mention": found.speaker_mention or line_mention,
                    "via_mention": found.via_mention or line_via,
                    "speaker": found.speaker if found.speaker in actor_ids else q.speaker,
                    "kind": found.kind if found.kind in ("direct", "partial", "indirect") else q.kind,
                }
            )
        )

    def moved(items: list, table: dict[str, list[Span]]) -> list:
        return [i.model_copy(update={"mentions": table.get(i.id, [])}) for i in items]

    updated = article.model_copy(
        update={
            "body": body,
            "quotes": quotes,
            "actors": moved(article.actors, markup.actors),
            "places": moved(article.places, markup.places),
            "events": moved(article.events, markup.events),
        }
    )
    # model_copy does not validate: this puts the spans in canonical order and checks them.
    return Article.model_validate(updated.model_dump())


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _role_of(el: etree._Element, default: str | None) -> str:
    stated = el.get(ROLE_ATTR)
    if stated in _ROLES:
        return stated
    return default or _TAG_ROLES.get(_tag(el)) or "body"


def _is_block(el: etree._Element) -> bool:
    return _tag(el) in _BLOCKS or not isinstance(el.tag, str)


def _blocks(container: etree._Element, role: str | None) -> Iterator[tuple[etree._Element, str]]:
    """Each paragraph-like block under ``container``, with its role.

    An element holding block children is a container; text and inline elements that
    sit directly in a container are gathered into a paragraph of their own.
    """
    run: list[etree._Element] = []
    lead = container.text

    def flush() -> Iterator[tuple[etree._Element, str]]:
        nonlocal lead
        if _run_text(lead, run).strip():
            holder = etree.Element("p")
            holder.text = lead
            for el in run:
                holder.append(copy.deepcopy(el))
            yield holder, role or "body"
        run.clear()
        lead = None

    for child in container:
        if not isinstance(child.tag, str):  # comments, processing instructions
            if child.tail:
                if run:
                    run[-1].tail = (run[-1].tail or "") + child.tail
                else:
                    lead = (lead or "") + child.tail
            continue
        if not _is_block(child):
            run.append(child)
            continue
        yield from flush()
        tag = _tag(child)
        child_role = _role_of(child, role) if tag in _TAG_ROLES or child.get(ROLE_ATTR) else role
        if any(_is_block(c) for c in child if isinstance(c.tag, str)):
            yield from _blocks(child, child_role)
        elif tag != "hr":
            yield child, child_role or "body"
        lead = child.tail
    yield from flush()


def _run_text(lead: str | None, run: list[etree._Element]) -> str:
    return (lead or "") + "".join(etree.tostring(el, method="text", encoding=str, with_tail=True) for el in run)


_MARK_ATTRS = tuple((kind, attr) for kind, (_, attr) in MARK_TAGS.items())


def _add_block(result: BodyMarkup, block: etree._Element, role: str, exact: bool) -> None:
    whole = 0
    quote_attrs: dict[tuple[str, int], tuple[str | None, str | None]] = {}

    def mark_of(el: etree._Element) -> tuple[str, str | None, int] | None:
        nonlocal whole
        if el is block:
            return None
        for kind, attr in _MARK_ATTRS:
            ref = el.get(attr)
            if not ref:
                continue
            piece = el.get(SPLIT_ATTR)
            if piece is not None and piece.isdigit():
                key = int(piece)
            else:  # a whole mark: a key of its own, never joined with a neighbour
                whole += 1
                key = -whole
            if kind == "quote":
                quote_attrs.setdefault((ref, key), (el.get("data-speaker") or None, el.get("data-kind") or None))
            return kind, ref, key
        return None

    text, marks = flatten(block, mark_of)
    if not exact:
        text, marks = _collapse_space(text, marks)
        if not text.strip():
            return
    index = len(result.paragraphs)
    result.paragraphs.append(Paragraph(text=text, role=role))  # type: ignore[arg-type]  # role: from the tag table, a ParagraphRole
    for mark in join_fragments(marks):
        span = Span(paragraph=index, start=mark.start, end=mark.end)
        ref = mark.ref or ""
        if mark.kind == "quote":
            quote = result.quotes.setdefault(ref, QuoteMarkup())
            quote.spans.append(span)
            speaker, kind = quote_attrs.get((ref, mark.key), (None, None))
            quote.speaker = quote.speaker or speaker
            quote.kind = quote.kind or kind
        elif mark.kind == "speaker":
            quote = result.quotes.setdefault(ref, QuoteMarkup())
            quote.speaker_mention = quote.speaker_mention or span
        elif mark.kind == "via":
            quote = result.quotes.setdefault(ref, QuoteMarkup())
            quote.via_mention = quote.via_mention or span
        else:
            result.mentions(mark.kind).setdefault(ref, []).append(span)


def _collapse_space(text: str, marks: list[Mark]) -> tuple[str, list[Mark]]:
    """Collapse HTML white space as a browser shows it, moving the marks along."""
    out: list[str] = []
    new_pos = [0] * (len(text) + 1)
    n = 0
    pending_space = False
    for i, ch in enumerate(text):
        if _HTML_SPACE.match(ch):
            new_pos[i] = n
            pending_space = n > 0
            continue
        if pending_space:
            out.append(" ")
            n += 1
            pending_space = False
        new_pos[i] = n
        out.append(ch)
        n += 1
    new_pos[len(text)] = n
    collapsed = "".join(out)
    moved = []
    for m in marks:
        start, end = new_pos[m.start], min(new_pos[m.end], n)
        if start < end:
            moved.append(Mark(start, end, m.kind, m.ref, m.key))
    return collapsed, moved
