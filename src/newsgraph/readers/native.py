"""newsgraph's own JSON: one article object, an array of them, or JSON Lines. Lossless."""

from __future__ import annotations

import json
import math
from typing import Any, Iterator

from ..errors import InputError, ModelError
from ..model import Article, article_from_data
from .base import ReadOptions, apply_options, decode_text


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            raise ValueError(f"duplicate key {key!r}")
        obj[key] = value
    return obj


class _NotJsonNumber(ValueError):
    pass


def _no_constant(name: str) -> Any:
    # Python's json reads NaN, Infinity and -Infinity; JSON has no such numbers, and other
    # tools (pyld among them) fail on them later, far from the cause.
    raise _NotJsonNumber(f"{name} is not a JSON number")


def _finite(text: str) -> float:
    value = float(text)
    if math.isinf(value):  # 1e400: a JSON number, but beyond any double
        raise _NotJsonNumber(f"{text[:20]} is too large a number")
    return value


def parse_json(text: str, source: str, *, line: int | None = None, duplicates: list[str] | None = None) -> Any:
    """json.loads that reports where the document breaks and refuses duplicate keys and the
    non-numbers NaN and Infinity (and numbers too large to hold).

    With ``duplicates`` (other publishers' documents) a repeated key is kept, the last
    value winning as in most JSON parsers, and named in that list instead of refused.
    """

    def tolerant(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        obj: dict[str, Any] = {}
        for key, value in pairs:
            if key in obj and duplicates is not None and key not in duplicates:
                duplicates.append(key)
            obj[key] = value
        return obj

    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicate_keys if duplicates is None else tolerant,
            parse_constant=_no_constant,
            parse_float=_finite,
        )
    except _NotJsonNumber as err:
        where = f" on line {line}" if line else ""
        raise InputError(
            f"invalid JSON{where}: {err}", "write a number, or null for a missing one", source=source
        ) from None
    except json.JSONDecodeError as err:
        where = f"line {line}" if line else f"line {err.lineno} column {err.colno}"
        raise InputError(
            f"invalid JSON at {where}: {err.msg}", "fix the JSON syntax; a JSON linter shows the spot", source=source
        ) from None
    except ValueError as err:  # duplicate keys
        where = f" on line {line}" if line else ""
        raise InputError(f"JSON object has a {err}{where}", "keep one value per key", source=source) from None
    except RecursionError:
        raise InputError("JSON nested too deeply", "flatten the document", source=source) from None


def json_lines(text: str) -> list[str]:
    """The lines of JSON Lines text: split at LF only (with CRLF's CR dropped).

    Not str.splitlines(): that also splits at U+2028, U+2029, U+0085 and other characters
    that JSON strings may hold unescaped, which would cut an article in two.
    """
    return [ln[:-1] if ln.endswith("\r") else ln for ln in text.split("\n")]


def iter_json_documents(
    text: str, source: str, duplicates: list[str] | None = None
) -> Iterator[tuple[int | None, Any]]:
    """The JSON values of a file: one document, or one per line in JSON Lines
    (``duplicates``: see :func:`parse_json`)."""
    stripped = text.lstrip()
    if not stripped:
        raise InputError("the file is empty", "give a file with an article in it", source=source)
    lines = [ln for ln in json_lines(text) if ln.strip()]
    if len(lines) > 1 and all(ln.lstrip().startswith("{") for ln in lines[:2]):
        try:
            json.loads(text)
            is_lines = False
        except json.JSONDecodeError:
            is_lines = True
        if is_lines:
            for n, ln in enumerate(json_lines(text), start=1):
                if ln.strip():
                    yield n, parse_json(ln, source, line=n, duplicates=duplicates)
            return
    doc = parse_json(text, source, duplicates=duplicates)
    if isinstance(doc, list):
        for item in doc:
            yield None, item
    else:
        yield None, doc


def read(data: bytes, options: ReadOptions) -> Iterator[Article]:
    text = decode_text(data, options.source)
    for line, doc in iter_json_documents(text, options.source):
        try:
            article = article_from_data(doc)
        except ModelError as err:
            if line:
                err.what = f"line {line}: {err.what}"
            raise err.at(options.source)
        yield apply_options(article, options)
