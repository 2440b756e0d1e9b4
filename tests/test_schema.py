"""The published JSON Schema: generated from the model, committed, never drifting."""

from __future__ import annotations

import json

from click.testing import CliRunner
from jsonschema import Draft202012Validator

from newsgraph.cli import main
from newsgraph.model_schema import article_schema, schema_text

from conftest import ROOT, SAMPLES

COMMITTED = ROOT / "schema" / "article.schema.json"


def test_committed_schema_matches_the_model() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == schema_text(), (
        "schema/article.schema.json is out of date: run `newsgraph schema -o schema/article.schema.json`"
    )


def test_schema_command_prints_it() -> None:
    result = CliRunner().invoke(main, ["schema"])
    assert result.exit_code == 0 and result.output == schema_text()


def test_schema_is_valid_2020_12_and_accepts_the_kitchen_sink() -> None:
    schema = article_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    Draft202012Validator(schema).validate(json.loads((SAMPLES / "kitchen_sink.json").read_text()))


def test_schema_rejects_what_the_model_rejects() -> None:
    data = json.loads((SAMPLES / "kitchen_sink.json").read_text())
    validator = Draft202012Validator(article_schema())
    for field, value in [
        ("published", "16/06/2021"),
        ("id", "not a uri"),
        ("language", "english!"),
        ("extra_field", 1),
    ]:
        broken = dict(data, **{field: value})
        assert list(validator.iter_errors(broken)), field
