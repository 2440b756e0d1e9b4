"""The corpus at N and 4N articles: time and peak memory of add, export and show, and the ratios.

Articles are PolNeAR's actors as extracted (tests/gold/corpus/polnear_actors.jsonl.gz),
cycled with new article ids; from the second cycle on, each copy's people get surnames of
their own cycle ('Trump1') (so the corpus grows in entities as well as in articles) and every article
gets a meeting of two of its actors on a day of its own. Each step of each size runs in a
process of its own, so that its peak memory is its own; articles are generated as a stream.

Resolution reads one block of name keys per actor, so adding grows as n log n: about 4 times
the time at 4N (well under 16, quadratic). Exports and show stream from SQLite, so peak
memory stays flat (a ratio near 1). The script exits 1 when the time ratio of a step is above
--max-ratio or its memory ratio above --max-memory-ratio.

    .venv/bin/python bench/bench_corpus.py [--n 1000] [--max-ratio 8] [--max-memory-ratio 1.5]
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests" / "gold" / "corpus" / "polnear_actors.jsonl.gz"
STEPS = ("add", "export json", "export graphml", "show")


def records() -> list[dict[str, Any]]:
    with gzip.open(FIXTURE, "rt", encoding="utf-8") as handle:
        return [json.loads(line) for line in handle]


def articles(n: int) -> Iterator[Any]:
    from newsgraph import Actor, Article, DateInfo, Event

    source = records()
    for i, record in zip(range(n), itertools.cycle(source)):
        cycle = i // len(source)
        actors = []
        for a in record["actors"]:
            data = {k: v for k, v in a.items() if k != "n"}
            if cycle and data["kind"] == "person":
                data["name"] = f"{data['name']}{cycle}"  # 'Donald Trump1': another Trump
                data["aliases"] = []
            actors.append(Actor(**data))
        aid = f"{record['id']}-{i}"
        people = [a.id for a in actors][:2]
        day = f"{2016 + i // 365 % 8}-{1 + i // 28 % 12:02d}-{1 + i % 28:02d}"
        events = (
            [Event(id=f"{aid}#event-1", kind="meeting", label="meeting", date=DateInfo(start=day), participants=people)]
            if len(people) == 2
            else []
        )
        yield Article(id=aid, actors=actors, publisher=record.get("publisher"), published=day, events=events)


def measure(step: str, n: int, db: Path) -> dict[str, Any]:
    """Run in a process of its own: one step at size n, its time and its peak RSS over the start."""
    sys.path.insert(0, str(ROOT / "src"))
    from newsgraph import Corpus
    from newsgraph.corpus.show import overview

    corpus = Corpus(db)
    base = _peak()
    started = time.perf_counter()
    if step == "add":
        corpus.add_articles(articles(n))
    elif step.startswith("export"):
        kind = step.split()[1]
        corpus.export(kind, db.with_suffix("." + kind))
    else:
        overview(corpus, limit=20)
    result = {
        "seconds": round(time.perf_counter() - started, 3),
        "peak_mib_over_start": round((_peak() - base) / 1024, 1),
    }
    if step == "add":
        result["counts"] = corpus.stats()
    corpus.close()
    return result


def run_size(n: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.sqlite"
        results = {}
        for step in STEPS:
            out = subprocess.run(
                [sys.executable, __file__, "--child", str(n), "--step", step, "--db", str(db)],
                capture_output=True,
                text=True,
                check=True,
            )
            results[step] = json.loads(out.stdout)
        return results


def _peak() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--max-ratio", type=float, default=8.0)
    parser.add_argument("--max-memory-ratio", type=float, default=1.5)
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--step", help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(measure(args.step, args.child, args.db)))
        return
    sizes = {n: run_size(n) for n in (args.n, 4 * args.n)}
    small, large = sizes[args.n], sizes[4 * args.n]
    report: dict[str, Any] = {"n": args.n, "sizes": {str(k): v for k, v in sizes.items()}, "ratios": {}}
    failed = False
    for step in STEPS:
        time_ratio = large[step]["seconds"] / max(small[step]["seconds"], 1e-3)
        # memory over a floor of 8 MiB: a few MiB of caches are noise, not growth
        memory_ratio = max(large[step]["peak_mib_over_start"], 8) / max(small[step]["peak_mib_over_start"], 8)
        report["ratios"][step] = {"time": round(time_ratio, 2), "memory": round(memory_ratio, 2)}
        failed |= time_ratio > args.max_ratio or memory_ratio > args.max_memory_ratio
    print(json.dumps(report, indent=2))
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
