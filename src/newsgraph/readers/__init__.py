"""Readers: bytes of one input format in, Articles out. They parse; they do not guess.

Each reader module exposes ``read(data: bytes, options: ReadOptions) -> Iterator[Article]``
and is registered in :mod:`newsgraph.formats`.
"""

from .base import ReadOptions

__all__ = ["ReadOptions"]
