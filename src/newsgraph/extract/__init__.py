"""Extraction: stages that enrich an Article from its own text.

clean -> structure -> actors -> quotes -> dates -> events -> quote events, listed in
:mod:`newsgraph.extract.pipeline`; one package per stage, each with ``run(article,
options) -> article``. Word lists, gazetteers and patterns are in :mod:`newsgraph.lexicon`.
"""

from .options import ExtractOptions
from .pipeline import run

__all__ = ["ExtractOptions", "run"]
