"""Reading NewsML-G2: IPTC's official examples, other providers' markup, and hostile input."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner
from lxml import etree

import newsgraph
from newsgraph import InputError, read_bytes, xmlsafe
from newsgraph.cli import main

from conftest import FETCHED
from newsml_support import examples_dir

# --- IPTC's official examples ------------------------------------------------------------


def read_example(name: str) -> newsgraph.Article:
    [article] = newsgraph.read(examples_dir() / name)
    return article


def test_listing_1_text_item_with_metadata_and_empty_body() -> None:
    a = read_example("LISTING_1_A_NewsML-G2_News_Item.xml")
    assert a.id == "urn:newsml:acmenews.com:20161018:US-FINANCE-FED"
    assert a.headline == 'Fed to halt QE to avert "bubble"'
    assert (a.published, a.modified) == ("2016-10-18T11:12:00-05:00", "2018-10-21T16:22:45-05:00")
    assert [a.actor(r).name for r in a.authors] == ["Meredith Jameson"]
    assert a.actor(a.publisher).id == "nprov:REUTERS"
    assert [t.name for t in a.topics] == ["economy, business and finance", "labour market"]
    assert a.language == "en-GB"
    [berlin] = a.places  # contentMeta/located, with its broader country
    assert (berlin.name, berlin.kind, berlin.country) == ("Berlin", "city", "Germany")
    assert a.body == []  # the example's inlineXML holds only comments
    assert a.provenance.reader == "newsml" and a.provenance.sha256


def test_listing_2_nitf_body() -> None:
    a = read_example("LISTING_2_NewsML-G2_Text_Document.xml")
    assert a.headline == 'Fed to halt QE to avert "bubble"'
    assert a.published == "2016-11-21T15:21:06-05:00"
    assert [a.actor(r).name for r in a.authors] == ["Meredith Jameson"]
    assert [a.actor(r).name for r in a.sources] == ["Associated Press"]
    assert [t.name for t in a.topics] == ["economy, business and finance", "central bank", "money and monetary policy"]
    assert [p.role for p in a.body] == ["body", "body"]
    assert a.body[0].text.startswith("(New York, NY - October 21) Et, sent luptat")
    assert "  " not in a.body[0].text and "\n" not in a.body[0].text  # NITF white space collapsed
    # The hedline and byline in body.head repeat the metadata and are not paragraphs.
    assert all("Staff Reporter" not in p.text for p in a.body)


def test_listing_16_events_carried_in_inline_xml() -> None:
    a = read_example("LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml")
    assert a.headline is None and a.modified == "2018-10-18T12:44:00Z"
    assert [e.label for e in a.events] == [
        "IPTC Autumn Meeting 2018",
        "Annomarket text analytics EU project",
        "Accidental Heroes",
    ]
    first, second, third = a.events
    assert (first.date.start, first.date.precision) == ("2018-10-26T09:00:00Z", "time")
    assert a.place(first.location).name.startswith("86, Edgeware Road") and a.place(first.location).kind == "venue"
    assert (second.date.start, second.date.end) == ("2018-10-22T10:00:00-04:00", "2018-10-22T11:00:00-04:00")
    # The example's third event ends before it starts: the end is left out, and said so.
    assert third.date.end is None
    assert any("Accidental Heroes" in note and "before it starts" in note for note in a.provenance.notes)


def test_listing_27_organisation_subject_and_description() -> None:
    a = read_example("LISTING_27_Company_Financial_Information.xml")
    assert a.headline == "Acme Widgets announces annual results"
    assert a.published == "2016-10-19T13:00:00Z"
    assert [(x.kind, x.name) for x in a.actors if x.id != a.publisher] == [("organization", "Acme Widget Sales Inc")]
    assert a.subheadline.startswith("Acme Widgets (XTSE:AWG), a leader in the production")


def test_ap_metadata_video_item_with_asserts() -> None:
    a = read_example("ap_metadata_example.xml")  # ISO-8859-1, declared in its XML declaration
    assert a.id == "tag:example.com,2008:407624"
    people = {x.name: x.kind for x in a.actors}
    assert people["Keegan Murray"] == "person" and people["Volkswagen AG"] == "organization"
    [kentucky] = a.places
    assert (kentucky.name, kentucky.kind, kentucky.country) == ("Kentucky", "region", "United States")
    assert [m.kind for m in a.media] == ["video"]


def test_listing_11_concept_item_reads_as_its_person() -> None:
    a = read_example("LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml")
    [draghi] = [x for x in a.actors if x.kind == "person"]
    assert draghi.name == "Mario Draghi"
    assert draghi.description and "European Central Bank" in draghi.description
    assert a.actor(draghi.affiliation).name == "European Central Bank"  # type: ignore[arg-type, union-attr]  # missing fails the test
    assert a.body == [] and any("conceptItem" in n for n in a.provenance.notes)  # type: ignore[union-attr]  # every reader sets provenance


def test_every_official_example_is_accounted_for() -> None:
    names = sorted(p.name for p in examples_dir().glob("*.xml"))
    tested = {
        "LISTING_1_A_NewsML-G2_News_Item.xml",
        "LISTING_2_NewsML-G2_Text_Document.xml",
        "LISTING_16_A_Set_of_Events_carried_in_a_News_Item.xml",
        "LISTING_27_Company_Financial_Information.xml",
        "ap_metadata_example.xml",
        "LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml",
    }
    assert set(names) == tested, "a new official example: add a test for it"


# --- other providers' items --------------------------------------------------------------

ITEM = """<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="{guid}" version="1"
    standard="NewsML-G2" standardversion="{version}">
  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
  <itemMeta>
    <itemClass qcode="{item_class}"/>
    <provider literal="Acme"/>
    <versionCreated>2024-05-01T10:00:00Z</versionCreated>
  </itemMeta>
  <contentMeta>
    <headline>  A   headline
    </headline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="{content_type}">{body}</inlineXML>
  </contentSet>
</newsItem>"""


def item(
    body: str = "",
    *,
    guid: str = "urn:example:1",
    version: str = "2.35",
    item_class: str = "ninat:text",
    content_type: str = "application/nitf+xml",
) -> bytes:
    return ITEM.format(guid=guid, version=version, item_class=item_class, body=body, content_type=content_type).encode()


def test_nitf_inline_markup_of_another_provider_becomes_entities_and_quotes() -> None:
    body = """<nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
      <p><person>Jane   Doe</person> met <org value="urn:example:org:un">the UN</org> in
         <location>Geneva</location> for <event>the summit</event>.</p>
      <bq><block><p><q>We agreed</q>, she said.</p></block></bq>
      <hl2>Next</hl2><ul><li>one</li><li>two</li></ul>
    </body.content></body></nitf>"""
    [a] = read_bytes(item(body), format="newsml")
    assert a.headline == "A headline"
    assert [p.role for p in a.body] == ["body", "blockquote", "subheading", "list_item", "list_item"]
    assert a.body[0].text == "Jane Doe met the UN in Geneva for the summit."
    by_name = {x.name: x for x in a.actors}
    assert by_name["Jane Doe"].kind == "person" and by_name["the UN"].id == "urn:example:org:un"
    assert a.span_text(by_name["Jane Doe"].mentions[0]) == "Jane Doe"
    [geneva] = a.places
    assert a.span_text(geneva.mentions[0]) == "Geneva"
    assert a.span_text(a.events[0].mentions[0]) == "the summit"
    [quote] = a.quotes
    assert quote.text == "We agreed" and a.span_text(quote.spans[0]) == "We agreed"


def test_xhtml_body() -> None:
    body = """<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body>
      <h2>Intro</h2><p>First <em>paragraph</em>.</p><blockquote><p>Quoted.</p></blockquote>
    </body></html>"""
    [a] = read_bytes(item(body, content_type="application/xhtml+xml"), format="newsml")
    assert [(p.text, p.role) for p in a.body] == [
        ("Intro", "subheading"),
        ("First paragraph.", "body"),
        ("Quoted.", "blockquote"),
    ]


def test_a_guid_that_is_not_a_uri_gets_a_minted_id_and_a_note() -> None:
    [a] = read_bytes(item(guid="simplest-test"), format="newsml")
    assert a.id.startswith("urn:newsgraph:article:")
    assert any("simplest-test" in n for n in a.provenance.notes)
    [b] = read_bytes(item(guid="1d02738f-7c99-42ba-a6da-3d1b97261523"), format="newsml")
    assert b.id == "urn:uuid:1d02738f-7c99-42ba-a6da-3d1b97261523"


def test_a_picture_item_reads_as_its_media() -> None:
    data = item(item_class="ninat:picture").replace(
        b"<inlineXML", b'<remoteContent href="https://example.org/p.jpg" contenttype="image/jpeg"/><inlineXML'
    )
    [a] = read_bytes(data, format="newsml")
    assert [(m.kind, m.url) for m in a.media] == [("image", "https://example.org/p.jpg")]


def test_a_news_message_yields_every_news_item() -> None:
    one, two = item(guid="urn:example:1"), item(guid="urn:example:2")

    def strip(b: bytes) -> bytes:
        return b.split(b"?>", 1)[1]

    message = (
        b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header><sent>2024-05-01T10:00:00Z'
        b"</sent></header><itemSet>" + strip(one) + strip(two) + b"</itemSet></newsMessage>"
    )
    assert [a.id for a in read_bytes(message, format="newsml")] == ["urn:example:1", "urn:example:2"]
    empty = b'<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet/></newsMessage>'
    with pytest.raises(InputError, match="holds no newsItem"):
        read_bytes(empty, format="newsml")


def test_sniffing_routes_news_items_to_this_reader(tmp_path: Path) -> None:
    path = tmp_path / "feed.bin"
    path.write_bytes(item())
    [a] = newsgraph.read(path)
    assert a.provenance.reader == "newsml"


# --- bad input: a clear error, no network, no entity expansion, nothing written -------------

BAD = {
    "malformed": (b"<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><itemMeta>", "malformed XML at line 1"),
    "not newsml": (b"<rss version='2.0'><channel/></rss>", "root element is <rss>"),
    "newsml 1": (b"<NewsML><NewsItem/></NewsML>", "NewsML 1.x"),
    "no namespace": (b"<newsItem guid='x'/>", "not in the NewsML-G2 namespace"),
    "unknown namespace": (item().replace(b"2006-10-01", b"2099-01-01"), "unknown NewsML-G2 namespace"),
    "unknown version": (item(version="3.0"), "version 3.0 is unknown"),
    "other item class": (item(item_class="cinat:concept"), "of class cinat:concept"),
    "package": (b"<packageItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>", "packageItem holds a package"),
    "empty": (b"  \n", "empty"),
    "doctype": (b"<!DOCTYPE newsItem><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>", "DOCTYPE"),
    "xxe": (
        b"<?xml version='1.0'?><!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]>"
        b"<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'><x>&e;</x></newsItem>",
        "DOCTYPE",
    ),
    "billion laughs": (
        b"<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
        + b"".join(
            b"<!ENTITY lol%d '%s'>" % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10)
        )
        + b"]><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'>&lol9;</newsItem>",
        "DOCTYPE",
    ),
    "utf-16 doctype": (
        "<?xml version='1.0' encoding='UTF-16'?><!DOCTYPE x SYSTEM 'http://127.0.0.1:9/x.dtd'>"
        "<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>".encode("utf-16"),
        "DOCTYPE",
    ),
    "undeclared entity": (b"<newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'>&nbsp;</newsItem>", "malformed XML"),
}


@pytest.mark.parametrize("data, message", BAD.values(), ids=BAD.keys())
def test_bad_input_is_a_clear_input_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message) as info:
        read_bytes(data, format="newsml")
    assert info.value.fix
    assert "root:" not in str(info.value)  # nothing of /etc/passwd leaks into messages


@pytest.mark.parametrize("data, message", BAD.values(), ids=BAD.keys())
def test_bad_input_writes_nothing(data: bytes, message: str, tmp_path: Path) -> None:
    source = tmp_path / "bad.newsml.xml"
    source.write_bytes(data)
    out = tmp_path / "out"
    result = CliRunner().invoke(main, ["convert", str(source), "--to", "json", "-o", f"{out}/"])
    assert result.exit_code == 1
    assert "error:" in result.output
    assert not out.exists() or not any(p.suffix == ".json" for p in out.rglob("*"))


def test_no_network_access_for_external_dtds_and_entities(listening_server) -> None:
    url, hits = listening_server
    docs = [
        f"<!DOCTYPE newsItem SYSTEM '{url}/dtd'><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>",
        f"<!DOCTYPE x [<!ENTITY % p SYSTEM '{url}/pe'> %p;]><newsItem xmlns='http://iptc.org/std/nar/2006-10-01/'/>",
        f"<!DOCTYPE x [<!ENTITY e SYSTEM '{url}/e'>]><x>&e;</x>",
    ]
    for doc in docs:
        with pytest.raises(InputError):
            read_bytes(doc.encode(), format="newsml")
        # The parser itself, without the DOCTYPE refusal in front, does not fetch either.
        try:
            root = etree.fromstring(doc.encode(), xmlsafe.parser())
            assert FETCHED not in etree.tostring(root, encoding="unicode")
        except etree.XMLSyntaxError:
            pass
    assert hits == []


def test_validate_accepts_the_concept_item() -> None:
    assert (
        newsgraph.validate(examples_dir() / "LISTING_11_Person_Concept_conveyed_in_a_NewsML-G2_Concept_Item.xml") == []
    )


# --- damaged items: a NewsgraphError or articles, never a crash ------------------------------


@functools.cache
def kitchen_sink_xml() -> bytes:
    from conftest import load_kitchen_sink
    from newsgraph.exporters import newsml

    return newsml.render(load_kitchen_sink()).encode()


_VALUES = st.sampled_from(
    [
        "",
        " ",
        "x",
        "-1",
        "1e9",
        "abc:def",
        "urn:x",
        "2025-13-45",
        "0.5",
        "999",
        "ngrel:cue",
        "ngquote:nonsense",
        "ninat:picture",
        "urn:newsgraph:person:nobody",
    ]
)


@settings(max_examples=200, deadline=None)
@given(data=st.data())
def test_damaged_items_never_crash_the_reader(data: st.DataObject) -> None:
    root = etree.fromstring(kitchen_sink_xml())
    elements = list(root.iter(etree.Element))
    for _ in range(data.draw(st.integers(1, 4))):
        el = data.draw(st.sampled_from(elements))
        action = data.draw(st.sampled_from(["drop", "attr", "text"]))
        if action == "drop" and el.getparent() is not None:
            el.getparent().remove(el)
            elements = list(root.iter(etree.Element))
        elif action == "attr" and el.attrib:
            el.set(data.draw(st.sampled_from(sorted(el.attrib))), data.draw(_VALUES))
        elif action == "text":
            el.text = data.draw(_VALUES)
    try:
        articles = read_bytes(etree.tostring(root), format="newsml")
    except newsgraph.NewsgraphError as err:
        assert err.what and err.fix
    else:
        assert all(isinstance(a, newsgraph.Article) for a in articles)


def test_a_creator_that_names_an_agency_is_a_source_not_an_author() -> None:
    # Other providers put the agency itself in <creator> (often also in <infoSource>):
    # it is the organisation credited, once, and no person wrote the item by that name.
    meta = """<creator literal="Reuters" role="cRole:source"/>
    <creator literal="Jane Doe"/>
    <infoSource literal="Reuters" role="cRole:origProv"/>
    <headline>"""
    doc = item("<p>Text.</p>", content_type="application/xhtml+xml").replace(b"<headline>", meta.encode(), 1)
    [a] = read_bytes(doc, format="newsml")
    names = {x.id: (x.name, x.kind) for x in a.actors}
    assert [names[i] for i in a.authors] == [("Jane Doe", "person")]
    assert [names[i] for i in a.sources] == [("Reuters", "organization")]
    typed = doc.replace(
        b'<creator literal="Reuters" role="cRole:source"/>', b'<creator literal="Reuters" type="cpnat:person"/>'
    )
    [b] = read_bytes(typed, format="newsml")
    assert ("Reuters", "person") in [(x.name, x.kind) for x in b.actors if x.id in b.authors]  # what the item says wins
