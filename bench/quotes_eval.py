#!/usr/bin/env python3
"""Quote extraction over a JSONL of articles, in the prediction format of PolNeAR's scorer.

    python bench/quotes_eval.py GOLD.jsonl PRED.jsonl [--score] [--limit N] [--pieces]

GOLD.jsonl holds one article a line, ``{"id": ..., "text": ...}`` (other keys, such as
the gold attributions, are ignored). Each text goes through the whole newsgraph
pipeline as a user's file would — read as raw text, then every extraction pass — and
each quote is written back as offsets into that text (``Paragraph.offset`` maps a span
to the input; a span in the headline or subheadline, which the reader takes out of the
body, is found again in the input text):

    {"id": ..., "quotes": [{"start", "end", "speaker_start", "speaker_end",
                            "speaker_name", "kind", "cue", "confidence"}]}

Only quotes that hold quoted words (``direct`` and ``partial``) are written: the scorer
counts direct attributions only. PolNeAR's source of a nested attribution is the
outermost one ('"...," Walker said, according to an AP account' -> the AP), so for a
quote with a relay the relay's words (``via_mention``: an outlet, a transcript, a report;
on train the gold source in 29 of 31 quotes with an 'according to' after them) are written
as the speaker span (the Quote keeps Walker as speaker and the AP as via); ``--inner-source``
writes the speaker. ``--score`` runs ../shared/eval-data/score_quotes.py
on the result when it is there.

A quote broken by its attribution ('"A," he said, "B."') is one prediction from the start
of its first span to the end of its last, as PolNeAR annotates it. ``--pieces`` writes one
prediction per span instead, each with the quote's speaker and a ``"piece": [i, n]``
(its index and the number of pieces), for datasets that annotate pieces separately.

PolNeAR flags an attribution ``direct`` exactly when its content holds a double quote
mark (``"``, a curly one, or two apostrophes) or an opening curly single mark (train:
6,455 of 6,455 direct attributions, and 13,373 of the 13,377 others hold none; dev: 724
and 1,468 of 1,468). Words quoted in straight single marks only (a headline's *Obama
Sees 'Personal Insult' ...*: 32 of 32 on train, 8 of 8 on dev are not direct) and a
transcript line whose mark opens its paragraph before the speaker's label are never
direct there, so the bench does not write a quote whose stretch, with the marks around
it, holds no such mark; ``--all-marks`` writes them too. The Quote objects stay as they
are: a fragment in straight single marks is a partial quote for users.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import api  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.model import Article, Span  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/


def _shared() -> Path:
    """../shared next to the checkout (or next to the folder of worktrees)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


SCORER = _shared() / "eval-data" / "score_quotes.py"
SCORED_KINDS = ("direct", "partial")
OUTER_SOURCE = True
# The marks that make a PolNeAR attribution direct (see the module's docstring).
POLNEAR_DIRECT_MARK = re.compile("[\"\u201c\u201d\u2018]|''")
# A quote's spans leave out its marks: up to two characters ('') on either side.
MARK_REACH = 2


def _articles(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as f:
        n = 0
        for line in f:
            if line.strip():
                yield json.loads(line)
                n += 1
                if limit is not None and n >= limit:
                    return


def polnear_direct(text: str, start: int, end: int) -> bool:
    """Whether the input's stretch from ``start`` to ``end``, with the marks around it,
    holds a mark that makes a PolNeAR attribution direct."""
    return POLNEAR_DIRECT_MARK.search(text, max(0, start - MARK_REACH), end + MARK_REACH) is not None


def _base(article: Article, span: Span, text: str | None) -> int | None:
    """Where the text a span points into starts in the input: its paragraph's offset, or
    for the headline and subheadline where that line is found in the input text."""
    if span.part is None:
        return article.body[span.paragraph].offset
    line = article.part_text(span)
    if text is None or not line:
        return None
    at = text.find(line)
    return at if at >= 0 else None


def _via_mention(article: Article, q: Any) -> Any:
    """The mention of the relaying outlet nearest the quote (PolNeAR's outer source)."""
    actor = article.actor(q.via) if q.via else None
    if actor is None:
        return None
    paras = {s.paragraph for s in q.spans if s.part is None}
    near = [m for m in actor.mentions if m.paragraph in paras]
    return min(near, key=lambda m: abs(m.start - q.spans[0].start)) if near else None


def _speaker(article: Article, q: Any, outer_source: bool, text: str | None = None) -> dict[str, Any]:
    """The speaker span (as offsets into the input) and name written for a quote."""
    out: dict[str, Any] = {"speaker_start": None, "speaker_end": None, "speaker_name": None}
    m = q.speaker_mention
    if outer_source and q.via_mention is not None:
        m = q.via_mention  # PolNeAR's outer source: the relay, an outlet or not
    elif outer_source and q.via is not None:
        m = _via_mention(article, q) or m
    base = _base(article, m, text) if m is not None else None
    if m is not None and base is not None:
        out["speaker_start"], out["speaker_end"] = base + m.start, base + m.end
    if q.speaker is not None:
        actor = article.actor(q.speaker)
        out["speaker_name"] = actor.name if actor else None
    elif m is not None:
        out["speaker_name"] = article.span_text(m)
    return out


def predictions(
    article: Article,
    outer_source: bool = OUTER_SOURCE,
    pieces: bool = False,
    text: str | None = None,
    all_marks: bool = False,
) -> list[dict[str, Any]]:
    """The article's quotes as offsets into ``text``, the input it was read from (one per
    span with ``pieces``); quotes in the headline or subheadline need ``text``. Given
    ``text``, a quote without a mark PolNeAR counts as direct is left out unless
    ``all_marks``."""
    out = []
    for q in article.quotes:
        if q.kind not in SCORED_KINDS:
            continue
        offsets = [o for s in q.spans if (o := _base(article, s, text)) is not None]
        if len(offsets) < len(q.spans):
            continue
        starts = [o + s.start for o, s in zip(offsets, q.spans)]
        ends = [o + s.end for o, s in zip(offsets, q.spans)]
        if text is not None and not all_marks and not polnear_direct(text, starts[0], ends[-1]):
            continue
        ranges = list(zip(starts, ends)) if pieces else [(starts[0], ends[-1])]
        speaker = _speaker(article, q, outer_source, text)
        for i, (start, end) in enumerate(ranges):
            pred: dict[str, Any] = {
                "start": start,
                "end": end,
                **speaker,
                "kind": q.kind,
                "cue": q.cue,
                "confidence": q.confidence,
            }
            if pieces:
                pred["piece"] = [i, len(ranges)]
            out.append(pred)
    return out


def extract_text(text: str, name: str) -> Article:
    [article] = api.read(text.encode("utf-8"), format="text", options=ReadOptions(source=name))
    return api.extract(article)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, help="JSONL of {id, text}")
    ap.add_argument("pred", type=Path, help="where to write the predictions (JSONL)")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--score", action="store_true", help="run the PolNeAR scorer on the result")
    ap.add_argument(
        "--pieces",
        action="store_true",
        help="one prediction per quote piece (span), for datasets that annotate pieces apart",
    )
    ap.add_argument(
        "--inner-source",
        action="store_true",
        help="write the quote's speaker even when an outlet relayed it (PolNeAR annotates the outlet)",
    )
    ap.add_argument(
        "--all-marks",
        action="store_true",
        help="also write quotes without a mark PolNeAR counts as direct (straight single marks only)",
    )
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    n_articles = n_quotes = 0
    with args.pred.open("w", encoding="utf-8") as out:
        for doc in _articles(args.gold, args.limit):
            article = extract_text(doc["text"], str(doc["id"]))
            preds = predictions(
                article,
                outer_source=not args.inner_source,
                pieces=args.pieces,
                text=doc["text"],
                all_marks=args.all_marks,
            )
            out.write(json.dumps({"id": doc["id"], "quotes": preds}, ensure_ascii=False) + "\n")
            n_articles += 1
            n_quotes += len(preds)
    seconds = time.perf_counter() - t0
    print(f"{n_articles} articles, {n_quotes} quotes, {seconds:.1f} s", file=sys.stderr)
    if args.score:
        if not SCORER.exists():
            print(f"scorer not found at {SCORER}", file=sys.stderr)
            return 1
        gold = args.gold
        if args.limit is not None:
            gold = args.pred.with_suffix(".gold.jsonl")
            with gold.open("w", encoding="utf-8") as g:
                for doc in _articles(args.gold, args.limit):
                    g.write(json.dumps(doc, ensure_ascii=False) + "\n")
        return subprocess.call([sys.executable, str(SCORER), str(gold), str(args.pred)])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
