"""Every model rule, each with a case that breaks it."""

from __future__ import annotations

import copy
import re
from typing import Any, Callable

from anyascii import anyascii
from hypothesis import given, settings
from hypothesis import strategies as st

import pytest

from newsgraph import ModelError
from newsgraph.model import (
    Article,
    Span,
    article_from_data,
    local_id,
    mint_article_id,
    mint_id,
    normalise_name,
)

from conftest import SAMPLES


@pytest.fixture
def data() -> dict[str, Any]:
    import json

    return json.loads((SAMPLES / "kitchen_sink.json").read_text(encoding="utf-8"))


def broken(data: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> str:
    d = copy.deepcopy(data)
    change(d)
    with pytest.raises(ModelError) as info:
        article_from_data(d)
    return str(info.value)


def test_kitchen_sink_is_valid(data: dict[str, Any]) -> None:
    article = article_from_data(data)
    assert article.headline and article.quotes and article.events and article.media


@pytest.mark.parametrize(
    "field, change",
    [
        ("quotes[0].speaker", lambda d: d["quotes"][0].update(speaker="urn:newsgraph:person:nobody")),
        ("quotes[0].addressee", lambda d: d["quotes"][0].update(addressee="urn:newsgraph:group:nobody")),
        ("quotes[4].via", lambda d: d["quotes"][4].update(via="urn:newsgraph:organization:nobody")),
        ("quotes[0].event", lambda d: d["quotes"][0].update(event="urn:x#event-99")),
        ("events[0].participants[0]", lambda d: d["events"][0]["participants"].__setitem__(0, "urn:x:nobody")),
        ("events[0].location", lambda d: d["events"][0].update(location="urn:newsgraph:place:nowhere")),
        ("authors[0]", lambda d: d["authors"].__setitem__(0, "urn:x:nobody")),
        ("sources[0]", lambda d: d["sources"].__setitem__(0, "urn:x:nobody")),
        ("publisher", lambda d: d.update(publisher="urn:x:nobody")),
        ("actors[0].affiliation", lambda d: d["actors"][0].update(affiliation="urn:x:nobody")),
    ],
)
def test_dangling_reference(data: dict[str, Any], field: str, change: Callable) -> None:
    message = broken(data, change)
    assert field in message and "is not the id of any" in message


def test_self_affiliation(data: dict[str, Any]) -> None:
    assert "points at the actor itself" in broken(
        data, lambda d: d["actors"][0].update(affiliation=d["actors"][0]["id"])
    )


def test_duplicate_ids(data: dict[str, Any]) -> None:
    message = broken(data, lambda d: d["places"][0].update(id=d["actors"][0]["id"]))
    assert "used twice" in message


@pytest.mark.parametrize(
    "change, expect",
    [
        (lambda d: d["actors"][3]["mentions"].append({"paragraph": 99, "start": 0, "end": 1}), "paragraph 99"),
        (lambda d: d["quotes"][0]["spans"].append({"paragraph": 1, "start": 0, "end": 10_000}), "past the end"),
        (
            lambda d: d["quotes"][0].update(speaker_mention={"paragraph": 0, "start": 5, "end": 9_999}),
            "speaker_mention",
        ),
        (lambda d: d["events"][0]["mentions"].append({"paragraph": 0, "start": 4, "end": 4}), "greater than start"),
        (lambda d: d["places"][0]["mentions"].append({"paragraph": 0, "start": -1, "end": 4}), "greater than or equal"),
        (
            lambda d: d["quotes"][0]["spans"].append({"part": "headline", "paragraph": 0, "start": 0, "end": 10_000}),
            "past the end of the headline",
        ),
        (
            lambda d: d["quotes"][0]["spans"].append({"part": "headline", "paragraph": 2, "start": 0, "end": 3}),
            "has paragraph 0",
        ),
        (
            lambda d: d["actors"][0]["mentions"].append({"part": "headline", "paragraph": 0, "start": 0, "end": 3}),
            "only quotes may",
        ),
        (
            lambda d: (
                d.pop("subheadline", None),
                d["quotes"][0]["spans"].append({"part": "subheadline", "paragraph": 0, "start": 0, "end": 3}),
            ),
            "the article has none",
        ),
        (lambda d: d["quotes"][0]["spans"].append({"part": "footer", "paragraph": 0, "start": 0, "end": 3}), "part"),
    ],
)
def test_spans_point_inside_their_paragraph(data: dict[str, Any], change: Callable, expect: str) -> None:
    assert expect in broken(data, change)


@pytest.mark.parametrize(
    "value", ["2021-13-01", "2021-02-30", "16/06/2021", "2021-06-16 09:30", "yesterday", "2021-06-16T25:00:00Z"]
)
def test_dates_are_iso_8601(data: dict[str, Any], value: str) -> None:
    assert "published" in broken(data, lambda d: d.update(published=value))


@pytest.mark.parametrize(
    "value", ["2021-06-16", "2021-06-16T09:30Z", "2021-06-16T09:30:00.123+02:00", "2021-06-16T09:30:00-0500"]
)
def test_good_dates(data: dict[str, Any], value: str) -> None:
    d = copy.deepcopy(data)
    d["published"] = value
    assert article_from_data(d).published == value


def test_event_date_end_before_start(data: dict[str, Any]) -> None:
    assert "before start" in broken(data, lambda d: d["events"][1]["date"].update(end="2025-01-01"))


@pytest.mark.parametrize("path", ["id", "url", "actors.0.id", "quotes.0.speaker"])
def test_ids_are_uris(data: dict[str, Any], path: str) -> None:
    def change(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = d
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        node[last] = "not a uri"

    assert "is not a URI" in broken(data, change)


@pytest.mark.parametrize(
    "path, value",
    [
        ("actors.0.kind", "celebrity"),
        ("places.0.kind", "planet"),
        ("quotes.0.kind", "rumour"),
        ("events.0.kind", "party"),
        ("events.0.status", "maybe"),
        ("body.0.role", "footer"),
        ("media.0.kind", "hologram"),
        ("events.0.date.precision", "eon"),
    ],
)
def test_kinds_come_from_their_vocabularies(data: dict[str, Any], path: str, value: str) -> None:
    def change(d: dict[str, Any]) -> None:
        *parents, last = path.split(".")
        node: Any = d
        for p in parents:
            node = node[int(p)] if p.isdigit() else node[p]
        node[last] = value

    assert "Input should be" in broken(data, change)


def test_unknown_field_is_an_error(data: dict[str, Any]) -> None:
    assert "not a field of the model" in broken(data, lambda d: d.update(headlin="typo"))


def test_confidence_range(data: dict[str, Any]) -> None:
    assert "confidence" in broken(data, lambda d: d["quotes"][0].update(confidence=1.5))


def test_language_tag(data: dict[str, Any]) -> None:
    assert "BCP 47" in broken(data, lambda d: d.update(language="english!"))


def test_blank_names_and_empty_quotes(data: dict[str, Any]) -> None:
    assert "blank" in broken(data, lambda d: d["actors"][0].update(name="   "))
    assert "quotes.0.spans" in broken(data, lambda d: d["quotes"][0].update(spans=[]))


def test_message_counts_further_problems(data: dict[str, Any]) -> None:
    message = broken(data, lambda d: d.update(published="x", modified="y"))
    assert "and 1 more problem" in message


def test_spans_are_kept_in_reading_order_once(data: dict[str, Any]) -> None:
    d = copy.deepcopy(data)
    mentions = d["actors"][4]["mentions"]
    d["actors"][4]["mentions"] = list(reversed(mentions)) + [mentions[0]]
    article = article_from_data(d)
    got = [(s.paragraph, s.start) for s in article.actors[4].mentions]
    assert got == sorted(set(got)) and len(got) == len(mentions)


def test_a_quote_may_point_into_the_headline_and_reads_from_it(data: dict[str, Any]) -> None:
    d = copy.deepcopy(data)
    d["headline"] = "Harbour Chief: Ferries Will Run 'Whatever the Weather'"
    d["quotes"][0]["spans"].append({"part": "headline", "paragraph": 0, "start": 15, "end": 54})
    d["quotes"][0]["speaker_mention"] = {"part": "headline", "paragraph": 0, "start": 0, "end": 13}
    article = article_from_data(d)
    quote = article.quotes[0]
    assert quote.spans[0].part == "headline"  # the headline comes first in reading order
    assert article.span_text(quote.spans[0]) == "Ferries Will Run 'Whatever the Weather'"
    assert quote.speaker_mention is not None and article.span_text(quote.speaker_mention) == "Harbour Chief"
    assert all(s.in_body for s in quote.spans[1:])


def test_non_object_is_an_error() -> None:
    with pytest.raises(ModelError, match="expected a JSON object"):
        article_from_data([1, 2])


# --- ids ------------------------------------------------------------------------


def test_ids_are_stable_across_articles() -> None:
    assert mint_id("person", "Dmitry Peskov") == mint_id("person", "dmitry  PESKOV")
    assert mint_id("person", "José Núñez") == mint_id("person", "Jose Nunez") == "urn:newsgraph:person:jose-nunez"
    assert mint_id("country", "U.S.") == mint_id("country", "US")
    assert mint_id("person", "Georgia") != mint_id("country", "Georgia")


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Łukasz Kowalski", "lukasz-kowalski"),
        ("Владимир Путин", "vladimir-putin"),
        ("習近平", "xijinping"),
        ("Dagens Næringsliv", "dagens-naeringsliv"),
        ("Ελλάδα", "ellada"),
    ],
)
def test_names_in_every_script_get_readable_ascii_ids(name: str, key: str) -> None:
    assert normalise_name(name) == key
    assert mint_id("person", name) == f"urn:newsgraph:person:{key}"


def test_names_with_nothing_to_transliterate_get_distinct_short_hashes() -> None:
    ids = {mint_id("person", name) for name in ("★", "☆", "✦")}
    assert len(ids) == 3 and not any("unnamed" in i for i in ids)
    assert mint_id("person", "★") == mint_id("person", "★")  # stable
    assert len(normalise_name("★")) == 11


_names = st.text(min_size=1).filter(str.strip)


@given(_names, _names)
@settings(max_examples=300)
def test_every_name_gets_an_id_and_unreadable_names_never_share_one(a: str, b: str) -> None:
    for name in (a, b):
        assert re.fullmatch(r"[0-9a-z]+(-[0-9a-z]+)*", normalise_name(name)), name
        mint_id("person", name)  # a URI
    unreadable = not any(c.isalnum() for c in anyascii(a) + anyascii(b))
    if unreadable and a.strip().casefold() != b.strip().casefold():
        assert normalise_name(a) != normalise_name(b)


def test_id_base_is_configurable() -> None:
    assert mint_id("place", "Geneva", "https://data.example.org/id/") == "https://data.example.org/id/place/geneva"
    assert mint_id("place", "Geneva", "https://data.example.org/id") == "https://data.example.org/id/place/geneva"
    assert mint_id("place", "Geneva", "urn:acme:") == "urn:acme:place:geneva"
    assert mint_id("place", "Geneva", "urn:acme") == "urn:acme:place:geneva"
    with pytest.raises(ValueError):
        mint_id("place", "Geneva", "not a base")


def test_article_and_local_ids() -> None:
    a = mint_article_id("https://example.org/a")
    assert a == mint_article_id("https://example.org/a") != mint_article_id("https://example.org/b")
    assert local_id(a, "quote", 3) == f"{a}#quote-3"
    Article(id=local_id(a, "quote", 3))  # a URI


def test_normalise_name_never_empty() -> None:
    assert normalise_name("!!!") != normalise_name("???") and "unnamed" not in normalise_name("!!!")
    assert normalise_name("AT&T") == "at-and-t"


def test_span_helpers(kitchen_sink: Article) -> None:
    q = kitchen_sink.quotes[0]
    assert kitchen_sink.span_text(q.speaker_mention) == "Fortier"  # type: ignore[arg-type]  # the kitchen sink sets every field
    assert kitchen_sink.actor(q.speaker).name == "Anne Fortier"  # type: ignore[arg-type, union-attr]  # the kitchen sink sets every field
    assert kitchen_sink.place(kitchen_sink.events[0].location).name == "Ottawa"  # type: ignore[arg-type, union-attr]  # the kitchen sink sets every field
    assert kitchen_sink.event(q.event).kind == "meeting"  # type: ignore[arg-type, union-attr]  # the kitchen sink sets every field
    assert kitchen_sink.text.startswith("Canada and Mexico")
    with pytest.raises(ValueError):
        Span(paragraph=0, start=3, end=2)
