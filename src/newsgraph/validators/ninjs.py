"""ninjs: the official IPTC JSON Schema of the item's version, then the model's rules.

The schema is chosen by the item's major version (1.x -> 1.6, 2.x -> 2.2, 3.x -> 3.1);
its validator class comes from the schema's ``$schema`` (draft-07 for 1.x, 2020-12 for
2.x and 3.x), formats (uri, date-time) are checked, and the GeoJSON schema that 2.x and
3.x reference by URL is served from the local copy, so no network request is ever made.
"""

from __future__ import annotations

import json
from pathlib import Path
from functools import lru_cache
from typing import Any

import referencing
from jsonschema import validators
from jsonschema.exceptions import best_match
from jsonschema.protocols import Validator

from .. import standards
from ..errors import InputError, NewsgraphError
from ..readers.ninjs import article_from_ninjs, detect_version
from .documents import json_documents
from .problem import Problem


def validator(major: int) -> Validator | None:
    """The compiled validator of the official schema for ninjs ``major``, or None if absent.

    Only a found schema is kept: one installed while the process runs (``serve``, a test
    run) is found at the next call."""
    path = standards.find(standards.NINJS_SCHEMAS[major])
    geo_path = standards.find(standards.GEOJSON_SCHEMA)
    if path is None or geo_path is None:
        return None
    return _compiled(path, geo_path)


@lru_cache(maxsize=8)
def _compiled(path: Path, geo_path: Path) -> Validator:
    schema = json.loads(path.read_text(encoding="utf-8"))
    geo = json.loads(geo_path.read_text(encoding="utf-8"))
    registry: referencing.Registry[Any] = referencing.Registry().with_resource(
        geo["$id"], referencing.Resource.from_contents(geo)
    )
    cls = validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, registry=registry, format_checker=cls.FORMAT_CHECKER)


def missing_schema(major: int, strict: bool) -> Problem:
    return Problem(
        f"the official ninjs {major}.x schema ({standards.NINJS_SCHEMAS[major]}) is not "
        f"installed, so the item was not checked against it ({standards.INSTALL_HINT})",
        severity="error" if strict else "warning",
        unchecked=True,
    )


def schema_problems(doc: Any, major: int, *, strict: bool = False, line: int | None = None) -> list[Problem]:
    """What the official schema of ``major`` says about one parsed item."""
    checker = validator(major)
    if checker is None:
        return [missing_schema(major, strict)]
    errors = sorted(checker.iter_errors(doc), key=lambda e: list(map(str, e.absolute_path)))
    return [
        Problem(_message(err), line=line, path="/" + "/".join(str(p) for p in err.absolute_path)) for err in errors[:20]
    ]


def _message(err: Any) -> str:
    # oneOf/anyOf report on the whole object; their best sub-error names what is wrong.
    if err.context:
        return f"{err.message} ({best_match(err.context).message})"
    return str(err.message)


def check(data: bytes, *, strict: bool = False) -> list[Problem]:
    docs, problems = json_documents(data, "utf-8-sig")
    for line, doc in docs:
        try:
            major = detect_version(doc)
        except InputError as err:
            problems.append(Problem(err.message, line=line))
            continue
        found = schema_problems(doc, major, strict=strict, line=line)
        problems.extend(found)
        if any(p.severity == "error" for p in found):
            continue
        try:
            article_from_ninjs(doc)
        except NewsgraphError as err:
            problems.append(Problem(f"valid ninjs, but not a valid article: {err.message}", line=line))
    return problems
