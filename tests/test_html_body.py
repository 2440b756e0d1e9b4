"""The body as HTML with span markup: written, read back exactly, and others' HTML read sensibly."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings

from newsgraph import Article
from newsgraph import html_body
from newsgraph.model import Span

from strategies import articles


def _article(body: list[tuple[str, str]], **extra: object) -> Article:
    data: dict[str, object] = {"id": "urn:t:article:1", "body": [{"text": t, "role": r} for t, r in body]}
    data.update(extra)
    return Article.model_validate(data)


def _assert_same_markup(article: Article, markup: html_body.BodyMarkup) -> None:
    assert [(p.text, p.role) for p in markup.paragraphs] == [(p.text, p.role) for p in article.body]
    for kind, items in (("actor", article.actors), ("place", article.places), ("event", article.events)):
        table = markup.mentions(kind)
        for item in items:
            assert sorted(table.get(item.id, []), key=_key) == item.mentions, (kind, item.id)
        assert set(table) == {i.id for i in items if i.mentions}
    # The body markup holds the body's spans; those in the headline travel apart.
    in_body = [
        q
        for q in article.quotes
        if any(s.in_body for s in q.spans) or (q.speaker_mention is not None and q.speaker_mention.in_body)
    ]
    assert set(markup.quotes) == {q.id for q in in_body}
    for q in in_body:
        found = markup.quotes[q.id]
        assert sorted(found.spans, key=_key) == [s for s in q.spans if s.in_body]
        if found.spans:  # (a quote only in the headline whose speaker the body names: the mention alone)
            assert found.speaker == q.speaker
            assert found.kind == q.kind
        mention = q.speaker_mention
        assert found.speaker_mention == (mention if mention is not None and mention.in_body else None)


def _key(s: Span) -> tuple[int, int, int]:
    return (s.paragraph, s.start, s.end)


def test_kitchen_sink_round_trips_exactly(kitchen_sink: Article) -> None:
    html = html_body.render(kitchen_sink)
    assert "<h2>What comes next</h2>" in html
    assert (
        '<q data-quote="urn:newsgraph:article:407c2b58d7a4ad432b61#quote-2" '
        'data-speaker="urn:newsgraph:person:luis-ortega" data-kind="indirect">'
    ) in html
    assert '<span data-place="urn:newsgraph:place:ottawa">Ottawa</span>' in html
    _assert_same_markup(kitchen_sink, html_body.parse(html, exact=True))


def test_crossing_spans_are_split_and_joined_again() -> None:
    # The quote "Fortier said yes" starts inside "Anne Fortier" (actor) and ends outside it:
    # the quote is closed with the actor and reopened after it, each piece keyed.
    text = "Minister Anne Fortier said yes."
    article = _article(
        [(text, "body")],
        actors=[
            {
                "id": "urn:t:person:anne-fortier",
                "kind": "person",
                "name": "Anne Fortier",
                "mentions": [{"paragraph": 0, "start": 9, "end": 21}],
            }
        ],
        quotes=[
            {
                "id": "urn:t:article:1#quote-1",
                "text": "Fortier said yes",
                "kind": "direct",
                "spans": [{"paragraph": 0, "start": 14, "end": 30}],
            }
        ],
    )
    html = html_body.render(article)
    assert html.count('data-quote="urn:t:article:1#quote-1"') == 2
    assert html.count('data-span="') == 2  # only the split mark's pieces carry a key
    _assert_same_markup(article, html_body.parse(html, exact=True))


def test_touching_mentions_of_one_actor_stay_two() -> None:
    article = _article(
        [("AbcDef", "body")],
        actors=[
            {
                "id": "urn:t:person:x",
                "kind": "person",
                "name": "X",
                "mentions": [{"paragraph": 0, "start": 0, "end": 3}, {"paragraph": 0, "start": 3, "end": 6}],
            }
        ],
    )
    markup = html_body.parse(html_body.render(article), exact=True)
    assert markup.actors["urn:t:person:x"] == article.actors[0].mentions


@pytest.mark.parametrize(
    "text",
    [
        "</p><script>alert(1)</script> & &amp; <q>",
        "carriage\rreturn, tab\tand\nnewline",  # (the model refuses form feed and most C0 controls)
        "  two  spaces  and ]]> and \u2003em space ",
        "controls \x7f\x85 C1",
        "emoji 😀, RTL \u05e9\u05dc\u05d5\u05dd, combining e\u0301",
        "",
    ],
)
def test_hostile_and_odd_text_survives(text: str) -> None:
    article = _article([(text, "body"), ("after", "note")])
    markup = html_body.parse(html_body.render(article), exact=True)
    assert [(p.text, p.role) for p in markup.paragraphs] == [(text, "body"), ("after", "note")]


def test_roles_become_blocks() -> None:
    article = _article(
        [
            ("Intro", "body"),
            ("Sub", "subheading"),
            ("one", "list_item"),
            ("two", "list_item"),
            ("Said", "blockquote"),
            ("Aside", "note"),
        ]
    )
    html = html_body.render(article)
    assert html == (
        "<p>Intro</p>\n<h2>Sub</h2>\n<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"
        '<blockquote>Said</blockquote>\n<p data-role="note">Aside</p>'
    )
    assert [p.role for p in html_body.parse(html, exact=True).paragraphs] == [
        "body",
        "subheading",
        "list_item",
        "list_item",
        "blockquote",
        "note",
    ]


def test_other_publishers_html_reads_as_a_browser_shows_it() -> None:
    html = """<html><head><title>T</title><script>var x = "no";</script></head><body>
      <article><h1>Title</h1>
        <div class="byline"><span>By</span> <span>Jane</span></div>
        <p>  First   line<br>second
           line with <a href="#">a link</a>. </p>
        <figure><img src="x.jpg"><figcaption>A caption</figcaption></figure>
        <blockquote><p>Quoted one.</p><p>Quoted two.</p></blockquote>
        <p>&nbsp;</p>
        <ul><li><p>Item</p></li></ul>
        Loose text <b>after</b> the list
      </article></body></html>"""
    markup = html_body.parse(html)
    assert [(p.text, p.role) for p in markup.paragraphs] == [
        ("Title", "subheading"),
        ("By Jane", "body"),
        ("First line second line with a link.", "body"),
        ("Quoted one.", "blockquote"),
        ("Quoted two.", "blockquote"),
        ("Item", "list_item"),
        ("Loose text after the list", "body"),
    ]


def test_spans_follow_collapsed_white_space() -> None:
    markup = html_body.parse(
        '<p>\n  Talks with\n   <span data-actor="urn:t:person:a">Anne\n  Fortier</span>'
        ' <q data-quote="urn:t:q:1" data-kind="direct">went  well</q></p>'
    )
    [paragraph] = markup.paragraphs
    assert paragraph.text == "Talks with Anne Fortier went well"
    [span] = markup.actors["urn:t:person:a"]
    assert paragraph.text[span.start : span.end] == "Anne Fortier"
    [quote_span] = markup.quotes["urn:t:q:1"].spans
    assert paragraph.text[quote_span.start : quote_span.end] == "went well"


def test_nothing_to_read() -> None:
    for html in ("", "   ", "<!-- only a comment -->", "<p>   </p>"):
        assert html_body.parse(html).paragraphs == []


def test_without_drops_a_paragraph_and_renumbers_spans(kitchen_sink: Article) -> None:
    markup = html_body.parse(html_body.render(kitchen_sink), exact=True).without(0)
    assert markup.paragraphs[0].text == kitchen_sink.body[1].text
    fortier = markup.actors["urn:newsgraph:person:anne-fortier"]
    assert fortier == [Span(paragraph=0, start=42, end=49)]  # the mention in paragraph 0 went
    assert "urn:newsgraph:country:canada" not in markup.actors


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_every_article_body_round_trips(article: Article) -> None:
    _assert_same_markup(article, html_body.parse(html_body.render(article), exact=True))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles())
def test_applying_unedited_markup_gives_the_article_back(article: Article) -> None:
    assert html_body.apply(html_body.parse(html_body.render(article), exact=True), article) == article


def test_applying_edited_markup_moves_the_spans(kitchen_sink: Article) -> None:
    html = html_body.render(kitchen_sink)
    # an editor adds a word before Ottawa and deletes the paragraph with quote 4 (a CMS edit)
    html = html.replace(
        'in <span data-place="urn:newsgraph:place:ottawa">', 'in snowy <span data-place="urn:newsgraph:place:ottawa">'
    )
    html = "\n".join(line for line in html.split("\n") if "#quote-4" not in line)
    edited = html_body.apply(html_body.parse(html, exact=True), kitchen_sink)
    [ottawa] = edited.place("urn:newsgraph:place:ottawa").mentions  # type: ignore[union-attr]  # missing fails the test
    assert edited.span_text(ottawa) == "Ottawa" and ottawa.start == 157 + len("snowy ")
    assert [q.id.rsplit("-", 1)[1] for q in edited.quotes] == ["1", "2", "3", "5", "6"]  # 6: in the standfirst
    assert len(edited.body) == len(kitchen_sink.body) - 1 and edited.body[0].offset is None
    assert edited.actor("urn:newsgraph:person:luis-ortega").titles == ["Mexican Economy Secretary"]  # type: ignore[union-attr]  # missing fails the test
    ortega_last = [
        s
        for s in edited.actor("urn:newsgraph:person:luis-ortega").mentions  # type: ignore[union-attr]  # missing fails the test
        if s.paragraph == 5
    ]  # was paragraph 6
    assert edited.span_text(ortega_last[0]) == "Ortega"
    # the relay's words move with their paragraph, as the speaker's do
    [relayed] = [q for q in edited.quotes if q.via_mention is not None]
    assert relayed.via_mention is not None and relayed.via_mention.paragraph == 5
    assert edited.span_text(relayed.via_mention) == "the newspaper reported"


def test_the_relays_words_are_a_mark_of_their_own(kitchen_sink: Article) -> None:
    # <span data-via-of="QUOTE"> carries Quote.via_mention through the body HTML and back
    html = html_body.render(kitchen_sink)
    assert 'data-via-of="urn:newsgraph:article:407c2b58d7a4ad432b61#quote-5"' in html
    markup = html_body.parse(html, exact=True)
    assert markup.quotes["urn:newsgraph:article:407c2b58d7a4ad432b61#quote-5"].via_mention == next(
        q.via_mention for q in kitchen_sink.quotes if q.via_mention is not None
    )
