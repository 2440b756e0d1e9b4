"""Word lists and patterns are data: files in ``lexicon/data/``, read once.

A ``.txt`` list has one entry per line; blank lines and lines starting with ``#`` are
comments. A ``.json`` file holds whatever structure its pass documents.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources
from typing import Any

_DATA = "newsgraph.lexicon.data"


@lru_cache(maxsize=None)
def words(name: str) -> tuple[str, ...]:
    """Entries of ``data/<name>.txt`` in file order."""
    text = resources.files(_DATA).joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#"))


@lru_cache(maxsize=None)
def word_set(name: str, *, casefold: bool = True) -> frozenset[str]:
    return frozenset(w.casefold() if casefold else w for w in words(name))


@lru_cache(maxsize=None)
def data(name: str) -> Any:
    """The parsed ``data/<name>.json``."""
    return json.loads(resources.files(_DATA).joinpath(f"{name}.json").read_text(encoding="utf-8"))


def trained_weights(name: str, features: tuple[str, ...], script: str) -> tuple[float, ...]:
    """The weights of a learned part, ``data/<name>.json`` as ``script`` writes it: refused
    when they were trained on other features than the extractor computes now."""
    table: dict[str, Any] = data(name)
    if tuple(table["features"]) != features or len(table["weights"]) != len(features):
        raise ValueError(f"{name}.json was trained on other features: run {script}")
    return tuple(float(w) for w in table["weights"])
