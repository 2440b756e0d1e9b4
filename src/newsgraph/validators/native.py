"""newsgraph JSON: the published JSON Schema (jsonschema), then the model's own rules."""

from __future__ import annotations

from functools import lru_cache

from jsonschema import Draft202012Validator, ValidationError
from jsonschema.exceptions import best_match

from ..errors import ModelError
from ..model import article_from_data
from ..model_schema import article_schema
from .documents import json_documents
from .problem import Problem


@lru_cache(maxsize=1)
def _validator() -> Draft202012Validator:
    schema = article_schema()
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _message(err: ValidationError) -> str:
    # A topic is a name or an object: the problem is in the branch of the entry's own type.
    fitting = [e for e in err.context or () if e.validator != "type"] if err.validator == "anyOf" else []
    if fitting:
        err = best_match(fitting)
    if err.validator == "pattern" and err.validator_value == r"\S":
        return "is blank: leave it out (reading takes a blank value for an absent one)"
    return err.message


def check(data: bytes, *, strict: bool = False) -> list[Problem]:
    docs, problems = json_documents(data, "utf-8")
    for line, doc in docs:
        schema_errors = sorted(_validator().iter_errors(doc), key=lambda e: list(e.absolute_path))
        for err in schema_errors[:20]:
            pointer = "/" + "/".join(str(p) for p in err.absolute_path)
            problems.append(Problem(_message(err), line=line, path=pointer))
        if not schema_errors:
            try:
                article_from_data(doc)
            except ModelError as err:
                problems.append(Problem(err.what, line=line))
    return problems
