"""Saved web pages: trafilatura's article, the page's metadata, then the same passes as text."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import api, export, read_bytes
from newsgraph.cli import main
from newsgraph.errors import InputError
from newsgraph.readers.base import ReadOptions

from conftest import GOLDEN
from structure_gold import structure_passes

PAGES = Path(__file__).resolve().parent / "fixtures" / "html"
PAGE = PAGES / "news_page.html"

STORY = (
    "<p>The town council approved plans on Monday for a new footbridge over the river, ending a "
    "debate that had lasted more than six years and divided residents.</p>"
    "<p>Construction is expected to start in the spring and take about eighteen months, the council "
    "said in a statement after the vote.</p>"
)


def page(head: str = "", body: str = STORY, after: str = "") -> bytes:
    return (
        f"<!DOCTYPE html><html><head><title>Council approves footbridge</title>{head}</head>"
        f"<body><article><h1>Council approves footbridge</h1>{body}</article>{after}</body></html>"
    ).encode()


def read_page(data: bytes, **meta: str):
    [article] = read_bytes(data, format="html", options=ReadOptions(source="page.html", **meta))
    return article


def test_news_page_golden(file_regression) -> None:
    [article] = api.read(PAGE)
    done = structure_passes(article)
    file_regression.check(export(done, to="json"), fullpath=GOLDEN / "html" / "news_page.json")


def test_news_page_parts() -> None:
    [article] = api.read(PAGE)
    a = structure_passes(article)
    names = {x.id: x.name for x in a.actors}
    assert (a.kicker, a.headline) == ("TRANSPORT", "Lake ferry operators cut timetables as water levels fall")
    assert a.subheadline == "Two of the five routes are suspended until the autumn rains"
    assert [names[i] for i in a.authors] == ["Lucia Ferrante", "Marco Bassi"]
    assert names[a.publisher] == "The Lakeside Courier"  # type: ignore[index]  # the reader sets it; None fails the test
    assert [names[i] for i in a.sources] == ["ANSA"]
    assert (a.published, a.modified) == ("2024-08-19T07:15:00+02:00", "2024-08-20T10:02:00+02:00")
    assert (a.url, a.language, a.dateline) == (
        "https://courier.example/news/2024/08/19/ferries-cut-timetables",
        "en",
        "COMO, Italy",
    )
    assert [(m.url, m.credit) for m in a.media] == [
        ("https://courier.example/img/ferry-dock.jpg", "Paolo Rinaldi/ANSA via AP")
    ]
    assert [t.name for t in a.topics] == ["Transport", "Drought"]
    roles = [(p.role, p.text[:20]) for p in a.body]
    assert ("subheading", "Tourists turned away") in roles
    assert ("blockquote", "“The lake has been l") in roles
    assert not any("Related:" in p.text or "You May Also Like" in p.text or "©" in p.text for p in a.body)


def test_offsets_index_the_extracted_text() -> None:
    [article] = api.read(PAGE)
    text = "\n\n".join(p.text for p in article.body)
    for p in article.body:
        assert text[p.offset : p.offset + len(p.text)] == p.text
    done = structure_passes(article)
    for r in done.provenance.removed:
        assert text[r.offset : r.offset + len(r.text)] == r.text


def test_copyright_footer_is_never_the_date() -> None:
    a = read_page(page(after="<footer>© 2019 Example News. Updated 12 March 2020.</footer>"))
    assert (a.published, a.modified) == (None, None)


def test_date_from_meta_tags_and_json_ld() -> None:
    a = read_page(page(head='<meta property="article:published_time" content="2024-05-02T08:30:00+01:00">'))
    assert a.published == "2024-05-02T08:30:00+01:00"  # the time and its zone are kept
    ld = '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-01-09"}</script>'
    assert read_page(page(head=ld)).published == "2023-01-09"


def test_options_win_over_the_page() -> None:
    head = '<meta property="og:site_name" content="Example News"><meta name="author" content="Ann Lee">'
    a = read_page(page(head=head), publisher="River Times", published="2024-01-02", url="https://x.example/a")
    names = {x.id: x.name for x in a.actors}
    assert names[a.publisher] == "River Times"
    assert "Example News" not in names.values()
    assert (a.published, a.url) == ("2024-01-02", "https://x.example/a")
    assert [names[i] for i in a.authors] == ["Ann Lee"]


def test_figure_caption_and_credit_and_relative_url() -> None:
    fig = (
        '<figure><img src="/img/bridge.jpg" alt="The bridge"><figcaption>The site of the new bridge in '
        "Linden, on Monday, May 6, 2024. Ana Ruiz/Reuters</figcaption></figure>"
    )
    a = read_page(page(head='<link rel="canonical" href="https://news.example/a/bridge">', body=STORY + fig))
    [m] = a.media
    assert m.url == "https://news.example/img/bridge.jpg"
    assert (m.caption, m.credit) == (
        "The site of the new bridge in Linden, on Monday, May 6, 2024.",
        "Ana Ruiz/Reuters",
    )


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "empty"),
        (b"   \n", "empty"),
        (b"<html><body><nav><a href='/'>Home</a> <a href='/news'>News</a></nav></body></html>", "no article text"),
        (b"<html><body><p>Hi</p></body></html>", "no article text"),
        (b"<html>\x00\x01\x02" * 50, "binary"),
        (b"<html", "not an HTML page"),
    ],
)
def test_pages_without_an_article_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        read_page(data)


def test_html_is_sniffed_registered_and_extracted_by_convert(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_bytes(page())
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "story.html")])
    assert result.exit_code == 0, result.output
    assert '"reader": "html"' in result.output
    assert '"headline": "Council approves footbridge"' in result.output
    assert "repeated headline" in result.output  # the h1 left the body: the passes ran
    [article] = api.read_bytes(page())  # sniffed from the content
    assert article.provenance.reader == "html"  # type: ignore[union-attr]  # every reader sets provenance


def test_an_article_laid_out_in_a_table_keeps_its_paragraphs() -> None:
    # Older sites lay the page out in a table: trafilatura gives the story as one cell
    # holding the heading and paragraphs, which must not be glued into one line.
    data = (
        "<!DOCTYPE html><html><head><title>Council approves footbridge</title></head><body>"
        "<table><tr><td><h1>Council approves footbridge</h1>"
        "<div class='date'>November 20, 2026 - 11:28</div>" + STORY + "</td></tr></table></body></html>"
    ).encode()
    article = read_page(data)
    texts = [p.text for p in article.body]
    assert texts[-2].startswith("The town council approved plans on Monday")
    assert texts[-1].startswith("Construction is expected to start in the spring")
    assert not any("footbridgeNovember" in t or "residents.Construction" in t for t in texts)
