"""The JSON-LD validator: expansion drops nothing, every term is schema.org's, clear problems."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from conftest import GOLDEN, STANDARDS
from newsgraph import ExportOptions, api
from newsgraph import schemaorg
from newsgraph.cli import main
from newsgraph.exporters import jsonld as exporter
from newsgraph.validators import jsonld as validator

pytestmark = pytest.mark.skipif(not (STANDARDS / "schemaorg").is_dir(), reason="needs ../shared/standards/schemaorg")

ARTICLE = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "A headline"}


def problems(doc: Any, strict: bool = False) -> list[tuple[str, str]]:
    data = doc if isinstance(doc, bytes) else json.dumps(doc).encode("utf-8")
    return [(p.severity, p.message) for p in validator.check(data, strict=strict)]


def test_our_exports_have_no_problems(kitchen_sink) -> None:
    assert problems(exporter.render(kitchen_sink).encode(), strict=True) == []
    page = exporter.render(kitchen_sink, ExportOptions(embed_html=True))
    assert problems(page.encode(), strict=True) == []


def test_a_plain_publisher_article_is_valid() -> None:
    assert problems({**ARTICLE, "author": {"@type": "Person", "name": "A"}}, strict=True) == []


@pytest.mark.parametrize(
    "change, expected",
    [
        ({"headlne": "typo"}, ("error", "property 'headlne' is not a schema.org property")),
        ({"@type": "NewsArtcle"}, ("error", "@type 'NewsArtcle' is not a schema.org type")),
        (
            {"author": {"@type": "Person", "gender": {"@id": "https://schema.org/Femal"}}},
            ("error", "'Femal' is not a schema.org term"),
        ),
        ({"dateline": None}, ("error", "/dateline is null, and JSON-LD expansion drops it (leave the key out)")),
        (
            {"@context": {"headline": "https://schema.org/headline"}},
            ("error", "@type 'NewsArticle' is not a schema.org type"),
        ),
        (
            {"eventStatus": {"@id": "https://schema.org/EventScheduled"}},
            ("warning", "property 'eventStatus' is not expected on NewsArticle (schema.org domainIncludes)"),
        ),
        (
            {"@context": "https://example.com/context"},
            (
                "error",
                "@context 'https://example.com/context' is a remote context: consumers must fetch it, "
                "and newsgraph never does (inline it, or use https://schema.org)",
            ),
        ),
    ],
)
def test_problems_are_found(change: dict, expected: tuple[str, str]) -> None:
    assert expected in problems({**ARTICLE, **change})


def test_dropped_keys_are_named() -> None:
    found = problems(
        {
            "@context": {"headline": "https://schema.org/headline"},
            "@type": "https://schema.org/NewsArticle",
            "headline": "x",
            "kicker": "y",
        }
    )
    assert (
        "error",
        "JSON-LD expansion drops the key 'kicker': it maps to no IRI (use a schema.org "
        "term, or define it in the @context)",
    ) in found


def test_pending_terms_are_accepted(kitchen_sink) -> None:
    # Quotation, spokenByCharacter, jobTitle, creditText, Observation are pending terms.
    text = exporter.render(kitchen_sink)
    assert '"Quotation"' in text and '"spokenByCharacter"' in text and '"jobTitle"' in text
    assert problems(text.encode()) == []


def test_missing_vocabulary_warns_or_fails_under_strict(monkeypatch, kitchen_sink) -> None:
    monkeypatch.setattr(schemaorg, "vocabulary", lambda: None)
    monkeypatch.setattr(validator, "vocabulary", lambda: None)
    text = exporter.render(kitchen_sink).encode()
    [(severity, message)] = problems(text)
    assert severity == "warning" and "schema.org vocabulary" in message and "standards install" in message
    assert problems(text, strict=True)[0][0] == "error"


def test_missing_official_context_warns(monkeypatch) -> None:
    monkeypatch.setattr(validator, "official_context", lambda: None)
    found = problems(ARTICLE)
    assert found and all(s == "warning" for s, _ in found)
    assert "schema.org context" in found[0][1]


def test_html_page_that_breaks_out_is_caught() -> None:
    broken = (
        '<html><head><script type="application/ld+json">{"@context": "https://schema.org", '
        '"@type": "NewsArticle", "headline": "</script><script>alert(1)</script>"}'
        "</script></head></html>"
    )
    [(severity, message)] = problems(broken.encode())
    assert severity == "error" and "closed the <script> early" in message


def test_export_fails_on_an_invalid_document(monkeypatch, kitchen_sink) -> None:
    from newsgraph.errors import ExportError

    original = exporter.to_document

    def broken(article, options=None):
        doc = original(article, options)
        doc["@graph"][0]["articleBodyy"] = "typo"
        return doc

    monkeypatch.setattr(exporter, "to_document", broken)
    with pytest.raises(ExportError, match="articleBodyy"):
        api.export(kitchen_sink, to="jsonld")


def test_cli_validate(tmp_path, kitchen_sink) -> None:
    good = tmp_path / "good.jsonld"
    good.write_text(exporter.render(kitchen_sink), encoding="utf-8")
    bad = tmp_path / "bad.jsonld"
    bad.write_text(json.dumps({**ARTICLE, "headlne": "x"}), encoding="utf-8")
    result = CliRunner().invoke(main, ["validate", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"ok: {good}" in result.output
    assert f"error: {bad}: property 'headlne' is not a schema.org property" in result.output


@pytest.mark.parametrize("depth", [600, 5000])
def test_deep_nesting_is_a_problem_not_a_crash(depth: int) -> None:
    nested = '{"@type": "Thing", "subjectOf": ' * depth + '{"name": "x"}' + "}" * depth
    doc = '{"@context": "https://schema.org", "@type": "NewsArticle", "about": ' + nested + "}"
    found = problems(doc.encode())
    assert found and all(severity == "error" for severity, _ in found)


def test_nodes_outside_a_propertys_range_are_errors() -> None:
    country = {"@id": "https://example.org/#canada", "@type": "Country", "name": "Canada"}
    event = {"@type": "Event", "name": "Talks", "attendee": country}
    found = problems({**ARTICLE, "about": event})
    assert any(
        severity == "error" and "'attendee'" in message and "Country" in message and "rangeIncludes" in message
        for severity, message in found
    ), found
    # A country acting as its government is an Organization too: in range.
    acting = {**country, "@type": ["Country", "GovernmentOrganization"]}
    assert not any("rangeIncludes" in m for _, m in problems({**ARTICLE, "about": {**event, "attendee": acting}}))
    # A URL-valued property takes any IRI, whatever the document says the IRI is.
    page = {"@id": "https://example.org/a", "@type": "WebPage"}
    assert not any(
        "rangeIncludes" in m for _, m in problems({**ARTICLE, "url": "https://example.org/a", "mainEntityOfPage": page})
    )


def test_every_sample_export_has_zero_range_violations() -> None:
    for path in sorted((GOLDEN / "jsonld").glob("*.jsonld")):
        assert [m for _, m in problems(path.read_bytes(), strict=True)] == [], path.name
