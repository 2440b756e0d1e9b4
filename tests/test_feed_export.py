"""Feeds out: one Atom or RSS 2.0 feed of all the articles, read back by feedparser and
checked against the rules feed validators enforce."""

from __future__ import annotations

import html
from datetime import datetime
from pathlib import Path

import feedparser
import pytest
from hypothesis import given, settings, strategies as st
from lxml import etree

import newsgraph
from newsgraph import api, export, read_bytes
from newsgraph.errors import ExportError
from newsgraph.exporters import feed_atom, feed_rss
from newsgraph.exporters.feed import SeenIds
from newsgraph.validators.feed import check_atom, check_rss

from conftest import GOLDEN, SAMPLES

FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"


@pytest.fixture(autouse=True)
def fixed_time(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1741000000")


@pytest.fixture(scope="module")
def articles() -> list[newsgraph.Article]:
    found = api.read(FEEDS / "harbour_rss20.xml") + api.read(FEEDS / "harbour_atom.xml")
    return [newsgraph.extract(a) for a in found]


@pytest.mark.parametrize("to", ["atom", "rss"])
def test_golden(to: str, articles: list[newsgraph.Article], file_regression) -> None:
    file_regression.check(export(articles, to=to), fullpath=GOLDEN / "feeds" / f"harbour.{to}")


@pytest.mark.parametrize("to, version", [("atom", "atom10"), ("rss", "rss20")])
def test_feedparser_reads_it_back_without_complaint(
    to: str, version: str, articles: list[newsgraph.Article], kitchen_sink: newsgraph.Article
) -> None:
    text = export([*articles, kitchen_sink], to=to)
    parsed = feedparser.parse(text.encode())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.version == version and len(parsed.entries) == len(articles) + 1
    first = parsed.entries[0]
    assert first.title == articles[0].headline
    assert first.link == articles[0].url
    assert first.id == articles[0].id  # stable ids: the article's own
    assert [t.term if to == "atom" else t.term for t in first.tags] == ["Business", "Labour"]
    assert [a.name for a in first.authors] == ["Priya Natarajan", "Tomas Lindqvist"]
    assert first.published_parsed[:6] == (2025, 3, 4, 23, 40, 0)  # RFC dates, in UTC here
    assert any(link.get("rel") == "enclosure" for link in first.links)
    assert "<q" in first.content[0].value  # the quote markup the ninjs body uses


@pytest.mark.parametrize("to, check", [("atom", check_atom), ("rss", check_rss)])
def test_the_feed_keeps_the_validator_rules(
    to: str,
    check,
    articles: list[newsgraph.Article],
    kitchen_sink: newsgraph.Article,
) -> None:
    text = export([*articles, kitchen_sink], to=to)
    assert check(text.encode()) == []
    assert newsgraph.validate(text.encode(), format=to) == []


@pytest.mark.parametrize("to", ["atom", "rss"])
def test_read_back_by_newsgraph(to: str, articles: list[newsgraph.Article]) -> None:
    back = read_bytes(export(articles, to=to).encode(), format=to)
    assert [a.headline for a in back] == [a.headline for a in articles]
    assert [a.url for a in back] == [a.url for a in articles]
    assert [[p.text for p in a.body] for a in back] == [[p.text for p in a.body] for a in articles]

    def instant(iso: str | None) -> datetime:
        return datetime.fromisoformat((iso or "").replace("Z", "+00:00"))

    # time and zone kept (Atom writes +00:00 as Z)
    assert [instant(a.published) for a in back] == [instant(a.published) for a in articles]
    assert [a.published[-6:] for a in back][::2] == [a.published[-6:] for a in articles][::2]  # type: ignore[index]  # the feed dates every item
    assert [(t.name, t.scheme) for t in back[1].topics] == [(t.name, t.scheme) for t in articles[1].topics]
    assert [m.url for m in back[0].media] == [m.url for m in articles[0].media]
    assert [m.caption for m in back[0].media] == [m.caption for m in articles[0].media]


def test_an_article_with_little_in_it_still_makes_a_valid_entry() -> None:
    article = newsgraph.Article(id="urn:x:1", body=[newsgraph.Paragraph(text="One line of text.")])
    for to, check in (("atom", check_atom), ("rss", check_rss)):
        text = export(article, to=to)
        assert check(text.encode()) == [] and not feedparser.parse(text.encode()).bozo


def test_an_article_without_body_or_url_is_still_a_valid_entry() -> None:
    article = newsgraph.Article(id="urn:x:2", headline="0")
    for to, check in (("atom", check_atom), ("rss", check_rss)):
        text = export(article, to=to)
        assert check(text.encode()) == [] and not feedparser.parse(text.encode()).bozo
        assert [a.id for a in read_bytes(text.encode(), format=to)] == ["urn:x:2"]


# Titles a reader might take for text or for HTML (RSS never said which).
_TITLES = [
    "AT&T buys a < b",  # nothing an HTML reading changes: written plain
    "The &amp; entity",
    "1 &lt; 2 and <q>quoted</q>",
    "a < b > c &e; and </script>",
    "&copy 2025 <!-- not a comment -->",
]


@pytest.mark.parametrize("headline", _TITLES)
def test_an_rss_title_reads_back_as_written_whether_taken_as_text_or_html(headline: str) -> None:
    article = newsgraph.Article(
        id="urn:x:3", headline=headline, subheadline=headline, body=[newsgraph.Paragraph(text="Body.")]
    )
    text = export(article, to="rss")
    entry = feedparser.parse(text.encode()).entries[0]
    shown = html.unescape(entry.title) if entry.title_detail.type == "text/html" else entry.title
    assert shown == headline  # feedparser's guess, either way, shows the title as written
    [back] = read_bytes(text.encode(), format="rss")
    assert back.headline == headline and back.subheadline == headline


def test_only_a_title_an_html_reading_would_change_is_escaped() -> None:
    assert feed_rss.plain_text("AT&T buys a < b") == "AT&T buys a < b"  # as plain-text readers want it
    assert feed_rss.plain_text("The &amp; entity") == "The &amp;amp; entity"
    assert feed_rss.plain_text("x <b>y</b>") == "x &lt;b&gt;y&lt;/b&gt;"


def test_the_same_article_twice_is_one_entry(articles: list[newsgraph.Article]) -> None:
    text = export([articles[0], articles[0], articles[1]], to="atom")
    assert text.count("<entry") == 2 and check_atom(text.encode()) == []


@settings(max_examples=50, deadline=None)
@given(keys=st.lists(st.text(max_size=6), max_size=400))
def test_the_ids_a_feed_has_written_are_remembered_as_a_set_would(keys: list[str]) -> None:
    seen, reference = SeenIds(slots=4), set()  # a small table, so that it grows many times
    for key in keys:
        assert seen.add(key) == (key not in reference)
        reference.add(key)
    assert len(seen) == len(reference)


def test_many_inputs_into_one_feed_file(tmp_path: Path) -> None:
    out = tmp_path / "all.atom"
    report = api.convert(
        [FEEDS / "harbour_rss20.xml", FEEDS / "harbour_rdf.xml", SAMPLES / "harbour_strike.txt"],
        out,
        options=api.ConvertOptions(to="atom", extract=False),
    )
    assert report.ok and out.is_file()
    parsed = feedparser.parse(out.read_bytes())
    assert not parsed.bozo and len(parsed.entries) == 4
    assert check_atom(out.read_bytes()) == []


def test_rendering_streams_entry_by_entry(articles: list[newsgraph.Article]) -> None:
    chunks = list(feed_rss.render_many(iter(articles)))
    assert len(chunks) == 2 + len(articles)  # opening, one per item, closing
    assert chunks[0].rstrip().endswith("</docs>") and chunks[-1].strip().endswith("</rss>")
    assert all(c.startswith("    <item") for c in chunks[1:-1])


def test_an_entry_that_breaks_a_rule_stops_the_export(
    monkeypatch: pytest.MonkeyPatch, articles: list[newsgraph.Article]
) -> None:
    original = feed_atom.entry

    def broken(article: newsgraph.Article) -> etree._Element:
        el = original(article)
        el.remove(el.find("{http://www.w3.org/2005/Atom}updated"))
        return el

    monkeypatch.setattr(feed_atom, "entry", broken)
    with pytest.raises(ExportError, match="needs exactly one <updated>"):
        list(feed_atom.render_many(articles))


ATOM = """<feed xmlns="http://www.w3.org/2005/Atom"><id>urn:x:feed</id><title>T</title>
<updated>2025-03-01T00:00:00Z</updated>{author}{entries}</feed>"""
ENTRY = """<entry><id>{id}</id><title>E</title><updated>{updated}</updated>{extra}</entry>"""


@pytest.mark.parametrize(
    "doc, problem",
    [
        (
            ATOM.format(
                author="",
                entries=ENTRY.format(
                    id="urn:x:1", updated="2025-03-01T00:00:00Z", extra='<link href="https://x.example/1"/>'
                ),
            ),
            "has no author and the feed has none",
        ),
        (
            ATOM.format(
                author="<author><name>A</name></author>",
                entries=ENTRY.format(id="urn:x:1", updated="2025-03-01", extra="<content>x</content>"),
            ),
            "is not an RFC 3339 date-time",
        ),
        (
            ATOM.format(
                author="<author><name>A</name></author>",
                entries=ENTRY.format(id="urn:x:1", updated="2025-03-01T00:00:00Z", extra="") * 2,
            ),
            "two entries have the id",
        ),
        (
            ATOM.format(
                author="<author><name>A</name></author>",
                entries=ENTRY.format(id="urn:x:1", updated="2025-03-01T00:00:00Z", extra='<link href="/a"/>'),
            ),
            "href is not absolute",
        ),
        (
            ATOM.format(
                author="<author><name>A</name></author>",
                entries=ENTRY.format(id="not an iri", updated="2025-03-01T00:00:00Z", extra="<content>x</content>"),
            ),
            "no absolute IRI",
        ),
        (
            ATOM.format(
                author="<author><name>A</name></author>",
                entries=ENTRY.format(id="urn:x:1", updated="2025-03-01T00:00:00Z", extra=""),
            ),
            "neither content nor an alternate link",
        ),
    ],
)
def test_the_atom_checker_finds_what_validators_report(doc: str, problem: str) -> None:
    assert any(problem in p.message for p in check_atom(doc.encode()))


RSS = """<rss version="2.0"><channel><title>T</title><link>https://x.example/</link><description>D</description>
{items}</channel></rss>"""


@pytest.mark.parametrize(
    "doc, problem",
    [
        (RSS.format(items="<item><link>https://x.example/1</link></item>"), "needs a <title> or a <description>"),
        (RSS.format(items="<item><title>A</title><pubDate>2025-03-01</pubDate></item>"), "is not an RFC 822 date"),
        (RSS.format(items="<item><title>A</title><guid>g1</guid></item>"), "permalink <guid> that is no URL"),
        (
            RSS.format(items='<item><title>A</title><guid isPermaLink="false">g</guid></item>' * 2),
            "two items have the guid",
        ),
        (
            RSS.format(
                items='<item><title>A</title><enclosure url="https://x.example/a.jpg" type="image/jpeg"/></item>'
            ),
            "whole-number length",
        ),
        (
            RSS.format(
                items='<item><title>A</title><enclosure url="https://x.example/a.jpg" length="1" type="i/j"/>'
                '<enclosure url="https://x.example/b.jpg" length="1" type="i/j"/></item>'
            ),
            "2 enclosures",
        ),
        ("<rss version='2.0'><channel><title>T</title></channel></rss>", "the channel needs a <link>"),
        ("<rss version='0.91'><channel/></rss>", "not RSS 2.0"),
        ("<rss version='2.0'><channel>", "malformed XML"),
    ],
)
def test_the_rss_checker_finds_what_validators_report(doc: str, problem: str) -> None:
    assert any(problem in p.message for p in check_rss(doc.encode()))
