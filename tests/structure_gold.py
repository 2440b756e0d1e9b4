"""Scoring the clean and structure passes against gold annotations (tests/gold/structure/).

A gold file names its input (``file``; seeds are read from ../shared/seeds at run time,
samples from samples/) and states, as character ranges of the decoded input and names
only, what a careful editor would file where: the headline, kicker and standfirst; the
paragraphs that must stay in the body ("no article sentence lost"); the lines that must
leave it (page furniture, bylines, credits, captions); photo captions and credits;
subheadings; and the names of authors, credited sources and the publisher. See
tests/gold/structure/README.md.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from newsgraph import api
from newsgraph.extract import clean, structure
from newsgraph.extract.options import ExtractOptions
from newsgraph.lexicon.outlets import same_outlet
from newsgraph.model import Article, normalise_name

GOLD = Path(__file__).resolve().parent / "gold" / "structure"


@dataclass(frozen=True)
class Case:
    name: str
    input: Path
    gold: dict

    @property
    def available(self) -> bool:
        return self.input.is_file() and hashlib.sha256(self.input.read_bytes()).hexdigest() == self.gold["sha256"]


def cases(gold_dir: Path, input_dir: Path) -> Iterator[Case]:
    for path in sorted(gold_dir.glob("*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        yield Case(path.stem, input_dir / gold["file"], gold)


def structure_passes(article: Article, options: ExtractOptions = ExtractOptions()) -> Article:
    """The clean and structure passes alone (the later passes have their own tests)."""
    return structure.run(clean.run(article, options), options)


def extract(case: Case) -> Article:
    [article] = api.read(case.input)
    return structure_passes(article)


def score(article: Article, text: str, gold: dict) -> Counter[str]:
    """Counts per metric: '<m>.hit' and '<m>.n' for accuracies, '<m>.tp/.pred/.gold' for sets."""
    c: Counter[str] = Counter()
    body = [(p.offset, p.offset + len(p.text), p) for p in article.body if p.offset is not None]

    def kept(s: int, e: int) -> bool:
        return any(ps <= s and e <= pe and p.text[s - ps : e - ps] == text[s:e] for ps, pe, p in body)

    def gone(s: int, e: int) -> bool:
        return not any(ps < e and s < pe for ps, pe, _ in body)

    def acc(metric: str, ok: bool) -> None:
        c[f"{metric}.n"] += 1
        c[f"{metric}.hit"] += int(ok)

    def span_text(r: list[int] | None) -> str | None:
        return None if r is None else text[r[0] : r[1]]

    for s, e in gold["body"]:
        acc("body_kept", kept(s, e))
    for s, e in gold["furniture"]:
        acc("furniture_gone", gone(s, e))
    for field in ("headline", "kicker", "subheadline"):
        acc(field, getattr(article, field) == span_text(gold[field]))
    for field in ("dateline", "published"):
        if field in gold:
            acc(field, getattr(article, field) == gold[field])
    names = {a.id: a for a in article.actors}
    if "publisher" in gold:
        pub = names[article.publisher].name if article.publisher else None
        acc(
            "publisher",
            (pub is None and gold["publisher"] is None)
            or (pub is not None and gold["publisher"] is not None and same_outlet(pub, gold["publisher"])),
        )
    acc("topics", [t.label.casefold() for t in article.topics] == [t.casefold() for t in gold["topics"]])

    def sets(metric: str, predicted: list[str], expected: list[str], same) -> None:
        c[f"{metric}.pred"] += len(predicted)
        c[f"{metric}.gold"] += len(expected)
        c[f"{metric}.tp"] += sum(any(same(p, g) for p in predicted) for g in expected)

    sets(
        "authors",
        [names[a].name for a in article.authors],
        gold["authors"],
        lambda a, b: normalise_name(a) == normalise_name(b),
    )
    sets("sources", [names[s].name for s in article.sources], gold["sources"], same_outlet)
    for m in gold["media"]:
        cap, cred = span_text(m["caption"]), span_text(m["credit"])
        acc("media", any(x.caption == cap and x.credit == cred for x in article.media))
    c["media_extra"] += max(0, len(article.media) - len(gold["media"]))
    subheads = [(p.offset, p.offset + len(p.text)) for _, _, p in body if p.role == "subheading"]
    sets(
        "subheadings",
        [f"{s}:{e}" for s, e in subheads],
        [f"{s}:{e}" for s, e in gold["subheadings"]],
        lambda a, b: a == b,
    )
    return c


def summary(counts: Counter[str]) -> dict[str, float]:
    """Accuracies and F1 scores from summed counts (1.0 where there was nothing to find)."""
    result: dict[str, float] = {}
    for key in sorted(counts):
        metric, _, kind = key.rpartition(".")
        if kind == "n":
            result[metric] = counts[f"{metric}.hit"] / counts[key] if counts[key] else 1.0
        elif kind == "gold":
            tp, pred, gold = counts[f"{metric}.tp"], counts[f"{metric}.pred"], counts[key]
            p = tp / pred if pred else 1.0
            r = tp / gold if gold else 1.0
            result[f"{metric}_f1"] = 2 * p * r / (p + r) if p + r else 0.0
    return result
