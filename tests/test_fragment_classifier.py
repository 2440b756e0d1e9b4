"""The quote-span classifier (extract/quotes/fragments.py) and its training script.

* The model file loads, names exactly the features the extractor makes, and scores
  deterministically.
* Cases it fixes, in our own sentences: a quoted fragment after a cue that is no speech
  verb is the clause's subject's partial quote; scare quotes, titles and names stay out.
* Weak subjects (issue 18, the fifth round): a subject the speaker word lists do not know
  may speak when it could (*the fishermen*, *the leaflet*), never when it is a thing (*the
  weather*) or through a copula; `fragments.animacy` says which; the speaker ranker's
  second look gives the quote its choice of speaker when that one can speak.
* bench/train_fragments.py runs end to end on a slice of PolNeAR train and writes a model
  the extractor can load, the same twice.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SHARED, check_weights_file
from newsgraph import api
from newsgraph.extract.quotes import fragments
from newsgraph.model import Article
from quote_helpers import extract_story

TRAIN = SHARED / "eval-data" / "polnear" / "train.jsonl"


_extract = extract_story


def _quote(article: Article, words: str) -> tuple[str, str | None] | None:
    """The kind and speaker words of the quote holding ``words``, None when there is none."""
    q = next((q for q in article.quotes if words in q.text), None)
    if q is None:
        return None
    return q.kind, article.span_text(q.speaker_mention) if q.speaker_mention else None


def test_model_file_loads_with_the_extractors_features() -> None:
    check_weights_file("fragment_classifier", fragments)
    assert len(set(fragments.FEATURES)) == len(fragments.FEATURES)


def test_probabilities_are_probabilities_and_deterministic() -> None:
    scare = {"bias": 1.0, "words:1": 1.0, "before:det": 1.0, "gov:noun": 1.0, "speaker:sentence": 1.0}
    fragment = {
        "bias": 1.0,
        "words:4-6": 1.0,
        "before:as": 1.0,
        "gov:characterising": 1.0,
        "subject:agentive": 1.0,
        "subject:person": 1.0,
        "speaker:clause": 1.0,
    }
    p_scare, p_fragment = fragments.probability(scare), fragments.probability(fragment)
    assert 0.0 < p_scare < 1.0 and 0.0 < p_fragment < 1.0
    assert p_fragment > p_scare
    assert fragments.probability(fragment) == p_fragment


def test_every_feature_the_extractor_makes_is_in_the_model() -> None:
    article = _extract(
        'Critics of the plan, which Holm nicknamed "the blue ribbon", say it will cost too much. '
        'The city unveiled its "smart" benches on Monday, and Dahl said: "We will keep the port open."\n'
    )
    assert article.quotes  # the text went through the whole pipeline
    from newsgraph.extract import story
    from newsgraph.extract.quotes.attribution import attribute, build_para
    from newsgraph.extract.quotes.marks import scan

    texts = [p.text for p in article.body]
    paras = [build_para(i, t, d, r) for i, (t, d, r) in enumerate(zip(texts, story.docs(article), scan(texts)))]
    found = fragments.fragments(paras, attribute(paras))
    assert len(found) == 3
    for frag in found:
        assert set(frag.features) <= set(fragments.FEATURES)
        assert frag.features["bias"] == 1.0


FIXED = [
    # (text, words of the quote, its speaker's words): fragments the rules drop as scare
    # quotes, after a cue that is no speech verb
    (
        'The fact-checkers rated Dahl\'s claim that there were "hundreds of empty berths" in the harbour '
        "as mostly true.\n",
        "hundreds of empty berths",
        "Dahl's",
    ),
    # the possessor of a claim noun may be a pronoun: theirs, not the critics'
    (
        'Critics rejected their claim that the harbour was "perfectly safe for swimmers" this summer.\n',
        "perfectly safe for swimmers",
        "their",
    ),
    (
        'Contrary to her claim that ferry users would "gain nothing," the new timetable has two more sailings a day.\n',
        "gain nothing",
        "her",
    ),
    # a subject the word lists do not know as a speaker, which could speak: a document, a
    # group of people
    (
        'The leaflet referred to the ferry pass as "the best bargain on the coast."\n',
        "the best bargain on the coast",
        "The leaflet",
    ),
    (
        'The fishermen have long seen the quota as "a death sentence for the village."\n',
        "a death sentence for the village",
        "The fishermen",
    ),
]


@pytest.mark.parametrize(("text", "words", "speaker"), FIXED)
def test_a_fragment_after_a_characterising_cue_is_a_partial_quote(text: str, words: str, speaker: str) -> None:
    assert _quote(_extract(text), words) == ("partial", speaker)


def test_a_name_given_in_a_relative_clause_is_never_the_main_clauses_quote() -> None:
    # the classifier (0.37 here, under its threshold) no longer adds this stretch since the
    # ranker prefers another mention; whatever it does, the words are never the critics'
    text = 'Critics of the plan, which Holm nicknamed "the blue ribbon", say it will cost too much.\n'
    assert _quote(_extract(text), "the blue ribbon") in (None, ("partial", "Holm"))


KEPT_OUT = [
    ('The city unveiled its "smart" benches along the quay on Monday.\n', "smart"),
    ('Port director Oskar Lind appeared on "Morning Harbour" to discuss the dredging plan.\n', "Morning Harbour"),
    ('The so-called "harbour tax" was dropped from the budget in May.\n', "harbour tax"),
    ('Lind keeps a copy of "The Old Man and the Sea" on his desk.\n', "The Old Man and the Sea"),
    ('The museum\'s "Treasures of the Deep" exhibit opens on Friday.\n', "Treasures of the Deep"),
    ('The "smart" benches along the quay were installed in March.\n', "smart"),
    # a weak subject never speaks through a copula, and a thing never speaks
    ('The budget is "a disgrace."\n', "a disgrace"),
    ('The weather turned the "summer festival" into a washout.\n', "summer festival"),
    ('The storm left the "harbour of refuge" without power for a week.\n', "harbour of refuge"),
]


@pytest.mark.parametrize(("text", "words"), KEPT_OUT)
def test_scare_quotes_titles_and_names_stay_out(text: str, words: str) -> None:
    assert _quote(_extract(text), words) is None


@pytest.mark.parametrize(("text", "words", "speaker"), FIXED)
def test_the_rules_alone_drop_them(monkeypatch: pytest.MonkeyPatch, text: str, words: str, speaker: str) -> None:
    monkeypatch.setattr(fragments, "ADD_PROBABILITY", 1.01)  # nothing is ever that sure: the rules alone
    assert _quote(_extract(text), words) is None


def _paras(text: str) -> list[Any]:
    from newsgraph.extract import story
    from newsgraph.extract.quotes.attribution import build_para
    from newsgraph.extract.quotes.marks import scan

    [article] = api.read(f"Harbour news\n\n{text}".encode(), format="text")
    texts = [p.text for p in article.body]
    return [build_para(i, t, d, r) for i, (t, d, r) in enumerate(zip(texts, story.docs(article), scan(texts)))]


ANIMACY = [
    ("The organizers moved the stalls.", "organizers", "animate"),  # a person's word ending
    ("The family moved the stalls.", "family", "animate"),  # a group of people
    ("The weather moved the stalls.", "weather", "thing"),
    ("The plan moved the stalls.", "plan", "thing"),
    ("It moved the stalls.", "It", "it"),
    ("The leaflet moved the stalls.", "leaflet", "unknown"),
    ("The paper moved the stalls.", "paper", "unknown"),  # an ending that names no person
]


@pytest.mark.parametrize(("text", "word", "kind"), ANIMACY)
def test_animacy_of_a_subject_the_word_lists_do_not_know(text: str, word: str, kind: str) -> None:
    [para] = _paras(text + "\n")
    tok = next(t for t in para.doc if t.text == word)
    assert fragments.animacy(tok) == kind


def test_the_ranker_looks_at_the_speaker_of_every_candidate_stretch() -> None:
    from newsgraph.extract.quotes.attribution import attribute

    paras = _paras(
        'Holm runs the ferry. The fishermen have long seen the quota as "a death sentence for the village."\n'
    )
    [frag] = fragments.fragments(paras, attribute(paras))
    assert fragments.candidate(frag)
    assert 0.0 < frag.features["ranker_probability"] <= 1.0
    assert sum(frag.features.get(f"ranker:{k}", 0.0) for k in ("agrees", "other", "nobody")) == 1.0
    mention = fragments.speaker(frag)
    assert mention is not None and paras[0].text[mention[1] : mention[2]] == "The fishermen"


def test_the_rankers_choice_of_speaker_is_the_added_quotes_speaker() -> None:
    from newsgraph.extract.quotes.attribution import attribute
    from newsgraph.extract.quotes.ranker import Candidate

    paras = _paras(
        'Holm runs the ferry. The fishermen have long seen the quota as "a death sentence for the village."\n'
    )
    [frag] = fragments.fragments(paras, attribute(paras))
    frag.second = Candidate(0, 0, 4, 0)  # as if the ranker preferred "Holm"
    frag.second_head = 0
    assert fragments.speaker(frag) == (0, 0, 4)


def _load_trainer() -> object:
    spec = importlib.util.spec_from_file_location("train_fragments", ROOT / "bench" / "train_fragments.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_fragments"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not TRAIN.exists(), reason="PolNeAR train is not in ../shared")
def test_the_training_script_runs_on_a_slice_and_is_deterministic(tmp_path: Path) -> None:
    trainer = _load_trainer()
    out1, out2 = tmp_path / "a.json", tmp_path / "b.json"
    main = trainer.main  # type: ignore[attr-defined]  # a module loaded from its file
    assert main([str(TRAIN), "--limit", "5", "--out", str(out1), "--cache-dir", str(tmp_path)]) == 0
    # the second run reads the articles again (no cache) and must fit the same weights
    assert main([str(TRAIN), "--limit", "5", "--out", str(out2), "--no-cache"]) == 0
    assert list(tmp_path.glob("fragment-candidates-*.json"))  # the first run cached its stretches
    assert out1.read_text() == out2.read_text()
    table = json.loads(out1.read_text())
    assert tuple(table["features"]) == fragments.FEATURES
    assert len(table["weights"]) == len(fragments.FEATURES)
    assert any(w != 0 for w in table["weights"])
