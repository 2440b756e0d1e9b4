"""The body's paragraphs as the passes parse them: a leading dateline parsed on its own."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsgraph import Article, Paragraph
from newsgraph.extract import nlp, story
from newsgraph.model import mint_article_id

from strategies import articles


def article(*paragraphs: str, dateline: str | None = None) -> Article:
    return Article(
        id=mint_article_id("story-test"),
        headline="A headline",
        dateline=dateline,
        body=[Paragraph(text=t) for t in paragraphs],
    )


def test_a_dateline_is_parsed_apart_from_the_story() -> None:
    text = "HELSINKI (AP) \u2014 The envoys met on Tuesday."
    [doc] = story.docs(article(text, dateline="HELSINKI"))
    assert doc.text == text
    sentences = [s.text for s in doc.sents]
    assert sentences[0] == "HELSINKI (AP) \u2014"
    assert sentences[1] == "The envoys met on Tuesday."
    met = next(t for t in doc if t.text == "met")
    assert [c.text for c in met.children if c.dep_ == "nsubj"] == ["envoys"]
    assert next(t for t in doc if t.text == "HELSINKI").head.i < 4  # no word of the story


def test_the_dateline_and_the_story_keep_their_entities() -> None:
    text = "MANILA \u2014 The Bangko Sentral ng Pilipinas kept its key rate unchanged on Thursday."
    [doc] = story.docs(article(text, dateline="MANILA"))
    ents = {(e.text, e.start_char) for e in doc.ents}
    assert ("MANILA", 0) in ents
    assert ("The Bangko Sentral ng Pilipinas", text.index("The")) in ents


def test_without_a_dateline_the_docs_are_the_parses_of_the_paragraphs() -> None:
    a = article("MANILA \u2014 a city first.", "Second paragraph.")
    assert [d.text for d in story.docs(a)] == [p.text for p in a.body]
    assert story.dateline_end(a) == 0
    assert story.dateline_end(a.model_copy(update={"dateline": "Cebu"})) == 0  # another city


def test_a_paragraph_that_is_only_a_dateline() -> None:
    a = article("HELSINKI \u2014 ", "The story.", dateline="HELSINKI")
    assert [d.text for d in story.docs(a)] == ["HELSINKI \u2014 ", "The story."]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles(), st.sampled_from(["", "OSLO \u2014 ", "SAN JOSE, Costa Rica (AP) -- ", "KYIV \u2013 "]))
def test_every_doc_covers_its_paragraph(a: Article, lead: str) -> None:
    # the offsets of every pass index the paragraph's text, so each Doc's text must be it
    if lead and a.body:
        first = a.body[0].model_copy(update={"text": lead + a.body[0].text})
        a = a.model_copy(update={"body": [first, *a.body[1:]], "dateline": lead.split(" \u2014")[0].split(" -")[0]})
    for para, doc in zip(a.body, story.docs(a)):
        assert doc.text == para.text


def test_one_model_per_name_however_it_is_asked_for() -> None:
    # a second copy of the model costs a second or two and hundreds of MB in every worker
    assert nlp.load() is nlp.load(nlp.DEFAULT_MODEL) is nlp.load(model=nlp.DEFAULT_MODEL)


def test_the_passes_share_one_parse_and_forget_it_after_the_article() -> None:
    from newsgraph import api

    a = article(
        "OSLO \u2014 The minister met the envoy on Monday.", "\u201cWe agreed,\u201d she said.", dateline="OSLO"
    )
    calls: list[int] = []
    model = nlp.load()
    real = model.pipe

    def counting(texts, **kw):
        texts = list(texts)
        calls.append(len(texts))
        return real(texts, **kw)

    nlp.forget()
    model.pipe = counting  # type: ignore[method-assign]  # counting spaCy's calls; put back below
    try:
        api.extract(a)
    finally:
        del model.pipe
    # the dateline, the story, the next paragraph and the headline in one batch, once
    assert calls == [4]
    assert not nlp._cache
