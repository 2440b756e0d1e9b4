#!/usr/bin/env python3
"""Train the speaker ranker (``newsgraph.extract.quotes.ranker``) on PolNeAR train.

    python bench/train_speakers.py [TRAIN.jsonl] [--limit N] [--out FILE] [--dev DEV.jsonl]

Each article goes through the extraction stages before quotes, then the quote rules; for
every quote they find with quoted words, the ranker's candidates are made and labelled
from the gold: a candidate is right when its span overlaps a source fragment of the gold
direct quote the quote matches (PolNeAR's scorer's rule: the shared characters are at
least half of the shorter of the two). Quotes with no right candidate teach nothing and
are left out. A conditional logistic regression (a softmax over each quote's candidates;
L2; Newton's method: deterministic, no sampling) is fitted on them and written as ``lexicon/data/speaker_ranker.json``.

The candidates of each file are cached in /tmp (``--cache-dir``), keyed by the file, the
limit and the feature names, so that a second run only fits. ``--dev`` reports, for a
few thresholds, how many dev quotes the ranker would set right and wrong where it departs
from the rules: thresholds are chosen there, never on anything else.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Iterator

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import api  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract import nlp, pipeline, story  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.options import ExtractOptions  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.quotes import ranker  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.quotes.attribution import attribute, build_para  # noqa: E402  # after sys.path
from newsgraph.extract.quotes.marks import scan  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.model import Article  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/

SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else ROOT.parent.parent / "shared"
TRAIN = SHARED / "eval-data" / "polnear" / "train.jsonl"
OUT = ROOT / "src" / "newsgraph" / "lexicon" / "data" / "speaker_ranker.json"
L2 = 3.0  # the penalty on the weights (chosen on dev)
ITERATIONS = 60
MIN_OVERLAP = 0.5  # as the scorer matches quotes
AGENTIVE = ranker.FEATURES.index("agentive")  # only a mention that can speak replaces the rules' choice
BEFORE_QUOTES = tuple(s for s in pipeline.STAGES[: [s.name for s in pipeline.STAGES].index("quotes")])

Group = dict[str, Any]  # {"features": [[...]], "labels": [...], "rule": index}; "nobody" comes last


def _articles(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(line for line in f if line.strip()):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def _prepared(text: str, name: str) -> Article:
    [article] = api.read(text.encode("utf-8"), format="text", options=ReadOptions(source=name))
    options = ExtractOptions()
    for stage in BEFORE_QUOTES:
        article = stage.run(article, options)
    return article


def _gold_match(gold: list[dict[str, Any]], start: int, end: int) -> dict[str, Any] | None:
    best, best_ratio = None, MIN_OVERLAP
    for a in gold:
        frags = a.get("content_spans") or [a["content"]]
        shared = sum(max(0, min(end, e) - max(start, s)) for s, e in frags)
        length = sum(e - s for s, e in frags)
        ratio = shared / max(1, min(length, end - start))
        if ratio >= best_ratio:
            best, best_ratio = a, ratio
    return best


def _right(source: list[list[int]], start: int, end: int) -> bool:
    return any(min(end, e) > max(start, s) for s, e in source)


def _groups(doc: dict[str, Any]) -> list[Group]:
    """The labelled candidates of one article's quotes."""
    article = _prepared(doc["text"], str(doc["id"]))
    texts = [p.text for p in article.body]
    docs = story.docs(article)
    paras = [build_para(i, t, d, r) for i, (t, d, r) in enumerate(zip(texts, docs, scan(texts)))]
    gold = [a for a in doc["attributions"] if a.get("direct")]
    ctx = ranker.Context(paras)
    out = []
    for att in attribute(paras):
        offsets = [article.body[r.paragraph].offset for r in att.regions]
        if not ranker.ranked(att) or None in offsets:
            continue
        first, last = att.regions[0], att.regions[-1]
        match = _gold_match(gold, offsets[0] + first.start, offsets[-1] + last.end)  # type: ignore[operator]  # None excluded above
        if match is None:
            continue
        cands = ranker.candidates(paras, att, ctx)
        base = [article.body[c.paragraph].offset or 0 for c in cands]
        labels = [int(_right(match["source"], b + c.start, b + c.end)) for b, c in zip(base, cands)]
        labels[-1] = int(not any(e > s for s, e in match["source"]))  # the "nobody" candidate
        rows = [[c.features.get(n, 0.0) for n in ranker.FEATURES] for c in cands]
        # the rules' choice: its candidate, or "nobody" when they found no speaker
        rule = next((i for i, c in enumerate(cands) if c.features.get("rule_choice")), len(cands) - 1)
        out.append({"features": rows, "labels": labels, "rule": rule, "kept": ranker.kept_by_rules(att)})
    nlp.forget()
    return out


def collect(path: Path, limit: int | None, cache_dir: Path | None) -> list[Group]:
    """The labelled candidate groups of a file (from the cache when it is there)."""
    key = hashlib.sha256(
        f"{path.resolve()}|{limit}|{ranker.FEATURES}|{ranker.WINDOW}|{ranker.WINDOW_PREVIOUS}|all-subjects".encode()
    ).hexdigest()[:16]
    cache = cache_dir / f"speaker-candidates-{key}.json" if cache_dir else None
    if cache is not None and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    groups = [g for doc in _articles(path, limit) for g in _groups(doc)]
    if cache is not None:
        cache.write_text(json.dumps(groups), encoding="utf-8")
    return groups


def _pack(groups: list[Group]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every candidate's features and label, and the index of its quote."""
    x = np.vstack([np.asarray(g["features"], dtype=float).reshape(-1, len(ranker.FEATURES)) for g in groups])
    y = np.concatenate([np.asarray(g["labels"], dtype=float) for g in groups])
    group = np.concatenate([np.full(len(g["labels"]), i) for i, g in enumerate(groups)])
    return x, y, group


def _group_max(z: np.ndarray, group: np.ndarray, n: int) -> np.ndarray:
    top = np.full(n, -np.inf)
    np.maximum.at(top, group, z)
    return top


def _objective(w: np.ndarray, x: np.ndarray, y: np.ndarray, group: np.ndarray, n: int, l2: float) -> float:
    """Minus the log-likelihood that each quote's right candidates are chosen, plus the L2 penalty."""
    z = x @ w
    top = _group_max(z, group, n)
    e = np.exp(z - top[group])
    log_all = np.log(np.bincount(group, e, n))
    log_right = np.log(np.bincount(group, e * y, n) + 1e-300)
    return float(np.sum(log_all - log_right) + 0.5 * l2 * w @ w)


def fit(groups: list[Group], l2: float = L2) -> np.ndarray:
    """Conditional logistic regression: a softmax over each quote's candidates, fitted by
    damped Newton steps to the likelihood that the right ones (any of them) are chosen."""
    learn = [g for g in groups if any(g["labels"])]
    if not learn:
        raise SystemExit("no quote with a right candidate to learn from: give more articles")
    x, y, group = _pack(learn)
    n, d = len(learn), x.shape[1]
    w = np.zeros(d)
    loss = _objective(w, x, y, group, n, l2)
    for _ in range(ITERATIONS):
        z = x @ w
        e = np.exp(z - _group_max(z, group, n)[group])
        p = e / np.bincount(group, e, n)[group]
        q = e * y / np.bincount(group, e * y, n)[group]  # the model's belief among the right ones
        grad = x.T @ (p - q) + l2 * w
        mean = np.zeros((n, d))
        np.add.at(mean, group, x * p[:, None])
        hess = (x * p[:, None]).T @ x - mean.T @ mean + l2 * np.eye(d)
        step = np.linalg.solve(hess, grad)
        for _halving in range(30):  # halve the step until the loss goes down
            trial = _objective(w - step, x, y, group, n, l2)
            if trial <= loss:
                break
            step = step / 2
        else:
            break
        w, gain, loss = w - step, loss - trial, trial
        if gain < 1e-6:
            break
    return w


def _probabilities(g: Group, w: np.ndarray) -> np.ndarray:
    z = np.asarray(g["features"], dtype=float).reshape(len(g["features"]), len(w)) @ w
    e = np.exp(z - z.max())
    return e / e.sum()


def departures(groups: list[Group], w: np.ndarray, min_p: float, margin: float) -> tuple[int, int]:
    """Quotes the ranker sets right and sets wrong where it departs from the rules."""
    fixed = broken = 0
    for g in groups:
        if not g["features"] or g["kept"]:
            continue
        probs = _probabilities(g, w)
        rule, nobody = g["rule"], len(probs) - 1
        best = int(np.argmax(probs))
        if best in (rule, nobody) or not g["features"][best][AGENTIVE] or probs[best] < min_p:
            continue
        if probs[best] - probs[rule] < margin:
            continue
        was, now = g["labels"][rule], g["labels"][best]
        fixed += int(now and not was)
        broken += int(was and not now)
    return fixed, broken


def write(w: np.ndarray, n_groups: int, out: Path) -> None:
    table = {
        "_about": "Speaker ranker weights (newsgraph.extract.quotes.ranker), made by bench/train_speakers.py "
        "from PolNeAR train; features documented in docs/quotes.md.",
        "trained_on": f"PolNeAR train, {n_groups} quotes with a right candidate",
        "l2": L2,
        "features": list(ranker.FEATURES),
        "weights": [round(float(v), 6) for v in w],
    }
    out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, nargs="?", default=TRAIN, help="PolNeAR train JSONL")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write the weights")
    ap.add_argument("--dev", type=Path, help="report the ranker's departures from the rules on this file")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp"), help="where candidates are cached")
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args(argv)
    cache = None if args.no_cache else args.cache_dir
    groups = collect(args.train, args.limit, cache)
    w = fit(groups)
    n = sum(1 for g in groups if any(g["labels"]))
    write(w, n, args.out)
    print(f"{len(groups)} quotes, {n} with a right candidate; weights in {args.out}")
    if args.dev:
        dev = collect(args.dev, None, cache)
        for min_p in (0.3, 0.4, 0.5, 0.6):
            for margin in (0.0, 0.1, 0.2, 0.3):
                fixed, broken = departures(dev, w, min_p, margin)
                print(f"dev  min_p={min_p} margin={margin}: +{fixed} -{broken}")
        fixed, broken = departures(dev, w, ranker.MIN_PROBABILITY, ranker.MARGIN)
        print(f"dev at the ranker's thresholds: {fixed} set right, {broken} set wrong")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
