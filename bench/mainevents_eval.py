#!/usr/bin/env python3
"""Main events against hand-made gold: is the article's first event the one it reports?

    python bench/mainevents_eval.py [GOLD.json] [--texts DEV.jsonl] [--limit N] [--json OUT] [-v]

GOLD (default tests/gold/mainevents/polnear_dev.json) names, for each article id, the
event its headline and lead report: the kinds that name it, the days it may fall on, its
place and key participants (docs/events.md, "Main events"). The texts come from the
PolNeAR JSONL (default ../shared/eval-data/polnear/dev.jsonl). Each text goes through the
whole pipeline as a raw text file published on the day in its id, and the article's
*first* event (``Article.events[0]``) is its main event. Over the gold articles:

- kind recall: the main event's kind is one of the gold kinds;
- date: the main event's date covers one of the gold days (gold without days: any date);
- participants: every gold participant ('A|B' is either name) is among the main event's
  participants (by name, alias or a person's surname);
- full recall: kind, date and participants all right (the issue's ">= 0.80" target);
- place: the main event's place is the gold place, where gold gives one;
- unplaced (diagnostic): no place given where the gold gives none (the lead does not say
  one; a dateline may still place it);
- anywhere (diagnostic): some event of the article has a gold kind.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import api  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.model import Article, Event, normalise_name  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/

GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_dev.json"


def _shared() -> Path:
    """../shared next to the checkout (or next to the folder of worktrees)."""
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared").is_dir():
            return base / "shared"
    return ROOT.parent / "shared"


TEXTS = _shared() / "eval-data" / "polnear" / "dev.jsonl"
MEASURES = ("kind", "date", "participants", "full", "place", "unplaced", "anywhere")


@dataclass
class Result:
    """One article's main event against its gold."""

    id: str
    ok: dict[str, bool | None] = field(default_factory=dict)
    predicted: dict[str, Any] = field(default_factory=dict)


def _texts(path: Path) -> dict[str, str]:
    out = {}
    with path.open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                doc = json.loads(line)
                out[str(doc["id"])] = doc["text"]
    return out


def _actor_names(article: Article, ref: str) -> set[str]:
    actor = article.actor(ref)
    if actor is None:
        return set()
    names = {normalise_name(n) for n in [actor.name, *actor.aliases]}
    if actor.kind == "person" and " " in actor.name:
        names.add(normalise_name(actor.name.split()[-1]))
    return names


def _place_names(article: Article, ref: str | None) -> set[str]:
    place = next((p for p in article.places if p.id == ref), None) if ref else None
    if place is None:
        return set()
    return {normalise_name(n) for n in [place.name, *getattr(place, "aliases", [])]}


def _alternatives(gold: str) -> set[str]:
    return {normalise_name(alt) for alt in gold.split("|")}


def _date_ok(event: Event, days: list[str]) -> bool:
    if not days:
        return True
    if event.date is None or event.date.start is None:
        return False
    start, end = event.date.start[:10], (event.date.end or event.date.start)[:10]
    return any(start <= d <= end for d in days)


def score_article(article: Article, gold: dict[str, Any]) -> Result:
    """Right kind, date, participants and place of the article's first event."""
    res = Result(id=gold["id"])
    kinds = set(gold["kinds"])
    res.ok["anywhere"] = any(e.kind in kinds for e in article.events)
    main = article.events[0] if article.events else None
    if main is None:
        res.ok.update(kind=False, date=False, participants=False, full=False, place=False if gold["place"] else None)
        res.ok["unplaced"] = None if gold["place"] else True
        return res
    names = [_actor_names(article, p) for p in main.participants]
    parts_ok = all(any(_alternatives(g) & n for n in names) for g in gold["participants"])
    res.ok["kind"] = main.kind in kinds
    res.ok["date"] = _date_ok(main, gold["dates"])
    res.ok["participants"] = parts_ok
    res.ok["full"] = bool(res.ok["kind"] and res.ok["date"] and parts_ok)
    res.ok["place"] = (
        bool(_alternatives(gold["place"]) & _place_names(article, main.location)) if gold["place"] else None
    )
    res.ok["unplaced"] = None if gold["place"] else main.location is None
    res.predicted = {
        "kind": main.kind,
        "label": main.label,
        "date": main.date.start if main.date else None,
        "participants": [a.name for p in main.participants if (a := article.actor(p))],
        "place": sorted(_place_names(article, main.location)),
    }
    return res


def run(gold_path: Path = GOLD, texts_path: Path = TEXTS, limit: int | None = None) -> Iterator[Result]:
    """Each gold article extracted and scored, in gold order."""
    golds = json.loads(gold_path.read_text(encoding="utf-8"))["articles"][:limit]
    texts = _texts(texts_path)
    for gold in golds:
        if gold["id"] not in texts:
            raise SystemExit(f"{gold['id']}: not in {texts_path}; give the JSONL the gold was written for")
        options = ReadOptions(source=gold["id"], published=gold["published"])
        [article] = api.read(texts[gold["id"]].encode("utf-8"), format="text", options=options)
        yield score_article(api.extract(article), gold)


def rates(results: list[Result]) -> dict[str, float]:
    """Share of articles right on each measure (place over articles whose gold places it,
    unplaced over those whose gold does not)."""
    out = {}
    for m in MEASURES:
        counted = [r.ok[m] for r in results if r.ok.get(m) is not None]
        out[m] = sum(1 for v in counted if v) / len(counted) if counted else 1.0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gold", type=Path, nargs="?", default=GOLD)
    ap.add_argument("--texts", type=Path, default=TEXTS, help="JSONL of {id, text}")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--json", type=Path, help="write each article's result here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every article that misses")
    args = ap.parse_args(argv)
    results = list(run(args.gold, args.texts, args.limit))
    if args.verbose:
        for r in results:
            if not r.ok.get("full"):
                bad = [m for m in MEASURES if r.ok.get(m) is False]
                print(f"{r.id}: wrong {bad}; predicted {r.predicted}")
    if args.json:
        args.json.write_text(json.dumps([vars(r) for r in results], indent=1), encoding="utf-8")
    for m, v in rates(results).items():
        print(f"{m:13s} {v:.3f}")
    print(f"{len(results)} articles")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
