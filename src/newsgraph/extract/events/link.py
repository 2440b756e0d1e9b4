"""The quote-linking stage: quotes said at an event point to it (``Quote.event``).

Runs after the events stage and reads the same mentions (:func:`.build.reading`): a
quote whose speech verb has an event mention for its occasion ("said after the meeting",
"told reporters at a news conference") is linked to that mention's event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ...model import Article, Quote
from .build import reading
from .mentions import Mention, governing, occasion_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from ..options import ExtractOptions

_VERB_REACH = 40  # characters after a quote in which its speech verb is looked for


def run(article: Article, options: "ExtractOptions") -> Article:
    """``article`` with each quote's ``event`` set (or cleared) from the events stage's reading."""
    read = reading(article, options)
    return article.model_copy(update={"quotes": link_quotes(article, read.docs, read.mentions, read.event_of())})


def _speech_verb(article: Article, docs: list["Doc"], q: Quote) -> tuple[int, "Token"] | None:
    """(paragraph, verb) that says the quote: the verb of its speaker's name, else the main
    verb of the sentence the quote ends in ("'...,' Ortega told reporters at a news
    conference")."""
    sm = q.speaker_mention
    if not q.spans[-1].in_body:  # a headline quote: the body's parses do not hold it
        return None
    if sm is not None:
        if not sm.in_body or sm.paragraph >= len(docs):
            return None
        span = docs[sm.paragraph].char_span(sm.start, sm.end, alignment_mode="expand")
        verb = governing(span.root)[0] if span is not None and len(span) else None
        return (sm.paragraph, verb) if verb is not None else None
    last = q.spans[-1]
    if last.paragraph >= len(docs):
        return None
    # no speaker found: the first verb just after the quote ("…,” Biden told reporters)
    doc = docs[last.paragraph]
    after = doc.char_span(last.end, min(len(doc.text), last.end + _VERB_REACH), alignment_mode="contract")
    verb = next((t for t in after if t.pos_ == "VERB"), None) if after is not None else None
    return (last.paragraph, verb) if verb is not None else None


def link_quotes(article: Article, docs: list["Doc"], mentions: list[Mention], event_of: dict[int, str]) -> list[Quote]:
    """Quotes whose speech verb has an event for its occasion ("said after the meeting",
    "told reporters at a news conference") point to that event."""
    occasions = _occasions(mentions, event_of)
    quotes = []
    for q in article.quotes:
        event = None
        said = _speech_verb(article, docs, q)
        if said is not None:
            para, verb = said
            event = next((e for quote, e in occasions.get((para, verb.i), []) if quote != q.id), None)
        quotes.append(q if q.event == event else q.model_copy(update={"event": event}))
    return quotes


def _occasions(
    mentions: list[Mention], event_of: dict[int, str]
) -> dict[tuple[int, int], list[tuple[str | None, str]]]:
    """(paragraph, verb) -> the (quote, event) of each mention that is that verb's occasion,
    in mention order: looked up once per quote, not searched."""
    out: dict[tuple[int, int], list[tuple[str | None, str]]] = {}
    for m in mentions:
        if id(m) not in event_of or m.paragraph is None:
            continue
        occasion = occasion_of(m)
        if occasion is None:
            continue
        out.setdefault((m.paragraph, occasion.i), []).append((m.quote, event_of[id(m)]))
        # "In a part of a podcast released on Monday, Ortega told ...": one clause down
        if occasion.dep_ == "ccomp" and occasion.head is not occasion:
            out.setdefault((m.paragraph, occasion.head.i), []).append((m.quote, event_of[id(m)]))
    return out
