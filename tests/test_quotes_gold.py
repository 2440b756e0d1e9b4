"""Quality gates for the quotes pass.

* Our own gold for the seeds (../shared/seeds, read at test time) and the samples
  (tests/gold/quotes/*.json: offsets and names only): every direct quote found and
  attributed to the right actor, no direct quote found that the gold does not have,
  partial quotes, relaying outlets and addressees above a floor, titles never quotes.
* PolNeAR dev (../shared/eval-data), scored by its own scorer exactly as
  bench/quotes_eval.py does: floors a little under the scores of this version, so
  that a regression fails CI.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from conftest import ROOT, SAMPLES, SEEDS, SHARED
from newsgraph import api
from newsgraph.model import Article, Quote
from newsgraph.readers.base import ReadOptions

GOLD = Path(__file__).resolve().parent / "gold" / "quotes"
POLNEAR_DEV = SHARED / "eval-data" / "polnear" / "dev.jsonl"
SCORER = SHARED / "eval-data" / "score_quotes.py"

# Floors on PolNeAR dev (strict scoring). This version (headline quotes, the speaker
# ranker, the third round of train-mined rules, the quote-span classifier, the fourth
# round on speakers, the fifth rounds on precision (the bench writes only quotes PolNeAR
# can count as direct), on speakers and on mixed quotes, the sixth and seventh rounds)
# scores quote F1 0.956, attribution accuracy 0.954, end-to-end F1 0.911 (the issue's
# target is 0.90), and quotes that mix quoted and reported words 0.854 end to end (257 of
# 301; the target, 0.85, is the floor); see docs/quotes.md.
FLOOR_QUOTE_F1 = 0.954
FLOOR_ATTRIBUTION = 0.951
FLOOR_E2E_F1 = 0.910
# Quotes that mix quoted and reported words, found and attributed end to end (issue 18).
FLOOR_MIXED_RECALL = 0.85
_QUOTE_MARKS = "\"'\u201c\u201d\u2018\u2019"


def _extract(path: Path) -> tuple[Article, str]:
    data = path.read_bytes()
    [article] = api.read(data, format="text", options=ReadOptions(source=path.name))
    return api.extract(article), data.decode("utf-8")


def _input_spans(article: Article, q: Quote, text: str) -> list[tuple[int, int]]:
    out = []
    for s in q.spans:
        # a span in the headline or subheadline: where that line is in the input
        base = article.body[s.paragraph].offset if s.in_body else text.find(article.part_text(s) or "\0")
        assert base is not None and base >= 0
        out.append((base + s.start, base + s.end))
    return out


def _name(article: Article, actor_id: str | None) -> str | None:
    actor = article.actor(actor_id) if actor_id else None
    return actor.name if actor else None


def _check(article: Article, gold: dict, label: str, text: str) -> Counter:
    counts: Counter = Counter()
    problems: list[str] = []
    found = [(q, _input_spans(article, q, text)) for q in article.quotes if q.kind != "indirect"]
    matched: set[str] = set()
    for g in gold["quotes"]:
        hit = next(((q, sp) for q, sp in found if any(s < g["end"] and g["start"] < e for s, e in sp)), None)
        counts[f"{g['kind']}_gold"] += 1
        if hit is None:
            problems.append(f"{label}: missed {g['kind']} quote at {g['start']}")
            continue
        q, sp = hit
        matched.add(q.id)
        counts[f"{g['kind']}_found"] += 1
        if _name(article, q.speaker) == g["speaker"]:
            counts[f"{g['kind']}_speaker"] += 1
        else:
            problems.append(
                f"{label}: quote at {g['start']} said by {_name(article, q.speaker)!r}, not {g['speaker']!r}"
            )
        if "spans" in g:
            counts["spans_gold"] += 1
            counts["spans_ok"] += len(sp) == g["spans"]
        for field in ("via", "addressee"):
            if field in g:
                counts[f"{field}_gold"] += 1
                counts[f"{field}_ok"] += _name(article, getattr(q, field)) == g[field]
    for q, sp in found:
        if q.kind == "direct" and q.id not in matched:
            counts["direct_spurious"] += 1
            problems.append(f"{label}: direct quote at {sp[0][0]} is not in the gold")
    for s, e in gold.get("not_quotes", []):
        if any(qs < e and s < qe for _q, sp in found for qs, qe in sp):
            counts["not_quote_found"] += 1
            problems.append(f"{label}: {s}-{e} is a title, not a quote")
    counts["problems"] = len(problems)
    if problems:
        print("\n".join(problems))
    return counts


def _gate(counts: Counter) -> None:
    # Every direct quote found, attributed right, none invented; titles never quotes.
    assert counts["direct_found"] == counts["direct_gold"]
    assert counts["direct_speaker"] == counts["direct_gold"]
    assert counts["direct_spurious"] == 0
    assert counts["not_quote_found"] == 0
    # Partial quotes, several-span quotes, outlets and addressees: floors.
    assert counts["partial_found"] >= 0.9 * counts["partial_gold"]
    assert counts["partial_speaker"] >= 0.85 * counts["partial_gold"]
    assert counts["spans_ok"] == counts["spans_gold"]
    assert counts["via_ok"] == counts["via_gold"]
    assert counts["addressee_ok"] == counts["addressee_gold"]


def _gold(name: str) -> dict:
    data = json.loads((GOLD / name).read_text(encoding="utf-8"))
    return {k: v for k, v in data.items() if not k.startswith("_")}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds is not next to this checkout")
def test_seed_quotes_meet_the_gold() -> None:
    total: Counter = Counter()
    for file, gold in _gold("seeds.json").items():
        path = SEEDS / file
        if not path.exists() or hashlib.sha256(path.read_bytes()).hexdigest() != gold["sha256"]:
            pytest.skip(f"seed {file} is missing or changed: its gold offsets no longer apply")
        article, text = _extract(path)
        total.update(_check(article, gold, file, text))
    assert total["direct_gold"] >= 20
    _gate(total)


def test_sample_quotes_meet_the_gold() -> None:
    total: Counter = Counter()
    for file, gold in _gold("samples.json").items():
        digest = hashlib.sha256((SAMPLES / file).read_bytes()).hexdigest()
        assert digest == gold["sha256"], f"samples/{file} changed: update its offsets in tests/gold/quotes/samples.json"
        article, text = _extract(SAMPLES / file)
        total.update(_check(article, gold, file, text))
    assert total["direct_gold"] >= 10
    _gate(total)


def _load_module(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.skipif(
    not (POLNEAR_DEV.exists() and SCORER.exists()),
    reason="../shared/eval-data (PolNeAR dev and its scorer) is not next to this checkout",
)
def test_polnear_dev_scores_hold_their_floor(tmp_path: Path) -> None:
    bench = _load_module(ROOT / "bench" / "quotes_eval.py", "quotes_eval")
    scorer = _load_module(SCORER, "score_quotes")
    gold_docs = scorer.load_gold(str(POLNEAR_DEV))
    pred = tmp_path / "pred.jsonl"
    assert bench.main([str(POLNEAR_DEV), str(pred)]) == 0
    warn: Counter = Counter()
    preds = scorer.load_pred(str(pred), gold_docs, warn)
    total: Counter = Counter()
    for did, doc in gold_docs.items():
        scorer.score_doc(doc, preds.get(did, []), warn, total)
    result = scorer.summarize(total)
    assert not warn, dict(warn)
    print({k: round(v, 4) for k, v in result.items() if isinstance(v, float)})
    assert result["quote_f1"] >= FLOOR_QUOTE_F1
    assert result["attribution_acc"] >= FLOOR_ATTRIBUTION
    assert result["e2e_f1"] >= FLOOR_E2E_F1
    sys.path.insert(0, str(ROOT / "bench"))  # quote_errors imports quotes_eval beside it
    errors = _load_module(ROOT / "bench" / "quote_errors.py", "quote_errors")
    mixed_right, mixed = _mixed_recall(errors, gold_docs, preds)
    assert mixed_right >= FLOOR_MIXED_RECALL * mixed, (mixed_right, mixed)


def _mixed_recall(errors: Any, gold_docs: dict[str, Any], preds: dict[str, list[Any]]) -> tuple[int, int]:
    """Gold direct quotes that mix quoted and reported words (their content does not both
    open and close with a quote mark): how many are found and attributed as the scorer
    scores them, and how many there are."""
    right = total = 0
    for did, doc in gold_docs.items():
        golds = [(a, errors.sq.content_frags(a)) for a in doc["attributions"] if a.get("direct")]
        ps = [
            (q["start"], q["end"], q.get("speaker_start"), q.get("speaker_end"), q.get("speaker_name"))
            for q in preds.get(did, [])
        ]
        pairs, _ = errors.pairs_as_scored(golds, ps)
        for gi, (a, _frags) in enumerate(golds):
            content = a["content_text"].strip()
            if content[:1] in _QUOTE_MARKS and content[-1:] in _QUOTE_MARKS:
                continue
            total += 1
            right += gi in pairs and errors.attributed(a, ps[pairs[gi]])
    return right, total
