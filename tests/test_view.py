"""newsgraph view: one self-contained, accessible page per article; hostile text stays text."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from conftest import GOLDEN, SAMPLES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph.model import Actor, Article, Paragraph, Quote, Span
from newsgraph.view import render_article
from newsgraph.view.page import asset

NS = {"h": "http://www.w3.org/1999/xhtml"}


def parse(page: str):
    return html5lib.parse(page, namespaceHTMLElements=True)


def text_of(el) -> str:
    return "".join(el.itertext())


def body_paragraphs(doc) -> list:
    return doc.findall(".//h:section[@id='body-text']/*", NS)[1:]  # after the hidden heading


def paragraph_text(el) -> str:
    """A paragraph's text as the article has it: the quote labels the view adds left out."""
    parts: list[str] = []

    def walk(node) -> None:
        if node.get("class") == "quote-label":
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "") if node is not el else None

    walk(el)
    return "".join(parts)


def test_kitchen_sink_page_golden(kitchen_sink: Article, file_regression) -> None:
    file_regression.check(
        render_article(kitchen_sink), fullpath=GOLDEN / "view" / "kitchen_sink.html", binary=False, encoding="utf-8"
    )


def test_page_is_self_contained(kitchen_sink: Article) -> None:
    page = render_article(kitchen_sink)
    doc = parse(page)
    # Nothing is fetched: no external script, style, image, frame or font, and a policy forbidding it.
    for tag, attr in (
        ("script", "src"),
        ("link", "href"),
        ("img", "src"),
        ("iframe", "src"),
        ("object", "data"),
        ("source", "src"),
    ):
        assert not [e for e in doc.iter(f"{{{NS['h']}}}{tag}") if e.get(attr)], tag
    policy = doc.find(".//h:meta[@http-equiv='Content-Security-Policy']", NS)
    assert policy is not None and "default-src 'none'" in policy.get("content")
    assert "url(" not in asset("view.css") and "@import" not in asset("view.css")
    assert not re.search(r"\b(fetch|XMLHttpRequest|WebSocket|import\()", asset("view.js"))


def test_page_shows_what_was_found(kitchen_sink: Article) -> None:
    doc = parse(render_article(kitchen_sink))
    assert text_of(doc.find(".//h:h1", NS)) == kitchen_sink.headline
    # Every quote span carries its speaker, and a label after the quote names them.
    names = {a.id: a.name for a in kitchen_sink.actors}
    in_body = doc.findall(".//h:section[@id='body-text']//h:q[@data-quote]", NS)
    assert len(in_body) == sum(1 for q in kitchen_sink.quotes for s in q.spans if s.in_body)
    # a quote in the standfirst is marked there
    spans = doc.findall(".//h:q[@data-quote]", NS)
    assert len(spans) == sum(len(q.spans) for q in kitchen_sink.quotes)
    assert doc.find(".//h:p[@class='standfirst']/h:q[@id='q5-0']", NS) is not None
    for i, quote in enumerate(kitchen_sink.quotes):
        pieces = [q for q in spans if q.get("data-quote") == f"q{i}"]
        assert pieces and {q.get("data-kind") for q in pieces} == {quote.kind}
        assert {q.get("data-speaker-name") for q in pieces} == {names.get(quote.speaker or "", "speaker unknown")}
        [label] = doc.findall(f".//h:span[@data-label-of='q{i}']", NS)
        assert names.get(quote.speaker or "", "speaker unknown") in text_of(label)
    # Actors in the panel, with their counts; events with kind, place and links to mentions.
    buttons = doc.findall(".//h:button[@data-actor-button]", NS)
    assert len(buttons) == len(kitchen_sink.actors)
    assert all(b.get("aria-pressed") == "false" for b in buttons)
    for event in kitchen_sink.events:
        row = next(r for r in doc.findall(".//h:li[@data-event-row]", NS) if text_of(r.find("h:h3", NS)) == event.label)
        assert event.kind.replace("_", " ") in text_of(row)
        for link in row.findall(".//h:a[@class='jump']", NS):
            assert doc.find(f".//*[@id='{link.get('href')[1:]}']") is not None


def test_body_text_is_the_articles_text(kitchen_sink: Article) -> None:
    doc = parse(render_article(kitchen_sink))
    shown = [paragraph_text(p) for p in body_paragraphs(doc)]
    assert shown == [p.text for p in kitchen_sink.body]


HOSTILE = [
    '<script>alert("x")</script>',
    '"></q><script src=http://evil.example/x.js></script>',
    "\u201c" * 500 + "flood" + '"' * 500,
    "<img src=x onerror=alert(1)> & &amp; <!-- -->",
    "</textarea></style></script><b>bold?</b>",
]


def _hostile_article(text: str) -> Article:
    body = [Paragraph(text=f"{text} said {text}."), Paragraph(text=text)]
    n = len(text)
    actor = Actor(
        id="urn:newsgraph:person:x",
        kind="person",
        name=text,
        titles=[text],
        mentions=[Span(paragraph=0, start=0, end=n)],
    )
    quote = Quote(
        id="urn:newsgraph:article:h#quote-1",
        text=text,
        kind="direct",
        speaker=actor.id,
        spans=[Span(paragraph=0, start=n + 6, end=2 * n + 6)],
        cue=text,
    )
    return Article(
        id="urn:newsgraph:article:h",
        headline=text,
        byline=text,
        url="javascript:alert(1)",
        kicker=text,
        body=body,
        actors=[actor],
        quotes=[quote],
    )


@pytest.mark.parametrize("text", HOSTILE, ids=range(len(HOSTILE)))
def test_hostile_text_stays_text(text: str) -> None:
    page = render_article(_hostile_article(text))
    doc = parse(page)
    scripts = list(doc.iter(f"{{{NS['h']}}}script"))
    assert len(scripts) == 1 and scripts[0].text == asset("view.js")
    assert not [e for e in doc.iter() if any(k.startswith("on") for k in e.attrib)]
    assert not list(doc.iter(f"{{{NS['h']}}}img")) and not list(doc.iter(f"{{{NS['h']}}}b"))
    assert text_of(doc.find(".//h:h1", NS)) == text
    assert [paragraph_text(p) for p in body_paragraphs(doc)] == [f"{text} said {text}.", text]
    assert "javascript:" not in "".join(e.get("href", "") for e in doc.iter())


_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=40).filter(str.strip)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_TEXT)
def test_any_text_shows_as_itself(text: str) -> None:
    article = _hostile_article(text)
    doc = parse(render_article(article))
    assert [paragraph_text(p) for p in body_paragraphs(doc)] == [p.text for p in article.body]
    assert len(list(doc.iter(f"{{{NS['h']}}}script"))) == 1


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph.cli", *args], cwd=cwd, capture_output=True, text=True, timeout=120
    )


def test_cli_view_extracts_raw_text(tmp_path: Path) -> None:
    out = tmp_path / "page.html"
    run = _cli("view", str(SAMPLES / "rate_decision.txt"), "-o", str(out), cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    doc = parse(out.read_text(encoding="utf-8"))
    assert doc.findall(".//h:q[@data-speaker-name]", NS), "raw text was not extracted"
    assert doc.findall(".//h:span[@data-actor]", NS)


def test_cli_view_many_articles_need_a_folder(tmp_path: Path, kitchen_sink: Article) -> None:
    lines = tmp_path / "two.jsonl"
    one = kitchen_sink.model_dump_json(exclude_none=True)
    lines.write_text(one + "\n" + one.replace("kitchen", "second") + "\n", encoding="utf-8")
    run = _cli("view", str(lines), "-o", str(tmp_path / "one.html"), cwd=tmp_path)
    assert run.returncode == 2 and "folder" in run.stderr and not (tmp_path / "one.html").exists()
    run = _cli("view", str(lines), "-o", str(tmp_path / "pages") + "/", cwd=tmp_path)
    assert run.returncode == 0, run.stderr
    assert sorted(p.name for p in (tmp_path / "pages").iterdir()) == ["two-1.html", "two-2.html"]


def test_cli_view_bad_input_writes_nothing(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    run = _cli("view", str(bad), "-o", str(tmp_path / "page.html"), cwd=tmp_path)
    assert run.returncode == 1 and "bad.json" in run.stderr and "error:" in run.stderr
    assert not (tmp_path / "page.html").exists()
