"""Text from an article can never break the markup it is written into.

Every writable format of the registry gets articles whose every free-text field is hostile
(XML and HTML specials, CDATA edges, ``</script>``, comments, U+2028/U+2029, bidi controls,
very long words, entities, quotes of every kind, assorted white space: tests/strategies.py
``hostile_articles``). Each export must pass its validator, parse with a parser that is not
newsgraph's, hold no markup the text smuggled in, and read back to the same Article.
"""

from __future__ import annotations

import html
import json
from typing import Any

import html5lib
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st
from lxml import etree

import newsgraph
from newsgraph import Article, ExportOptions, formats, read_bytes
from newsgraph.model import Paragraph
from newsgraph import html_body
from newsgraph.exporters import jsonld as jsonld_exporter

from strategies import HOSTILE_PIECES, hostile_articles, poisoned

WRITABLE = [f.name for f in formats.FORMATS if f.writable]
# Elements only the hostile text holds: finding one in an export means text became markup.
SMUGGLED = {"script", "style", "b", "a", "html", "iframe"}
CI = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _independent_parse(name: str, text: str) -> Any:
    """The document as a consumer that is not newsgraph sees it (by the registry's media type)."""
    media = formats.get(name).media_type
    if media.endswith("xml"):
        # A plain, non-validating parser: well-formedness is what is being tested.
        return etree.fromstring(text.encode("utf-8"), etree.XMLParser(resolve_entities=False, no_network=True))
    if "json" in media:
        lines = [ln for ln in text.splitlines() if ln.strip()]
        return [json.loads(ln) for ln in lines] if media.endswith("jsonl") else json.loads(text)
    raise AssertionError(f"no independent parser for {name} ({media}): add one here")


def _no_smuggled_markup(name: str, parsed: Any) -> None:
    if isinstance(parsed, etree._Element):
        assert not [n for n in parsed.iter() if isinstance(n, (etree._Comment, etree._ProcessingInstruction))]
        assert not {etree.QName(e).localname for e in parsed.iter(etree.Element)} & SMUGGLED
        assert not [
            e for e in parsed.iter(etree.Element) if etree.QName(e).localname == "q" and e.get("data-quote") == "urn:x"
        ]
    for body in _html_strings(parsed):
        _check_body_html(body)


def _html_strings(parsed: Any) -> list[str]:
    """HTML bodies inside a JSON document (ninjs bodies with an HTML content type)."""
    found: list[str] = []
    if isinstance(parsed, dict):
        if "html" in str(parsed.get("contentType") or parsed.get("contenttype") or "") and isinstance(
            parsed.get("value"), str
        ):
            found.append(parsed["value"])
        for value in parsed.values():
            found += _html_strings(value)
    elif isinstance(parsed, list):
        for value in parsed:
            found += _html_strings(value)
    return found


# JSON-LD publishes inferred gender only when asked: ask, so that every format round-trips.
LOSSLESS = ExportOptions(infer_gender=True)

_BODY_TAGS = {"html", "head", "body", "p", "h2", "ul", "li", "blockquote", "q", "span"}


def _check_body_html(html: str) -> None:
    tree = html5lib.parse(html, namespaceHTMLElements=False)
    tags = {e.tag for e in tree.iter() if isinstance(e.tag, str)}
    assert tags <= _BODY_TAGS, tags - _BODY_TAGS
    assert all(q.get("data-quote") != "urn:x" for q in tree.iter("q"))


@pytest.mark.parametrize("name", WRITABLE)
@CI
@given(article=hostile_articles())
def test_hostile_text_in_every_field_is_safe_in_every_format(name: str, article: Article) -> None:
    text = newsgraph.export(article, to=name, options=LOSSLESS)  # validated against the official schema
    assert newsgraph.validate(text.encode("utf-8"), format=name) == []
    _no_smuggled_markup(name, _independent_parse(name, text))
    _reads_back(name, text, [article])


# Found with --hypothesis-seed=33: an RSS title holding both a character reference's text
# ("&lt;") and a tag's ("<q ...>") was guessed to be HTML by feed readers and lost the
# tag's text; a standfirst holding "<p>" became markup in the HTML <description>.
_TITLE_AND_MARKUP = [
    Article(
        id="urn:newsgraph:article:ee468a5be83193d6cb53",
        headline='\u2028  \U0001fffe  &lt;\nÇDf\t😀\r\n<q data-quote="urn:x">',
        subheadline="<p>AT&T &amp; </p> a < b &e;",
        body=[Paragraph(text="Ⱦ ‹ 0 &amp;\r/")],
    ),
    Article(
        id="urn:newsgraph:article:49edb2fff2ad9b5acf62",
        headline="The &amp; entity, a < b > c &e; and </script>",
        body=[Paragraph(text="ķİ 7")],
    ),
]


@pytest.mark.parametrize("name", WRITABLE)
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(batch=st.lists(hostile_articles(), min_size=2, max_size=3))
@example(batch=_TITLE_AND_MARKUP)
def test_hostile_streams_of_many_articles_read_back(name: str, batch: list[Article]) -> None:
    text = newsgraph.export(batch, to=name, options=LOSSLESS)  # JSON Lines, a newsMessage, a feed...
    _reads_back(name, text, batch)


def _reads_back(name: str, text: str, articles: list[Article]) -> None:
    """The same articles; for feeds, which are not lossless, the text they carry, as HTML shows it."""
    back = read_bytes(text.encode("utf-8"), format=name)
    if name in formats.lossless_names():
        assert back == articles
        return
    once = list({a.id: a for a in reversed(articles)}.values())[::-1]  # a feed holds an article once: the first

    def shown(value: str | None) -> str:
        # feedparser reads C1 controls (U+0080-U+009F) as the Windows-1252 characters
        # they stand for in the wild (U+0085 is "…"), as feed readers show them
        text = "".join(bytes([ord(c)]).decode("cp1252", "ignore") if "\x80" <= c <= "\x9f" else c for c in value or "")
        return " ".join(text.split())

    def title(value: str | None) -> str:
        # a title is trimmed first, as readers trim it (U+0085 is white space at its ends)
        return shown((value or "").strip())

    assert len(back) == len(once)
    for got, sent in zip(back, once):
        assert got.url == sent.url
        if sent.headline:  # an RSS title too, whether its reader takes it as text or as HTML
            assert title(got.headline) == title(sent.headline)
        if sent.subheadline and got.subheadline:  # a feed summary the reader kept apart from the body
            assert title(got.subheadline) == title(sent.subheadline)
        assert [shown(p.text) for p in got.body] == [shown(p.text) for p in sent.body if shown(p.text)]


@CI
@given(article=hostile_articles())
def test_hostile_text_in_ninjs_2(article: Article) -> None:
    text = newsgraph.export(article, to="ninjs", options=ExportOptions(ninjs_version=2))
    _no_smuggled_markup("ninjs", json.loads(text))
    assert read_bytes(text.encode("utf-8"), format="ninjs") == [article]


@CI
@given(article=hostile_articles())
def test_hostile_text_in_the_ninjs_html_body_stays_text(article: Article) -> None:
    html = html_body.render(article)
    _check_body_html(html)
    # What a browser shows is the text of the paragraphs, character for character.
    assert [p.text for p in html_body.parse(html, exact=True).paragraphs] == [p.text for p in article.body]


def _scripts(page: str) -> list[str]:
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    return [s.text or "" for s in tree.iter("script")]


@CI
@given(article=hostile_articles())
def test_hostile_text_in_jsonld_embedded_in_html(article: Article) -> None:
    options = ExportOptions(embed_html=True, jsonld_profile="full", infer_gender=True)
    page = newsgraph.export(article, to="jsonld", options=options)
    assert newsgraph.validate(page.encode("utf-8"), format="jsonld") == []
    [block] = _scripts(page)  # one block, ended where the exporter ended it
    assert json.loads(block) == jsonld_exporter.to_document(article, options)
    tree = html5lib.parse(page, namespaceHTMLElements=False)
    assert not {e.tag for e in tree.iter() if isinstance(e.tag, str)} & (SMUGGLED - {"html", "script"})
    assert read_bytes(page.encode("utf-8"), format="jsonld") == [article]


def test_the_hostile_pieces_are_in_use() -> None:
    # The strategy draws from these; a piece dropped by accident would weaken every test above.
    for piece in ("]]>", "</script>", "<!--", "\u2028", "\u202e", "&amp;", "\u201c", "W" * 2000):
        assert piece in HOSTILE_PIECES


@pytest.mark.parametrize("name", WRITABLE)
def test_every_piece_at_once_in_every_field(name: str, kitchen_sink: Article) -> None:
    """A deterministic worst case: every hostile piece appended to every free-text field."""
    article = poisoned(kitchen_sink, _ALL)
    text = newsgraph.export(article, to=name, options=LOSSLESS)
    _no_smuggled_markup(name, _independent_parse(name, text))
    _reads_back(name, text, [article])


_ALL = " ".join(p for p in HOSTILE_PIECES if len(p) < 100) + " " + "W" * 2000


@CI
@given(article=hostile_articles())
def test_hostile_text_in_a_wordpress_post(article: Article) -> None:
    from newsgraph.push.post import post_fields

    post = post_fields(article)
    tree = html5lib.parse(post.content, namespaceHTMLElements=False)
    assert {e.tag for e in tree.iter() if isinstance(e.tag, str)} <= _BODY_TAGS | {"script"}
    [block] = [s.text or "" for s in tree.iter("script")]
    assert json.loads(block) == json.loads(newsgraph.export(article, to="jsonld"))
    for text, field in ((post.title, article.headline), (post.excerpt, article.subheadline)):
        assert "<" not in text and html.unescape(text) == (field or "")
