#!/usr/bin/env python3
"""Train the quote-span classifier (``newsgraph.extract.quotes.fragments``) on PolNeAR train.

    python bench/train_fragments.py [TRAIN.jsonl] [--limit N] [--out FILE] [--dev DEV.jsonl]

Each article goes through the extraction stages before quotes, then the quote rules
(without the classifier); every quoted stretch of the body — those the rules keep in a
quote and those they drop as scare quotes, titles or unattributed — is a candidate,
described by ``fragments.FEATURES`` and labelled from the gold: a stretch is quoted
speech when it overlaps a gold direct quote's content by PolNeAR's scorer's rule (the
shared characters are at least half of the shorter of the two). A logistic regression
(L2; Newton's method: deterministic, no sampling) is fitted on the classifier's
candidates (``fragments.candidate``: dropped by the rules, with a speaker), each labelled
right when it is the quote of the speaker the added quote would have
(``fragments.speaker``: the clause's, or the ranker's choice), and written as
``lexicon/data/fragment_classifier.json``.

The candidates of each file are cached in /tmp (``--cache-dir``), keyed by the file, the
limit and the feature names, so that a second run only fits. ``--dev`` reports, for a
grid of thresholds, what the classifier would change on dev where it departs from the
rules: thresholds are chosen there, never on anything else.
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
from newsgraph.extract.quotes import fragments  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.quotes.attribution import attribute, build_para  # noqa: E402  # after sys.path
from newsgraph.extract.quotes.marks import scan  # noqa: E402  # after sys.path takes the checkout's src/

OUT = DATA / "fragment_classifier.json"
L2 = 1.0  # the penalty on the weights
ITERATIONS = 50

Row = dict[str, Any]  # {"x": [...], "y": 0/1, "info": {...}}


def _match(gold: list[dict[str, Any]], start: int, end: int) -> int | None:
    """The index of the gold direct quote a stretch matches by the scorer's rule."""
    best, best_ratio = None, MIN_OVERLAP
    for k, a in enumerate(gold):
        frags = a.get("content_spans") or [a["content"]]
        shared = sum(max(0, min(end, e) - max(start, s)) for s, e in frags)
        ratio = shared / max(1, min(sum(e - s for s, e in frags), end - start))
        if ratio >= best_ratio:
            best, best_ratio = k, ratio
    return best


def _speaker_ok(gold: dict[str, Any], span: tuple[int, int] | None) -> bool:
    source = gold.get("source") or []
    if not source:
        return span is None
    return span is not None and any(min(span[1], e) > max(span[0], s) for s, e in source)


def _rows(doc: dict[str, Any]) -> list[Row]:
    """The labelled stretches of one article."""
    article = prepared(doc["text"], str(doc["id"]))
    texts = [p.text for p in article.body]
    docs = story.docs(article)
    paras = [build_para(i, t, d, r) for i, (t, d, r) in enumerate(zip(texts, docs, scan(texts)))]
    gold = [a for a in doc["attributions"] if a.get("direct")]
    base = [p.offset for p in article.body]
    atts = attribute(paras)
    taken = set()  # gold quotes a quote of the rules already matches
    for att in atts:
        first, last = att.regions[0] if att.regions else None, att.regions[-1] if att.regions else None
        if first is not None and last is not None and None not in (base[first.paragraph], base[last.paragraph]):
            taken.add(_match(gold, base[first.paragraph] + first.start, base[last.paragraph] + last.end))  # type: ignore[operator]  # None excluded
    out = []
    for frag in fragments.fragments(paras, atts):
        b = base[frag.para.index]
        if b is None:
            continue
        k = _match(gold, b + frag.region.start, b + frag.region.end)
        mention = fragments.speaker(frag)  # None unless the classifier decides on the stretch
        speaker = None
        if mention is not None and base[mention[0]] is not None:
            speaker = (base[mention[0]] + mention[1], base[mention[0]] + mention[2])  # type: ignore[operator]  # checked
        info = {
            "dropped": frag.att is None,
            "has_speaker": speaker is not None,
            "speaker_ok": k is not None and _speaker_ok(gold[k], speaker),
            "taken": k in taken,
        }
        x = [frag.features.get(n, 0.0) for n in fragments.FEATURES]
        out.append({"x": x, "y": int(k is not None), "info": info})
    nlp.forget()
    return out


def collect(path: Path, limit: int | None, cache_dir: Path | None) -> list[Row]:
    """The labelled stretches of a file (from the cache when it is there)."""
    # v4: fragments.candidate no longer takes a short phrase in a copula of its own subject
    return cached(path, limit, cache_dir, "fragment-candidates", f"{fragments.FEATURES}|v4", _rows)


def learned(rows: list[Row]) -> list[Row]:
    """What the classifier decides on: its candidates (dropped by the rules, with a
    speaker). Each is right when it is that speaker's quote: it matches a gold direct quote
    that no quote of the rules matches, and the gold source overlaps the speaker."""
    return [
        {"x": r["x"], "y": int(r["y"] and r["info"]["speaker_ok"] and not r["info"]["taken"])}
        for r in rows
        if r["info"]["dropped"] and r["info"]["has_speaker"]
    ]


def fit(rows: list[Row], l2: float = L2) -> np.ndarray:
    """Logistic regression by damped Newton steps (the bias is penalised like the rest:
    with few rows it keeps the weights small and the fit unique)."""
    if not rows:
        raise SystemExit("no dropped stretch with a speaker to learn from: give more articles")
    x = np.asarray([r["x"] for r in rows], dtype=float)
    y = np.asarray([r["y"] for r in rows], dtype=float)
    w = np.zeros(x.shape[1])

    def loss(v: np.ndarray) -> float:
        z = x @ v
        return float(np.sum(np.logaddexp(0.0, z) - y * z) + 0.5 * l2 * v @ v)

    current = loss(w)
    for _ in range(ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + l2 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + l2 * np.eye(len(w))
        step = np.linalg.solve(hess, grad)
        for _halving in range(30):
            trial = loss(w - step)
            if trial <= current:
                break
            step = step / 2
        else:
            break
        w, gain, current = w - step, current - trial, trial
        if gain < 1e-7:
            break
    return w


def _p(row: Row, w: np.ndarray) -> float:
    return float(1.0 / (1.0 + np.exp(-(np.asarray(row["x"]) @ w))))


def departures(rows: list[Row], w: np.ndarray, add: float) -> dict[str, int]:
    """What the classifier would add at this threshold: stretches that match a gold quote
    no rule matched, with the right speaker (``right``) or the wrong one
    (``wrong_speaker``); a gold quote already matched (``dup``); none (``invented``)."""
    out = dict.fromkeys(("right", "wrong_speaker", "dup", "invented"), 0)
    for r in rows:
        info = r["info"]
        if not (info["dropped"] and info["has_speaker"] and _p(r, w) >= add):
            continue
        if not r["y"]:
            out["invented"] += 1
        elif info["taken"]:
            out["dup"] += 1
        else:
            out["right" if info["speaker_ok"] else "wrong_speaker"] += 1
    return out


def write(w: np.ndarray, n_rows: int, n_quotes: int, out: Path) -> None:
    write_weights(
        out,
        "Quote-span classifier weights (newsgraph.extract.quotes.fragments), made by "
        "bench/train_fragments.py from PolNeAR train; features documented in docs/quotes.md.",
        f"PolNeAR train, {n_rows} dropped stretches with a speaker ({n_quotes} that speaker's quote)",
        L2,
        fragments.FEATURES,
        w,
    )


def main(argv: list[str] | None = None) -> int:
    args = arguments(__doc__, OUT, "classifier").parse_args(argv)
    cache = None if args.no_cache else args.cache_dir
    rows = collect(args.train, args.limit, cache)
    learn = learned(rows)
    w = fit(learn)
    n_right = sum(r["y"] for r in learn)
    write(w, len(learn), n_right, args.out)
    dropped = sum(r["info"]["dropped"] for r in rows)
    print(f"{len(rows)} quoted stretches, {dropped} dropped by the rules, {len(learn)} of them with a speaker")
    print(f"({n_right} that speaker's quote); weights in {args.out}")
    if args.dev:
        dev = collect(args.dev, None, cache)
        for add in (0.3, 0.4, 0.5, 0.6, 0.7):
            print(f"dev  add>={add}: {departures(dev, w, add)}")
        print(f"dev at the module's threshold: {departures(dev, w, fragments.ADD_PROBABILITY)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
