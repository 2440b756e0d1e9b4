"""newsgraph's own JSON: lossless, deterministic bytes (sorted keys, model order of lists)."""

from __future__ import annotations

import json
from typing import Iterable, Iterator

from ..model import Article
from .base import ExportOptions

# JSON Lines chunks are each a whole article, so each is checked against the schema.
VALIDATE_CHUNKS = True


def to_data(article: Article) -> dict:
    return article.model_dump(mode="json", exclude_none=True)


def render(article: Article, options: ExportOptions = ExportOptions()) -> str:
    if options.pretty:
        return json.dumps(to_data(article), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    return render_line(article)


def render_line(article: Article) -> str:
    return json.dumps(to_data(article), sort_keys=True, ensure_ascii=False, separators=(",", ":")) + "\n"


def render_many(articles: Iterable[Article], options: ExportOptions = ExportOptions()) -> Iterator[str]:
    for article in articles:
        yield render_line(article)
