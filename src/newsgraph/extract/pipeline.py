"""The whole extraction, stage by stage: reading :data:`STAGES` tells it.

Each stage is a function ``(article, options) -> article`` that returns a new Article;
it reads what the stages before it wrote and leaves the rest alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from ..lexicon.language import english_evidence, non_english_reason
from ..model import Article, Provenance, built_article, revalidated
from . import actors, clean, dates, events, nlp, quotes, structure, windows
from .options import ExtractOptions

__all__ = ["STAGES", "ExtractOptions", "Stage", "run"]


@dataclass(frozen=True)
class Stage:
    name: str
    run: Callable[[Article, ExtractOptions], Article]
    english_only: bool = True  # its models and word lists are English: skipped for other languages
    parses: bool = True  # reads spaCy's Docs: a huge article goes through it in windows (windows.py)


STAGES: tuple[Stage, ...] = (
    # page furniture out of the body (English phrases only)
    Stage("clean", clean.run, english_only=False, parses=False),
    # headline, byline, standfirst, captions, dateline (in another language: the dateline only)
    Stage("structure", structure.run, english_only=False, parses=False),
    # people, organisations, places and their mentions (in another language: the dateline's place)
    Stage("actors", actors.run, english_only=False),
    Stage("quotes", quotes.run),  # direct, partial and reported speech and its speakers
    Stage("dates", dates.run),  # notes on dates that cannot be believed
    Stage("events", events.run),  # events with kind, label, participants, place, date
    Stage("quote events", events.link_quotes),  # quotes said at an event point to it
)


def _noted(article: Article, note: str) -> Article:
    prov = article.provenance or Provenance()
    return article.model_copy(update={"provenance": prov.model_copy(update={"notes": [*prov.notes, note]})})


def _language(article: Article, options: ExtractOptions) -> Article:
    """An article that states no language, and went through the English passes, is English
    when the caller declared it or its words show it (NewsML-G2, ninjs and JSON-LD then say
    so); the note in provenance tells how it is known. Short text says too little: no
    language is stated for it."""
    if article.language:
        return article
    if options.language:
        found, how = options.language, "as declared for extraction"
    else:
        evidence = english_evidence(article.text)
        if evidence is None:
            return article
        found, how = "en", f"detected before English extraction: {evidence}"
    return _noted(article.model_copy(update={"language": found}), f"language {found}: {how}")


def _stages(article: Article, options: ExtractOptions, check: bool) -> tuple[Article, str | None]:
    """``article`` through the stages its language allows, and why the English ones were
    skipped (None: not skipped). ``check``: validated again first (model.revalidated), here, so
    that no frame holds the copy once the first stage has made the next. From the first stage
    that parses on, a huge article goes through the rest window by window (memory bounded in
    its length: windows.py)."""
    if check:
        article = revalidated(article)
    foreign = non_english_reason(article.text, options.language or article.language, forced=bool(options.language))
    stages = [s for s in STAGES if not (foreign and s.english_only)]
    first = next((n for n, stage in enumerate(stages) if stage.parses), len(stages))
    for stage in stages[:first]:
        article = stage.run(article, options)
    if first < len(stages) and windows.needed(article):  # measured once the body is cleaned
        return windows.extract(article, [stage.run for stage in stages[first:]], options), foreign
    for stage in stages[first:]:
        article = stage.run(article, options)
    return article, foreign


def run(article: Article, options: ExtractOptions = ExtractOptions(), *, check: bool = False) -> Article:
    """``article`` through every stage, in order, validated once at the end. An article not in
    English goes through the stages that are not English-only, with a note saying so. ``check``:
    validated again first, as an article changed after it was made must be (api.extract)."""
    try:
        article, foreign = _stages(article, options, check)
        if foreign:
            skipped = ", ".join(stage.name for stage in STAGES if stage.english_only)
            article = _noted(article, f"{skipped} not extracted: {foreign}")
        else:
            article = _language(article, options)
        # Stages build with model_copy, which does not validate: check the model's rules
        # (references, blank is absent, characters) once on the result, part by part, each
        # unvalidated part let go as its copy is made, and the article's Docs first, so that a
        # huge article is not held twice (model.built_article).
        fields = dict(article)
        del article
        nlp.forget()
        return built_article(fields)
    finally:
        nlp.forget()  # the Docs serve this article's stages; kept, they would grow with the batch
