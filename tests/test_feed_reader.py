"""Feeds in: RSS 2.0, RSS 1.0 (RDF), Atom, WordPress WXR and JSON Feed, one article per item."""

from __future__ import annotations

import io
import json
from pathlib import Path

import feedparser
import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import newsgraph
from newsgraph import api, export, formats, read_bytes
from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.readers.base import ReadOptions
from newsgraph.readers.feed_split import split

from conftest import GOLDEN, SHARED

FEEDS = Path(__file__).resolve().parent / "fixtures" / "feeds"
REALWORLD = SHARED / "realworld" / "rss-atom"


def names(article: newsgraph.Article, ids: list[str]) -> list[str]:
    by_id = {a.id: a.name for a in article.actors}
    return [by_id[i] for i in ids]


def test_rss20_golden(file_regression) -> None:
    articles = api.read(FEEDS / "harbour_rss20.xml")
    file_regression.check(export(articles, to="json"), fullpath=GOLDEN / "feeds" / "harbour_rss20.jsonl")


def test_rss20_item_mapping() -> None:
    first, second = api.read(FEEDS / "harbour_rss20.xml")
    assert first.headline == "Dock workers vote to end the week-long stoppage"
    assert first.url == "https://gazette.example/news/dock-vote"
    assert first.published == "2025-03-04T18:40:00-05:00"  # RFC 822, time and zone kept
    assert names(first, first.authors) == ["Priya Natarajan", "Tomas Lindqvist"]
    assert names(first, [first.publisher]) == ["The Estuary Gazette"]  # type: ignore[list-item]  # the reader sets it; None fails the test
    assert first.language == "en-gb"
    assert [(t.name, t.scheme) for t in first.topics] == [
        ("Business", "https://gazette.example/sections"),
        ("Labour", None),
    ]
    # the description is the standfirst when there is full content
    assert first.subheadline == "Cranes will turn again on Thursday after a narrow ballot."
    texts = [p.text for p in first.body]
    # <br> is a space, two are a paragraph break; text outside <p> is kept; the caption is not body
    assert "Dara Quinn. Work resumes at six." in texts[1]
    assert texts[2:] == [
        "Loading resumes with the early shift",
        "The port authority said the backlog of 40 vessels would take a fortnight to clear.",
    ]
    assert not any("Idle cranes" in t for t in texts)
    assert [(m.url, m.caption, m.credit) for m in first.media] == [
        ("https://gazette.example/img/cranes.jpg", "Idle cranes at the east quay on Monday.", "Ines Moreau/Gazette"),
        ("https://gazette.example/img/vote-count.jpg", "Ballot papers being counted", "Ines Moreau"),
    ]
    assert first.rights is not None and first.rights.notice == "© 2025 The Estuary Gazette"
    # no full content: the description is the body
    assert second.subheadline is None
    assert [p.text for p in second.body] == [
        "The crossing to the island runs hourly from April.",
        "Evening sailings return in May.",
    ]
    text = "\n\n".join(p.text for p in first.body)
    assert all(text[p.offset : p.offset + len(p.text)] == p.text for p in first.body)  # type: ignore[operator]  # read from a file: offsets are set


def test_atom_entry_mapping() -> None:
    [a] = api.read(FEEDS / "harbour_atom.xml")
    assert a.headline == "Shipyard wins a contract for two tugs"  # type="html" title as text
    assert (a.published, a.modified) == ("2025-03-05T07:30:00+01:00", "2025-03-05T09:10:00+01:00")
    assert [(t.name, t.code, t.scheme) for t in a.topics] == [
        ("Shipbuilding", "shipbuilding", "https://gazette.example/topics/")
    ]
    assert [(p.role, p.text) for p in a.body][1] == ("subheading", "Apprentices")
    assert a.subheadline == "The order secures work for two years."
    assert [m.url for m in a.media] == ["https://gazette.example/img/tug.png"]
    assert a.language == "en" and names(a, a.authors) == ["Helga Brandt"]


def test_a_media_description_does_not_change_how_the_summary_is_read() -> None:
    # feedparser lets media:description overwrite an entry's summary_detail (its type
    # included): an Atom text summary must stay text, markup-like characters and all.
    doc = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/">
  <id>urn:x:feed</id><title>T</title><updated>2025-01-01T00:00:00Z</updated>
  <entry><id>urn:x:1</id><title>Headline</title><updated>2025-01-01T00:00:00Z</updated>
    <author><name>A</name></author>
    <summary>Rates &amp;amp; &lt;b&gt;bonds&lt;/b&gt; rise</summary>
    <content type="html">&lt;p&gt;The body says something else.&lt;/p&gt;</content>
    <media:content url="https://example.org/a.jpg" medium="image">
      <media:description>A &amp;lt;caption&amp;gt;</media:description>
    </media:content>
  </entry>
</feed>"""
    [article] = read_bytes(doc, format="atom")
    assert article.subheadline == "Rates &amp; <b>bonds</b> rise"
    assert [m.caption for m in article.media] == ["A &lt;caption&gt;"]
    html_summary = doc.replace(b"<summary>", b'<summary type="html">')
    assert read_bytes(html_summary, format="atom")[0].subheadline == "Rates & bonds rise"


@pytest.mark.parametrize(
    "summary",
    [
        # the content's tags stripped: words of one element glued to the next, entities
        # double-escaped, the cut marked
        "Lamp Tool v.2&amp;nbsp;Shown at 50%320 x 480 (12 KB)Maker:&amp;nbsp;Acme...",
        "Lamp Tool v.2 Shown at 50% 320 x 480 (12 KB) Maker: Acme Lamps [&#8230;]",
        "   ",
    ],
)
def test_a_summary_that_only_cuts_the_content_short_is_no_standfirst(summary: str) -> None:
    def feed(summary: str) -> bytes:
        return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <id>urn:x:feed</id><title>T</title><updated>2025-01-01T00:00:00Z</updated>
  <entry><id>urn:x:1</id><title>Lamp Tool</title><updated>2025-01-01T00:00:00Z</updated>
    <author><name>A</name></author>
    <summary>{summary}</summary>
    <content type="html">&lt;p&gt;&lt;b&gt;Lamp Tool v.2&lt;/b&gt;&amp;nbsp;&lt;i&gt;Shown at 50%&lt;/i&gt;&lt;br/&gt;320 x 480
      (12 KB)&lt;/p&gt;&lt;p&gt;Maker:&amp;nbsp;Acme Lamps. It dims the screen.&lt;/p&gt;</content>
  </entry>
</feed>""".encode()

    [article] = read_bytes(feed(summary), format="atom")
    assert article.subheadline is None
    assert article.body[0].text.startswith("Lamp Tool v.2")
    # a summary saying something of its own stays the standfirst
    own = "A small tool that dims the screen of old phones."
    assert read_bytes(feed(own), format="atom")[0].subheadline == own


def test_rss10_rdf() -> None:
    [a] = api.read(FEEDS / "harbour_rdf.xml")
    assert (a.headline, a.published) == ("Lighthouse reopens to visitors", "2025-03-01T10:00:00Z")
    assert names(a, a.authors) == ["Ola Nordmann"] and [t.name for t in a.topics] == ["Heritage"]
    assert names(a, [a.publisher]) == ["Estuary Gazette (RDF)"]  # type: ignore[list-item]  # the reader sets it; None fails the test


def test_wordpress_export_posts_only_with_their_thumbnail() -> None:
    [post] = api.read(FEEDS / "harbour_wxr.xml")  # the attachment and the menu item are no articles
    assert post.headline == "A morning on the quay"
    assert [p.text for p in post.body] == [
        "The first boats came in before six, and the auction hall was full by seven."
    ]
    assert ("https://blog.gazette.example/uploads/quay.jpg", None) in [(m.url, m.caption) for m in post.media]
    assert "Fishing boats unloading at dawn" in [m.caption for m in post.media]  # [caption] shortcode
    assert [(t.name, t.scheme) for t in post.topics] == [("Harbour", "category")]


def test_json_feed() -> None:
    first, second = api.read(FEEDS / "harbour_feed.json")
    assert (first.headline, first.url, first.published) == (
        "Bridge tolls to rise in June",
        "https://gazette.example/news/bridge-tolls",
        "2025-03-06T12:00:00+00:00",
    )
    assert [t.name for t in first.topics] == ["Transport"] and first.media[0].url.endswith("bridge.jpg")
    assert [p.text for p in second.body] == ["The harbour office has published the tide tables for the year."]


def _rss(title: str, link: str = "https://www.tidewater-post.example/tech/") -> bytes:
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>{link}</link><description>d</description>"
        "<item><title>Ferry app launched</title><link>https://www.tidewater-post.example/tech/1</link>"
        "<description>The ferry company launched a booking app on Monday.</description></item>"
        "</channel></rss>"
    ).encode()


@pytest.mark.parametrize(
    ("title", "publisher"),
    [
        ("Technology", "tidewater-post.example"),  # a section alone: the site's domain
        ("Tidewater Post - Technology", "Tidewater Post"),
        ("SPORT | Tidewater Post", "Tidewater Post"),
        ("Tidewater Post: World News", "Tidewater Post"),
        ("Latest Technology News | Tidewater Post", "Tidewater Post"),
        ("TP > Sports", "TP"),
        ("Tidewater Post", "Tidewater Post"),
        ("Ferry Notes: Tides and Timetables", "Ferry Notes: Tides and Timetables"),
    ],
)
def test_a_feed_titled_by_its_section_is_not_published_by_the_section(title: str, publisher: str) -> None:
    [article] = api.read(_rss(title), format="feed")
    assert names(article, [article.publisher]) == [publisher]  # type: ignore[list-item]  # None fails the test


def test_a_json_feed_of_a_section_is_published_by_the_feed_s_author() -> None:
    feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Science",
        "home_page_url": "https://radio.example/sections/science/",
        "author": {"name": "Estuary Radio"},
        "items": [{"id": "1", "title": "Tides", "content_text": "The tide tables are out for the year."}],
    }
    [article] = api.read(json.dumps(feed).encode(), format="feed")
    assert names(article, [article.publisher]) == ["Estuary Radio"]  # type: ignore[list-item]  # None fails the test
    assert article.authors == []  # the feed's author publishes it; nobody wrote the item by name


@pytest.mark.parametrize("path", sorted(REALWORLD.glob("*")), ids=lambda p: p.name)
def test_every_realworld_feed_reads_every_item(path: Path) -> None:
    data = path.read_bytes()
    articles = read_bytes(data, options=ReadOptions(source=path.name))
    if path.suffix == ".json":
        expected = len(json.loads(data)["items"])
    else:
        parsed = feedparser.parse(data)
        expected = sum(1 for e in parsed.entries if e.get("wp_post_type") != "attachment")
    assert len(articles) == expected
    assert all(a.headline or a.body for a in articles)


def test_a_feed_saved_as_xml_is_read_as_a_feed(tmp_path: Path) -> None:
    path = tmp_path / "latest.xml"
    path.write_bytes((FEEDS / "harbour_rss20.xml").read_bytes())
    assert len(api.read(path)) == 2
    assert formats.sniff(path.read_bytes()).name == "rss"  # type: ignore[union-attr]  # not sniffed fails the test
    assert formats.sniff((FEEDS / "harbour_atom.xml").read_bytes()).name == "atom"  # type: ignore[union-attr]  # not sniffed fails the test
    assert formats.sniff((FEEDS / "harbour_rdf.xml").read_bytes()).name == "feed"  # type: ignore[union-attr]  # not sniffed fails the test
    assert formats.sniff((FEEDS / "harbour_feed.json").read_bytes()).name == "feed"  # type: ignore[union-attr]  # not sniffed fails the test


def test_a_bad_item_fails_alone_in_a_batch(tmp_path: Path) -> None:
    out = tmp_path / "out"
    report = api.convert([FEEDS / "broken_item.xml"], f"{out}/", options=api.ConvertOptions(extract=False))
    assert (report.converted, len(report.failed)) == (2, 1)
    [failed] = report.failed
    assert failed.input.endswith("broken_item.xml#item-2")
    assert str(failed.error).endswith(
        "broken_item.xml#item-2: the item has no title, link, id or text (give every item at least a title or a link)"
    )
    assert sorted(p.name for p in out.iterdir()) == ["broken_item-000001.json", "broken_item-000003.json"]


def test_a_file_named_like_a_feed_item_output_gets_its_own_name(tmp_path: Path) -> None:
    # The feed claims its stem once (not each item's: flat memory); a text file named like
    # one of its items' outputs still writes a file of its own.
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "harbour.rss").write_bytes((FEEDS / "harbour_rss20.xml").read_bytes())
    (src / "harbour-000001.txt").write_text("Quay reopens\n\nThe north quay reopened on Monday.\n", encoding="utf-8")
    report = api.convert([src], f"{out}/", options=api.ConvertOptions(extract=False))
    written = sorted(p.name for p in out.iterdir())
    assert report.ok and len(written) == report.articles, written  # one file per article, none overwritten


def test_reading_the_whole_feed_names_the_bad_item() -> None:
    with pytest.raises(InputError, match="broken_item.xml#item-2: the item has no title, link, id or text"):
        api.read(FEEDS / "broken_item.xml")


def test_items_are_cut_out_as_the_feed_is_read() -> None:
    # Items come before the parser reaches the end: a fault after item 1 is met only after it.
    head = (FEEDS / "harbour_rss20.xml").read_bytes().split(b"<item>")[0]
    data = head + b"<item><title>One</title></item><item><title>Two &bad;</title></item></channel></rss>"
    docs = split(io.BytesIO(data), "x.rss")
    first = next(docs)
    assert first.number == 1 and b"<title>One</title>" in first.data and b"The Estuary Gazette" in first.data
    with pytest.raises(InputError, match="not well-formed XML after item 1"):
        next(docs)


def test_a_feed_that_is_not_well_formed_is_read_leniently() -> None:
    data = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>T & co</title>'
        b"<item><title>Caf\xc3\xa9 opens</title><link>https://x.example/1</link>"
        b"<description>A <b>new</b> caf\xc3\xa9 on the quay & more</description></item></channel></rss>"
    )
    [a] = read_bytes(data, format="rss")
    assert a.headline == "Café opens" and "read leniently" in " ".join(a.provenance.notes)  # type: ignore[union-attr]  # every reader sets provenance


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "the file is empty"),
        (b"<html><body>no feed</body></html>", "root element is <html>"),
        (b'{"version": "1.0", "items": []}', "no JSON Feed"),
    ],
)
def test_what_is_no_feed_is_a_clear_error(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_bytes(data, format="feed")


def test_formats_lists_the_feed_formats() -> None:
    result = CliRunner().invoke(main, ["formats"])
    assert result.exit_code == 0
    for name in ("feed", "rss", "atom"):
        assert name in result.output


def _looks_like_mojibake(text: str) -> bool:
    # feedparser repairs UTF-8 read as Latin-1 ("Â¡" is read as "¡"), as feed readers show it
    try:
        return text.encode("iso-8859-1").decode("utf-8") != text
    except (UnicodeEncodeError, UnicodeDecodeError):
        return False


@settings(max_examples=40, deadline=None)
@given(
    titles=st.lists(
        st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), min_size=1, max_size=30).filter(
            lambda t: t.strip() and not _looks_like_mojibake(t)
        ),
        min_size=1,
        max_size=5,
    )
)
def test_items_round_trip_through_the_splitter(titles: list[str]) -> None:
    from xml.sax.saxutils import escape

    items = "".join(
        f"<item><title>{escape(t)}</title><link>https://x.example/{i}</link></item>" for i, t in enumerate(titles)
    )
    data = f'<rss version="2.0"><channel><title>C</title>{items}</channel></rss>'.encode()
    articles = read_bytes(data, format="rss")
    assert [a.headline for a in articles] == [" ".join(t.split()) for t in titles]
    assert [a.url for a in articles] == [f"https://x.example/{i}" for i in range(len(titles))]
