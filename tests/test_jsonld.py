"""schema.org JSON-LD export: lossless round trip, validation of every export, golden files."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings

from conftest import GOLDEN, SAMPLES, STANDARDS, load_kitchen_sink
from newsgraph import Article, ConvertOptions, DateInfo, ExportOptions, api, formats, iter_articles
from newsgraph.exporters import jsonld as exporter
from newsgraph.readers import jsonld as reader
from newsgraph.readers.base import ReadOptions
from newsgraph.validators import jsonld as validator
from strategies import articles

pytestmark = pytest.mark.skipif(not (STANDARDS / "schemaorg").is_dir(), reason="needs ../shared/standards/schemaorg")


GENDER = ExportOptions(infer_gender=True)


def without_gender(article: Article) -> Article:
    return article.model_copy(update={"actors": [a.model_copy(update={"gender": None}) for a in article.actors]})


def read_back(text: str) -> list[Article]:
    return list(reader.read(text.encode("utf-8"), ReadOptions(source="test.jsonld")))


def graph_of(article: Article) -> list[dict]:
    return exporter.to_document(article, GENDER)["@graph"]


def by_id(article: Article) -> dict[str, dict]:
    return {n["@id"]: n for n in graph_of(article) if "@id" in n}


# --- round trip ----------------------------------------------------------------------------


def test_kitchen_sink_round_trip(kitchen_sink: Article) -> None:
    text = exporter.render(kitchen_sink, GENDER)
    assert read_back(text) == [kitchen_sink]


def test_gender_is_published_only_when_asked_for(kitchen_sink: Article) -> None:
    # Extraction infers gender from pronouns and titles: not a fact to publish by default.
    assert '"gender"' not in exporter.render(kitchen_sink)
    [back] = read_back(exporter.render(kitchen_sink))
    assert back == without_gender(kitchen_sink)
    assert '"gender"' in exporter.render(kitchen_sink, GENDER)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_round_trip_and_valid(article: Article) -> None:
    text = exporter.render(article, GENDER)
    assert validator.check(text.encode("utf-8"), strict=True) == []
    assert read_back(text) == [article]


@settings(max_examples=15, deadline=None)
@given(articles())
def test_compact_and_pretty_read_the_same(article: Article) -> None:
    compact = exporter.render(article, ExportOptions(pretty=False, infer_gender=True))
    assert "\n" not in compact.rstrip("\n")
    assert read_back(compact) == [article]


def test_many_articles_are_json_lines(kitchen_sink: Article) -> None:
    other = kitchen_sink.model_copy(
        update={"id": "urn:newsgraph:article:other", "quotes": [], "events": [], "headline": "Another story"}
    )
    text = api.export([kitchen_sink, other], to="jsonld", options=GENDER)
    lines = text.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["@graph"] for line in lines)
    assert read_back(text) == [kitchen_sink, other]
    assert validator.check(text.encode("utf-8"), strict=True) == []


def test_export_is_deterministic(kitchen_sink: Article) -> None:
    assert exporter.render(kitchen_sink) == exporter.render(load_kitchen_sink())


# --- the mapping ---------------------------------------------------------------------------


def test_article_node(kitchen_sink: Article) -> None:
    node = by_id(kitchen_sink)[kitchen_sink.id]
    assert node["@type"] == "NewsArticle"
    assert node["headline"] == kitchen_sink.headline
    assert node["alternativeHeadline"] == kitchen_sink.subheadline
    assert node["author"] == {"@id": "urn:newsgraph:person:maria-lopez"}
    assert node["publisher"] == {"@id": "urn:newsgraph:organization:northern-ledger"}
    assert node["sourceOrganization"] == {"@id": "urn:newsgraph:organization:reuters"}
    assert node["datePublished"] == "2025-03-03T14:20:00Z"
    assert node["dateline"] == "OTTAWA, March 3 (Reuters)"
    assert node["inLanguage"] == "en"
    assert node["articleBody"] == kitchen_sink.text
    assert node["keywords"] == [t.name for t in kitchen_sink.topics]
    assert node["mentions"] == [{"@id": a.id} for a in kitchen_sink.actors]
    assert node["contentLocation"] == [{"@id": p.id} for p in kitchen_sink.places]
    assert node["about"] == [{"@id": e.id} for e in kitchen_sink.events]
    assert node["image"] == {"@id": f"{kitchen_sink.id}#media-1"}


def test_every_node_once_and_every_reference_resolves(kitchen_sink: Article) -> None:
    nodes = graph_of(kitchen_sink)
    described: list[str] = []
    references: set[str] = set()

    def walk(value: object, top: bool) -> None:
        if isinstance(value, dict):
            if "@id" in value and len(value) > 1:
                described.append(value["@id"])
            elif "@id" in value and not value["@id"].startswith("http://schema.org/"):
                references.add(value["@id"])
            for key, item in value.items():
                walk(item, False)
        elif isinstance(value, list):
            for item in value:
                walk(item, top)

    walk(nodes, True)
    assert len(described) == len(set(described)), "a node is described twice"
    assert references <= set(described), f"dangling: {references - set(described)}"


def test_actors_people_and_identifiers(kitchen_sink: Article) -> None:
    nodes = by_id(kitchen_sink)
    fortier = nodes["urn:newsgraph:person:anne-fortier"]
    assert fortier["@type"] == "Person"
    assert fortier["jobTitle"] == "Canadian Trade Minister"
    assert fortier["affiliation"] == {"@id": "urn:newsgraph:country:canada"}
    assert fortier["gender"] == {"@id": "http://schema.org/Female"}  # with --infer-gender
    # A country that acts is its government too: in the range of attendee, affiliation...
    assert nodes["urn:newsgraph:country:canada"]["@type"] == ["Country", "GovernmentOrganization"]
    assert nodes["urn:newsgraph:country:canada"]["sameAs"] == "https://www.wikidata.org/entity/Q16"
    assert nodes["urn:newsgraph:organization:reuters"]["sameAs"] == "https://www.wikidata.org/entity/Q130879"
    group = nodes["urn:newsgraph:group:reporters"]
    assert group["@type"] == "Organization"
    assert group["additionalType"] == "urn:newsgraph:vocab:actor-kind:group"


def test_events_and_quotes(kitchen_sink: Article) -> None:
    nodes = by_id(kitchen_sink)
    talks = nodes[f"{kitchen_sink.id}#event-2"]
    assert talks["@type"] == "Event"
    assert talks["startDate"] == "2025-04-14" and talks["endDate"] == "2025-04-15"
    assert talks["location"] == {"@id": "urn:newsgraph:place:monterrey"}
    assert talks["attendee"] == [{"@id": "urn:newsgraph:country:canada"}, {"@id": "urn:newsgraph:country:mexico"}]
    assert talks["eventStatus"] == {"@id": "http://schema.org/EventScheduled"}
    assert "urn:newsgraph:vocab:event-kind:talks" in talks["additionalType"]
    quote = nodes[f"{kitchen_sink.id}#quote-1"]
    assert quote["@type"] == "Quotation"
    assert quote["spokenByCharacter"] == quote["creator"] == {"@id": "urn:newsgraph:person:anne-fortier"}
    assert quote["isPartOf"] == {"@id": kitchen_sink.id}
    assert quote["recordedAt"] == {"@id": f"{kitchen_sink.id}#event-1"}
    via = nodes[f"{kitchen_sink.id}#quote-5"]
    assert via["publisher"] == {"@id": "urn:newsgraph:organization:el-norte"}


def test_spans_travel_as_text_fragments(kitchen_sink: Article) -> None:
    paragraph = by_id(kitchen_sink)[kitchen_sink.id]["hasPart"][3]  # [0] is the kicker, [1] the standfirst
    assert paragraph["position"] == 2 and paragraph["text"] == kitchen_sink.body[1].text
    fragments = paragraph["hasPart"]
    for f in fragments:
        assert kitchen_sink.body[1].text[f["position"] : f["position"] + len(f["text"])] == f["text"]
    fortier = next(f for f in fragments if f["text"] == "Fortier")
    # One stretch of text: a mention of Fortier and the words the quote is attributed to.
    assert fortier["mentions"] == {"@id": "urn:newsgraph:person:anne-fortier"}
    assert fortier["about"] == {"@id": f"{kitchen_sink.id}#quote-1"}
    quoted = [f for f in fragments if f.get("isPartOf") == {"@id": f"{kitchen_sink.id}#quote-1"}]
    assert [f["position"] for f in quoted] == [1, 67]


def test_a_quote_in_the_standfirst_is_a_fragment_of_a_standfirst_part(kitchen_sink: Article) -> None:
    nodes = by_id(kitchen_sink)
    line = nodes[kitchen_sink.id]["hasPart"][1]
    assert line["additionalType"] == "urn:newsgraph:vocab:subheadline" and line["text"] == kitchen_sink.subheadline
    fragments = {f["text"]: f for f in line["hasPart"]}
    assert fragments["within weeks"]["isPartOf"] == {"@id": f"{kitchen_sink.id}#quote-6"}
    assert fragments["Ministers"]["about"] == {"@id": f"{kitchen_sink.id}#quote-6"}
    assert "subheadline" not in {p.get("additionalType") for p in nodes[kitchen_sink.id]["hasPart"][2:]}


def test_values_without_a_property_are_observations_of_their_node(kitchen_sink: Article) -> None:
    nodes = by_id(kitchen_sink)
    observations = nodes[f"{kitchen_sink.id}#quote-1"]["@reverse"]["observationAbout"]
    assert {o["@type"] for o in observations} == {"Observation"}
    assert {o["variableMeasured"]: o["value"] for o in observations} == {
        "cue": "told",
        "confidence": 0.97,
        "addressee": "urn:newsgraph:group:reporters",
    }  # data, not a thing
    paragraph = nodes[kitchen_sink.id]["hasPart"][2]
    assert paragraph["@reverse"]["observationAbout"] == {
        "@type": "Observation",
        "variableMeasured": "offset",
        "value": kitchen_sink.body[0].offset,
    }


def test_minted_ids_may_not_clash(kitchen_sink: Article) -> None:
    clash = kitchen_sink.model_copy(
        update={"quotes": [kitchen_sink.quotes[0].model_copy(update={"id": f"{kitchen_sink.id}#paragraph-1"})]}
    )
    with pytest.raises(Exception, match="already used"):
        exporter.render(clash)


def test_registered_format() -> None:
    fmt = formats.get("jsonld")
    assert fmt.extensions == (".jsonld",) and fmt.media_type == "application/ld+json"
    assert fmt.readable and fmt.writable and fmt.validator
    assert formats.sniff(b'{"@context": "https://schema.org", "@type": "NewsArticle"}') is fmt


def test_api_export_validates(kitchen_sink: Article) -> None:
    assert api.export(kitchen_sink, to="jsonld") == exporter.render(kitchen_sink)


SAMPLE_INPUTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(".meta.json"))


@pytest.mark.parametrize("path", SAMPLE_INPUTS, ids=lambda p: p.name)
def test_sample_golden_and_round_trip(path, file_regression) -> None:
    # Regenerate with --force-regen after an intended change; the diff shows what moved.
    [article] = list(iter_articles([path], options=ConvertOptions(to="jsonld")))
    text = api.export(article, to="jsonld")  # validated on the way; the default: no gender
    assert read_back(text) == [without_gender(article)]
    assert read_back(api.export(article, to="jsonld", options=GENDER)) == [article]
    stem = path.name.split(".")[0]
    file_regression.check(text, fullpath=GOLDEN / "jsonld" / f"{stem}.jsonld", encoding="utf-8")


def test_corners_the_strategy_does_not_reach_round_trip(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump(mode="json")
    aid = data["id"]
    data["media"] += [{"kind": "graphic", "url": "https://example.org/chart.png"}, {"kind": "audio"}]
    data["body"] += [{"text": "", "role": "note"}, {"text": "A list item", "role": "list_item", "offset": 0}]
    reuters = next(a for a in data["actors"] if a["name"] == "Reuters")
    reuters.update(
        titles=["news agency"],
        gender="male",
        affiliation="urn:newsgraph:organization:el-norte",
        identifiers={"wikidata": "Q130879", "isni": "0000000121096263", "lei": "549300"},
    )
    canada = next(a for a in data["actors"] if a["id"] == "urn:newsgraph:country:canada")
    canada.update(affiliation="urn:newsgraph:organization:reuters", titles=["federation"])
    data["places"] += [
        {"id": "urn:newsgraph:place:10-main-st", "name": "10 Main St", "kind": "address"},
        {"id": "urn:newsgraph:place:ontario", "name": "Ontario", "kind": "region"},
        {"id": "urn:newsgraph:place:town-hall", "name": "Town Hall", "kind": "venue"},
        {"id": "urn:newsgraph:place:canada", "name": "Canada", "kind": "country"},
    ]
    data["events"][0].update(status="ongoing", date={"precision": "week"})
    data["events"][1].update(status="unknown", confidence=1.0)
    data["quotes"][0].update(kind="partial", speaker=None, cue=None, confidence=1.0)
    data["provenance"] = {}
    data["kicker"] = ""
    article = Article.model_validate(data)
    text = exporter.render(article, GENDER)
    assert validator.check(text.encode("utf-8"), strict=True) == []
    assert read_back(text) == [article]
    # A place and an actor may both be a Country; the article's lists tell them apart.
    assert {n["@id"] for n in graph_of(article) if "Country" in n.get("@type", [])} >= {
        "urn:newsgraph:country:canada",
        "urn:newsgraph:place:canada",
    }
    assert aid in text


def test_an_empty_date_is_no_date(kitchen_sink: Article) -> None:
    # The one normalisation: a date object with nothing in it reads back as no date.
    event = kitchen_sink.events[0].model_copy(update={"date": DateInfo()})
    article = kitchen_sink.model_copy(update={"events": [event, *kitchen_sink.events[1:]]})
    [back] = read_back(exporter.render(article, GENDER))
    assert back.events[0].date is None


def test_html_pages_read_by_their_json_ld(kitchen_sink: Article) -> None:
    page = exporter.render(kitchen_sink, ExportOptions(embed_html=True, jsonld_profile="full", infer_gender=True))
    assert api.read_bytes(page.encode("utf-8"), format="jsonld") == [kitchen_sink]
    with pytest.raises(Exception, match="no <script"):
        api.read_bytes(b"<html><body>No data</body></html>", format="jsonld")
