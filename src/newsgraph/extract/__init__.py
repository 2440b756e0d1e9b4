"""Extraction: passes that enrich an Article from its own text.

clean -> structure -> actors -> quotes -> events -> dates -> link. Each pass is a
function ``(article, options) -> article`` in its own module, listed in
:mod:`newsgraph.extract.pipeline`; word lists and patterns live in ``data/``.
"""

from .pipeline import ExtractOptions, run

__all__ = ["ExtractOptions", "run"]
