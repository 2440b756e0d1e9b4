"""NewsML-G2 export: valid against IPTC's XSD, lossless, deterministic, readable by IPTC's library."""

from __future__ import annotations

import copy
import json
import re
import time
from datetime import datetime

import NewsMLG2
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

import newsgraph
from newsgraph import Article, ExportError, ExportOptions
from newsgraph.exporters import newsml
from newsgraph.validators import newsml as newsml_validate

from newsml_support import NAR, assert_xsd_valid, consumer_view, expected_subjects, our_view, read_back, require_xsd
from strategies import articles

N = {"n": NAR, "nitf": "http://iptc.org/std/NITF/2006-10-18/", "ng": "urn:newsgraph:ns:newsml-g2:1"}
NG = N["ng"]


def variant(article: Article, **changes: object) -> Article:
    data = article.model_dump()
    data.update(changes)
    return Article.model_validate(data)


def roundtrip(article: Article, **options: object) -> Article:
    xml = newsgraph.export(article, to="newsml", options=ExportOptions(**options))  # validated
    assert_xsd_valid(xml)
    [back] = read_back(xml)
    assert back.model_dump() == article.model_dump()
    return back


# --- validity and the round trip ----------------------------------------------------


def test_kitchen_sink_is_valid_and_lossless(kitchen_sink: Article) -> None:
    roundtrip(kitchen_sink)


def test_compact_output_is_lossless(kitchen_sink: Article) -> None:
    roundtrip(kitchen_sink, pretty=False)
    assert "\n  <" not in newsgraph.export(kitchen_sink, to="newsml", options=ExportOptions(pretty=False))


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_generated_articles_roundtrip_through_newsml(article: Article) -> None:
    require_xsd()
    xml = newsml.render(article)
    assert newsml_validate.check(xml.encode(), strict=True) == []
    [back] = read_back(xml)
    assert back.model_dump() == article.model_dump()


def test_many_articles_are_one_valid_news_message(kitchen_sink: Article) -> None:
    other = variant(kitchen_sink, id="urn:newsgraph:article:other", headline="Second story")
    xml = newsgraph.export([kitchen_sink, other], to="newsml")
    assert_xsd_valid(xml)
    root = etree.fromstring(xml.encode())
    assert root.tag == f"{{{NAR}}}newsMessage"
    assert len(root.findall("n:itemSet/n:newsItem", N)) == 2
    assert [a.model_dump() for a in read_back(xml)] == [kitchen_sink.model_dump(), other.model_dump()]


def test_no_articles_make_no_message() -> None:
    assert newsgraph.export([], to="newsml") == ""


def test_output_is_deterministic(kitchen_sink: Article) -> None:
    assert newsml.render(kitchen_sink) == newsml.render(copy.deepcopy(kitchen_sink))


def test_the_xsd_check_really_rejects_invalid_items(kitchen_sink: Article) -> None:
    require_xsd()
    xml = newsml.render(kitchen_sink)
    broken = xml.replace("<pubStatus", "<notAnElement/>\n    <pubStatus", 1)
    problems = newsml_validate.check(broken.encode())
    assert problems and problems[0].severity == "error"
    assert problems[0].line == broken[: broken.index("<notAnElement")].count("\n") + 1
    assert "notAnElement" in problems[0].message
    # NewsML-G2 elements inside lax extension points are still checked against the XSD.
    bad_caption = xml.replace('<description role="drol:caption"', '<description role="not a qcode"', 1)
    assert any("role" in p.message for p in newsml_validate.check(bad_caption.encode()))


# --- what goes where --------------------------------------------------------------------


def test_item_metadata(kitchen_sink: Article) -> None:
    root = etree.fromstring(newsml.render(kitchen_sink).encode())
    assert root.get("guid") == kitchen_sink.id
    assert root.get("standardversion") == "2.35"
    assert root.find("n:itemMeta/n:itemClass", N).get("qcode") == "ninat:text"
    assert root.find("n:itemMeta/n:provider", N).get("uri") == kitchen_sink.publisher
    assert root.find("n:itemMeta/n:firstCreated", N).text == kitchen_sink.created == "2025-03-03T13:55:00Z"
    assert root.find("n:itemMeta/n:versionCreated", N).text == "2025-03-03T18:05:00-05:00"
    assert root.find("n:itemMeta/n:embargoed", N).text == kitchen_sink.embargoed
    assert root.find("n:itemMeta/n:pubStatus", N).get("qcode") == "stat:usable"
    rights = root.find("n:rightsInfo", N)
    assert rights.find("n:copyrightHolder/n:name", N).text == "Northern Ledger"
    assert rights.find("n:copyrightNotice", N).text == "Copyright 2025 Northern Ledger"
    assert rights.find("n:usageTerms", N).text == "No archiving"
    content = root.find("n:contentMeta", N)
    assert content.find("n:urgency", N).text == "4" and content.find("n:slugline", N).text == "CANADA-MEXICO/STEEL"
    assert content.find("n:by", N).text == kitchen_sink.byline
    assert content.find("n:creditline", N).text == "Reuters"
    assert content.find("n:genre/n:name", N).text == "Current"
    located = content.find("n:located", N)  # the dateline's place
    assert (located.get("uri"), located.find("n:name", N).text) == ("urn:newsgraph:place:ottawa", "Ottawa")
    meta = root.find("n:contentMeta", N)
    assert meta.find("n:contentCreated", N).text == kitchen_sink.published
    assert [c.get("uri") for c in meta.findall("n:creator", N)] == kitchen_sink.authors
    assert [c.get("uri") for c in meta.findall("n:infoSource", N)] == kitchen_sink.sources
    assert meta.find("n:dateline", N).text == kitchen_sink.dateline
    assert meta.find("n:description[@role='drol:summary']", N).text == kitchen_sink.subheadline
    assert meta.find("n:headline[@role='ngrole:kicker']", N).text == "TRADE"
    assert [k.text for k in meta.findall("n:keyword", N)] == [t.name for t in kitchen_sink.topics if not t.code]
    # A code of a scheme no catalog declares is a literal (its scheme in ng:scheme).
    coded = [
        (s.get("qcode") or s.get("literal"), s.get("uri"), s.findtext("n:name", namespaces=N))
        for s in meta.findall("n:subject[@type='cpnat:abstract']", N)
    ]
    assert coded == [(t.code, t.uri, t.name) for t in kitchen_sink.topics if t.code]
    subjects = [(s.get("type"), s.get("uri"), s.find("n:name", N).text) for s in meta.findall("n:subject", N)]
    assert subjects == expected_subjects(kitchen_sink)
    # The author, publisher and agency are credited, not subjects; everyone else is.
    assert "urn:newsgraph:person:maria-lopez" not in {s[1] for s in subjects}


def test_every_scheme_alias_used_is_declared(kitchen_sink: Article) -> None:
    root = etree.fromstring(newsml.render(kitchen_sink).encode())
    declared = {s.get("alias") for s in root.findall("n:catalog/n:scheme", N)}
    iptc = {"ninat", "stat", "cpnat", "drol", "wikidata", "medtop", "subj"}  # in the referenced IPTC catalog
    assert root.find("n:catalogRef", N).get("href").endswith("catalog.IPTC-G2-Standards_41.xml")
    used = set()
    for el in root.iter():
        for attr in ("qcode", "type", "rel", "role"):
            for value in (el.get(attr) or "").split():
                if ":" in value and el.tag != f"{{{N['nitf']}}}q":
                    used.add(value.split(":")[0])
    assert used and used <= declared | iptc, used - declared - iptc


def test_body_markup_marks_every_mention_and_quote(kitchen_sink: Article) -> None:
    root = etree.fromstring(newsml.render(kitchen_sink).encode())
    content = root.find("n:contentSet/n:inlineXML", N)
    assert content.get("contenttype") == "application/nitf+xml"
    body = content.find("nitf:nitf/nitf:body/nitf:body.content/nitf:block", N)
    blocks = [b for b in body if b.tag in (f"{{{N['nitf']}}}p", f"{{{N['nitf']}}}hl2")]
    assert [etree.QName(b).localname for b in blocks] == ["p", "p", "p", "hl2", "p", "p", "p"]
    assert blocks[0].get(f"{{{N['ng']}}}offset") == "180"
    fortier = body.findall(".//nitf:person[@value='urn:newsgraph:person:anne-fortier']", N)
    assert [p.text for p in fortier] == ["Anne Fortier", "Fortier"]
    quotes = body.findall(".//nitf:q", N)
    assert quotes[0].get("quote-source") == "Anne Fortier"
    assert quotes[0].get(f"{{{N['ng']}}}speaker") == "urn:newsgraph:person:anne-fortier"
    in_body = {q.id for q in kitchen_sink.quotes if any(s.in_body for s in q.spans)}
    assert {q.get(f"{{{N['ng']}}}quote") for q in quotes} == in_body
    assert body.find(".//nitf:location[@location-code='urn:newsgraph:place:ottawa']", N).text == "Ottawa"
    assert body.find(".//nitf:event", N).get("value").endswith("#event-2")


def test_events_are_carried_with_dates_status_place_and_participants(kitchen_sink: Article) -> None:
    root = etree.fromstring(newsml.render(kitchen_sink).encode())
    event = root.find("n:assert[@uri='urn:newsgraph:article:407c2b58d7a4ad432b61#event-2']", N)
    assert event.find("n:type", N).get("qcode") == "ngevent:talks"
    details = event.find("n:eventDetails", N)
    assert details.find("n:dates/n:start", N).text == "2025-04-14"
    assert details.find("n:dates/n:end", N).text == "2025-04-15"
    assert details.find("n:eventStatus", N).get("qcode") == "ngstatus:planned"
    assert details.find("n:location", N).get("uri") == "urn:newsgraph:place:monterrey"
    assert [p.get("uri") for p in details.findall("n:participant", N)] == [
        "urn:newsgraph:country:canada",
        "urn:newsgraph:country:mexico",
    ]


# --- edge cases of the mapping -------------------------------------------------------


def test_text_that_normalized_strings_cannot_hold_is_kept_exactly(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    data["actors"][0]["name"] = "Maria\tLopez\n"
    data["actors"][0]["aliases"] = ["M.\r\nLopez"]
    data["actors"][0]["titles"] = ["trade\ncorrespondent"]
    data["actors"][0]["identifiers"] = {"wikidata": "Q 1", "odd key": "a\nb", "isni": "0000 0001"}
    data["topics"] = ["line\nbreak", "  spaced  "]
    data["media"][0]["credit"] = "Jane Roe\nReuters"
    data["places"][0]["country"] = "Can\tada"
    roundtrip(Article.model_validate(data))


def test_whitespace_and_empty_strings_survive(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    data.update(headline="", kicker="  ", dateline=" x ", subheadline="two\n\nlines", section="")
    # the quote in the former standfirst goes with it
    data["quotes"] = [q for q in data["quotes"] if all(s["part"] is None for s in q["spans"])]
    data["body"].append({"text": "", "offset": None, "role": "body"})
    data["body"].append({"text": "  leading and   inner  spaces\u2003 ", "offset": 0, "role": "note"})
    roundtrip(Article.model_validate(data))


def test_paragraph_roles_group_into_nitf_blocks(kitchen_sink: Article) -> None:
    roles = ["list_item", "list_item", "blockquote", "blockquote", "note", "subheading", "body"]
    data = kitchen_sink.model_dump()
    for paragraph, role in zip(data["body"], roles):
        paragraph["role"] = role
    article = roundtrip(Article.model_validate(data))
    root = etree.fromstring(newsml.render(article).encode())
    body = root.find(".//nitf:body.content/nitf:block", N)
    assert [etree.QName(b).localname for b in body] == ["ul", "bq", "note", "hl2", "p"]
    assert len(body.find("nitf:ul", N)) == 2 and len(body.find("nitf:bq/nitf:block", N)) == 2


def test_crossing_and_touching_spans_are_rebuilt(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    # A mention that crosses a quote's edge is split in two and joined again on reading;
    # two touching mentions of one actor stay two.
    data["actors"][3]["mentions"] += [
        {"paragraph": 1, "start": 30, "end": 45},
        {"paragraph": 4, "start": 0, "end": 4},
        {"paragraph": 4, "start": 4, "end": 8},
    ]
    article = roundtrip(Article.model_validate(data))
    xml = newsml.render(article)
    assert 'ng:part="' in xml


def test_dates_the_xsd_spells_differently_are_kept_exactly(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    data.update(published="2025-03-03T14:20Z", modified="2025-03-04T01:00:00+1500")
    data["events"][0]["date"] = {"start": "2025-03-03T09:00+0530", "end": "2025-03-03T23:00:00.123456789-14:00"}
    article = roundtrip(Article.model_validate(data))
    root = etree.fromstring(newsml.render(article).encode())
    assert root.find("n:contentCreated", {"n": NAR}) is None  # it lives in contentMeta
    assert root.find("n:contentMeta/n:contentCreated", N).text == "2025-03-03T14:20:00Z"
    # +15:00 is beyond xs:dateTime's +-14:00: the same instant in UTC.
    assert root.find("n:contentMeta/n:contentModified", N).text == "2025-03-03T10:00:00Z"


def test_item_times_carry_a_zone_by_the_documented_rule(kitchen_sink: Article) -> None:
    # A date alone is midnight UTC, a time without a zone is UTC; the exact text rides along.
    article = roundtrip(variant(kitchen_sink, published="2025-03-03", modified="2025-03-04T09:30", created=None))
    meta = etree.fromstring(newsml.render(article).encode()).find("n:itemMeta", N)
    first, version = meta.find("n:firstCreated", N), meta.find("n:versionCreated", N)
    assert (first.text, first.get(f"{{{NG}}}value")) == ("2025-03-03T00:00:00Z", "2025-03-03")
    assert (version.text, version.get(f"{{{NG}}}value")) == ("2025-03-04T09:30:00Z", "2025-03-04T09:30")
    assert article.created is None  # firstCreated was the publication date, marked derived


def test_an_undated_article_gives_the_same_bytes_every_time(kitchen_sink: Article, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    article = roundtrip(variant(kitchen_sink, published=None, modified=None, created=None))
    text = newsml.render(article)
    root = etree.fromstring(text.encode())
    assert root.find("n:itemMeta/n:versionCreated", N).text == "1970-01-01T00:00:00Z"
    message = "".join(newsml.render_many([article, kitchen_sink]))
    sent = etree.fromstring(message.encode()).find("n:header/n:sent", N).text
    assert sent == "1970-01-01T00:00:00Z"  # the first item's version time: a stream cannot wait for the last
    time.sleep(1.1)
    assert newsml.render(article) == text and "".join(newsml.render_many([article, kitchen_sink])) == message


def test_wall_clock_time_only_when_asked_for(kitchen_sink: Article, monkeypatch) -> None:
    article = variant(kitchen_sink, published=None, modified=None, created=None)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    for timestamp in (None, "now"):
        root = etree.fromstring(newsml.render(article, ExportOptions(timestamp=timestamp)).encode())
        assert root.find("n:itemMeta/n:versionCreated", N).text == "2023-11-14T22:13:20Z"
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    root = etree.fromstring(newsml.render(article, ExportOptions(timestamp="now")).encode())
    stamp = datetime.fromisoformat(root.find("n:itemMeta/n:versionCreated", N).text.replace("Z", "+00:00"))
    assert stamp.year >= 2025
    root = etree.fromstring(newsml.render(article, ExportOptions(timestamp="2025-01-02T03:04:05Z")).encode())
    assert root.find("n:itemMeta/n:versionCreated", N).text == "2025-01-02T03:04:05Z"
    with pytest.raises(newsgraph.UsageError, match="timestamp"):
        newsml.render(article, ExportOptions(timestamp="yesterday"))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    with pytest.raises(newsgraph.UsageError, match="SOURCE_DATE_EPOCH"):
        newsml.render(article)


def test_events_without_a_start_date(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    data["events"][0]["date"] = {"text": "next month", "precision": "month"}
    data["events"][1]["date"] = {}
    roundtrip(Article.model_validate(data))
    data["events"][1]["date"] = {"end": "2025-05-01"}
    data["events"][0]["date"] = None
    data["events"][0]["location"] = None
    roundtrip(Article.model_validate(data))


def test_derived_values_are_marked_and_read_back_as_absent(kitchen_sink: Article) -> None:
    article = variant(kitchen_sink, byline=None, creditline=None, rights=None, created=None)
    root = etree.fromstring(newsml.render(article, ExportOptions(copyright="(c) 2025 NL")).encode())
    content = root.find("n:contentMeta", N)
    assert content.find("n:by", N).text == "Maria Lopez"  # the authors' names
    assert content.find("n:by", N).get(f"{{{NG}}}derived") == "authors"
    assert content.find("n:creditline", N).get(f"{{{NG}}}derived") == "sources"
    holder = root.find("n:rightsInfo/n:copyrightHolder", N)
    assert holder.get("uri") == article.publisher and holder.get(f"{{{NG}}}derived") == "publisher"
    assert root.find("n:rightsInfo/n:copyrightNotice", N).text == "(c) 2025 NL"
    assert root.find("n:itemMeta/n:firstCreated", N).get(f"{{{NG}}}derived") == "published"
    assert read_back(newsml.render(article)) == [article]


def test_the_relays_words_go_through_newsml(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    text = data["body"][6]["text"]
    at = text.index("the newspaper")
    [quote] = [q for q in data["quotes"] if q["via"]]
    quote["via_mention"] = {"paragraph": 6, "start": at, "end": at + len("the newspaper")}
    back = roundtrip(Article.model_validate(data))
    [relayed] = [q for q in back.quotes if q.via]
    assert back.span_text(relayed.via_mention) == "the newspaper"  # type: ignore[arg-type]  # set: asserted by the comparison


def test_no_publisher_no_provenance_no_speakers(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    data.update(publisher=None, provenance=None, url=None, language=None, media=[])
    for quote in data["quotes"]:
        quote.update(speaker=None, confidence=1.0, cue=None, speaker_mention=None)
    article = roundtrip(Article.model_validate(data))
    root = etree.fromstring(newsml.render(article).encode())
    # No publisher: the party that made the item, never "unknown".
    assert root.find("n:itemMeta/n:provider", N).get("literal") == "newsgraph"
    roundtrip(variant(kitchen_sink, provenance={}))  # an empty provenance is not None


def test_every_actor_kind_keeps_its_affiliation(kitchen_sink: Article) -> None:
    data = kitchen_sink.model_dump()
    data["actors"][5]["affiliation"] = "urn:newsgraph:organization:reuters"  # a country
    data["actors"][7]["affiliation"] = "urn:newsgraph:organization:reuters"  # a group
    data["actors"][1]["affiliation"] = "urn:newsgraph:country:canada"  # an organisation
    roundtrip(Article.model_validate(data))


def test_text_xml_cannot_carry_is_a_clear_export_error(kitchen_sink: Article) -> None:
    # The model refuses such characters; an article changed without validation (model_copy)
    # still gets a clear error rather than lxml's.
    body = [
        kitchen_sink.body[0].model_copy(update={"text": "bell\x07" + kitchen_sink.body[0].text[5:]}),
        *kitchen_sink.body[1:],
    ]
    # (newsgraph.export checks the article again first: a ModelError naming the field, issue 21)
    with pytest.raises((ExportError, newsgraph.ModelError), match="U\\+0007") as info:
        newsgraph.export(kitchen_sink.model_copy(update={"body": body}), to="newsml")
    assert info.value.fix


def test_strict_export_without_the_xsd_says_how_to_install_it(kitchen_sink, monkeypatch, tmp_path) -> None:
    from newsgraph import standards

    monkeypatch.setattr(standards, "search_path", lambda: [tmp_path])
    monkeypatch.setattr(newsml_validate, "_schema", None)
    with pytest.raises(newsgraph.SchemaMissingError, match="standards install"):
        newsgraph.export(kitchen_sink, to="newsml", options=ExportOptions(strict=True))
    assert newsgraph.export(kitchen_sink, to="newsml").startswith("<?xml")  # a warning only


# --- a real consumer: IPTC's newsmlg2 library ------------------------------------------


def test_iptc_library_reads_the_kitchen_sink(kitchen_sink: Article) -> None:
    item = NewsMLG2.NewsMLG2Document(newsml.render(kitchen_sink).encode()).get_item()
    assert isinstance(item, NewsMLG2.NewsItem)
    assert consumer_view(item) == our_view(kitchen_sink)
    assert item.itemmeta.itemclass.qcode == "ninat:text"
    assert str(item.itemmeta.provider.name) == "Northern Ledger"
    # Our scheme aliases resolve through the inline catalog, as IPTC's own do.
    assert NewsMLG2.qcode_to_uri("ngactor:person") == "urn:newsgraph:cv:actor-kind:person"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_iptc_library_reads_generated_articles(article: Article) -> None:
    item = NewsMLG2.NewsMLG2Document(newsml.render(article).encode()).get_item()
    assert consumer_view(item) == our_view(article)


def test_iptc_library_reads_a_news_message(kitchen_sink: Article) -> None:
    other = variant(kitchen_sink, id="urn:newsgraph:article:other", headline="Second story")
    message = NewsMLG2.NewsMLG2Document(newsgraph.export([kitchen_sink, other], to="newsml").encode()).get_item()
    assert isinstance(message, NewsMLG2.NewsMessage)
    items = [NewsMLG2.NewsItem(xmlelement=el) for el in message.itemset._xs_any_content]
    assert [consumer_view(i) for i in items] == [our_view(kitchen_sink), our_view(other)]


def test_json_newsml_json_through_the_cli(tmp_path, kitchen_sink: Article) -> None:
    from click.testing import CliRunner
    from newsgraph.cli import main

    runner = CliRunner()
    source = tmp_path / "story.json"
    source.write_text(newsgraph.export(kitchen_sink, to="json"), encoding="utf-8")
    result = runner.invoke(main, ["convert", str(source), "--to", "newsml", "-o", f"{tmp_path / 'out'}/"])
    assert result.exit_code == 0, result.output
    written = tmp_path / "out" / "story.newsml.xml"
    assert written.is_file()
    result = runner.invoke(main, ["convert", str(written), "--to", "json", "-o", str(tmp_path / "back.json")])
    assert result.exit_code == 0, result.output
    back = json.loads((tmp_path / "back.json").read_text(encoding="utf-8"))
    assert back == json.loads(newsgraph.export(kitchen_sink, to="json"))
    assert re.search(r"<generator versioninfo=\"[^\"]+\">newsgraph</generator>", written.read_text())


def test_validate_reads_items_back_to_check_the_model_rules(kitchen_sink: Article) -> None:
    require_xsd()
    xml = newsml.render(kitchen_sink)
    # Still valid NewsML-G2, but the speaker's words now end past the end of their paragraph.
    edited = xml.replace('value="1:42:49"', 'value="1:42:4900"', 1)
    problems = newsml_validate.check(edited.encode())
    assert [p.severity for p in problems] == ["error"]
    assert "cannot read it" in problems[0].message and "past the end of paragraph 1" in problems[0].message
    # What the exporter itself just wrote skips the read-back: its Article was already valid.
    assert newsml_validate.check(xml.encode()) == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="abz09:/-._~%#[]?&=+!$'()*,;@AF", min_size=1, max_size=14))
def test_every_uri_the_model_accepts_the_xsd_accepts(rest: str) -> None:
    # the model's URI check must be no looser than xs:anyURI, or an export fails as a bug
    require_xsd()
    uri = "urn:newsgraph:place:" + rest
    if not newsgraph.model.is_uri(uri):
        return
    article = Article(id="urn:x:uri-test", places=[newsgraph.Place(id=uri, name="Somewhere")])
    assert newsml_validate.check(newsgraph.export(article, to="newsml").encode()) == []
