#!/usr/bin/env python3
"""Count the error classes of quote predictions against PolNeAR gold.

    python bench/quote_errors.py GOLD.jsonl PRED.jsonl [--list CLASS] [--limit N]

PRED is what ``bench/quotes_eval.py`` writes. Predictions and gold quotes are paired as
``../shared/eval-data/score_quotes.py`` pairs them (>= 50% of the shorter span shared,
best overlap first), and every gold quote missed, every pair with the wrong speaker and
every prediction that matches nothing is put in one class (the table in docs/quotes.md,
"Where dev still goes wrong"). ``--list CLASS`` prints the cases of a class (a prefix
such as ``wrong`` works), to read them one by one.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quotes_eval import SCORER  # noqa: E402  # after sys.path takes bench/

PRONOUNS = frozenset("i we you he she it they me us him her them who which that this these those his its their".split())
CUE_WORDS = frozenset("said says say told tells added asked wrote according to noted".split())
SHORT_WORDS = 4  # a quoted stretch of this many words or fewer reads as a scare quote or a title
MERGED = 2.0  # a prediction this many times longer than the gold quote it overlaps merged it


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("score_quotes", SCORER)
    if spec is None or spec.loader is None:
        raise SystemExit(f"scorer not found at {SCORER}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


sq = _scorer()


def _words(s: str | None) -> list[str]:
    return re.findall(r"[\w'’-]+", (s or "").lower())


def _is_pronoun(s: str | None) -> bool:
    words = _words(s)
    return len(words) == 1 and words[0] in PRONOUNS


def pairs_as_scored(golds: list[Any], preds: list[Any]) -> tuple[dict[int, int], set[int]]:
    """Gold index -> prediction index as the scorer pairs them; predictions that were
    candidates of some gold quote (a split or duplicate piece when left unpaired)."""
    cands = []
    for pi, p in enumerate(preds):
        for gi, (_a, frags) in enumerate(golds):
            ov = sum(sq.overlap(p[0], p[1], s, e) for s, e in frags)
            if ov:
                ratio = ov / min(p[1] - p[0], sum(e - s for s, e in frags))
                if ratio >= sq.MIN_OVERLAP:
                    cands.append((-ratio, -ov, pi, gi))
    cands.sort()
    used_p: set[int] = set()
    pairs: dict[int, int] = {}
    for _r, _o, pi, gi in cands:
        if pi not in used_p and gi not in pairs:
            used_p.add(pi)
            pairs[gi] = pi
    return pairs, {c[2] for c in cands}


def _wrong_class(text: str, gold: dict[str, Any], pred: Any) -> str:
    src = [(int(x), int(y)) for x, y in gold.get("source") or []]
    source_text = gold.get("source_text") or ""
    said = text[pred[2] : pred[3]] if pred[2] is not None else None
    if not src:
        return "wrong: gold has no source, we name one"
    if set(_words(source_text)) <= CUE_WORDS:
        return "wrong: gold noise (the cue word annotated as source)"
    if said is None:
        return "wrong: no speaker found"
    if _is_pronoun(said) and not _is_pronoun(source_text):
        return "wrong: our pronoun, gold names the antecedent"
    if _is_pronoun(source_text) and not _is_pronoun(said):
        return "wrong: our name, gold annotates the pronoun"
    if sq.name_tokens(said) & sq.name_tokens(source_text):
        return "wrong: same name, another mention"
    return "wrong: another speaker"


def _missed_class(text: str, gold: dict[str, Any], frags: list[Any], preds: list[Any]) -> str:
    content = gold["content_text"].strip()
    shape = "whole" if content[:1] in sq.OPENERS + "\"”’'" and content[-1:] in "\"'”’" else "mixed"
    if frags[0][0] < max(text.find("\n"), 0):
        return "missed: headline"
    glen = sum(e - s for s, e in frags)
    over = [p for p in preds if any(sq.overlap(p[0], p[1], s, e) for s, e in frags)]
    if any(p[1] - p[0] >= MERGED * glen for p in over):
        return "missed: merged into a longer prediction"
    if over:
        return "missed: cut into pieces or too short"
    return f"missed: nothing found ({shape})"


def _fp_class(text: str, pred: Any, split: bool, indirect: list[Any]) -> str:
    if split:
        return "FP: a split or duplicate piece of a matched quote"
    head = pred[0] < max(text.find("\n"), 0)
    short = len(_words(text[pred[0] : pred[1]])) <= SHORT_WORDS
    where = "headline" if head else "short (scare quote, name, title)" if short else "sentence"
    if any(sum(sq.overlap(pred[0], pred[1], s, e) for s, e in fr) for fr in indirect):
        return f"FP: inside an indirect gold attribution, {where}"
    return f"FP: nothing in gold, {where}"


def attributed(gold: dict[str, Any], pred: Any) -> bool:
    """The scorer's test of a matched pair's speaker."""
    src = [(int(x), int(y)) for x, y in gold.get("source") or []]
    if not src:
        return pred[2] is None and not (pred[4] and pred[4].strip())
    if pred[2] is not None:
        return any(sq.overlap(pred[2], pred[3], x, y) for x, y in src)
    return bool(sq.name_tokens(pred[4]) & sq.name_tokens(gold.get("source_text", "")))


def classify(doc: dict[str, Any], quotes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(class, what) for every error of one article."""
    text = doc["text"]
    golds = [(a, sq.content_frags(a)) for a in doc["attributions"] if a.get("direct")]
    indirect = [sq.content_frags(a) for a in doc["attributions"] if not a.get("direct")]
    preds = [
        (q["start"], q["end"], q.get("speaker_start"), q.get("speaker_end"), q.get("speaker_name")) for q in quotes
    ]
    pairs, candidates = pairs_as_scored(golds, preds)
    out = []
    for gi, (a, frags) in enumerate(golds):
        what = f"{a['content_text'][:160]!r} | gold source {a.get('source_text')!r} cue {a.get('cue_text')!r}"
        if gi not in pairs:
            over = [text[p[0] : p[1]] for p in preds if any(sq.overlap(p[0], p[1], s, e) for s, e in frags)]
            out.append((_missed_class(text, a, frags, preds), f"{what} | ours {[o[:200] for o in over]!r}"))
            continue
        p = preds[pairs[gi]]
        if not attributed(a, p):
            said = text[p[2] : p[3]] if p[2] is not None else None
            out.append((_wrong_class(text, a, p), f"{what} | ours {said!r}"))
    paired = set(pairs.values())
    for pi, p in enumerate(preds):
        if pi not in paired:
            said = text[p[2] : p[3]] if p[2] is not None else None
            out.append((_fp_class(text, p, pi in candidates, indirect), f"{text[p[0] : p[1]][:160]!r} | ours {said!r}"))
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path)
    ap.add_argument("pred", type=Path)
    ap.add_argument("--list", dest="listed", help="print the cases of the classes starting with this")
    args = ap.parse_args(argv)
    gold = sq.load_gold(str(args.gold))
    preds = sq.load_pred(str(args.pred), gold, Counter())
    counts: Counter[str] = Counter()
    for did, doc in gold.items():
        if did not in preds:
            continue  # an article the run did not reach (--limit)
        for cls, what in classify(doc, preds[did]):
            counts[cls] += 1
            if args.listed is not None and cls.startswith(args.listed):
                print(json.dumps([cls, did, what], ensure_ascii=False), flush=True)
    for cls, n in sorted(counts.items()):
        print(f"{n:6d}  {cls}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
