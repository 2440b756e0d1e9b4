"""The JSON documents a validator checks: one, or one per line in JSON Lines."""

from __future__ import annotations

from typing import Any

from ..errors import InputError
from ..readers.native import iter_json_documents
from .problem import Problem


def json_documents(data: bytes, encoding: str = "utf-8") -> tuple[list[tuple[int | None, Any]], list[Problem]]:
    """(line, document) pairs, and no problem; or none, and the problem that stops reading them."""
    try:
        return list(iter_json_documents(data.decode(encoding), "<document>")), []
    except (InputError, UnicodeDecodeError) as err:
        return [], [Problem(getattr(err, "message", str(err)))]
