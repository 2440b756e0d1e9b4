"""ninjs export: valid against IPTC's schema, golden, and read back into the same Article.

The round-trip guarantee (docs/ninjs.md): an item newsgraph wrote reads back as an equal
Article, for ninjs 3 and 2. Without the ``newsgraph`` description (a consumer dropped it)
it still reads back everything ninjs itself can say: see ``native_view``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph import Article, ConvertOptions, ExportError, ExportOptions, formats, standards
from newsgraph.api import detect_format
from newsgraph.cli import main
from newsgraph.exporters import ninjs as ninjs_exporter
from newsgraph.ninjs_terms import rfc3339
from newsgraph.readers.base import ReadOptions
from newsgraph.readers.ninjs import read as read_ninjs
from newsgraph.validators import ninjs as ninjs_validate

from conftest import GOLDEN, SAMPLES
from strategies import articles

# Found where newsgraph finds them ($NEWSGRAPH_STANDARDS, the cache, ../shared/standards).
pytestmark = pytest.mark.skipif(
    standards.find(standards.NINJS_SCHEMAS[3]) is None,
    reason="the official ninjs schemas are not installed (see ../shared/standards)",
)

V3, V2, V1 = ExportOptions(ninjs_version=3), ExportOptions(ninjs_version=2), ExportOptions(ninjs_version=1)


def export(article: Article, options: ExportOptions = V3) -> str:
    return newsgraph.export(article, to="ninjs", options=options)


def read_back(text: str) -> Article:
    [article] = list(read_ninjs(text.encode("utf-8"), ReadOptions(source="x.ninjs.json")))
    return article


def schema_errors(doc: Any, major: int) -> list[str]:
    checker = ninjs_validate.validator(major)
    assert checker is not None
    return [e.message for e in checker.iter_errors(doc)]


# --- validity and shape ---------------------------------------------------------------


@pytest.mark.parametrize("options, major", [(V3, 3), (V2, 2)], ids=["3.x", "2.x"])
def test_kitchen_sink_is_valid_official_ninjs(kitchen_sink: Article, options: ExportOptions, major: int) -> None:
    doc = json.loads(export(kitchen_sink, options))
    assert schema_errors(doc, major) == []
    assert doc["standard"] == {
        "name": "ninjs",
        "version": ninjs_exporter.VERSIONS[major].number,
        "schema": ninjs_exporter.VERSIONS[major].schema_url,
    }
    assert list(doc)[:3] == ["standard", "uri", "type"]


def test_version_1_is_valid_and_in_the_1x_shape(kitchen_sink: Article) -> None:
    doc = json.loads(export(kitchen_sink, V1))
    assert schema_errors(doc, 1) == []
    assert doc["$standard"]["version"] == "1.6"
    assert doc["headline"] == kitchen_sink.headline and doc["byline"] == "Maria Lopez"
    assert doc["body_text"] == kitchen_sink.text and doc["body_html"].startswith("<p>")
    assert doc["description_text"] == kitchen_sink.subheadline  # the abstract
    # Dates in UTC with a Z: what 1.x consumers (Superdesk) parse.
    assert (doc["firstcreated"], doc["versioncreated"]) == ("2025-03-03T14:20:00Z", "2025-03-03T23:05:00Z")
    assert set(doc["associations"]) == {"media-1", "media-2"}
    assert doc["renditions"] == {"web": {"href": kitchen_sink.url, "mimetype": "text/html"}}
    assert {"name": "Reuters", "rel": "source", "code": "urn:newsgraph:organization:reuters"} in doc["infosource"]


def test_kitchen_sink_properties(kitchen_sink: Article) -> None:
    doc = json.loads(export(kitchen_sink))
    assert doc["uri"] == kitchen_sink.id and doc["type"] == "text" and doc["language"] == "en"
    assert doc["firstCreated"] == "2025-03-03T14:20:00Z"
    assert doc["versionCreated"] == "2025-03-03T18:05:00-05:00"
    assert {h["role"]: h["value"] for h in doc["headlines"]} == {
        "main": kitchen_sink.headline,
        "subhead": kitchen_sink.subheadline,
        "kicker": "TRADE",
    }
    assert doc["by"] == "Maria Lopez"
    assert doc["located"] == "OTTAWA, March 3 (Reuters)"
    body, text = doc["bodies"]
    assert text == {"role": "main", "contentType": "text/plain", "value": kitchen_sink.text}
    assert body["contentType"] == "text/html" and body["role"] == "main"
    assert body["charCount"] == sum(len(p.text) for p in kitchen_sink.body)
    assert '<q data-quote="urn:newsgraph:article:407c2b58d7a4ad432b61#quote-1"' in body["value"]
    people = {p["name"]: p for p in doc["people"]}
    assert people["Maria Lopez"]["rel"] == "author"
    assert people["Anne Fortier"] == {
        "name": "Anne Fortier",
        "rel": "mentions",
        "uri": "urn:newsgraph:person:anne-fortier",
    }
    assert {o["name"] for o in doc["organisations"]} >= {"Reuters", "reporters", "El Norte"}
    # Countries are places, with their ISO 3166-1 alpha-2 code, whether they act or not.
    canada = next(p for p in doc["places"] if p["name"] == "Canada")
    assert canada == {"name": "Canada", "rel": "mentions", "uri": "urn:newsgraph:country:canada", "literal": "CA"}
    ottawa = next(p for p in doc["places"] if p["name"] == "Ottawa")
    assert ottawa["contactInfo"] == [{"address": {"country": "Canada"}}]
    assert [e["name"] for e in doc["events"]] == [e.label for e in kitchen_sink.events]
    assert {(s["role"], s["name"]) for s in doc["infoSources"]} == {
        ("publisher", "Northern Ledger"),
        ("source", "Reuters"),
    }
    assert doc["renditions"] == [{"name": "web", "href": kitchen_sink.url, "contentType": "text/html"}]
    photo, video = doc["associations"]
    assert photo["type"] == "picture" and video["type"] == "video"
    assert photo["by"] == kitchen_sink.media[0].credit
    assert photo["renditions"] == [{"name": "original", "href": kitchen_sink.media[0].url}]
    assert doc["copyrightHolder"] == "Northern Ledger"  # the publisher: the article states none
    summary, details = doc["descriptions"]  # the standfirst first: consumers show it
    assert summary == {"role": "summary", "contentType": "text/plain", "value": kitchen_sink.subheadline}
    assert details["role"] == "newsgraph" and details["contentType"] == ninjs_exporter.DETAILS_TYPE
    extra = json.loads(details["value"])
    # only what ninjs cannot say: names, uris and mentions are not repeated there
    assert extra["actors"]["urn:newsgraph:person:anne-fortier"] == {
        "aliases": ["Fortier"],
        "affiliation": "urn:newsgraph:country:canada",
        "gender": "female",
        "description": "Canada's minister of international trade",
        "titles": ["Canadian Trade Minister"],
    }
    assert extra["actors"]["urn:newsgraph:country:canada"] == {"identifiers": {"wikidata": "Q16"}, "kind": "country"}


def test_version_2_uses_the_2x_property_names(kitchen_sink: Article) -> None:
    doc = json.loads(export(kitchen_sink, V2))
    assert {"firstcreated", "versioncreated", "infosources"} <= set(doc)
    assert doc["bodies"][0]["contenttype"] == "text/html"
    assert not any(k != k.lower() for k in _keys(doc))


def _keys(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _keys(v)}
    if isinstance(value, list):
        return {k for v in value for k in _keys(v)}
    return set()


def test_dates_become_rfc3339_and_come_back_exact() -> None:
    assert rfc3339("2021-06-16") == "2021-06-16T00:00:00Z"
    assert rfc3339("2021-06-16T09:30") == "2021-06-16T09:30:00Z"
    assert rfc3339("2021-06-16T09:30:05.25+0200") == "2021-06-16T09:30:05.25+02:00"
    article = Article(id="urn:t:article:1", published="2021-06-16", modified="2021-06-16T09:30+0200")
    doc = json.loads(export(article))
    assert (doc["firstCreated"], doc["versionCreated"]) == ("2021-06-16T00:00:00Z", "2021-06-16T09:30:00+02:00")
    assert read_back(export(article)) == article
    only_modified = Article(id="urn:t:article:1", modified="2021-06-17T08:00:00Z")
    assert read_back(export(only_modified)) == only_modified


def test_edited_native_dates_win_over_the_details(kitchen_sink: Article) -> None:
    doc = json.loads(export(kitchen_sink.model_copy(update={"published": "2025-03-03"})))
    doc["firstCreated"] = "2025-03-04T08:00:00Z"  # a downstream system corrected it
    assert read_back(json.dumps(doc)).published == "2025-03-04T08:00:00Z"


def test_ids_that_are_not_rfc3986_uris_are_escaped_and_restored() -> None:
    # IRIs: the model (like NewsML-G2's xs:anyURI) takes non-ASCII letters, ninjs' "uri" does not
    article = Article.model_validate(
        {
            "id": "urn:t:artículo#ñ",
            "url": "https://example.org/caf\u00e9",
            "body": [{"text": "José spoke."}],
            "actors": [
                {
                    "id": "urn:t:person:jos\u00e9%41",
                    "kind": "person",
                    "name": "José",
                    "mentions": [{"paragraph": 0, "start": 0, "end": 4}],
                }
            ],
            "authors": ["urn:t:person:jos\u00e9%41"],
        }
    )
    doc = json.loads(export(article))
    assert doc["uri"] == "urn:t:art%C3%ADculo#%C3%B1"
    assert doc["people"][0]["uri"] == "urn:t:person:jos%C3%A9%41"
    assert schema_errors(doc, 3) == []
    assert read_back(export(article)) == article


# --- validation before writing ------------------------------------------------------------


def test_an_invalid_export_is_refused_before_it_is_written(
    kitchen_sink: Article, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = ninjs_exporter.to_data
    monkeypatch.setattr(ninjs_exporter, "to_data", lambda a, o=V3: {**real(a, o), "bogus": 1})
    with pytest.raises(ExportError, match="bogus"):
        export(kitchen_sink)
    out = tmp_path / "x.ninjs.json"
    try:
        report = newsgraph.convert([SAMPLES / "kitchen_sink.json"], out, options=ConvertOptions(to="ninjs", workers=1))
        assert not report.ok
    except ExportError:
        pass
    assert not out.exists() and not list(tmp_path.iterdir())


def test_a_missing_schema_is_a_warning_or_with_strict_an_error(
    kitchen_sink: Article, monkeypatch: pytest.MonkeyPatch
) -> None:
    found = standards.find
    monkeypatch.setattr(standards, "find", lambda rel: None)
    data = export(kitchen_sink, ExportOptions(validate=False)).encode()
    [warning] = ninjs_validate.check(data)
    assert warning.severity == "warning" and "not installed" in warning.message
    [error] = ninjs_validate.check(data, strict=True)
    assert error.severity == "error"
    export(kitchen_sink)  # not strict: written, with the warning
    with pytest.raises(ExportError, match="not installed"):
        export(kitchen_sink, ExportOptions(strict=True))
    # Installed while the process runs (serve, a test run): found at the next call, a
    # missing schema is not remembered.
    monkeypatch.setattr(standards, "find", found)
    assert ninjs_validate.validator(3) is not None and ninjs_validate.check(data) == []


def test_validator_names_the_wrong_property(kitchen_sink: Article) -> None:
    doc = json.loads(export(kitchen_sink))
    doc["firstCreated"] = "yesterday"
    doc["people"][0]["uri"] = "not a uri"
    problems = ninjs_validate.check(json.dumps(doc).encode())
    paths = {p.path for p in problems}
    assert {"/firstCreated", "/people/0/uri"} <= paths
    assert all(p.severity == "error" for p in problems)


def test_valid_ninjs_that_breaks_the_model_is_reported(kitchen_sink: Article) -> None:
    doc = json.loads(export(kitchen_sink))
    extra = json.loads(doc["descriptions"][-1]["value"])
    extra["actors"]["urn:newsgraph:person:anne-fortier"]["affiliation"] = "urn:newsgraph:country:nowhere"
    doc["descriptions"][-1]["value"] = json.dumps(extra)
    [problem] = ninjs_validate.check(json.dumps(doc).encode())
    assert "not a valid article" in problem.message and "nowhere" in problem.message


# --- round trips -------------------------------------------------------------------------


@pytest.mark.parametrize("options", [V3, V2, V1], ids=["3.x", "2.x", "1.x"])
def test_kitchen_sink_round_trips(kitchen_sink: Article, options: ExportOptions) -> None:
    assert read_back(export(kitchen_sink, options)) == kitchen_sink


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from([V3, V2, V1]))
def test_every_article_round_trips_exactly(article: Article, options: ExportOptions) -> None:
    text = export(article, options)  # validated against the official schema on the way
    assert read_back(text) == article


def _listed_place(actor: Any, article: Article) -> bool:
    return ninjs_exporter.is_listed_place(actor, set(article.authors) | set(article.sources) | {article.publisher})


def _in_body(article: Article) -> list[Any]:
    """The quotes ninjs itself carries: those the body marks (headline spans, which ninjs
    writes as plain text, travel in newsgraph's details only)."""
    return [q for q in article.quotes if any(s.in_body for s in q.spans)]


def _a_place(actor: Any, article: Article) -> bool:
    speakers = {q.speaker for q in _in_body(article)}
    return _listed_place(actor, article) and not actor.mentions and actor.id not in speakers


def _native_kind(actor: Any, article: Article) -> str:
    return actor.kind if actor.kind == "person" or _listed_place(actor, article) else "organization"


def native_view(article: Article) -> dict[str, Any]:
    """What ninjs itself carries: the guarantee when the newsgraph description is gone."""
    published, modified = ninjs_exporter.read_dates(
        *(rfc3339(d) if d else None for d in (article.published, article.modified))
    )
    return {
        "article": (
            article.id,
            article.headline,
            article.subheadline,
            article.kicker,
            article.url,
            article.language,
            article.dateline,
            article.section,
            # a topic's scheme is native only as its QCode's alias; the rest is in the details
            [(t.name, t.code, t.uri) for t in article.topics],
            article.publisher,
            article.sources,
            sorted(article.authors),
            published,
            modified,
        ),
        "body": [(p.text, p.role) for p in article.body],
        "media": article.media,
        "actors": sorted(
            (a.id, a.name, _native_kind(a, article), a.mentions) for a in article.actors if not _a_place(a, article)
        ),
        # A country listed among the places that neither the body marks as an actor nor
        # a quote names as speaker reads back as a place.
        "places": sorted(
            [(p.id, p.name, p.country, p.mentions) for p in article.places]
            + [(a.id, a.name, None, []) for a in article.actors if _a_place(a, article)]
        ),
        "events": sorted((e.id, e.label, e.mentions) for e in article.events),
        "quotes": sorted(
            (
                q.id,
                q.kind,
                q.speaker,
                [s for s in q.spans if s.in_body],
                q.speaker_mention if q.speaker_mention and q.speaker_mention.in_body else None,
            )
            for q in _in_body(article)
        ),
    }


def _without_details(text: str) -> str:
    doc = json.loads(text)
    doc.pop("descriptions")
    return json.dumps(doc)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_without_the_details_ninjs_still_carries_its_share(article: Article) -> None:
    # a first subheading repeating the headline is taken for a page's <h1> in others' items
    assume(not (article.body and article.body[0].role == "subheading" and article.body[0].text == article.headline))
    back = read_back(_without_details(export(article)))
    assert native_view(back) == native_view(article)


def test_kitchen_sink_without_the_details(kitchen_sink: Article) -> None:
    back = read_back(_without_details(export(kitchen_sink)))
    assert native_view(back) == native_view(kitchen_sink)
    assert back.actor("urn:newsgraph:country:canada").kind == "country"  # type: ignore[union-attr]  # missing fails the test (a place the body marks as acting)
    assert back.provenance is not None and back.provenance.reader == "ninjs"


# --- registry, CLI, golden files ---------------------------------------------------------


def test_registry_entry() -> None:
    fmt = formats.get("ninjs")
    assert fmt.extensions[0] == ".ninjs.json" and fmt.media_type == "application/ninjs+json"
    assert formats.by_extension("story.ninjs.json") is fmt
    assert fmt.extension_for(many=True) == ".ninjs.jsonl"


def test_unnamed_exports_are_recognised_as_ninjs(kitchen_sink: Article) -> None:
    for options in (V3, V2):
        data = export(kitchen_sink, options).encode()
        assert detect_format(data, None).name == "ninjs"
        assert detect_format(data, "story.json").name == "ninjs"


def test_many_articles_are_json_lines_each_valid(kitchen_sink: Article) -> None:
    other = kitchen_sink.model_copy(update={"id": "urn:newsgraph:article:other"})
    text = newsgraph.export([kitchen_sink, other], to="ninjs")
    lines = text.splitlines()
    assert len(lines) == 2 and all(schema_errors(json.loads(ln), 3) == [] for ln in lines)
    assert list(read_ninjs(text.encode(), ReadOptions())) == [kitchen_sink, other]


def test_cli_writes_and_validates_both_versions(tmp_path: Path) -> None:
    from click.testing import CliRunner

    runner = CliRunner()
    for version in ("3", "2"):
        out = tmp_path / f"v{version}.ninjs.json"
        result = runner.invoke(
            main,
            [
                "convert",
                str(SAMPLES / "kitchen_sink.json"),
                "--to",
                "ninjs",
                "--ninjs-version",
                version,
                "-o",
                str(out),
                "-q",
                "-j",
                "1",
            ],
        )
        assert result.exit_code == 0, result.output
        assert json.loads(out.read_text())["standard"]["version"].startswith(version + ".")
        result = runner.invoke(main, ["validate", str(out)])
        assert result.exit_code == 0 and "ok:" in result.output
    result = runner.invoke(main, ["convert", str(SAMPLES / "kitchen_sink.json"), "--ninjs-version", "2"])
    assert result.exit_code == 2 and "--ninjs-version applies to --to ninjs only" in result.output
    result = runner.invoke(
        main, ["convert", str(SAMPLES / "kitchen_sink.json"), "--to", "ninjs", "--ninjs-version", "4"]
    )
    assert result.exit_code == 2


def test_unwritable_version_is_a_usage_error(kitchen_sink: Article) -> None:
    with pytest.raises(newsgraph.UsageError, match="--ninjs-version 1, 2 or 3"):
        export(kitchen_sink, ExportOptions(ninjs_version=4))


SAMPLE_INPUTS = sorted(
    p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(".meta.json") and p.name != "kitchen_sink.json"
)  # kitchen_sink has its own golden test


@pytest.mark.parametrize("options, suffix", [(V3, ""), (V2, ".v2"), (V1, ".v1")], ids=["3.x", "2.x", "1.x"])
def test_kitchen_sink_golden(kitchen_sink: Article, options: ExportOptions, suffix: str, file_regression) -> None:
    file_regression.check(
        export(kitchen_sink, options),
        binary=False,
        encoding="utf-8",
        fullpath=GOLDEN / "ninjs" / f"kitchen_sink{suffix}.ninjs.json",
    )


@pytest.mark.parametrize("path", SAMPLE_INPUTS, ids=lambda p: p.name)
def test_sample_golden(path: Path, file_regression) -> None:
    [article] = list(newsgraph.iter_articles([path], options=ConvertOptions(to="ninjs")))
    text = export(article)
    stem = path.name.split(".")[0]
    file_regression.check(text, binary=False, encoding="utf-8", fullpath=GOLDEN / "ninjs" / f"{stem}.ninjs.json")
    assert read_back(text) == article
