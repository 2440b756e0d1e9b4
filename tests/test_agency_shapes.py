"""What agencies send, one shape per fixture (tests/fixtures/agency/, written for these tests):
NewsML-G2 of other providers, standalone NITF, NewsML 1.x, provider JSON, IPTC 7901 and
ANPA 1312 wire copy; and topics with codes through NewsML-G2 and ninjs round trips."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph import api, formats
from newsgraph.errors import InputError
from newsgraph.readers.base import ReadOptions
from newsgraph.readers.nitf import nitf_date
from newsgraph.readers.plaintext import paragraphs

AGENCY = Path(__file__).resolve().parent / "fixtures" / "agency"


def read(name: str, **options: str) -> list[newsgraph.Article]:
    path = AGENCY / name
    return api.read_bytes(path.read_bytes(), options=ReadOptions(source=str(path), **options))


def body_text(article: newsgraph.Article) -> str:
    return " ".join(" ".join(p.text.split()) for p in article.body)


# --- NewsML-G2 from other providers ------------------------------------------------------


def test_provider_item_with_xhtml_in_the_default_namespace() -> None:
    [a] = read("g2_provider_xhtml.xml")
    assert a.id == "tag:wire.example.net,2026:harbour-ferry-1"
    assert a.headline == "Ferry route to the islands resumes after storm repairs"
    assert a.subheadline == "Crossings run hourly again from Monday"
    assert (a.byline, a.creditline, a.slugline, a.genre, a.urgency) == (
        "By Ines Marlow",
        "Example Wire",
        "FERRY-ISLANDS-REPAIRS",
        "Current",
        3,
    )
    assert (a.published, a.created, a.modified, a.embargoed) == (
        "2026-03-02T08:05:00Z",
        "2026-03-02T07:40:00Z",
        "2026-03-02T09:14:00Z",
        "2026-03-02T10:00:00Z",
    )
    assert a.rights is not None and (a.rights.holder, a.rights.usage) == ("Example Wire Ltd", "Not for resale.")
    # The page's <title> and the <h1> repeating the headline are not body text.
    assert [p.text[:20] for p in a.body] == ["HARBOURTON, March 2 ", '"We are glad to have', "Crossings will leave"]
    assert "the headline" in " ".join(a.provenance.notes)
    # Lines for editors and the rights line leave the body, kept as removed text.
    assert [(r.reason, r.text[:20]) for r in a.provenance.removed] == [
        ("editors' advisory", "(Updates with timeta"),
        ("rights notice", "© 2026 Example Wire "),
    ]


def test_provider_subjects_keep_codes_and_people_become_actors() -> None:
    [a] = read("g2_provider_xhtml.xml")
    topics = [t.model_dump(exclude_none=True) for t in a.topics]
    assert {
        "name": "transport",
        "code": "medtop:20000349",
        "scheme": "medtop",
        "uri": "http://cv.iptc.org/newscodes/mediatopic/20000349",
    } in topics
    assert {
        "code": "subj:04015000",
        "scheme": "subj",
        "uri": "http://cv.iptc.org/newscodes/subjectcode/04015000",
    } in topics
    assert {"name": "Ferries", "code": "wxtopic:ferries", "scheme": "wxtopic"} in topics
    names = {x.name: x for x in a.actors}
    assert names["Tomas Reyes"].kind == "person"
    assert names["Harbourton Ferry Company"].kind == "organization"
    assert names["Tomas Reyes"].affiliation == names["Harbourton Ferry Company"].id
    assert "Gull Islands" in {p.name for p in a.places}


def test_richest_rendition_and_text_directly_in_the_element() -> None:
    [a] = read("g2_renditions.xml")
    assert [p.text for p in a.body] == [
        "The town library will open until nine in the evening from February.",
        "Readers asked for longer hours in a survey last autumn, the librarian said.",
    ]


def test_content_that_is_not_text_is_an_error_naming_it() -> None:
    with pytest.raises(InputError, match=r"<scoreboard> \(application/vnd\.example\.scores\+xml\)"):
        read("g2_unknown_content.xml")


def test_remote_content_beside_the_item_is_read_and_nothing_is_fetched(no_network: None) -> None:
    [a] = read("remote/item.xml")
    assert [p.text[:22] for p in a.body] == ["The old river bridge w", "Buses will take the ri"]


def test_remote_content_outside_the_items_folder_is_not_read() -> None:
    [a] = read("remote/outside.xml")
    assert a.body == [] and any("not a file inside the item's folder" in n for n in a.provenance.notes)


def test_picture_items_read_as_media_and_packages_are_named() -> None:
    [picture] = read("g2_picture_and_package.xml")
    [media] = picture.media
    assert (media.kind, media.url, media.credit) == (
        "image",
        "https://photos.example.org/lighthouse.jpg",
        "Example Photo/Ana Ruiz",
    )
    assert media.caption == "The north lighthouse seen from the beach at dusk."
    with pytest.raises(InputError, match="only a packageItem"):
        read("g2_package_only.xml")


# --- NITF ---------------------------------------------------------------------------------


def test_nitf_with_namespace() -> None:
    [a] = read("nitf_namespaced.xml")
    assert a.provenance.reader == "nitf"
    assert (a.headline, a.subheadline) == (
        "Orchard harvest comes in early",
        "A warm spring brought the apples on three weeks ahead",
    )
    assert (a.published, a.embargoed, a.urgency, a.slugline) == (
        "2026-04-12T06:15:00+01:00",
        "2026-04-12T08:00:00+01:00",
        4,
        "Orchards-Harvest",
    )
    assert (a.byline, a.creditline, a.dateline, a.language) == (
        "By Martha Cole, Rural Affairs Writer",
        "Example Rural News",
        "Maidstone",
        "en-GB",
    )
    assert a.rights is not None and a.rights.holder == "Example Rural News"
    assert [a.actor(x).name for x in a.authors] == ["Martha Cole"]  # type: ignore[union-attr]  # missing fails the test
    assert {
        "name": "agriculture",
        "code": "04001000",
        "scheme": "http://cv.iptc.org/newscodes/subjectcode/",
        "uri": "http://cv.iptc.org/newscodes/subjectcode/04001000",
    } in [t.model_dump(exclude_none=True) for t in a.topics]
    assert [p.role for p in a.body] == ["body", "body", "body", "note"]
    assert a.body[-1].text == "Reporting by Martha Cole; editing by Sam Ward"
    kent = next(p for p in a.places if p.name == "Kent")
    assert a.span_text(kent.mentions[0]) == "Kent"
    assert {x.name for x in a.actors} >= {"Growers Union", "Peter Hale"}
    assert [q.text for q in a.quotes] == ["It was the warmest April we have had,"]


def test_nitf_without_namespace_doctype_and_a_wrong_declared_encoding() -> None:
    [a] = read("nitf_plain_utf8_declared_latin1.xml")
    assert a.headline == "Choir wins regional prize" and a.published == "2026-03-01T12:00:00Z"
    assert "Åse Berg" in body_text(a)
    notes = " ".join(a.provenance.notes)
    assert "external DTD" in notes and "bytes are UTF-8" in notes


def test_nitf_without_text_is_an_error() -> None:
    with pytest.raises(InputError, match="holds no body text"):
        read("nitf_empty_body.xml")


@given(st.datetimes(min_value=datetime(1000, 1, 1), timezones=st.none()), st.sampled_from(["", "Z", "+0100", "-0430"]))
def test_nitf_dates_read_as_iso(moment, zone: str) -> None:
    basic = moment.strftime("%Y%m%dT%H%M%S") + zone
    expected_zone = zone if len(zone) < 5 else f"{zone[:3]}:{zone[3:]}"
    assert nitf_date(basic) == moment.strftime("%Y-%m-%dT%H:%M:%S") + expected_zone


# --- NewsML 1.x ---------------------------------------------------------------------------


def test_newsml1_with_nitf_content() -> None:
    [a] = read("newsml1_nitf.xml")
    assert a.provenance.reader == "newsml1" and a.id == "urn:newsml:example.org:20260205:4471:1"
    assert (a.headline, a.subheadline, a.byline, a.dateline, a.creditline, a.slugline) == (
        "Town hall switches to solar power",
        "Panels on the roof cover half of its needs",
        "By Lena Vos",
        "Delft, Feb 5",
        "Example News",
        "town-hall-solar",
    )
    assert (a.published, a.modified, a.language, a.genre, a.urgency) == (
        "2026-02-05T10:10:00+01:00",
        "2026-02-05T10:14:00+01:00",
        "en",
        "Current",
        3,
    )
    assert a.rights is not None and a.rights.notice == "(c) 2026 Example News"
    assert [t.model_dump(exclude_none=True) for t in a.topics] == [
        {
            "name": "Technology",
            "code": "13010000",
            "scheme": "http://cv.iptc.org/newscodes/subjectcode/",
            "uri": "http://cv.iptc.org/newscodes/subjectcode/13010000",
        }
    ]
    assert [p.text for p in a.body] == [
        "The town hall now draws half of its electricity from panels on its roof.",
        "The works cost less than planned, the mayor said.",
    ]


def test_newsml1_html_in_cdata_skips_the_style_sheet() -> None:
    [a] = read("newsml1_html_cdata.xml")
    assert a.headline == "Market stalls move to the square" and a.published == "2026-02-06T09:00:00Z"
    assert [p.text for p in a.body] == [
        "The Saturday market will move to the main square in March.",
        "Traders welcomed the change.",
    ]


def test_newsml1_without_text_names_what_it_holds() -> None:
    with pytest.raises(InputError, match="holds only photo content"):
        read("newsml1_photo_only.xml")


# --- provider JSON ------------------------------------------------------------------------


def test_ap_envelope_every_item_read() -> None:
    first, second = read("ap_envelope_feed.json")
    assert (first.id, first.headline, first.slugline, first.urgency, first.byline) == (
        "https://api.example.org/content/a1",
        "Snow closes mountain pass",
        "Weather-Pass",
        4,
        "By Carla Mendes",
    )
    assert [t.model_dump(exclude_none=True) for t in first.topics] == [
        {"name": "Weather", "uri": "http://cv.example.org/id/w1"}
    ]
    assert len(first.body) == 2 and second.body[0].text.startswith("Ski lifts")
    assert "data.items[0]" in " ".join(first.provenance.notes)


def test_superdesk_guid_without_uri() -> None:
    [a] = read("superdesk_guid.json")
    assert a.id == "urn:uuid:8f3c2a10-5b1e-4c7a-9d2e-1f0a6b7c8d9e" or a.id.startswith("urn:")
    assert any("made from its guid" in n for n in a.provenance.notes)
    assert (a.headline, a.byline, a.slugline, a.urgency, a.genre) == (
        "Council approves new cycle lanes",
        "Noor Haddad",
        "cycle-lanes",
        3,
        "Article (news)",
    )
    assert a.rights is not None and (a.rights.holder, a.rights.usage) == ("Example Press", "For subscribers only")
    assert [t.model_dump(exclude_none=True) for t in a.topics] == [
        {"name": "public administration", "code": "11006000"}
    ]


def test_feed_wrapper_every_item_read_and_an_empty_one_is_an_error() -> None:
    articles = read("feed_wrapper.json")
    assert [a.headline for a in articles] == ["Museum reopens after refit", "Zoo welcomes twin otters"]
    with pytest.raises(InputError, match="holds no news item"):
        read("empty_feed.json")


@pytest.mark.parametrize("name", ["ap_envelope_feed.json", "superdesk_guid.json", "feed_wrapper.json"])
def test_provider_json_is_sniffed_as_ninjs(name: str) -> None:
    assert formats.sniff((AGENCY / name).read_bytes()).name == "ninjs"  # type: ignore[union-attr]  # not sniffed fails the test


@pytest.mark.parametrize(
    "name,expected", [("nitf_namespaced.xml", "nitf"), ("newsml1_nitf.xml", "newsml1"), ("g2_renditions.xml", "newsml")]
)
def test_xml_is_sniffed_by_its_root(name: str, expected: str) -> None:
    data = (AGENCY / name).read_bytes()
    assert formats.sniff(data).name == expected  # type: ignore[union-attr]  # not sniffed fails the test
    assert api.detect_format(data, name).name == expected  # ".xml" lets the content decide


# --- wire copy ----------------------------------------------------------------------------


def test_iptc_7901_latin1_header_wraps_and_offsets() -> None:
    path = AGENCY / "wire_iptc7901_latin1.txt"
    [a] = read("wire_iptc7901_latin1.txt", encoding="latin-1")
    # Framed wire copy is 8-bit by its standard: without --encoding it is read as cp1252
    # (Latin-1's letters at the same bytes), and the provenance says so.
    [guessed] = read("wire_iptc7901_latin1.txt")
    assert guessed.provenance.notes[0] == "wire copy is not UTF-8: read as cp1252 (give --encoding to choose)"
    assert (guessed.headline, guessed.body) == (a.headline, a.body)
    assert (a.headline, a.byline, a.slugline, a.urgency) == (
        "Party leader rejects early election call",
        "By Jonas Weber",
        "Politik/Parteien/",
        2,
    )
    assert len(a.body) == 2  # hard-wrapped lines joined; the not-for-publication block left out
    assert "Marta Lindqvist told exa" in " ".join(a.body[0].text.split())
    decoded = path.read_bytes().decode("latin-1")
    for p in a.body:  # offsets exact: line breaks inside a paragraph are spaces in its text
        source = decoded[p.offset : p.offset + len(p.text)]  # type: ignore[operator]  # read from a file: offsets are set
        assert [c if not c.isspace() else " " for c in source] == [c if not c.isspace() else " " for c in p.text]
    reasons = [r.reason for r in a.provenance.removed]
    assert reasons[:2] == ["wire transmission header", "wire trailer"]
    assert "wire version line" in reasons and "not for publication" in reasons
    # The header's fields are kept: word count, category (a topic of its scheme), the time
    # of transmission from the trailer; service, number and version in the notes.
    assert (a.word_count, a.published) == (210, "2026-02-02T11:30Z")
    assert [t.model_dump(exclude_none=True) for t in a.topics] == [{"code": "p", "scheme": "iptc7901-category"}]
    assert "IPTC 7901 header: service 'xyz', message number '0042', version 'REFILE'" in a.provenance.notes


def _stripped(data: bytes) -> bytes:
    """A transmission as tools that drop control characters save it."""
    return bytes(b for b in data if b >= 0x20 and b != 0x7F or b in b"\t\r\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_iptc_7901_without_control_characters_is_read_as_wire(newline: str) -> None:
    data = (AGENCY / "wire_iptc7901_stripped.txt").read_bytes().replace(b"\n", newline.encode())
    [a] = api.read_bytes(data, format="text", options=ReadOptions(source="stripped.txt"))
    assert (a.headline, a.byline, a.slugline, a.urgency, a.word_count, a.published) == (
        "Hamburg port volumes rise for third quarter running",
        "By Lena Sommer",
        "Ports/shipping/Hamburg/",
        3,
        164,
        "2026-03-03T14:45Z",
    )
    assert [t.code for t in a.topics] == ["w"]
    assert len(a.body) == 3 and a.body[0].text.startswith("Hamburg (exa) - Container volumes")
    assert "not intended" not in body_text(a) and "031445" not in body_text(a)
    decoded = data.decode("utf-8")
    for p in a.body:  # offsets exact into the input
        assert p.offset is not None
        assert decoded[p.offset : p.offset + len(p.text)].split() == p.text.split()
    assert "recognised by its header line" in a.provenance.notes[0]


def test_a_stripped_transmission_reads_as_the_framed_one() -> None:
    data = (AGENCY / "wire_iptc7901_latin1.txt").read_bytes()
    options = ReadOptions(source="w.txt", encoding="latin-1")
    [framed] = api.read_bytes(data, format="text", options=options)
    [stripped] = api.read_bytes(_stripped(data), format="text", options=options)
    for field in ("headline", "byline", "slugline", "urgency", "word_count", "published", "topics"):
        assert getattr(stripped, field) == getattr(framed, field), field
    assert [p.text for p in stripped.body] == [p.text for p in framed.body]


@pytest.mark.parametrize(
    "first_line",
    [
        "Ministers meet 3 times in 20 days",  # prose
        "abc 3 w 164",  # no message number
        "abc0107 0 w 164",  # priority 0
        "abc0107 3 w",  # no word count
    ],
)
def test_text_that_only_resembles_a_wire_header_stays_plain_text(first_line: str) -> None:
    data = f"{first_line}\n\nPorts/shipping/\nThe council met on Monday to discuss the port.\n".encode()
    [a] = api.read_bytes(data, format="text", options=ReadOptions(source="p.txt"))
    assert not any("wire copy" in n for n in a.provenance.notes) and a.word_count is None


def test_anpa_1312_head_lines_are_metadata() -> None:
    [a] = read("wire_anpa1312.tst")
    assert (a.headline, a.byline, a.slugline, a.urgency) == (
        "Old bridge reopens to cars after two years",
        "By DANA PRICE, Associated Writer",
        "BC-US--Bridge-Reopens",
        4,
    )
    assert a.body[0].text == "RIVERTON, Ohio (XP) _ The old iron bridge over the river reopened to cars on Tuesday."
    assert "editors' note" in [r.reason for r in a.provenance.removed]
    assert (a.word_count, a.published) == (310, "2026-02-03T14:10Z")  # the sign-off's time
    assert [t.model_dump(exclude_none=True) for t in a.topics] == [{"code": "a", "scheme": "anpa-category"}]
    assert "ANPA 1312 header: service 'a', message number '0123', version '1stLd-Writethru'" in a.provenance.notes


@pytest.mark.parametrize("to", ["newsml", "ninjs", "jsonld", "json"])
@pytest.mark.parametrize("name", ["wire_anpa1312.tst", "wire_iptc7901_stripped.txt"])
def test_wire_header_fields_survive_every_lossless_format(name: str, to: str) -> None:
    [a] = read(name)
    text = api.export(a, to=to)
    [back] = api.read_bytes(text.encode("utf-8"), format=to, options=ReadOptions(source=f"back.{to}"))
    fields = ("slugline", "urgency", "word_count", "published", "topics", "byline", "headline")
    assert [getattr(back, f) for f in fields] == [getattr(a, f) for f in fields]
    if to == "newsml":
        assert f'wordcount="{a.word_count}"' in text  # where NewsML-G2 has a place for it


def test_unknown_encoding_is_a_usage_error() -> None:
    with pytest.raises(newsgraph.errors.UsageError, match="not an encoding"):
        ReadOptions(encoding="no-such-encoding")


# --- hard wraps ---------------------------------------------------------------------------

_WORDS = st.lists(
    st.sampled_from(
        ["the", "council", "said", "Ralf", "Kiel", "on", "Monday", "budget", "vote", "dispute", "majority", "coalition"]
    ),
    min_size=30,
    max_size=120,
)


@settings(max_examples=60, deadline=None)
@given(_WORDS, st.integers(min_value=40, max_value=76), st.sampled_from(["\n", "\r\n"]))
def test_hard_wrapped_text_joins_with_exact_offsets(words: list[str], width: int, newline: str) -> None:
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line + ".")
    text = "Headline here" + newline + newline + newline.join(lines) + newline
    paras = paragraphs(text)
    assert len(paras) == 2 and paras[1].text.split() == " ".join(lines).split()
    for p in paras:
        source = text[p.offset : p.offset + len(p.text)]  # type: ignore[operator]  # read from a file: offsets are set
        assert source.replace("\r", " ").replace("\n", " ") == p.text


def test_short_lines_stay_paragraphs() -> None:
    text = "First line of a list\nSecond line\nThird line here\nFourth\n"
    assert [p.text for p in paragraphs(text)] == ["First line of a list", "Second line", "Third line here", "Fourth"]


# --- codes survive our exports ------------------------------------------------------------


@pytest.mark.parametrize("to", ["newsml", "ninjs", "jsonld", "json"])
def test_an_agency_item_round_trips_with_its_codes(to: str) -> None:
    [agency] = read("g2_provider_xhtml.xml")
    text = api.export(agency, to=to)
    [back] = api.read_bytes(text.encode("utf-8"), format=to, options=ReadOptions(source=f"back.{to}"))
    assert back.topics == agency.topics
    assert [t.code for t in back.topics if t.code][:2] == ["medtop:20000349", "subj:04015000"]


def test_newsml_export_writes_codes_as_qcodes_and_declares_their_schemes() -> None:
    [agency] = read("g2_provider_xhtml.xml")
    xml = api.export(agency, to="newsml")
    assert 'qcode="medtop:20000349"' in xml and 'qcode="subj:04015000"' in xml
    # A scheme no catalog declares cannot give a QCode: its code is a literal, scheme named.
    assert 'literal="wxtopic:ferries"' in xml and 'ng:scheme="wxtopic"' in xml


def test_a_doctype_with_an_internal_subset_stays_refused() -> None:
    bomb = (
        b'<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY a "aaaa">]>\n'
        b"<nitf><body><body.content><p>&a;</p></body.content></body></nitf>"
    )
    with pytest.raises(InputError, match="DOCTYPE"):
        api.read_bytes(bomb, format="nitf", options=ReadOptions(source="bomb.xml"))
    external = b'<!DOCTYPE NewsML SYSTEM "http://example.invalid/NewsML.dtd">\n<NewsML/>'
    with pytest.raises(InputError, match="holds no NewsItem"):  # the DTD ignored, never fetched
        api.read_bytes(external, format="newsml1", options=ReadOptions(source="n.xml"))


def test_wire_copy_without_head_marks_takes_a_short_first_line_as_headline() -> None:
    copy = (
        "\x01abc0009 4 w 90  exa 0800\r\n\x02Storm warning for the coast\r\n\r\n"
        "Hamburg (exa) - The weather service warned of gales on the coast on Sunday.\r\n\x03"
    )
    [a] = api.read_bytes(copy.encode(), format="text", options=ReadOptions(source="w.txt"))
    assert a.headline == "Storm warning for the coast"
    assert [p.text for p in a.body] == ["Hamburg (exa) - The weather service warned of gales on the coast on Sunday."]


def test_a_results_envelope_is_read_item_by_item() -> None:
    doc = (
        b'{"count": 1, "results": [{"uri": "https://news.example.com/r/1", "headline": "Tram line extended",'
        b' "body_text": "The tram line now reaches the airport."}]}'
    )
    assert formats.sniff(doc).name == "ninjs"  # type: ignore[union-attr]  # not sniffed fails the test
    [a] = api.read_bytes(doc, options=ReadOptions(source="r.json"))
    assert a.headline == "Tram line extended" and "results[0]" in " ".join(a.provenance.notes)


# --- SportsML inside NewsML-G2 ----------------------------------------------------------

_NITF_NS = b' xmlns="http://iptc.org/std/NITF/2006-10-18/"'


@pytest.mark.parametrize("namespaced", [True, False])
def test_a_sportsml_item_with_an_article_reads_its_text(namespaced: bool) -> None:
    data = (AGENCY / "g2_sportsml_article.xml").read_bytes()
    if not namespaced:  # NITF without its namespace inherits the NewsML-G2 default one
        data = data.replace(_NITF_NS, b"")
    [a] = api.read_bytes(data, format="newsml", options=ReadOptions(source="sports.xml"))
    assert a.headline == "Late header sends Harbour Rovers top of the table"
    assert [p.text[:30] for p in a.body] == [
        "Harbour Rovers went top of the",
        "Valley Town had levelled early",
        '"We kept going to the very end',
    ]  # the statistics and the NITF head repeating the headline are not body
    assert (a.published, a.modified) == ("2026-03-08T21:15:00+01:00", "2026-03-08T21:40:00+01:00")
    assert "medtop:20001065" in [t.code for t in a.topics]


def test_a_sportsml_item_without_text_is_refused_naming_its_class_and_content() -> None:
    data = (AGENCY / "g2_sportsml_article.xml").read_bytes()
    data = data[: data.index(b"<article>")] + data[data.index(b"</article>") + len(b"</article>") :]
    with pytest.raises(InputError) as caught:
        api.read_bytes(data, format="newsml", options=ReadOptions(source="stats.xml"))
    message = str(caught.value)
    assert "ninat:text" in message and "<sports-content> with sports-metadata, sports-event" in message
    assert "no article text" in message and "stats.xml" in message


# --- more shapes agencies send: each reads headline, body, dates and subjects -------------


def test_g2_xhtml_in_sections_with_headline_roles_and_wordcount() -> None:
    [a] = read("g2_xhtml_section_roles.xml")
    assert (a.headline, a.subheadline, a.slugline, a.urgency, a.word_count, a.language) == (
        "Bahnstrecke nach Sturm wieder frei",
        "Reparaturen dauerten zwei Tage",
        "Wetter/Bahn",
        3,
        31,
        "de",
    )
    assert [p.text[:24] for p in a.body] == ["Die Bahnstrecke zwischen", "Die Reparaturen hatten z"]
    assert (a.published, a.modified) == ("2026-03-01T09:00:00Z", "2026-03-01T10:00:00Z")
    assert [t.code for t in a.topics] == ["medtop:20000568"]


def test_g2_inline_data_in_base64_is_decoded() -> None:
    [a] = read("g2_inlinedata_base64.xml")
    assert [p.text for p in a.body] == ["The museum reopened on Sunday after renovation."]
    data = (AGENCY / "g2_inlinedata_base64.xml").read_bytes().replace(b"PHA+VGhl", b"//79VGhl")  # not UTF-8
    with pytest.raises(InputError, match="base64 encoding does not decode"):
        api.read_bytes(data, format="newsml", options=ReadOptions(source="b64.xml"))


def test_nitf_docdata_variants() -> None:
    [a] = read("nitf35_docdata.xml")
    assert (a.headline, a.byline, a.dateline, a.urgency, a.slugline, a.published) == (
        "Council approves new cycle lanes",
        "By Anna Berg",
        "Malmo",  # the story.date is the date, not part of the place
        3,
        "cycle-lanes",
        "2026-03-01T12:05:00+01:00",
    )
    changed = (AGENCY / "nitf35_docdata.xml").read_bytes().replace(b"four new", b"five new")
    [b] = api.read_bytes(changed, format="nitf", options=ReadOptions(source="changed.xml"))
    assert b.id == a.id  # the id comes from the doc-id, not the text
    codes = [t.code for t in a.topics if t.code]
    assert "11000000" in codes and {"transport", "cycling"} <= {t.name for t in a.topics}
    assert [p.text[:20] for p in a.body] == ["The city council app", "Work on the first la"]


def test_newsml1_reads_the_richest_of_several_content_items() -> None:
    [a] = read("newsml1_several_content_items.xml")
    assert (a.headline, a.byline, a.dateline, a.urgency, a.language) == (
        "Ferry service resumes after storm",
        "By Ola Dahl",
        "BERGEN, March 1",
        4,
        "en",
    )
    assert [p.text[:20] for p in a.body] == ["Ferries between Berg", "The operator said ti"]
    assert (a.published, a.modified) == ("2026-03-01T12:00:00+01:00", "2026-03-01T12:15:00+01:00")
    assert [t.code for t in a.topics] == ["04000000"]


def test_ninjs_3_with_a_nitf_body_reads_its_paragraphs_not_its_markup() -> None:
    [a] = read("ninjs3_nitf_body.json")
    assert [p.text for p in a.body] == [
        "Schools will stay open despite the heatwave, the ministry said.",
        "Classrooms will get fans.",
    ]
    assert (a.headline, a.published, a.modified) == (
        "Schools to stay open in heatwave",
        "2026-03-01T09:00:00Z",
        "2026-03-01T09:30:00Z",
    )
    assert [(t.code, t.uri) for t in a.topics] == [
        ("medtop:05000000", "http://cv.iptc.org/newscodes/mediatopic/05000000")
    ]


def test_ninjs_1_subject_with_a_qcode_under_a_scheme_uri() -> None:
    [a] = read("ninjs14_qcode_subject.json")
    [topic] = a.topics
    assert (topic.name, topic.code, topic.uri) == (
        "ports",
        "medtop:20000570",
        "http://cv.iptc.org/newscodes/mediatopic/20000570",
    )
    assert (a.headline, a.subheadline, a.byline) == ("Harbour dredging starts", "Dredging begins.", "Per Holm")
    assert [p.text for p in a.body] == ["Dredging of the harbour began on Monday.", "It will take six weeks."]


def test_ninjs_2_plain_body() -> None:
    [a] = read("ninjs2_plain_body.json")
    assert (a.headline, a.subheadline, a.slugline, a.urgency, a.byline, a.dateline) == (
        "Bridge closed for repairs",
        "Detour via the ring road",
        "bridge-closed",
        4,
        "Kari Lund",
        "Trondheim",
    )
    assert len(a.body) == 2 and a.published == "2026-03-01T09:00:00+01:00"


def test_an_ap_text_item_whose_story_is_a_rendition_is_an_error_naming_it() -> None:
    with pytest.raises(InputError) as caught:
        read("ap_item_text_rendition.json")
    assert "rendition 'nitf'" in str(caught.value) and "does not fetch" in str(caught.value)


def test_nitf_pubdata_abstract_and_tagline() -> None:
    [a] = read("nitf36_pubdata_tagline.xml")
    assert (a.headline, a.subheadline, a.section, a.word_count, a.published, a.language) == (
        "Park gets new playground",
        "Opening in May",  # hl2 before the abstract
        "Local",
        19,
        "2026-03-01T12:00:00",  # basic ISO without a zone stays without one
        "en-US",
    )
    assert a.rights is not None and a.rights.holder == "Example News"
    assert [(p.text, p.role) for p in a.body][-1] == ("Reporting by Example News", "note")


def test_iptc_7901_with_soh_but_no_stx() -> None:
    [a] = read("wire_iptc7901_soh_no_stx.txt")
    assert (a.headline, a.byline, a.slugline, a.urgency, a.word_count, a.published) == (
        "Ferry strike ends after two days",
        "By Jo Hansen",
        "Harbour/",
        2,
        120,
        "2026-03-02T12:30Z",
    )
    assert [p.text[:12] for p in a.body] == ["Oslo (exa) -"]


def test_anpa_1312_with_lf_line_ends() -> None:
    [a] = read("wire_anpa1312_lf.tst")
    assert (a.headline, a.byline, a.slugline, a.urgency, a.word_count, a.published) == (
        "Ferry strike ends after two days",
        "By JO HANSEN, Associated Press",
        "BC-US--Ferry-Strike",
        4,
        120,
        "2026-03-02T12:30Z",
    )
    assert [p.text[:13] for p in a.body] == ["OSLO (AP) _ F"]


def test_g2_message_with_nitf_without_namespace_and_an_html_div() -> None:
    first, second = read("g2_message_nitf_and_html_div.xml")
    assert (first.headline, [p.text[:20] for p in first.body], first.modified) == (
        "First story",
        ["The first story has "],
        "2026-03-01T11:00:00Z",
    )
    assert [t.code for t in first.topics] == ["subj:04000000"]  # the web rendition is not fetched
    assert (second.headline, len(second.body)) == ("Second story", 2)


def test_a_text_item_whose_only_content_is_a_url_is_an_error_naming_it(no_network: None) -> None:
    with pytest.raises(InputError) as caught:
        read("g2_text_only_remote_url.xml")
    assert "remote content at https://example.com/story.xml" in str(caught.value)
    assert "ninat:text" in str(caught.value)


def test_our_own_item_with_a_page_link_and_no_body_reads_back(kitchen_sink: newsgraph.Article) -> None:
    bare = kitchen_sink.model_copy(update={"body": [], "actors": [], "quotes": [], "events": [], "places": []})
    bare = bare.model_copy(update={"authors": [], "publisher": None, "sources": []})
    [back] = api.read_bytes(
        api.export(bare, to="newsml").encode(), format="newsml", options=ReadOptions(source="o.xml")
    )
    assert back.url == bare.url and back.body == []


def test_iptc_7901_headline_wrapped_before_its_byline() -> None:
    [a] = read("wire_iptc7901_two_line_headline.txt")
    assert (a.headline, a.byline, a.published) == (
        "EU ministers agree on gas storage rules after night of talks in Brussels",
        "By Mia Kurz",
        "2026-03-03T08:15Z",
    )
    assert [p.text[:16] for p in a.body] == ["Brussels (exa) -"]
    assert [r.reason for r in a.provenance.removed].count("headline") == 2  # both lines kept, with offsets


def test_wire_sign_off_and_rights_line_leave_the_body() -> None:
    [a] = read("wire_iptc7901_sign_off.txt")
    assert [p.text for p in a.body] == ["Frankfurt (exa) - Shares closed higher on Wednesday, led by carmakers."]
    removed = {r.reason: r.text for r in a.provenance.removed}
    assert removed["wire sign-off (editors' initials)"] == "exa mk ab" and removed["rights notice"] == "(c) exa 2026"


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2026-03-01 12:05:00", "2026-03-01T12:05:00"),  # a space for the T
        ("Sun, 01 Mar 2026 12:05:00 GMT", "2026-03-01T12:05:00+00:00"),  # RFC 822
        ("Mon, 2 Mar 2026 09:00:00 +0100", "2026-03-02T09:00:00+01:00"),
        ("YYYYMMDD000000-HHMM", None),  # a template's placeholder
        ("20261301T120000Z", None),  # month 13
    ],
)
def test_nitf_dates_in_the_forms_agencies_send(value: str, expected: str | None) -> None:
    assert nitf_date(value) == expected


_WORD = st.sampled_from(["port", "council", "vote", "budget", "ferry", "harbour", "minister", "talks", "rain", "city"])
_LINE = st.lists(_WORD, min_size=3, max_size=9).map(lambda ws: " ".join(ws).capitalize())


@settings(max_examples=40, deadline=None)
@given(
    st.integers(1, 9),
    st.sampled_from(["i", "w", "pl", "spo"]),
    st.integers(1, 9999),
    _LINE,
    st.lists(_LINE.map(lambda s: s + "."), min_size=1, max_size=4),
    st.booleans(),
    st.sampled_from(["\n", "\r\n"]),
    st.datetimes(min_value=datetime(2001, 1, 1), max_value=datetime(2068, 12, 31)),
)
def test_iptc_7901_header_and_trailer_are_read_framed_or_not(  # type: ignore[no-untyped-def]  # hypothesis draws
    priority, category, words, headline, paras, framed, newline, moment
) -> None:
    trailer = moment.strftime("%d%H%M GMT %b %y")
    soh, stx, etx = ("\x01", "\x02", "\x03") if framed else ("", "", "")
    copy = newline.join(
        [
            f"{soh}abc0042 {priority} {category} {words}  exa 0900",
            "",
            "Topic/words/",
            f"{stx}{headline}",
            "By A Writer =",
            "",
        ]
        + [p + newline for p in paras]
        + [f"{etx}{trailer}", ""]
    )
    [a] = api.read_bytes(copy.encode(), format="text", options=ReadOptions(source="w.txt"))
    assert (a.urgency, a.word_count, a.headline, a.byline, a.slugline) == (
        priority,
        words,
        headline,
        "By A Writer",
        "Topic/words/",
    )
    assert [t.code for t in a.topics] == [category]
    assert a.published == moment.strftime("%Y-%m-%dT%H:%MZ")
    assert [p.text for p in a.body] == paras
    for p in a.body:
        assert p.offset is not None
        assert copy[p.offset : p.offset + len(p.text)] == p.text


def test_nitf_byline_with_two_people_in_one_person_element_and_an_agency_title() -> None:
    doc = b"""<?xml version="1.0" encoding="UTF-8"?>
<nitf><head><title>Ferry strike</title></head><body><body.head>
  <hedline><hl1>Ferry crews walk out for a second day</hl1></hedline>
  <byline><person>Ola Dahl and Jordan Press</person><byttl>The Canadian Press</byttl></byline>
  <distributor>THE CANADIAN PRESS</distributor>
</body.head><body.content><p>Ferry crews stayed on shore for a second day on Friday.</p></body.content></body></nitf>"""
    [a] = api.read_bytes(doc, format="nitf")
    names = {x.id: x.name for x in a.actors}
    # a person element holds people only: "Jordan Press" is a person there, not an outlet
    assert [names[i] for i in a.authors] == ["Ola Dahl", "Jordan Press"]
    assert [names[i] for i in a.sources] == ["The Canadian Press"]  # the title and the distributor: one agency
    single = doc.replace(b"Ola Dahl and Jordan Press", b"Dahl, Ola")
    [b] = api.read_bytes(single, format="nitf")
    assert [x.name for x in b.actors if x.id in b.authors] == ["Dahl, Ola"]
