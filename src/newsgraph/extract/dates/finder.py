"""Dates: every date expression in a text, as written and resolved.

Dates are counted from the publication day, ``Article.published`` (given, or found by
the structure pass in a photo caption). The verb each date hangs on decides past or
future (:mod:`.tense`), the arithmetic is :mod:`.resolve`'s, the patterns
:mod:`.grammar`'s. The events pass dates its events with these; dates that cannot be
believed (impossible, contradictory, implausibly far) stay unresolved with low
confidence and a note in ``provenance.notes`` (:func:`notes`), never an error.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import TYPE_CHECKING, cast

from ...model import Article, DateInfo, Provenance
from .. import nlp, story
from ..tense import Tense, tense_of
from . import grammar as dategrammar
from .resolve import CONF_PROBLEM, resolve

if TYPE_CHECKING:
    from pydantic.main import IncEx
    from spacy.tokens import Doc

    from ..options import ExtractOptions

NOTE_PREFIX = "dates: "


@dataclass(frozen=True)
class Found:
    """One date in a text, with what decided its resolution."""

    expr: dategrammar.Expr
    date: DateInfo
    confidence: float
    tense: Tense
    problem: str | None  # why it is not resolved, when it cannot be believed


def _date_entities(doc: "Doc") -> list[tuple[int, int]]:
    return [(e.start_char, e.end_char) for e in doc.ents if e.label_ in ("DATE", "TIME")]


def _expressions(text: str, doc: "Doc | None") -> list[dategrammar.Expr]:
    ents = _date_entities(doc) if doc is not None else []
    found = dategrammar.find(text, lambda s, e: any(a < e and s < b for a, b in ents))
    return [x for x in found if doc is None or not _count(x, doc)]


def _count(expr: dategrammar.Expr, doc: "Doc") -> bool:
    """ "a poll of 2047 registered voters": a number counting what follows, not a year (but "the
    2016 elections", with a determiner, is one)."""
    if expr.month is not None or expr.year is None:
        return False
    span = doc.char_span(expr.start, expr.end, alignment_mode="expand")
    tok = span[-1] if span is not None and len(span) else None
    if tok is None or not tok.like_num or tok.dep_ != "nummod":
        return False
    return tok.head.tag_ == "NNS" and not any(c.dep_ in ("det", "poss") for c in tok.head.children)


def anchor_of(article: Article) -> date | None:
    """The day relative dates count from: the publication day, when the article has one."""
    return date.fromisoformat(article.published[:10]) if article.published else None


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


def in_text(text: str, doc: "Doc", anchor: date | None) -> list[Found]:
    """Every date in one parsed text (a paragraph, a caption), resolved against ``anchor``."""
    found: list[Found] = []
    exprs = _expressions(text, doc)
    years = _sentence_years(exprs, doc, anchor)
    for x in exprs:
        span = doc.char_span(x.start, x.end, alignment_mode="expand")
        tense = tense_of(span.root) if span is not None and len(span) else Tense(None)
        if (
            x.kind == "date"
            and x.month is not None
            and x.year is None
            and x.relative is None
            and span is not None
            and len(span)
            and span.sent.start_char in years
        ):
            x = replace(x, year=years[span.sent.start_char])
        r = resolve(x, anchor, tense.direction, tense.strong)
        if r is None:
            continue  # a duration after all ("in three years" with a past verb)
        info = DateInfo(
            start=r.start.isoformat() if r.start else None,
            end=r.end.isoformat() if r.end else None,
            text=x.text,
            precision=r.precision,  # type: ignore[arg-type]  # a DatePrecision by construction
        )
        found.append(Found(x, info, r.confidence, tense, r.problem))
    return found


# What the dates depend on: everything but what the dates stage and the stages after it write.
_NOT_READ = cast("IncEx", {"events": True, "provenance": True, "quotes": {"__all__": {"event"}}})


def find(article: Article, model: str = nlp.DEFAULT_MODEL) -> list[tuple[int, Found]]:
    """Every date in the body with the index of its paragraph, resolved against the
    publication day (worked out once per article: the dates and events stages both ask)."""
    key = f"{model}\n{article.model_dump_json(exclude=_NOT_READ)}"
    return nlp.remembered("dates", key, lambda: _find(article, model))


def _find(article: Article, model: str) -> list[tuple[int, Found]]:
    texts = [p.text for p in article.body]
    docs = story.docs(article, model) if texts else []
    anchor = anchor_of(article)
    return [(i, f) for i, (text, doc) in enumerate(zip(texts, docs)) for f in in_text(text, doc, anchor)]


def notes(article: Article, found: list[tuple[int, Found]]) -> list[str]:
    """What the article's notes should say about its dates: the ones not believed, and
    relative dates left unresolved for want of a publication day."""
    out = []
    if anchor_of(article) is None and any(f.date.start is None and f.confidence > CONF_PROBLEM for _, f in found):
        out.append(
            f"{NOTE_PREFIX}no publication date given; relative dates are left unresolved "
            "(give one with --published or a .meta.json sidecar)"
        )
    for i, f in found:
        if f.problem:
            out.append(f"{NOTE_PREFIX}paragraph {i}: {f.problem}; kept as written, unresolved")
    return out


def _with_notes(article: Article, notes: list[str]) -> Provenance | None:
    """The article's provenance with this stage's notes replacing those of an earlier run."""
    provenance = article.provenance
    if provenance is None and not notes:
        return None
    provenance = provenance or Provenance()
    kept = [n for n in provenance.notes if not n.startswith(NOTE_PREFIX)]
    return provenance.model_copy(update={"notes": kept + notes})


def run(article: Article, options: "ExtractOptions") -> Article:
    """``article`` with notes on the dates of its body that cannot be believed (the events
    stage dates its events with :func:`find`)."""
    return article.model_copy(
        update={"provenance": _with_notes(article, notes(article, find(article, options.spacy_model)))}
    )
