"""schema/context.jsonld: committed, equal to what the exporter uses, faithful to schema.org."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from conftest import ROOT, STANDARDS
from newsgraph.cli import main
from newsgraph.exporters import jsonld as exporter
from newsgraph.schemaorg import CONTEXT, SCHEMA_HTTP, context_text
from strategies import articles

COMMITTED = ROOT / "schema" / "context.jsonld"
OFFICIAL = STANDARDS / "schemaorg" / "schemaorgcontext.jsonld"
REGENERATE = "regenerate it with: newsgraph schema --jsonld-context -o schema/context.jsonld"


def test_committed_context_is_the_one_the_exporter_uses(kitchen_sink) -> None:
    assert COMMITTED.read_text(encoding="utf-8") == context_text(), REGENERATE
    assert (
        json.loads(COMMITTED.read_text(encoding="utf-8"))["@context"] == exporter.to_document(kitchen_sink)["@context"]
    )


def test_cli_prints_the_context() -> None:
    result = CliRunner().invoke(main, ["schema", "--jsonld-context"])
    assert result.exit_code == 0 and result.output == context_text()


def test_context_uses_the_official_contexts_iris() -> None:
    # http://schema.org/, as the official context and most of the web: triples merge.
    assert CONTEXT["@vocab"] == SCHEMA_HTTP and CONTEXT["schema"] == SCHEMA_HTTP
    for term, definition in CONTEXT.items():
        if isinstance(definition, dict):
            assert definition["@id"] == f"schema:{term}"


@pytest.mark.skipif(not OFFICIAL.is_file(), reason="needs ../shared/standards/schemaorg")
def test_term_definitions_match_the_official_context() -> None:
    # Same IRIs and coercions as "https://schema.org": the same JSON means the same
    # under either context.
    official = json.loads(OFFICIAL.read_text(encoding="utf-8"))["@context"]
    assert official["@vocab"] == CONTEXT["@vocab"] and official["schema"] == CONTEXT["schema"]
    for term, definition in CONTEXT.items():
        if isinstance(definition, dict):
            assert official[term] == definition, term


def _keys(value: object) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            if key != "@context":
                found.add(key)
                found |= _keys(item)
    elif isinstance(value, list):
        for item in value:
            found |= _keys(item)
    return found


@pytest.mark.skipif(not OFFICIAL.is_file(), reason="needs ../shared/standards/schemaorg")
@settings(max_examples=20, deadline=None)
@given(articles())
def test_every_term_the_official_context_coerces_is_defined(article) -> None:
    official = json.loads(OFFICIAL.read_text(encoding="utf-8"))["@context"]
    for key in _keys(exporter.to_document(article)["@graph"]):
        coerced = isinstance(official.get(key), dict) and "@type" in official[key]
        assert not coerced or key in CONTEXT, f"{key} is coerced by schema.org but not by our context"
