"""The learned speaker ranker (extract/quotes/ranker.py) and its training script.

* The model file loads, names exactly the features the extractor makes, and scores
  deterministically.
* Cases the ranker fixes, in our own sentences: the rules' speaker is replaced only
  where the ranker is sure.
* bench/train_speakers.py runs end to end on a slice of PolNeAR train and writes a model
  the extractor can load.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path

import pytest

from conftest import ROOT, SHARED, check_weights_file
from newsgraph import api
from newsgraph.extract.quotes import ranker
from newsgraph.lexicon import wordlists
from newsgraph.model import Article

TRAIN = SHARED / "eval-data" / "polnear" / "train.jsonl"


def _extract(text: str) -> Article:
    # the first line of a text file is its headline: the story starts after it
    [article] = api.read(f"Council news\n\n{text}".encode(), format="text")
    return api.extract(article)


def _speaker_words(article: Article, words: str) -> str | None:
    q = next(q for q in article.quotes if words in q.text)
    return article.span_text(q.speaker_mention) if q.speaker_mention else None


def test_model_file_loads_with_the_extractors_features() -> None:
    check_weights_file("speaker_ranker", ranker)


def test_scores_are_probabilities_and_deterministic() -> None:
    rules = ranker.Candidate(
        0,
        40,
        45,
        8,
        features={
            "rule_choice": 1.0,
            "rule_confidence": 0.95,
            "rule:after": 1.0,
            "cue_subject": 1.0,
            "own_cue_subject": 1.0,
            "same_sentence": 1.0,
            "same_paragraph": 1.0,
            "dep:nsubj": 1.0,
            "type:name": 1.0,
        },
    )
    far = ranker.Candidate(0, 0, 2, 0, features={"type:pronoun": 1.0, "log_distance": 1.0, "dep:nsubj": 1.0})
    nobody = ranker.Candidate(-1, 0, 0, -1, features={"nothing": 1.0})
    probs = ranker.probabilities([rules, far, nobody])
    assert math.isclose(sum(probs), 1.0) and all(0.0 < p < 1.0 for p in probs)
    # the rules' choice, the subject of the cue right after the quote, is the likeliest speaker
    assert probs[0] > max(probs[1:]) and probs[0] - probs[1] > ranker.MARGIN
    assert ranker.probabilities([rules, far, nobody]) == probs


def test_a_quote_the_rules_left_without_speaker_gets_the_introducer() -> None:
    # "X made the following remark:" then the quote in a paragraph of its own
    article = _extract(
        "The mayor has faced questions about the flood response for weeks.\n\n"
        "On March 3, Mayor Tove Lind made the following remark:\n\n"
        '"For families who have lost their homes in the floods, and who are still waiting for help, '
        'the wait has been far too long."\n'
    )
    # since the fifth round on speakers the rules find her too (the subject of the paragraph
    # before a quote paragraph, at 0.5), with her title; the ranker keeps that
    assert (_speaker_words(article, "For families") or "").endswith("Tove Lind")
    q = next(q for q in article.quotes if "For families" in q.text)
    assert ranker.CONFIDENCE_FLOOR <= q.confidence <= ranker.CONFIDENCE_CAP


def test_a_fragment_after_a_long_attribution_is_the_speakers() -> None:
    # a quoted fragment closing a paragraph whose earlier quotes the senator said
    article = _extract(
        '"This is not fair," Senator Ruth Adler said. "You pushed the nurses to the limit" to cut costs '
        'and raise your bonus, she said, pointing to the hospital\'s drive to "fill every bed" at any cost. '
        '"You went to the press to blame hundreds of night-shift" staff.\n'
    )
    assert _speaker_words(article, "You went to the press") == "Senator Ruth Adler"
    q = next(q for q in article.quotes if "You went to the press" in q.text)
    assert q.speaker is not None and article.actor(q.speaker).name.endswith("Adler")


def test_the_ranker_stays_out_when_it_is_not_sure(monkeypatch: pytest.MonkeyPatch) -> None:
    text = 'On March 3, Mayor Tove Lind made the following remark:\n\n"For families who lost their homes, the wait has been far too long."\n'
    monkeypatch.setattr(ranker, "MIN_PROBABILITY", 1.01)  # nothing is ever that sure: the rules alone
    assert _speaker_words(_extract(text), "For families") is None


def test_the_rules_choice_stays_where_it_is_sure() -> None:
    article = _extract(
        'Mayor Ines Brandt opened the new bridge on Monday. "It will carry ten thousand cars a day," '
        "Brandt said.\n\nTraffic engineer Paolo Renzi agreed with the estimate.\n"
    )
    assert _speaker_words(article, "ten thousand cars") == "Brandt"
    q = next(q for q in article.quotes if "ten thousand" in q.text)
    assert q.confidence == 0.95


def test_extraction_is_the_same_twice() -> None:
    text = (
        'Governor Alma Ruiz spoke to farmers in the valley. She promised "water for every field" and '
        'said the drought "is not over yet."\n\n"We will build the reservoir," she said.\n'
    )
    first, second = _extract(text), _extract(text)
    assert [(q.text, q.speaker_mention, q.confidence) for q in first.quotes] == [
        (q.text, q.speaker_mention, q.confidence) for q in second.quotes
    ]


@pytest.mark.skipif(not TRAIN.exists(), reason="PolNeAR train is not in ../shared/eval-data")
def test_training_script_runs_on_a_slice(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location("train_speakers", ROOT / "bench" / "train_speakers.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["train_speakers"] = module
    spec.loader.exec_module(module)
    out = tmp_path / "ranker.json"
    assert module.main([str(TRAIN), "--limit", "3", "--out", str(out), "--no-cache"]) == 0
    table = json.loads(out.read_text(encoding="utf-8"))
    assert tuple(table["features"]) == ranker.FEATURES
    assert len(table["weights"]) == len(ranker.FEATURES)
    # deterministic: the same slice gives the same weights
    again = tmp_path / "again.json"
    module.main([str(TRAIN), "--limit", "3", "--out", str(again), "--no-cache"])
    assert json.loads(again.read_text(encoding="utf-8")) == table


def test_weights_trained_on_other_features_are_refused_naming_the_script() -> None:

    with pytest.raises(ValueError, match="run bench/train_speakers.py"):
        wordlists.trained_weights("speaker_ranker", ("only_this",), "bench/train_speakers.py")
    assert len(wordlists.trained_weights("speaker_ranker", ranker.FEATURES, "x")) == len(ranker.FEATURES)
