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
limit, the feature names and the extraction code and word lists, so that a second run with
the same rules only fits. ``--dev`` reports, for a
few thresholds, how many dev quotes the ranker would set right and wrong where it departs
from the rules: thresholds are chosen there, never on anything else.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

from polnear_training import (  # noqa: E402  # after sys.path takes bench/
    DATA,
    MIN_OVERLAP,
    arguments,
    cached,
    prepared,
    write_weights,
)

from newsgraph.extract import nlp, story  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.quotes import ranker  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.quotes.attribution import attribute, build_para  # noqa: E402  # after sys.path
from newsgraph.extract.quotes.marks import scan  # noqa: E402  # after sys.path takes the checkout's src/

OUT = DATA / "speaker_ranker.json"
L2 = 3.0  # the penalty on the weights (chosen on dev)
ITERATIONS = 60
AGENTIVE = ranker.FEATURES.index("agentive")  # only a mention that can speak replaces the rules' choice

Group = dict[str, Any]  # {"features": [[...]], "labels": [...], "rule": index}; "nobody" comes last


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
    article = prepared(doc["text"], str(doc["id"]))
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
    version = f"{ranker.FEATURES}|{ranker.WINDOW}|{ranker.WINDOW_PREVIOUS}|all-subjects"
    return cached(path, limit, cache_dir, "speaker-candidates", version, _groups)


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
    write_weights(
        out,
        "Speaker ranker weights (newsgraph.extract.quotes.ranker), made by bench/train_speakers.py "
        "from PolNeAR train; features documented in docs/quotes.md.",
        f"PolNeAR train, {n_groups} quotes with a right candidate",
        L2,
        ranker.FEATURES,
        w,
    )


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, OUT, "ranker").parse_args(argv)
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
