"""The model kept small for huge articles (docs/events.md, "Speed"; docs/architecture.md):
a compact Span, and the final validation of an extracted article part by part
(model.built_article) with the same Article and the same errors as the plain way,
``Article.model_validate(article.model_dump())``."""

from __future__ import annotations

import dataclasses
import gc
import pickle
import sys
import weakref
from typing import Any, Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

import newsgraph
from newsgraph.errors import ModelError
from newsgraph.extract import pipeline
from newsgraph.extract.options import ExtractOptions
from newsgraph.model import (
    Actor,
    Article,
    Paragraph,
    Quote,
    Span,
    article_from_data,
    built_article,
    format_validation_error,
)

from conftest import load_kitchen_sink

# --- Span -------------------------------------------------------------------------


def test_a_span_is_a_slotted_object_of_a_few_words() -> None:
    span = Span(paragraph=3, start=10, end=20)
    assert not hasattr(span, "__dict__")
    # a BaseModel span was about 530 bytes with its __dict__ and fields-set
    assert sys.getsizeof(span) <= 64


def test_a_span_is_validated_however_it_is_made() -> None:
    span = Span(paragraph=0, start=1, end=4)
    with pytest.raises(ValidationError, match="must be greater than start"):
        Span(paragraph=0, start=4, end=4)
    with pytest.raises(ValidationError, match="has paragraph 0, not 2"):
        Span(part="headline", paragraph=2, start=0, end=1)
    with pytest.raises(ValidationError, match="must be greater than start"):
        dataclasses.replace(span, end=1)  # replace is how a span is changed: validated again
    assert dataclasses.replace(span, paragraph=2) == Span(paragraph=2, start=1, end=4)
    span.start = 2  # assigned as before, unchecked: the next validation of the article checks it
    assert span.start == 2


def test_a_span_travels_as_it_did() -> None:
    span = Span(part="subheadline", paragraph=0, start=2, end=9)
    assert pickle.loads(pickle.dumps(span)) == span  # batch workers send articles across processes
    assert dataclasses.asdict(span) == {"part": "subheadline", "paragraph": 0, "start": 2, "end": 9}
    assert span.order() == (1, 0, 2, 9) and not span.in_body


def test_an_unknown_key_of_a_span_reads_as_any_unknown_key() -> None:
    data = load_kitchen_sink().model_dump()
    n = _mentioned(load_kitchen_sink())
    data["actors"][n]["mentions"][0]["colour"] = "red"
    with pytest.raises(ModelError) as err:
        article_from_data(data)
    assert f"actors.{n}.mentions.0.colour: is not a field of the model (remove it" in str(err.value)


# --- Paragraph -----------------------------------------------------------------------


def test_a_paragraph_is_a_slotted_object_of_a_few_words() -> None:
    paragraph = Paragraph(text="The minister spoke.", offset=12, role="note")
    assert not hasattr(paragraph, "__dict__")
    # a BaseModel paragraph was about 450 bytes with its __dict__ and fields-set
    assert sys.getsizeof(paragraph) <= 64


def test_a_paragraph_is_validated_as_the_model_was() -> None:
    with pytest.raises(ValidationError, match="greater than or equal to 0"):
        Paragraph(text="x", offset=-1)
    with pytest.raises(ValidationError, match="text holds U\\+0007 \\(a control character\\) at character 1"):
        Paragraph(text="a\x07b")
    with pytest.raises(ValidationError, match="Input should be 'body'"):
        Paragraph.model_validate({"text": "x", "role": "aside"})
    with pytest.raises(ModelError, match=r"body\.0\.colour: is not a field of the model"):
        article_from_data({"id": "urn:newsgraph:article:1", "body": [{"text": "x", "colour": "red"}]})
    # a list item that is not an object reads as it did for the model
    with pytest.raises(ModelError, match=r"body\.0: Input should be a valid dictionary or instance of Paragraph"):
        article_from_data({"id": "urn:newsgraph:article:1", "body": ["x"]})
    assert Paragraph.model_validate({"text": "x", "offset": 3}) == Paragraph(text="x", offset=3, role="body")


def test_a_paragraph_keeps_the_model_methods_callers_use() -> None:
    paragraph = Paragraph(text="Two words.", offset=4)
    moved = paragraph.model_copy(update={"offset": 9})
    assert moved == Paragraph(text="Two words.", offset=9) and paragraph.offset == 4
    # a copy or a construction is not validated, as pydantic's are: the article's validation checks it
    broken = paragraph.model_copy(update={"text": "a\x00b"})
    assert broken.text == "a\x00b" and Paragraph.model_construct(text="").text == ""
    with pytest.raises(ModelError, match=r"body\.0: text holds U\+0000"):
        article_from_data(Article(id="urn:newsgraph:article:1").model_copy(update={"body": [broken]}).model_dump())
    assert paragraph.model_dump() == {"text": "Two words.", "offset": 4, "role": "body"}
    assert paragraph.model_dump(exclude_none=True, exclude={"role"}) == {"text": "Two words.", "offset": 4}
    assert pickle.loads(pickle.dumps(paragraph)) == paragraph  # batch workers send articles across processes
    assert dataclasses.replace(paragraph, role="note").role == "note"


# --- Quote ---------------------------------------------------------------------------


def test_a_quote_is_a_slotted_object_that_keeps_the_model_api() -> None:
    article = load_kitchen_sink()
    quote = article.quotes[0]
    assert not hasattr(quote, "__dict__")
    # a BaseModel quote was about 1.3 KB with its __dict__ and a fields-set of eleven names
    assert sys.getsizeof(quote) <= 128
    assert Quote.model_validate(quote.model_dump()) == quote
    assert quote.model_copy(update={"cue": "replied"}).cue == "replied" and quote.cue != "replied"
    assert list(Quote.model_fields) == ["id", "text", "kind", "speaker", "speaker_mention", "cue", "spans"] + [
        "addressee",
        "via",
        "via_mention",
        "event",
        "confidence",
    ]
    assert pickle.loads(pickle.dumps(quote)) == quote
    assert str(quote).startswith(f"id={quote.id!r} text={quote.text!r}")  # as BaseModel's str
    data = article.model_dump()
    data["quotes"][0]["confidence"] = 2.0
    with pytest.raises(ModelError, match=r"quotes\.0\.confidence: Input should be less than or equal to 1"):
        article_from_data(data)
    data["quotes"][0] = {**data["quotes"][0], "confidence": 1.0, "cue": " ", "text": "a\x0bb"}
    with pytest.raises(ModelError, match=r"quotes\.0: text holds U\+000B"):
        article_from_data(data)
    data["quotes"][0]["text"] = quote.text
    assert article_from_data(data).quotes[0].cue is None  # blank is absent, as before
    # a required field left out of a construction stays unset, as with model_construct
    with pytest.raises(AttributeError):
        Quote.model_construct(id=quote.id).kind  # noqa: B018  # the access is the test


# --- built_article: the plain way's result and errors -------------------------------


def _plain(article: Article) -> Article:
    return Article.model_validate(article.model_dump())


def _parts(article: Article) -> Article:
    return built_article(dict(article))


def _outcome(validate: Callable[[Article], Article], article: Article, inputs: bool = True) -> tuple[Any, ...]:
    try:
        return ("article", validate(article).model_dump_json())
    except ValidationError as err:
        found = err.json(include_url=False, include_input=inputs)
        return ("error", type(err), format_validation_error(err), str(err) if inputs else "", found)


def _copy(article: Article, **update: Any) -> Article:
    return article.model_copy(update=update)  # as the stages build: not validated


def _mentioned(a: Article) -> int:
    return next(n for n, actor in enumerate(a.actors) if len(actor.mentions) > 1)


def _untidy(a: Article) -> Article:
    """What validation tidies: spans out of order and twice, blank texts, blank aliases."""
    n = _mentioned(a)
    actor = a.actors[n]
    messy = actor.model_copy(update={"mentions": [*reversed(actor.mentions), *actor.mentions], "aliases": [" "]})
    quote = a.quotes[0].model_copy(update={"cue": "  ", "spans": [*reversed(a.quotes[0].spans)]})
    return _copy(a, headline=" ", actors=[*a.actors[:n], messy, *a.actors[n + 1 :]], quotes=[quote, *a.quotes[1:]])


def _bad_actor(a: Article) -> Article:
    return _copy(a, actors=[*a.actors[:2], a.actors[2].model_copy(update={"name": " "}), *a.actors[3:]])


def _bad_paragraph(a: Article) -> Article:
    return _copy(a, body=[*a.body[:1], Paragraph.model_construct(text="a\x00b", offset=None, role="body"), *a.body[2:]])


def _bad_quote(a: Article) -> Article:
    return _copy(a, quotes=[*a.quotes[:-1], a.quotes[-1].model_copy(update={"spans": [], "confidence": 2.0})])


def _bad_event(a: Article) -> Article:
    return _copy(a, events=[a.events[0].model_copy(update={"kind": "picnic"}), *a.events[1:]])


def _bad_date(a: Article) -> Article:
    return _copy(a, published="yesterday")


def _unknown_speaker(a: Article) -> Article:
    return _copy(a, quotes=[a.quotes[0].model_copy(update={"speaker": "urn:newsgraph:person:nobody"}), *a.quotes[1:]])


def _past_the_paragraph(a: Article) -> Article:
    long = Span(paragraph=0, start=0, end=len(a.body[0].text) + 5)
    return _copy(a, places=[a.places[0].model_copy(update={"mentions": [long]}), *a.places[1:]])


def _dict_item(a: Article) -> Article:
    return _copy(a, actors=[*a.actors, {"id": "urn:newsgraph:person:x", "kind": "person", "name": "X"}])


CHANGES: dict[str, Callable[[Article], Article]] = {
    "untidy": _untidy,
    "bad actor": _bad_actor,
    "bad paragraph": _bad_paragraph,
    "bad quote": _bad_quote,
    "bad event": _bad_event,
    "bad date": _bad_date,
    "unknown speaker": _unknown_speaker,
    "span past the paragraph": _past_the_paragraph,
    "a dict among the actors": _dict_item,
}


@pytest.mark.filterwarnings("ignore::UserWarning")  # model_dump warns of the dict among the actors
@pytest.mark.parametrize("change", [None, *CHANGES], ids=str)
def test_built_article_gives_what_the_plain_way_gives(change: str | None) -> None:
    article = load_kitchen_sink()
    if change:
        article = CHANGES[change](article)
    plain, parts = _outcome(_plain, article), _outcome(_parts, article)
    assert parts == plain
    assert plain[0] == ("article" if change in (None, "untidy", "a dict among the actors") else "error")


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(sorted(CHANGES)), min_size=1, max_size=4))
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_built_article_gives_what_the_plain_way_gives_for_any_mix(changes: list[str]) -> None:
    article = load_kitchen_sink()
    for change in changes:
        article = CHANGES[change](article)
    # the same errors; one of the Article's own rules echoes as its input the article as
    # validated (tidied), not as it came
    assert _outcome(_parts, article, inputs=False) == _outcome(_plain, article, inputs=False)


class _Probe(Paragraph):
    """A paragraph that, when dumped to be validated, counts the originals still alive."""

    def model_dump(self, **kwargs: Any) -> dict[str, Any]:
        _ALIVE.append(sum(1 for ref in _REFS if ref() is not None))
        return super().model_dump(**kwargs)


_ALIVE: list[int] = []
_REFS: list[weakref.ref[Paragraph]] = []


def test_built_article_lets_each_part_go_once_it_is_validated() -> None:
    body = [_Probe(text=f"Paragraph {n} of a long article.") for n in range(50)]
    actors = [Actor(id=f"urn:newsgraph:person:p{n}", kind="person", name=f"P {n}") for n in range(20)]
    article = _copy(Article(id="urn:newsgraph:article:1"), body=body, actors=actors)
    _REFS[:] = [weakref.ref(p) for p in body]
    originals = [weakref.ref(a) for a in actors]
    del body, actors
    fields = dict(article)
    del article
    done = built_article(fields)
    # when paragraph n is dumped, the n before it are gone: never two copies of the body
    assert _ALIVE == list(range(50, 0, -1))
    assert not any(ref() for ref in [*_REFS, *originals]) and fields == {}
    assert [p.text for p in done.body][-1] == "Paragraph 49 of a long article." and len(done.actors) == 20


def test_built_article_leaves_a_shared_list_as_it_was() -> None:
    article = load_kitchen_sink()
    other = _copy(article, headline="Another headline")  # shares its lists with article
    done = built_article(dict(other))
    assert done.actors == article.actors and len(article.quotes) == len(done.quotes) > 0
    assert isinstance(article.quotes[0], Quote)


# --- extraction holds no copy of the article it does not need -----------------------


def test_extract_holds_no_checked_copy_while_the_stages_run(monkeypatch: pytest.MonkeyPatch) -> None:
    [article] = newsgraph.read(b"Headline\n\nA first paragraph of the story.\n\nA second one.", format="text")
    alive: list[int] = []

    def probe(a: Article, options: ExtractOptions) -> Article:
        gc.collect()
        alive.append(
            sum(1 for o in gc.get_objects() if isinstance(o, Article) and getattr(o, "id", None) == article.id)
        )
        return a

    stages = (pipeline.STAGES[0], pipeline.Stage("probe", probe, english_only=False, parses=False))
    monkeypatch.setattr(pipeline, "STAGES", stages)
    assert newsgraph.extract(article).id == article.id
    # the caller's article and the one the stages pass on; the copy api.extract checked
    # was held by the call until it returned
    assert alive == [2]
