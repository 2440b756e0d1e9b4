"""An article's paragraphs as HTML for the view, with every span an element.

Each actor, place and event mention, each quote span and each speaker mention is an
element carrying short local keys (``a3``, ``q1``, ``e0``...) that the page's script and
the side panels refer to; crossing spans are nested by :func:`newsgraph.inline.nest`.
After the last span of a quote comes a label naming its speaker and kind, so that the
attribution is in the text itself, for eyes and screen readers alike. Every piece of
text is escaped here: nothing from the input is ever markup.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape
from typing import Iterable, Mapping, Sequence

from ..inline import Element, Mark, Node, nest
from ..model import Article, Span, SpanPart

# Where two marks cover the same characters, the earlier kind is the outer element.
KIND_ORDER: tuple[str, ...] = ("quote", "speaker", "event", "place", "actor")
# A quote's label goes after the quotation marks that close it (its span holds none).
CLOSING_MARKS = "\"'\u201d\u2019\u00bb\u203a\u300d\u300f"


@dataclass(frozen=True)
class QuoteLabel:
    """What the label after a quote says, and which actor it points to."""

    key: str  # "q0"
    speaker_key: str | None  # "a3", or None when the speaker is unknown
    speaker_name: str
    kind: str
    last_span: tuple[int | str, int, int]  # (paragraph or "headline", start, end) of the quote's last span


@dataclass(frozen=True)
class Keys:
    """Local keys of an article's actors, places, events and quotes, by id."""

    actors: dict[str, str]
    places: dict[str, str]
    events: dict[str, str]
    quotes: dict[str, str]

    @classmethod
    def of(cls, article: Article) -> "Keys":
        return cls(
            {a.id: f"a{i}" for i, a in enumerate(article.actors)},
            {p.id: f"p{i}" for i, p in enumerate(article.places)},
            {e.id: f"e{i}" for i, e in enumerate(article.events)},
            {q.id: f"q{i}" for i, q in enumerate(article.quotes)},
        )


def speaker_name(article: Article, actor_id: str | None) -> str:
    names = {a.id: a.name for a in article.actors}
    return names.get(actor_id or "", "speaker unknown")


def quote_labels(article: Article, keys: Keys) -> dict[str, QuoteLabel]:
    labels = {}
    for quote in article.quotes:
        last = max(quote.spans, key=lambda s: s.order())
        key = keys.quotes[quote.id]
        labels[key] = QuoteLabel(
            key,
            keys.actors.get(quote.speaker or ""),
            speaker_name(article, quote.speaker),
            quote.kind,
            (last.part or last.paragraph, last.start, last.end),
        )
    return labels


def paragraph_marks(article: Article, keys: Keys) -> list[list[Mark]]:
    """The marks of every paragraph; a mark's ref is 'KEY:N' (the Nth span of KEY)."""
    per: list[list[tuple[int, int, int, str, str]]] = [[] for _ in article.body]

    def add(kind: str, key: str, spans: Iterable[Span]) -> None:
        rank = KIND_ORDER.index(kind)
        for n, s in enumerate(spans):
            if s.in_body and s.paragraph < len(per):  # the page shows headline quotes in the headline
                per[s.paragraph].append((s.start, s.end, rank, kind, f"{key}:{n}"))

    for q in article.quotes:
        add("quote", keys.quotes[q.id], q.spans)
        if q.speaker_mention is not None:
            add("speaker", keys.quotes[q.id], [q.speaker_mention])
    for e in article.events:
        add("event", keys.events[e.id], e.mentions)
    for p in article.places:
        add("place", keys.places[p.id], p.mentions)
    for a in article.actors:
        add("actor", keys.actors[a.id], a.mentions)
    result = []
    for items in per:
        items.sort(key=lambda t: (t[0], -t[1], t[2]))
        result.append([Mark(s, e, kind, ref, n) for n, (s, e, _, kind, ref) in enumerate(items)])
    return result


def _attrs(values: dict[str, str]) -> str:
    return "".join(f' {k}="{escape(v, quote=True)}"' for k, v in values.items())


@dataclass
class _Writer:
    """Serialises one paragraph's tree, knowing where in the text each element ends."""

    paragraph: int | str  # a body paragraph, or "headline" / "subheadline"
    article: Article
    keys: Keys
    labels: dict[str, QuoteLabel]
    actor_kinds: Mapping[str, str]
    speakers: dict[str, str | None]  # quote key -> speaker actor key
    pending: str = ""  # a quote's label, written after the closing quotation marks that follow

    def text(self, node: str, out: list[str]) -> None:
        if self.pending:
            n = len(node) - len(node.lstrip(CLOSING_MARKS))
            out.append(escape(node[:n], quote=False) + self.pending)
            self.pending, node = "", node[n:]
        out.append(escape(node, quote=False))

    def element(self, el: Element) -> tuple[str, dict[str, str]]:
        mark = el.mark
        key, _, n = (mark.ref or "").partition(":")
        first = {} if el.continued else {"id": f"{key}-{n}"}
        if mark.kind == "actor":
            return "span", {"class": f"m actor kind-{self.actor_kinds[key]}", "data-actor": key, **first}
        if mark.kind == "place":
            return "span", {"class": "m place", "data-place": key, **first}
        if mark.kind == "event":
            return "span", {"class": "m event", "data-event": key, **first}
        if mark.kind == "speaker":
            return "span", {
                "class": "speaker-of",
                "data-speaker-of": key,
                "data-actor-ref": self.speakers.get(key) or "",
            }
        label = self.labels[key]
        return "q", {
            "class": f"quote quote-{label.kind}",
            "data-quote": key,
            "data-kind": label.kind,
            "data-speaker": label.speaker_key or "",
            "data-speaker-name": label.speaker_name,
            **first,
        }

    def label_after(self, el: Element, end: int) -> str:
        if el.mark.kind != "quote":
            return ""
        label = self.labels[(el.mark.ref or "").partition(":")[0]]
        if label.last_span != (self.paragraph, el.mark.start, el.mark.end) or end != el.mark.end:
            return ""
        return (
            f'<span class="quote-label" data-label-of="{label.key}"'
            f' data-actor-ref="{escape(label.speaker_key or "", quote=True)}">'
            f'<span class="sr-only">quoted: </span>{escape(label.speaker_name)}'
            f' <span class="quote-kind">({escape(label.kind)})</span></span>'
        )

    def write(self, nodes: Sequence[Node], out: list[str], pos: int) -> int:
        for node in nodes:
            if isinstance(node, str):
                self.text(node, out)
                pos += len(node)
                continue
            tag, attrs = self.element(node)
            out.append(f"<{tag}{_attrs(attrs)}>")
            pos = self.write(node.children, out, pos)
            out.append(f"</{tag}>")
            out.append(self.pending)
            self.pending = self.label_after(node, pos)
        return pos


def render_line(article: Article, keys: Keys, part: SpanPart) -> str | None:
    """The inner HTML of the headline or standfirst with its quote spans marked (the same
    ``<q>`` and speaker marks as the body, so that a link to a quote lands on it); None
    when no quote points there."""
    text = article.headline if part == "headline" else article.subheadline
    marks: list[tuple[int, int, int, str, str]] = []
    for q in article.quotes:
        key = keys.quotes[q.id]
        for n, s in enumerate(q.spans):
            if s.part == part:
                marks.append((s.start, s.end, KIND_ORDER.index("quote"), "quote", f"{key}:{n}"))
        m = q.speaker_mention
        if m is not None and m.part == part:
            marks.append((m.start, m.end, KIND_ORDER.index("speaker"), "speaker", f"{key}:0"))
    if text is None or not marks:
        return None
    marks.sort(key=lambda t: (t[0], -t[1], t[2]))
    labels = quote_labels(article, keys)
    kinds = {keys.actors[a.id]: a.kind for a in article.actors}
    writer = _Writer(part, article, keys, labels, kinds, {k: label.speaker_key for k, label in labels.items()})
    out: list[str] = []
    writer.write(nest(text, [Mark(s, e, kind, ref, n) for n, (s, e, _, kind, ref) in enumerate(marks)]), out, 0)
    out.append(writer.pending)
    return "".join(out)


def render_paragraphs(article: Article, keys: Keys) -> list[str]:
    """The inner HTML of each paragraph of the body."""
    labels = quote_labels(article, keys)
    kinds = {keys.actors[a.id]: a.kind for a in article.actors}
    speakers = {key: label.speaker_key for key, label in labels.items()}
    html = []
    for i, (paragraph, marks) in enumerate(zip(article.body, paragraph_marks(article, keys))):
        writer = _Writer(i, article, keys, labels, kinds, speakers)
        out: list[str] = []
        writer.write(nest(paragraph.text, marks), out, 0)
        out.append(writer.pending)
        html.append("".join(out))
    return html
