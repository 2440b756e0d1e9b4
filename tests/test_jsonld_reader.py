"""Reading other publishers' NewsArticle JSON-LD, and refusing bad input without the network."""

from __future__ import annotations

import json
from typing import Any

import pytest
from click.testing import CliRunner

from newsgraph import ExportOptions, InputError, api
from newsgraph.cli import main
from newsgraph.readers import jsonld as reader
from newsgraph.readers.base import ReadOptions

BODY = (
    "The city council approved the new tram line on Tuesday.\n\n"
    "\u201cThis is a good day for commuters,\u201d said Mayor Ana Ruiz.\n\n"
    "Work starts in May."
)

# Every test here fails if anything reaches for the network.
pytestmark = pytest.mark.usefixtures("no_network")


def read(doc: Any, **options: Any):
    data = doc if isinstance(doc, bytes) else json.dumps(doc).encode("utf-8")
    return list(reader.read(data, ReadOptions(source="page.jsonld", **options)))


def test_single_object_with_author_array() -> None:
    [a] = read(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Council approves tram line",
            "description": "Construction begins in May",
            "datePublished": "2024-03-05T09:30:00+01:00",
            "dateModified": "2024-03-05T11:00:00+01:00",
            "inLanguage": "en-GB",
            "mainEntityOfPage": {"@type": "WebPage", "@id": "https://news.example/tram"},
            "author": [
                {"@type": "Person", "name": "Lena Park", "url": "https://news.example/lena"},
                {"@type": "Person", "name": "Tom Hale", "jobTitle": "Transport editor"},
            ],
            "publisher": {
                "@type": "NewsMediaOrganization",
                "name": "City Herald",
                "logo": {"@type": "ImageObject", "url": "https://news.example/logo.png"},
            },
            "image": ["https://news.example/tram-1x1.jpg", "https://news.example/tram-16x9.jpg"],
            "keywords": "transport, city council , trams",
            "articleSection": "Local",
            "articleBody": BODY,
        }
    )
    assert a.headline == "Council approves tram line"
    assert a.subheadline == "Construction begins in May"
    assert a.url == "https://news.example/tram"
    assert a.published == "2024-03-05T09:30:00+01:00" and a.language == "en-GB"
    assert [a.actor(x).name for x in a.authors] == ["Lena Park", "Tom Hale"]
    assert a.actor(a.authors[1]).titles == ["Transport editor"]
    assert a.actor(a.publisher).kind == "organization" and a.actor(a.publisher).name == "City Herald"
    assert [m.url for m in a.media] == ["https://news.example/tram-1x1.jpg", "https://news.example/tram-16x9.jpg"]
    assert [t.name for t in a.topics] == ["transport", "city council", "trams"]
    assert a.section == "Local"
    assert [p.text for p in a.body] == BODY.split("\n\n")
    assert all(p.offset is None for p in a.body)
    assert a.provenance is not None and a.provenance.reader == "jsonld"


def test_graph_with_references_and_http_schema() -> None:
    # The shape SEO plugins write: one @graph, nodes linked by @id.
    [a] = read(
        {
            "@context": "http://schema.org",
            "@graph": [
                {"@type": "WebSite", "@id": "https://news.example/#website", "name": "City Herald"},
                {
                    "@type": "WebPage",
                    "@id": "https://news.example/tram/",
                    "url": "https://news.example/tram/",
                    "isPartOf": {"@id": "https://news.example/#website"},
                },
                {
                    "@type": "NewsArticle",
                    "@id": "https://news.example/tram/#article",
                    "isPartOf": {"@id": "https://news.example/tram/"},
                    "mainEntityOfPage": {"@id": "https://news.example/tram/"},
                    "headline": "Council approves tram line",
                    "author": {"@id": "https://news.example/#/person/lena"},
                    "publisher": {"@id": "https://news.example/#org"},
                    "datePublished": "2024-03-05",
                    "image": {"@id": "https://news.example/tram/#primaryimage"},
                    "articleBody": BODY,
                },
                {
                    "@type": "Person",
                    "@id": "https://news.example/#/person/lena",
                    "name": "Lena Park",
                    "sameAs": ["https://www.wikidata.org/wiki/Q42", "https://twitter.com/lena"],
                },
                {"@type": "Organization", "@id": "https://news.example/#org", "name": "City Herald"},
                {
                    "@type": "ImageObject",
                    "@id": "https://news.example/tram/#primaryimage",
                    "contentUrl": "https://news.example/tram.jpg",
                    "caption": "A tram",
                    "creditText": "Photo: J. Doe",
                },
                {"@type": "BreadcrumbList", "itemListElement": []},
            ],
        }
    )
    assert a.id == "https://news.example/tram/#article"
    assert a.url == "https://news.example/tram/"
    lena = a.actor(a.authors[0])
    assert lena.id == "https://news.example/#/person/lena"
    assert lena.identifiers == {"wikidata": "Q42"}
    assert a.actor(a.publisher).name == "City Herald"
    assert [(m.url, m.caption, m.credit) for m in a.media] == [
        ("https://news.example/tram.jpg", "A tram", "Photo: J. Doe")
    ]


def test_author_as_string_and_top_level_array() -> None:
    [a] = read(
        [
            {
                "@context": "https://schema.org/",
                "@type": "ReportageNewsArticle",
                "headline": "Flood warning",
                "author": "By Sam Reed",
                "publisher": "River Times",
                "articleBody": "Rivers rose overnight.",
            },
            {"@context": "https://schema.org/", "@type": "BreadcrumbList", "itemListElement": []},
        ],
        id_base="https://graph.example/",
    )
    sam = a.actor(a.authors[0])
    assert (sam.name, sam.kind, sam.id) == ("Sam Reed", "person", "https://graph.example/person/sam-reed")
    assert a.actor(a.publisher).kind == "organization"


def test_stable_ids_merge_across_documents() -> None:
    docs = [
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": h,
            "author": {"@type": "Person", "name": "Lena Park"},
        }
        for h in ("One", "Two")
    ]
    ids = [read(d)[0].authors[0] for d in docs]
    assert ids[0] == ids[1] == "urn:newsgraph:person:lena-park"


def test_prefixed_terms_and_vocab_contexts() -> None:
    prefixed = read(
        {
            "@context": {"schema": "https://schema.org/"},
            "@type": "schema:NewsArticle",
            "schema:headline": "Prefixed",
            "schema:articleBody": "Text.",
        }
    )
    vocab = read(
        {
            "@context": {"@vocab": "http://schema.org/"},
            "@type": "NewsArticle",
            "headline": "Prefixed",
            "articleBody": "Text.",
        }
    )
    assert prefixed[0].headline == vocab[0].headline == "Prefixed"


def test_places_events_and_quotations() -> None:
    [a] = read(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Council approves tram line",
            "articleBody": BODY,
            "contentLocation": {
                "@type": "City",
                "name": "Springfield",
                "address": {"@type": "PostalAddress", "addressCountry": "US"},
            },
            "about": [
                {"@type": "Thing", "name": "Public transport"},
                {
                    "@type": "Event",
                    "name": "Council vote",
                    "startDate": "2024-03-05",
                    "location": {"@type": "GovernmentBuilding", "name": "City Hall"},
                },
            ],
            "mentions": {"@type": "Person", "name": "Ana Ruiz", "jobTitle": "Mayor"},
            "hasPart": {
                "@type": "Quotation",
                "text": "This is a good day for commuters,",
                "spokenByCharacter": {"@type": "Person", "name": "Ana Ruiz"},
            },
        }
    )
    assert [(p.name, p.kind, p.country) for p in a.places] == [
        ("Springfield", "city", "US"),
        ("City Hall", "venue", None),
    ]
    [event] = a.events
    assert (event.label, event.kind, event.date.start) == ("Council vote", "other", "2024-03-05")
    assert a.place(event.location).name == "City Hall"
    assert "Public transport" in [t.name for t in a.topics]
    [quote] = a.quotes
    assert a.actor(quote.speaker).name == "Ana Ruiz" and a.actor(quote.speaker).titles == ["Mayor"]
    assert a.span_text(quote.spans[0]) == "This is a good day for commuters,"


def test_locale_names_and_language_objects_give_language_tags() -> None:
    locale = read({"@context": "https://schema.org", "@type": "NewsArticle", "inLanguage": "en_US"})
    language = read(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "inLanguage": {"@type": "Language", "name": "German", "alternateName": "de"},
        }
    )
    assert (locale[0].language, language[0].language) == ("en-US", "de")


def test_one_node_as_actor_and_place_is_kept_once() -> None:
    canada = {"@id": "https://example.org/#canada", "@type": "Country", "name": "Canada"}
    [a] = read(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "x",
            "mentions": canada,
            "contentLocation": {"@id": "https://example.org/#canada"},
        }
    )
    assert [x.name for x in a.actors] == ["Canada"] and a.places == []
    assert any("both as an actor" in note for note in a.provenance.notes)


def test_unusable_values_are_noted_not_fatal() -> None:
    [a] = read(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Odd",
            "datePublished": "yesterday",
            "inLanguage": "English (UK)",
            "hasPart": {"@type": "Quotation", "text": "Not in the body"},
            "articleBody": "Short.",
        }
    )
    assert a.published is None and a.language is None and a.quotes == []
    notes = " | ".join(a.provenance.notes)
    assert "datePublished 'yesterday'" in notes and "inLanguage" in notes and "Not in the body" in notes


def test_caller_options_win() -> None:
    [a] = read(
        {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "x", "inLanguage": "en"},
        language="de",
        publisher="Kurier",
    )
    assert a.language == "de" and a.actor(a.publisher).name == "Kurier"


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b'{"@context": "https://schema.org", "@type": ', "invalid JSON at line 1"),
        (b"   ", "empty"),
        (
            json.dumps({"@context": "https://schema.org", "@type": "Person", "name": "X"}).encode(),
            "no schema.org article: its schema.org types are Person",
        ),
        (json.dumps({"@type": "NewsArticle", "headline": "no context"}).encode(), "is its @context missing"),
        (
            json.dumps({"@context": "https://example.com/ctx.jsonld", "@type": "NewsArticle"}).encode(),
            "remote URL 'https://example.com/ctx.jsonld'",
        ),
        (
            json.dumps(
                {"@context": ["https://schema.org", "https://w3id.org/security/v1"], "@type": "NewsArticle"}
            ).encode(),
            "remote URL 'https://w3id.org/security/v1'",
        ),
        (
            json.dumps({"@context": {"@import": "https://example.com/x"}, "@type": "NewsArticle"}).encode(),
            "remote URL 'https://example.com/x'",
        ),
        (
            json.dumps(
                {
                    "@context": "https://schema.org",
                    "@type": "NewsArticle",
                    "author": {"@context": "http://evil.example/", "name": "x"},
                }
            ).encode(),
            "remote URL 'http://evil.example/'",
        ),
        (json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "@id": 5}).encode(), "invalid JSON-LD"),
    ],
)
def test_bad_input_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        read(data)
    assert message in str(err.value)
    assert str(err.value).startswith("page.jsonld: ")
    assert err.value.fix


def test_tampered_newsgraph_document_is_refused(kitchen_sink) -> None:
    from newsgraph.exporters import jsonld as exporter

    doc = exporter.to_document(kitchen_sink)
    paragraph = doc["@graph"][0]["hasPart"][2]  # [1] is the standfirst, which a quote points into
    paragraph["hasPart"][0]["position"] += 1
    with pytest.raises(InputError, match="does not match the paragraph"):
        read(doc)


def test_cli_reports_remote_context(tmp_path) -> None:
    bad = tmp_path / "remote.jsonld"
    bad.write_text(json.dumps({"@context": "https://example.com/ctx", "@type": "NewsArticle"}))
    result = CliRunner().invoke(main, ["convert", str(bad), "--to", "json"])
    assert result.exit_code == 1
    assert f"error: {bad}: its @context points to the remote URL" in result.output


def test_json_file_with_context_is_read_as_jsonld(tmp_path, kitchen_sink) -> None:
    path = tmp_path / "story.json"
    path.write_text(api.export(kitchen_sink, to="jsonld", options=ExportOptions(infer_gender=True)), encoding="utf-8")
    assert api.read(path) == [kitchen_sink]
