"""The whole extraction, stage by stage: reading :data:`STAGES` tells it.

Each stage is a function ``(article, options) -> article`` that returns a new Article;
it reads what the stages before it wrote and leaves the rest alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..model import Article
from . import actors, clean, dates, events, nlp, quotes, structure
from .options import ExtractOptions

__all__ = ["STAGES", "ExtractOptions", "Stage", "run"]


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article, ExtractOptions], Article]


STAGES: tuple[Stage, ...] = (
    Stage("clean", clean.run),  # page furniture out of the body
    Stage("structure", structure.run),  # headline, byline, standfirst, captions, dateline
    Stage("actors", actors.run),  # people, organisations, places and their mentions
    Stage("quotes", quotes.run),  # direct, partial and reported speech and its speakers
    Stage("dates", dates.run),  # notes on dates that cannot be believed
    Stage("events", events.run),  # events with kind, label, participants, place, date
    Stage("quote events", events.link_quotes),  # quotes said at an event point to it
)


def run(article: Article, options: ExtractOptions = ExtractOptions()) -> Article:
    """``article`` through every stage, in order, validated once at the end."""
    try:
        for stage in STAGES:
            article = stage.run(article, options)
        # Stages build with model_copy, which does not validate: check the model's rules
        # (references, blank is absent, characters) once on the result.
        return Article.model_validate(article.model_dump())
    finally:
        nlp.forget()  # the Docs serve this article's stages; kept, they would grow with the batch
