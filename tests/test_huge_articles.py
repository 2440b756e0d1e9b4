"""Memory bounded in an article's length (issue 18): an article longer than
``windows.WINDOW_CHARS`` goes through the parsing stages window by window (extract/windows.py).

The limits are lowered here so that an article of a few dozen KB takes the windowed path,
and its result is compared with the same article extracted whole."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from conftest import SHARED
from hypothesis import strategies as st

from newsgraph import api
from newsgraph.extract import nlp, pipeline, windows
from newsgraph.model import Article, Paragraph, Provenance

PEOPLE = [
    ("Mayor", "Edda Lunde", "Tromso"),
    ("Harbour master", "Tor Haugen", "Bodo"),
    ("Minister", "Mari Solberg", "Narvik"),
    ("Engineer", "Anders Vikholm", "Harstad"),
]


def _paragraph(i: int) -> str:
    title, name, town = PEOPLE[i % len(PEOPLE)]
    if i % 2:
        return (
            f"\u201cThe ferry to island {i} runs again from {town},\u201d {title} {name} said on Tuesday. "
            f"Crews repaired quay number {i} in {town} after the storm of March 2024."
        )
    return f"{name} told reporters in {town} that the repairs to berth {i} would end in June. The work began in May."


def _text(paragraphs: int, headline: str = "Ferries run again along the coast") -> bytes:
    return (headline + "\n\n" + "\n\n".join(_paragraph(i) for i in range(paragraphs)) + "\n").encode()


def _read(data: bytes) -> Article:
    [article] = api.read(data, format="text", published="2024-05-08")
    return article


@pytest.fixture
def small_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(windows, "WINDOW_CHARS", 6_000)
    monkeypatch.setattr(windows, "WINDOW_PARAGRAPHS", 40)


def _spans(spans: list) -> tuple:
    return tuple((s.paragraph, s.start, s.end) for s in spans)


def test_an_article_within_the_limits_is_extracted_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    article = _read(_text(30))
    assert not windows.needed(article)
    calls: list[int] = []
    monkeypatch.setattr(windows, "extract", lambda *a, **k: calls.append(1))
    api.extract(article)
    assert calls == []


@settings(max_examples=60, deadline=None)
@given(
    lengths=st.lists(st.integers(min_value=1, max_value=130), min_size=1, max_size=30),
    chars=st.integers(min_value=20, max_value=200),
    most=st.integers(min_value=1, max_value=6),
)
def test_windows_cover_the_body_in_order_within_the_limits(lengths: list[int], chars: int, most: int) -> None:
    body = [Paragraph(text=("Word. " * n)[:n] or "x") for n in lengths]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(windows, "WINDOW_CHARS", chars)
        mp.setattr(windows, "WINDOW_PARAGRAPHS", most)
        cut = list(windows.windows(body))
    pieces = [p for w in cut for p in w]
    for n, para in enumerate(body):
        mine = [p for p in pieces if p.paragraph == n]
        assert "".join(p.text for p in mine) == para.text
        assert [p.shift for p in mine] == [sum(len(q.text) for q in mine[:k]) for k in range(len(mine))]
    assert [(p.paragraph, p.shift) for p in pieces] == sorted((p.paragraph, p.shift) for p in pieces)
    for w in cut:
        assert 0 < len(w) <= most
        assert len(w) == 1 or sum(len(p.text) for p in w) <= chars


def test_the_windowed_result_equals_the_whole_one(small_windows: None) -> None:
    article = _read(_text(140))
    assert windows.needed(article) and len(list(windows.windows(article.body))) >= 4
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(windows, "WINDOW_CHARS", 10**9)
        mp.setattr(windows, "WINDOW_PARAGRAPHS", 10**9)
        whole = api.extract(article)
    windowed = api.extract(article)
    assert [(q.id, q.text, q.kind, q.speaker, _spans(q.spans), q.cue) for q in windowed.quotes] == [
        (q.id, q.text, q.kind, q.speaker, _spans(q.spans), q.cue) for q in whole.quotes
    ]
    assert len(windowed.quotes) == 140  # a direct quote and a reported one a paragraph pair
    assert {(a.id, a.name, _spans(a.mentions)) for a in windowed.actors} == {
        (a.id, a.name, _spans(a.mentions)) for a in whole.actors
    }
    assert {(p.id, _spans(p.mentions)) for p in windowed.places} == {(p.id, _spans(p.mentions)) for p in whole.places}
    # the main event comes from the headline and lead, read with the first window
    assert windowed.events[0].model_dump() == whole.events[0].model_dump()
    assert windowed.body == whole.body and windowed.headline == whole.headline
    assert windowed.provenance == whole.provenance


def test_a_headline_quote_stays_in_the_headline_when_the_body_goes_in_windows(small_windows: None) -> None:
    article = _read(_text(140, headline="Edda Lunde: Ferries Will Sail 'Whatever the Weather'"))
    assert windows.needed(article)
    windowed = api.extract(article)
    [first, *_] = windowed.quotes
    assert first.spans[0].part == "headline"
    assert windowed.span_text(first.spans[0]) == "Ferries Will Sail 'Whatever the Weather'"
    assert windowed.actor(first.speaker).name == "Edda Lunde"  # type: ignore[arg-type]  # a speaker was found
    assert len(windowed.quotes) == 141


def test_a_paragraph_longer_than_a_window_is_cut_and_its_spans_go_back(small_windows: None) -> None:
    one = " ".join(_paragraph(i) for i in range(120))
    assert len(one) > 2 * windows.WINDOW_CHARS
    article = api.extract(_read(b"Ferries run again\n\n" + one.encode() + b"\n"))
    assert len(article.body) == 1
    direct = [q for q in article.quotes if q.kind == "direct"]
    assert len(direct) == 60
    assert [article.span_text(q.spans[0]) for q in direct] == [
        f"The ferry to island {i} runs again from {PEOPLE[i % 4][2]}," for i in range(1, 120, 2)
    ]
    for q in direct:
        speaker = article.actor(q.speaker)
        assert speaker is not None and article.span_text(q.speaker_mention).endswith(speaker.name)
    lunde = next(a for a in article.actors if a.name == "Edda Lunde")
    assert [article.span_text(s) for s in lunde.mentions] == ["Edda Lunde"] * 30
    assert [q.id for q in article.quotes] == [f"{article.id}#quote-{n}" for n in range(1, len(article.quotes) + 1)]


def test_a_later_windows_note_names_the_articles_paragraph(small_windows: None) -> None:
    paragraphs = [_paragraph(i) for i in range(100)]
    paragraphs[90] = "The quay opened on 31 February 2024, the council's notice said."
    article = api.extract(_read(("Ferries run again\n\n" + "\n\n".join(paragraphs)).encode()))
    notes = [n for n in article.provenance.notes if n.startswith("dates: paragraph")]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(windows, "WINDOW_CHARS", 10**9)
        mp.setattr(windows, "WINDOW_PARAGRAPHS", 10**9)
        whole = api.extract(_read(("Ferries run again\n\n" + "\n\n".join(paragraphs)).encode()))
    assert notes and notes == [n for n in whole.provenance.notes if n.startswith("dates: paragraph")]


def test_the_windows_docs_are_dropped_before_the_next_window_is_parsed(
    small_windows: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    kept: list[int] = []
    forget = nlp.forget

    def counted() -> None:
        kept.append(len(nlp._cache))
        forget()

    monkeypatch.setattr(nlp, "forget", counted)
    article = _read(_text(140))
    api.extract(article)
    assert len(kept) >= 5  # once per window, and once at the end of the article
    assert max(kept) <= windows.WINDOW_PARAGRAPHS + 4  # a window's paragraphs (and the headline's texts)


@pytest.mark.slow
@pytest.mark.skipif(not (SHARED / "eval-data" / "polnear" / "dev.jsonl").is_file(), reason="PolNeAR dev not here")
def test_real_news_in_windows_keeps_every_quote(small_windows: None) -> None:
    # Real articles one after another: what a window cannot see (a surname whose full name is
    # in the window before, a canonical name chosen from the whole text) may change a speaker
    # or an actor's id, never which quotes are found, nor where.
    lines = (SHARED / "eval-data" / "polnear" / "dev.jsonl").read_text(encoding="utf-8").splitlines()[:8]
    texts = [json.loads(line)["text"] for line in lines if line.strip()]
    article = _read("\n\n".join(texts).encode())
    assert len(list(windows.windows(article.body))) >= 3
    windowed = api.extract(article)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(windows, "WINDOW_CHARS", 10**9)
        mp.setattr(windows, "WINDOW_PARAGRAPHS", 10**9)
        whole = api.extract(article)
    assert [(q.text, q.kind, _spans(q.spans)) for q in windowed.quotes] == [
        (q.text, q.kind, _spans(q.spans)) for q in whole.quotes
    ]
    named = sum((q.speaker is None) == (w.speaker is None) for q, w in zip(whole.quotes, windowed.quotes))
    assert named >= 0.95 * len(whole.quotes)
    mentions = {_spans(a.mentions) for a in whole.actors}
    assert len(mentions & {_spans(a.mentions) for a in windowed.actors}) >= 0.8 * len(mentions)


def test_the_stages_that_parse_are_marked() -> None:
    assert [s.name for s in pipeline.STAGES if not s.parses] == ["clean", "structure"]


def test_a_note_counts_paragraphs_as_the_article_does() -> None:
    window = [
        windows.Piece(-1, 0, "\u2026", "note"),
        windows.Piece(7, 0, "A.", "body"),
        windows.Piece(7, 2, " B.", "body"),
    ]
    merged = windows._Merged(Article(id="urn:x:a", body=[Paragraph(text="A. B.")] * 8))
    part = Article(id="urn:x:a", body=[Paragraph(text=p.text, role=p.role) for p in window])
    notes = ["dates: paragraph 2: a day that is not", "dates: paragraph 0: x", "dates: paragraph 9: y"]
    merged._notes(part.model_copy(update={"provenance": Provenance(notes=notes)}), window)
    assert merged.notes == ["dates: paragraph 7: a day that is not", "dates: paragraph 0: x", "dates: paragraph 9: y"]
