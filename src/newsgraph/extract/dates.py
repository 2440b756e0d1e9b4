"""The dates pass: every date expression in the body, as written and resolved.

Dates are counted from the publication day: ``Article.published`` when given, else the
latest full date written in a photo caption (when the picture was taken; said so in the
article's notes). The verb each date hangs on decides past or future (:mod:`.tense`),
the arithmetic is :mod:`.dateresolve`'s, the patterns :mod:`.dategrammar`'s. Results go
to ``Article.dates``; dates that cannot be believed (impossible, contradictory,
implausibly far) stay there unresolved with low confidence and a note, never an error.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Literal

from ..model import Article, DateInfo, DateMention, Provenance, Span
from . import dategrammar, nlp
from .dateresolve import CONF_PROBLEM, resolve
from .tense import Tense, tense_of
from .wordlists import words

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from .pipeline import ExtractOptions

AnchorSource = Literal["published", "caption"]
# A date counted from a caption's date rather than the stated publication date is less sure.
_CAPTION_DISCOUNT = 0.9


@dataclass(frozen=True)
class Anchor:
    day: date
    source: AnchorSource


@dataclass(frozen=True)
class Found:
    """One date in a text, with what decided its resolution."""

    expr: dategrammar.Expr
    date: DateInfo
    confidence: float
    tense: Tense
    problem: str | None

    def mention(self, paragraph: int) -> DateMention:
        return DateMention(span=Span(paragraph=paragraph, start=self.expr.start, end=self.expr.end),
                           date=self.date, confidence=self.confidence)


def _date_entities(doc: "Doc") -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]


def _expressions(text: str, doc: "Doc | None") -> list[dategrammar.Expr]:
    ents = _date_entities(doc) if doc is not None else []
    return dategrammar.find(text, lambda s, e: any(a < e and s < b for a, b in ents))


@lru_cache(maxsize=1)
def _credit_pattern() -> re.Pattern[str]:
    return re.compile("|".join(re.escape(w) for w in words("caption_credits")))


def _caption_texts(article: Article) -> list[str]:
    texts = [m.caption for m in article.media if m.caption]
    texts += [p.text for p in article.body if _credit_pattern().search(p.text)]
    return texts


def anchor_of(article: Article) -> Anchor | None:
    """The day relative dates count from, or None when neither metadata nor text gives one."""
    if article.published:
        return Anchor(date.fromisoformat(article.published[:10]), "published")
    days = []
    for text in _caption_texts(article):
        for x in dategrammar.find(text):
            if x.kind == "date" and x.year is not None and x.day is not None and x.day_end is None:
                r = resolve(x, None)
                if r is not None and r.start is not None:
                    days.append(r.start)
    return Anchor(max(days), "caption") if days else None


def _sentence_years(exprs: list[dategrammar.Expr], doc: "Doc", day: date | None) -> dict[int, int]:
    """Years a sentence names ("next year", "in 2026"), by sentence start: a month named
    alone in the same sentence belongs to it ("two cuts next year, the first in April")."""
    years: dict[int, int] = {}
    for x in exprs:
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        r = resolve(x, day) if x.kind in ("calendar", "date") else None
        if r is None or r.precision != "year" or r.start is None or (x.kind == "date" and x.month is not None):
            continue
        years.setdefault(span.sent.start_char, r.start.year)
    return years


def in_text(text: str, doc: "Doc", anchor: Anchor | None) -> list[Found]:
    """Every date in one parsed text (a paragraph, a caption), resolved against ``anchor``."""
    found: list[Found] = []
    exprs = _expressions(text, doc)
    years = _sentence_years(exprs, doc, anchor.day if anchor else None)
    for x in exprs:
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        tense = tense_of(span.root) if span is not None and len(span) else Tense(None)
        if x.kind == "date" and x.month is not None and x.year is None and x.relative is None \
                and span is not None and len(span) and span.sent.start_char in years:
            x = replace(x, year=years[span.sent.start_char])
        r = resolve(x, anchor.day if anchor else None, tense.direction, tense.strong)
        if r is None:
            continue  # a duration after all ("in three years" with a past verb)
        confidence = r.confidence
        if anchor is not None and anchor.source == "caption" and x.year is None and r.start is not None:
            confidence = round(confidence * _CAPTION_DISCOUNT, 3)
        info = DateInfo(start=r.start.isoformat() if r.start else None,
                        end=r.end.isoformat() if r.end else None,
                        text=x.text, precision=r.precision)  # type: ignore[arg-type]
        found.append(Found(x, info, confidence, tense, r.problem))
    return found


_DATELINE_DASH = re.compile(r"\s[\u2014\u2013-]{1,2}\s")


def dateline_end(article: Article) -> int:
    """Where the story starts in the first paragraph when a dateline leads it."""
    if not article.dateline or not article.body:
        return 0
    text = article.body[0].text
    head = article.dateline.split(",")[0].strip()
    if not head or not text.startswith(head):
        return 0
    m = _DATELINE_DASH.search(text, 0, 120)
    return m.end() if m else 0


def story_texts(article: Article) -> list[str]:
    """The body's texts as the passes parse them: a dateline leading the first paragraph
    ("HELSINKI (Reuters) —") is blanked, keeping offsets, so that the parser does not take
    the city for the subject of the story's first sentence."""
    texts = [p.text for p in article.body]
    cut = dateline_end(article)
    if cut:
        texts[0] = " " * cut + texts[0][cut:]
    return texts


def find(article: Article, anchor: Anchor | None = None,
         model: str = nlp.DEFAULT_MODEL) -> list[tuple[int, Found]]:
    """Every date in the body with its paragraph, resolved against ``anchor``
    (default: :func:`anchor_of`)."""
    anchor = anchor if anchor is not None else anchor_of(article)
    texts = [p.text for p in article.body]
    docs = nlp.parse(story_texts(article), model) if texts else []
    return [(i, f) for i, (text, doc) in enumerate(zip(texts, docs)) for f in in_text(text, doc, anchor)]


def _notes(anchor: Anchor | None, found: list[tuple[int, Found]]) -> list[str]:
    notes = []
    if anchor is not None and anchor.source == "caption":
        notes.append(f"dates: no publication date given; relative dates count from {anchor.day}, "
                     "the latest date in a photo caption")
    if anchor is None and any(f.date.start is None and f.confidence > CONF_PROBLEM for _, f in found):
        notes.append("dates: no publication date given; relative dates are left unresolved "
                     "(give one with --published or a .meta.json sidecar)")
    for i, f in found:
        if f.problem:
            notes.append(f"dates: paragraph {i}: {f.problem}; kept as written, unresolved")
    return notes


def run(article: Article, options: "ExtractOptions") -> Article:
    anchor = anchor_of(article)
    found = find(article, anchor, options.spacy_model)
    notes = _notes(anchor, found)
    provenance = article.provenance
    if provenance is not None or notes:
        provenance = provenance or Provenance()
        kept = [n for n in provenance.notes if not n.startswith("dates: ")]  # from an earlier run
        provenance = provenance.model_copy(update={"notes": kept + notes})
    return article.model_copy(update={"dates": [f.mention(i) for i, f in found], "provenance": provenance})
