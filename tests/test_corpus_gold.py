"""Quality gate of corpus resolution: PolNeAR's 30 most mentioned people and organisations.

The gold (tests/gold/corpus/polnear_gold.json) is written by hand; the articles are PolNeAR
train and dev as extraction sees their actors (tests/gold/corpus/polnear_actors.jsonl.gz,
made by bench/corpus_fixture.py), so that resolution is judged without minutes of extraction.
"""

from __future__ import annotations

import pytest

from newsgraph import Corpus

from corpus_scoring import fixture_articles, load_gold, score

F1_FLOOR = 0.95


@pytest.fixture(scope="module")
def polnear(tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    corpus = Corpus(tmp_path_factory.mktemp("polnear") / "polnear.sqlite")
    report = corpus.add_articles(fixture_articles())
    assert report.added == 924
    return corpus


def test_b_cubed_f1_of_the_30_most_mentioned_holds_its_floor(polnear: Corpus) -> None:
    result = score(polnear, load_gold())
    print(f"B-cubed P {result.precision:.3f} R {result.recall:.3f} F1 {result.f1:.3f} over {result.mentions} mentions")
    assert result.mentions > 3000
    assert result.f1 >= F1_FLOOR


def test_no_must_not_merge_pair_is_merged(polnear: Corpus) -> None:
    assert score(polnear, load_gold()).violations == []


def test_the_gold_is_about_30_entities_and_its_forms_name_one_each() -> None:
    gold = load_gold()
    assert len(gold["clusters"]) == 30
    forms = [f for c in gold["clusters"].values() for f in c["forms"]]
    assert len(forms) == len(set(forms))
