"""Scoring corpus resolution against gold clusters: B-cubed over mentions, must-not-merge pairs.

A mention is one per-article actor (its article and its per-article id). Gold: a mention
whose name is one of a cluster's forms belongs to that cluster; an ambiguous form
('Clinton') belongs where the gold's by_article says, and is not scored elsewhere.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from newsgraph import Actor, Article, Corpus

GOLD = Path(__file__).resolve().parent / "gold" / "corpus"


def fixture_articles(path: Path = GOLD / "polnear_actors.jsonl.gz") -> Iterator[Article]:
    """PolNeAR's articles as extraction saw their actors (bench/corpus_fixture.py)."""
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            actors = [Actor(**{k: v for k, v in a.items() if k != "n"}) for a in record["actors"]]
            yield Article(id=record["id"], actors=actors, publisher=record.get("publisher"))


def load_gold(path: Path = GOLD / "polnear_gold.json") -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def gold_labels(corpus: Corpus, gold: dict[str, Any]) -> dict[tuple[str, str], tuple[str, str]]:
    """(article, per-article id) -> (gold cluster, corpus entity) for every scored mention."""
    form_of = {f: name for name, c in gold["clusters"].items() for f in c["forms"]}
    labels = {}
    for article, local, entity, name in corpus.store.rows(
        "SELECT a.id, m.local_id, e.id, m.name FROM mentions m JOIN articles a ON a.seq = m.article "
        "JOIN entities e ON e.seq = m.entity"
    ):
        if name in gold["ambiguous"]:
            cluster = gold["by_article"].get(article, {}).get(name)
        else:
            cluster = form_of.get(name)
        if cluster is not None:
            labels[(article, local)] = (cluster, entity)
    return labels


@dataclass
class Score:
    precision: float
    recall: float
    mentions: int
    violations: list[str]

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def b_cubed(labels: dict[tuple[str, str], tuple[str, str]]) -> tuple[float, float]:
    by_gold: dict[str, set[tuple[str, str]]] = {}
    by_system: dict[str, set[tuple[str, str]]] = {}
    for mention, (cluster, entity) in labels.items():
        by_gold.setdefault(cluster, set()).add(mention)
        by_system.setdefault(entity, set()).add(mention)
    precision = recall = 0.0
    for mention, (cluster, entity) in labels.items():
        both = len(by_gold[cluster] & by_system[entity])
        precision += both / len(by_system[entity])
        recall += both / len(by_gold[cluster])
    n = len(labels) or 1
    return precision / n, recall / n


def violations(corpus: Corpus, gold: dict[str, Any]) -> list[str]:
    """Must-not-merge pairs that one corpus entity holds."""
    names: dict[str, set[str]] = {}
    for entity, name in corpus.store.rows("SELECT e.id, m.name FROM mentions m JOIN entities e ON e.seq = m.entity"):
        names.setdefault(entity, set()).add(name)
    return [
        f"{a} + {b} in {entity}"
        for a, b in gold["must_not_merge"]
        for entity, held in names.items()
        if a in held and b in held
    ]


def score(corpus: Corpus, gold: dict[str, Any]) -> Score:
    labels = gold_labels(corpus, gold)
    precision, recall = b_cubed(labels)
    return Score(precision, recall, len(labels), violations(corpus, gold))
