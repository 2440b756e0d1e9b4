"""Reading ninjs 1.x, 2.x and 3.x: IPTC's official examples, other publishers' habits, bad input."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph import Article, InputError, ModelError, NewsgraphError, standards
from newsgraph.readers.base import ReadOptions
from newsgraph.readers.ninjs import article_from_ninjs, detect_version, read
from newsgraph.validators import ninjs as ninjs_validate

from junk import NINJS_KEYS

_SCHEMA = standards.find(standards.NINJS_SCHEMAS[3])
EXAMPLES = _SCHEMA.parent / "examples" if _SCHEMA else Path("/nonexistent")
EXAMPLE_FILES = sorted(EXAMPLES.glob("*/*.json"))
needs_examples = pytest.mark.skipif(
    not EXAMPLE_FILES, reason="IPTC's ninjs examples are not installed (see ../shared/standards/ninjs/examples)"
)


def read_file(path: Path) -> Article:
    [article] = newsgraph.read(path, format="ninjs")
    return article


def read_doc(doc: object, **options: str) -> list[Article]:
    return list(read(json.dumps(doc).encode(), ReadOptions(source="doc.json", **options)))  # type: ignore[arg-type]  # the tests name ReadOptions' own fields


def example(name: str) -> Path:
    [path] = [p for p in EXAMPLE_FILES if f"{p.parent.name}/{p.name}" == name]
    return path


# --- the official examples ---------------------------------------------------------------


@needs_examples
@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_official_example_reads_and_validates(path: Path) -> None:
    article = read_file(path)
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert detect_version(doc) == int(path.parent.name[0])
    assert article.headline
    assert article.published or article.events and article.events[0].date
    assert article.actors or article.places
    if any(k.startswith(("body", "bodies")) for k in doc):
        assert len(article.body) >= 4 and all(p.text.strip() for p in article.body)
    assert ninjs_validate.check(path.read_bytes()) == []


@needs_examples
@pytest.mark.parametrize(
    "name",
    ["1.x/005_complex_text_article.json", "2.x/005_complex_text_article.json", "3.x/005_complex_text_article.json"],
)
def test_one_article_reads_the_same_in_every_version(name: str) -> None:
    article = read_file(example(name))
    assert article.id == "http://ninjs.example.com/newsitems/20130709med123"
    assert article.headline == "Captain of wrecked cruise ship on trial in Italy"
    assert article.published == "2013-07-09T10:37:00Z" and article.modified is None
    assert article.language == "en" and article.dateline == "Grossetto, Italy"
    people = {a.name: a for a in article.actors if a.kind == "person"}
    assert people["Francesco Schettino"].id == "http://www.wikidata.org/entity/Q4421821"
    assert [article.actor(i).name for i in article.authors] == ["Paulo Santalucia", "Frances d'Emilio"]  # type: ignore[union-attr]  # missing fails the test
    assert [a.name for a in article.actors if a.kind == "organization"] == ["Costa Crociere SpA"]
    places = {p.name: p for p in article.places}
    assert list(places) == ["Grossetto", "Tuscany", "Italy"]
    assert places["Italy"].id == "http://cvx.iptc.org/iso3166-1a2/it"
    assert places["Grossetto"].id == "urn:newsgraph:place:grossetto"
    assert [p.role for p in article.body] == ["body"] * 4  # the HTML body, not the plain one
    assert article.body[0].text.startswith("GROSSETO, Italy (AP) -- The trial")
    assert article.provenance is not None and article.provenance.reader == "ninjs"


@needs_examples
def test_1x_scheme_and_code_make_a_uri_and_associations_become_media() -> None:
    article = read_file(example("1.x/ninjsExComplex1.json"))
    schettino = next(a for a in article.actors if a.name == "Francesco Schettino")
    assert schettino.id == "http://www.freebase.com/m/0hzcydt"
    [photo] = article.media
    assert photo.kind == "image" and photo.credit == "Paulo Santalucia"
    assert photo.url == "http://hosted.ap.org/photos/2/2643c588-dc8d-4923-bebd-e3b904edbb3a-big.jpg"
    assert photo.caption and photo.caption.startswith("The Costa Concordia cruise ship lies on its side")


@needs_examples
def test_agency_byline_gives_the_person_as_author_and_the_agency_as_source() -> None:
    # as for every other format: authors are people, an agency in a byline is a source
    article = read_file(example("2.x/dpa_text.json"))
    authors = [article.actor(i) for i in article.authors]
    assert [(a.name, a.kind) for a in authors] == [("Christian Hollmann", "person")]  # type: ignore[union-attr]  # missing fails the test
    sources = [article.actor(i) for i in article.sources]
    assert [(a.name, a.kind) for a in sources] == [("dpa", "organization")]  # type: ignore[union-attr]  # missing fails the test
    assert article.language == "de" and article.published == "2019-05-10T16:02:28+02:00"
    assert len(article.body) == 9


@needs_examples
def test_full_html_page_body_with_figure_and_blockquotes() -> None:
    article = read_file(example("2.x/tt_text_image_2.json"))
    texts = [p.text for p in article.body]
    assert article.headline not in texts  # the page's <h1> repeats the headline
    assert [p.role for p in article.body].count("blockquote") == 2
    assert not any("Arkivbild" in t for t in texts)  # the figure caption is the photo's, not the body's
    [photo] = article.media
    assert photo.credit == "Karl Melander/TT" and photo.caption and "Arkivbild" in photo.caption
    assert [t.name for t in article.topics] == ["Krig, konflikter och oroligheter"]
    assert article.subheadline and article.subheadline.startswith("Pandemin satte stopp")
    assert {p.name for p in article.places} == {"Sverige", "Gotland", "Finland"}


@needs_examples
def test_an_event_item_becomes_an_article_with_its_event() -> None:
    article = read_file(example("3.x/008_event.json"))
    assert article.headline == "2023 NATO Summit Press Conference"
    [event] = article.events
    assert event.label == article.headline
    assert event.date is not None and (event.date.start, event.date.precision) == ("2023-07-11", "day")
    [venue] = article.places
    assert (venue.name, venue.country, event.location) == ("LITEXPO", "Lithuania", venue.id)


# --- version detection -------------------------------------------------------------------


@pytest.mark.parametrize(
    "doc, major",
    [
        ({"uri": "urn:x", "standard": {"name": "ninjs", "version": "2.1"}}, 2),
        ({"uri": "urn:x", "standard": {"schema": "https://www.iptc.org/std/ninjs/ninjs-schema_1.5.json"}}, 1),
        ({"uri": "urn:x", "versionCreated": "2020-01-01T00:00:00Z"}, 3),
        ({"uri": "urn:x", "bodies": [{"contenttype": "text/plain", "value": "x"}]}, 2),
        ({"uri": "urn:x", "headline": "h", "body_text": "b"}, 1),
        ({"uri": "urn:x", "headlines": [{"value": "h"}]}, 3),
        (
            {
                "uri": "urn:x",
                "standard": {"name": "TTNINJS", "version": "2.1"},
                "versioncreated": "2020-01-01T00:00:00Z",
            },
            2,
        ),
    ],
)
def test_version_detection(doc: dict, major: int) -> None:
    assert detect_version(doc) == major


# --- bad input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data, message",
    [
        (b'{"uri": "urn:x", "headlines": [', "invalid JSON at line 1"),
        (b'{"uri": "urn:x", "uri": "urn:y"}', "duplicate key 'uri'"),
        (b'{"uri": "urn:x", "standard": {"name": "ninjs", "version": "4.0"}}', "ninjs version 4.0 is not supported"),
        (
            b'{"uri": "urn:x", "standard": {"schema": "http://www.iptc.org/std/ninjs/ninjs-schema_0.9.json"}}',
            "ninjs version 0.9 is not supported",
        ),
        (b'{"uri": "urn:x", "standard": {"name": "ninjs", "version": "latest"}}', "not a version number"),
        (b'{"headlines": [{"value": "no uri"}]}', 'has no "uri"'),
        (b"[1, 2]", "expected a JSON object for a ninjs item, found int"),
        (b"", "the file is empty"),
    ],
)
def test_bad_input_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as caught:
        list(read(data, ReadOptions(source="bad.ninjs.json")))
    assert caught.value.fix and str(caught.value).startswith("bad.ninjs.json: ")


def test_unknown_version_through_the_api_and_validator() -> None:
    data = b'{"uri": "urn:x", "standard": {"name": "ninjs", "version": "9.2"}}'
    with pytest.raises(InputError, match="9.2 is not supported.*1.x, 2.x and 3.x"):
        newsgraph.read_bytes(data, format="ninjs")
    [problem] = ninjs_validate.check(data)
    assert "9.2 is not supported" in problem.message


def test_broken_newsgraph_description_is_a_clear_error() -> None:
    base: dict[str, Any] = {
        "uri": "urn:x",
        "descriptions": [{"role": "newsgraph", "contentType": "application/vnd.newsgraph.details+json"}],
    }
    for value, message in (
        ("{nope", "not valid JSON"),
        ("[]", "not a JSON object"),
        ('{"newsgraph": 7}', "has version 7; this newsgraph reads version 1"),
    ):
        base["descriptions"][0]["value"] = value
        with pytest.raises(InputError, match=message):
            read_doc(base)
    base["descriptions"][0]["value"] = json.dumps({"newsgraph": 1, "article": {"provenance": {"bogus": 1}}})
    with pytest.raises(ModelError, match="provenance.bogus"):
        read_doc(base)


def test_values_the_model_refuses_are_left_out_and_noted() -> None:
    [article] = read_doc(
        {
            "uri": "urn:x",
            "language": "English",
            "versionCreated": "yesterday",
            "headlines": [{"value": "<b>Bold</b> claim", "contentType": "text/html"}],
            "renditions": [{"name": "web", "href": "relative/page.html"}],
        }
    )
    assert article.language is None and article.published is None and article.url is None
    assert article.headline == "Bold claim"
    assert article.provenance is not None
    assert any("'English' is not a BCP 47 tag" in n for n in article.provenance.notes)
    assert any("'yesterday' is not an ISO 8601 date" in n for n in article.provenance.notes)


def test_a_uri_that_is_no_model_id_gets_a_minted_one() -> None:
    [article] = read_doc(
        {
            "uri": "renditions-example",
            "people": [{"name": "Ann Lee", "uri": "nope"}, {"name": "Ann Lee", "uri": "nope"}],
        },
        id_base="https://ids.example.org/",
    )
    assert article.id.startswith("https://ids.example.org/article/")
    assert [a.id for a in article.actors] == ["https://ids.example.org/person/ann-lee"]  # listed twice: once


def test_json_lines_of_items_and_line_numbers_in_errors() -> None:
    lines = b'{"uri": "urn:a", "headlines": [{"value": "A"}]}\n{"uri": "urn:b", "headlines": [{"value": "B"}]}\n'
    assert [a.headline for a in read(lines, ReadOptions())] == ["A", "B"]
    bad = lines + b'{"uri": "urn:c", "standard": {"name": "ninjs", "version": "5"}}\n'
    with pytest.raises(InputError, match="<stdin>: line 3: ninjs version 5 is not supported"):
        list(read(bad, ReadOptions()))


def test_plain_text_body_is_split_into_paragraphs() -> None:
    [article] = read_doc(
        {"uri": "urn:x", "bodies": [{"contentType": "text/plain", "value": "First paragraph.\n\nSecond one.\nThird."}]}
    )
    assert [p.text for p in article.body] == ["First paragraph.", "Second one.", "Third."]


def test_caller_options_fill_in_what_the_item_lacks() -> None:
    [article] = read_doc({"uri": "urn:x"}, published="2024-01-02", publisher="Daily Planet")
    assert article.published == "2024-01-02"
    assert article.actor(article.publisher).name == "Daily Planet"  # type: ignore[arg-type,union-attr]  # the reader sets it; None fails the test


def test_article_from_ninjs_is_usable_on_parsed_data() -> None:
    article = article_from_ninjs(
        {
            "uri": "urn:x",
            "headlines": [
                {"role": "subhead", "value": "S"},
                {"role": "kicker", "value": "K"},
                {"role": "main", "value": "M"},
            ],
        }
    )
    assert (article.headline, article.subheadline, article.kicker) == ("M", "S", "K")


# --- anything at all -----------------------------------------------------------------------

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-5, 5)
    | st.sampled_from(
        [
            "",
            "urn:x:a",
            "http://example.org/a",
            "text/html",
            "picture",
            "event",
            "ninjs",
            "3.1",
            "1",
            "author",
            "main",
            "<p>para <q data-quote='urn:q:1'>q</q></p>",
            "2020-01-01T00:00:00Z",
            "2023-07",
            "newsgraph",
            "application/vnd.newsgraph.details+json",
            '{"newsgraph": 1}',
            "x y",
            "Ann Lee",
        ]
    )
)
_JSON = st.recursive(
    _SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(NINJS_KEYS, inner, max_size=5), max_leaves=20
)
# ninjs-shaped items whose every value may also be something else entirely
_ANY = st.one_of(_SCALARS, _JSON)
_ENTRY = st.fixed_dictionaries(
    {},
    optional={
        k: _ANY
        for k in (
            "name",
            "uri",
            "rel",
            "role",
            "value",
            "literal",
            "type",
            "by",
            "href",
            "scheme",
            "code",
            "contentType",
            "contenttype",
        )
    }
    | {
        "contactInfo": st.lists(st.fixed_dictionaries({"address": _ANY}), max_size=2) | _ANY,
        "renditions": st.lists(st.fixed_dictionaries({}, optional={"href": _ANY, "name": _ANY}), max_size=2),
        "descriptions": st.lists(st.fixed_dictionaries({}, optional={"role": _ANY, "value": _ANY}), max_size=2),
    },
)
_ITEMS = st.fixed_dictionaries(
    {"uri": st.sampled_from(["urn:x:a", "http://example.org/n", "not a uri"])},
    optional={
        **{
            k: st.lists(_ENTRY, max_size=3) | _ANY
            for k in (
                "headlines",
                "bodies",
                "descriptions",
                "people",
                "person",
                "organisations",
                "places",
                "events",
                "subjects",
                "infoSources",
                "associations",
                "renditions",
            )
        },
        **{
            k: _ANY
            for k in (
                "type",
                "standard",
                "by",
                "language",
                "located",
                "firstCreated",
                "versioncreated",
                "eventDetails",
                "headline",
                "body_html",
                "title",
            )
        },
    },
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_ITEMS)
def test_any_json_object_reads_or_fails_clearly(doc: dict) -> None:
    try:
        read_doc(doc)
    except NewsgraphError as err:
        assert err.fix, err
    ninjs_validate.check(json.dumps(doc).encode())  # never raises


def test_two_names_in_cyrillic_stay_two_actors_with_readable_ids() -> None:
    # Both names folded to 'unnamed' once, and the second person merged into the first.
    item = {"uri": "urn:x:ru", "people": [{"name": "Владимир Путин"}, {"name": "Дмитрий Песков"}]}
    [article] = newsgraph.read(json.dumps(item).encode(), format="ninjs")
    assert [a.id for a in article.actors] == [
        "urn:newsgraph:person:vladimir-putin",
        "urn:newsgraph:person:dmitriy-peskov",
    ]


@pytest.mark.parametrize(
    "extra, authors, sources",
    [
        ({"by": "Ola Dahl, The Harbour Database"}, ["Ola Dahl"], ["The Harbour Database"]),
        ({"by": "Von Ola Dahl und Kari Nordmann, NTB"}, ["Ola Dahl", "Kari Nordmann"], ["NTB"]),
        ({"by": "Peter and Kari"}, ["Peter", "Kari"], []),  # known given names: people
        # Superdesk's own list of authors wins over its free-text byline
        ({"byline": "Peter and Jane", "authors": [{"name": "Ola Dahl", "role": "writer"}]}, ["Ola Dahl"], []),
    ],
)
def test_byline_people_are_authors_and_its_organisations_sources(
    extra: dict[str, Any], authors: list[str], sources: list[str]
) -> None:
    [a] = read_doc({"uri": "urn:x:byline", "headline": "Ferries resume", "body_text": "Ferries ran again.", **extra})
    names = {x.id: (x.name, x.kind) for x in a.actors}
    assert [names[i] for i in a.authors] == [(n, "person") for n in authors]
    assert [names[i] for i in a.sources] == [(n, "organization") for n in sources]
