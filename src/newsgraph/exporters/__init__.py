"""Exporters: Articles in, documents of one format out, validated before they are written.

Each exporter module exposes ``render(article, options) -> str`` for one article and
``render_many(articles, options) -> Iterator[str]`` for a stream of them, and is
registered in :mod:`newsgraph.formats`.
"""

from .base import ExportOptions

__all__ = ["ExportOptions"]
