"""The published JSON Schema (2020-12) of the model, generated from the Pydantic classes.

``schema/article.schema.json`` in the repository is this function's output, committed;
a test regenerates it and fails on any difference, so the two cannot drift.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from .model import Article

SCHEMA_ID = "urn:newsgraph:schema:article"
DIALECT = "https://json-schema.org/draft/2020-12/schema"


@lru_cache(maxsize=1)
def article_schema() -> dict[str, Any]:
    schema = Article.model_json_schema(mode="validation")
    schema = {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": "newsgraph Article",
        "description": (
            "A news article with its parts, actors, places, quotes and events, "
            "as written by newsgraph's json format (one object per file, or one "
            "per line in JSON Lines). Cross-references between ids are checked by "
            "`newsgraph validate`, beyond what JSON Schema can say."
        ),
        **{k: v for k, v in schema.items() if k != "title"},
    }
    return schema


def schema_text() -> str:
    return json.dumps(article_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
