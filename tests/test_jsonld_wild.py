"""JSON-LD as publishers write it: every Article type, @vocab with or without its slash,
authors and images in every shape, dates that are not ISO 8601, blocks that are not JSON."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email.utils import format_datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from newsgraph import InputError
from newsgraph.readers import datestamps
from newsgraph.readers import jsonld as reader
from newsgraph.readers.base import ReadOptions

from conftest import SHARED

REALWORLD = SHARED / "realworld" / "jsonld"
pytestmark = pytest.mark.usefixtures("no_network")


def read(doc: Any) -> list:
    data = doc if isinstance(doc, bytes) else json.dumps(doc).encode("utf-8")
    return list(reader.read(data, ReadOptions(source="block.jsonld")))


def article(**fields: Any) -> dict[str, Any]:
    return {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour reopens", **fields}


@pytest.mark.parametrize(
    "kind",
    [
        "Article",
        "NewsArticle",
        "ReportageNewsArticle",
        "AnalysisNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "Report",
        "SocialMediaPosting",
        "OpinionNewsArticle",
        "TechArticle",
        "SatiricalArticle",
    ],
)
def test_every_article_type_reads(kind: str) -> None:
    [a] = read(article(**{"@type": kind}))
    assert a.headline == "Harbour reopens"


@pytest.mark.parametrize(
    "context",
    [
        "https://schema.org",
        "http://schema.org",
        "https://schema.org/",
        "http://schema.org/",
        {"@vocab": "http://schema.org"},
        {"@vocab": "http://schema.org/"},
        {"@vocab": "https://schema.org"},
        [{"@vocab": "https://schema.org"}, {"ex": "https://example.org/terms#"}],
    ],
)
def test_vocab_with_or_without_slash_http_or_https(context: Any) -> None:
    [a] = read(article(**{"@context": context}))
    assert a.headline == "Harbour reopens"


@pytest.mark.parametrize(
    "author, expected",
    [
        ("Ann Lee", [("person", "Ann Lee")]),
        ({"@type": "Person", "name": "Ann Lee"}, [("person", "Ann Lee")]),
        ({"@type": "Organization", "name": "Gazette Staff"}, [("organization", "Gazette Staff")]),
        ([{"@type": "Person", "name": "Ann Lee"}, "Bo Chen"], [("person", "Ann Lee"), ("person", "Bo Chen")]),
        ([{"@type": "Person", "givenName": "Ann", "familyName": "Lee"}], [("person", "Ann Lee")]),
    ],
)
def test_author_in_every_shape(author: Any, expected: list[tuple[str, str]]) -> None:
    [a] = read(article(author=author))
    actors = {x.id: x for x in a.actors}
    assert [(actors[i].kind, actors[i].name) for i in a.authors] == expected


def test_an_author_written_as_an_agency_name_is_a_source() -> None:
    [a] = read(article(author=["Reuters", "Ann Lee"]))
    actors = {x.id: x for x in a.actors}
    assert [(actors[i].kind, actors[i].name) for i in a.authors] == [("person", "Ann Lee")]
    assert [(actors[i].kind, actors[i].name) for i in a.sources] == [("organization", "Reuters")]


def test_an_article_body_that_holds_html_is_read_as_html() -> None:
    body = '<p class="lead">Ferries resumed on &quot;Friday&quot;.</p>\r\n\r\n<p class="text">Crews <b>returned</b> at dawn.</p>'
    [a] = read(article(articleBody=body))
    assert [p.text for p in a.body] == ['Ferries resumed on "Friday".', "Crews returned at dawn."]
    [plain] = read(article(articleBody="Prices rose 3 < 4 percent.\n\nMarkets > calm."))
    assert [p.text for p in plain.body] == ["Prices rose 3 < 4 percent.", "Markets > calm."]


def test_author_by_reference_in_a_graph() -> None:
    doc = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Person", "@id": "https://x.example/#ann", "name": "Ann Lee"},
            {"@type": "WebPage", "@id": "https://x.example/p"},
            {
                "@type": "Article",
                "headline": "Harbour reopens",
                "isPartOf": {"@id": "https://x.example/p"},
                "author": {"@id": "https://x.example/#ann"},
            },
        ],
    }
    [a] = read(doc)
    assert [x.name for x in a.actors if x.id in a.authors] == ["Ann Lee"]


@pytest.mark.parametrize(
    "image, urls",
    [
        ("https://x.example/a.jpg", ["https://x.example/a.jpg"]),
        (
            {"@type": "ImageObject", "url": "https://x.example/a.jpg", "caption": "The quay"},
            ["https://x.example/a.jpg"],
        ),
        (
            ["https://x.example/a.jpg", {"@type": "ImageObject", "contentUrl": "https://x.example/b.jpg"}],
            ["https://x.example/a.jpg", "https://x.example/b.jpg"],
        ),
    ],
)
def test_image_in_every_shape(image: Any, urls: list[str]) -> None:
    [a] = read(article(image=image))
    assert [m.url for m in a.media] == urls


@pytest.mark.parametrize(
    "written, expected",
    [
        ("19 Nov 2019 07:09 GMT", "2019-11-19T07:09:00+00:00"),
        ("Tue, 19 Nov 2019 07:09:00 +0100", "2019-11-19T07:09:00+01:00"),
        ("Tue Nov 19 2019 03:05:46 GMT+0000 (Coordinated Universal Time)", "2019-11-19T03:05:46+00:00"),
        ("01:38:07 PM IST Nov 20, 2019", "2019-11-20T13:38:07+05:30"),
        ("November 19, 2019", "2019-11-19"),
    ],
)
def test_dates_that_are_not_iso_read_with_the_original_kept(written: str, expected: str) -> None:
    [a] = read(article(datePublished=written))
    assert a.published == expected
    assert f"datePublished as written: {written}" in a.provenance.notes


def test_iso_dates_stay_as_written_with_a_colon_in_the_offset() -> None:
    [a] = read(
        article(
            datePublished="2019-11-20T09:29:08+0000",
            dateModified="2019-11-20T10:00:00.5Z",
            articleBody="The harbour reopened on Monday.",
        )
    )
    assert (a.published, a.modified) == ("2019-11-20T09:29:08+00:00", "2019-11-20T10:00:00.5Z")
    assert a.provenance.notes == []


def test_a_placeholder_date_is_no_date() -> None:
    [a] = read(article(datePublished="0001-01-01T00:00:00Z"))
    assert a.published is None and any("placeholder" in n for n in a.provenance.notes)


def test_a_newsarticle_wins_over_its_twin_and_nested_articles_are_not_the_page() -> None:
    doc = [article(), {"@context": "https://schema.org", "@type": "Article", "headline": "Harbour reopens | Site"}]
    assert [a.headline for a in read(doc)] == ["Harbour reopens"]
    nested = article(isBasedOn={"@type": "Article", "headline": "Earlier report"})
    assert [a.headline for a in read(nested)] == ["Harbour reopens"]


def test_no_article_at_all_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="no schema.org article: its schema.org types are Person"):
        read({"@context": "https://schema.org", "@type": "Person", "name": "Ann Lee"})


@pytest.mark.parametrize("path", sorted(REALWORLD.glob("*.jsonld")), ids=lambda p: p.name)
def test_every_realworld_block_reads_with_its_date(path: Path) -> None:
    [a] = list(reader.read(path.read_bytes(), ReadOptions(source=path.name)))
    raw = json.dumps(json.loads(path.read_bytes()))
    if "0001-01-01" in raw:
        assert a.published is None  # a placeholder, not a date
    else:
        assert a.published and a.published[:4] in raw, a.published


def test_malformed_blocks_a_clear_error_or_a_lenient_read() -> None:
    folder = REALWORLD / "malformed"
    outcomes = {}
    for path in sorted(folder.glob("*.jsonld")):
        try:
            [a] = list(reader.read(path.read_bytes(), ReadOptions(source=path.name)))
            outcomes[path.name.split("_")[1]] = a
        except InputError as err:
            assert "invalid JSON at line" in str(err) and err.fix
            outcomes[path.name.split("_")[1]] = None
    assert outcomes["reuters"] is None and outcomes["inexhibit"] is None  # not JSON to any parser
    lenient = outcomes["moneycontrol"]  # raw line breaks inside strings: read, and said so
    assert lenient is not None and lenient.published == "2019-11-20T13:38:07+05:30"
    assert any("raw line breaks" in n for n in lenient.provenance.notes)


_OFFSETS = st.integers(min_value=-14 * 60, max_value=14 * 60).map(lambda m: timezone(timedelta(minutes=m)))


@given(st.datetimes(min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=_OFFSETS))
def test_dates_round_trip_through_rfc822_and_iso(moment: datetime) -> None:
    moment = moment.replace(microsecond=0)
    assume(moment.timestamp() != 0)  # the Unix epoch is a placeholder, no date
    for text in (format_datetime(moment), moment.isoformat()):
        found = datestamps.parse(text)
        assert found is not None, text
        assert datetime.fromisoformat(found.replace("Z", "+00:00")) == moment


def test_metadata_without_an_article_body_says_so() -> None:
    [a] = read(article(description="The harbour reopened on Monday."))
    assert a.body == []
    assert a.provenance.notes == [
        "the JSON-LD gives no articleBody: the body is empty as in the source (read the page's HTML for its text)"
    ]
