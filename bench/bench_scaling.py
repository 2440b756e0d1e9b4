"""Work that grows faster than the input: each reader and exporter at size N and 4N.

A linear step takes about 4 times as long at 4N, a quadratic one 16 times. Every format of
the registry is measured on generated articles (paragraphs, actors with mentions, quotes),
the HTML reader on pages of N and 4N paragraphs, and the extraction pipeline on texts of N
and 4N paragraphs, and hostile shapes: a base64 blob of 100N characters after the headline
and a run of 5N quote marks. The best of --rounds runs is kept (the least disturbed by other
processes). The script exits 1 when a ratio is above --max-ratio (default 8: between linear
and quadratic). It found the JSON-LD exporter scanning every span of the article for each
paragraph (15 s for 8,000 paragraphs before, 3 s after).

    .venv/bin/python bench/bench_scaling.py [--n 1000] [--rounds 2] [--max-ratio 8] [--only extract]
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsgraph  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph import Article, formats, read_bytes  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.model import mint_id  # noqa: E402  # after sys.path takes the checkout's src/


def generated(n: int) -> Article:
    """n paragraphs, n/10 actors with up to 20 mentions each, n/5 quotes."""
    body = [
        {
            "text": f"Person{i % 997} Name met Other{i % 991} Person in City{i % 101} on Monday, "
            f"officials said in statement number {i}."
        }
        for i in range(n)
    ]
    actors = []
    for a in range(max(2, n // 10)):
        name = f"Person{a} Name"
        step = max(1, n // 10)
        actors.append(
            {
                "id": mint_id("person", name),
                "kind": "person",
                "name": name,
                "mentions": [{"paragraph": p, "start": 0, "end": 6} for p in range(a, n, step)][:20],
            }
        )
    quotes = [
        {
            "id": f"urn:newsgraph:article:x#quote-{q + 1}",
            "text": "met",
            "kind": "direct",
            "spans": [{"paragraph": q, "start": 13, "end": 16}],
            "speaker": actors[q % len(actors)]["id"],
        }
        for q in range(n // 5)
    ]
    return Article.model_validate(
        {"id": "urn:newsgraph:article:x", "headline": "Headline", "body": body, "actors": actors, "quotes": quotes}
    )


def page(n: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {i} of the article says something about the council vote.</p>" for i in range(n)
    )
    return f"<html><head><title>T</title></head><body><article>{paragraphs}</article></body></html>".encode()


def text(n: int) -> bytes:
    samples = [
        (ROOT / "samples" / f"{s}.txt").read_text(encoding="utf-8").split("\n\n")[1:]
        for s in ("fraud_trial", "harbour_strike", "rate_decision", "water_summit")
    ]
    # Every paragraph distinct, so that no parse is served from a cache.
    paragraphs = [f"In part {i}, {p}" for i in range(n // 15 + 1) for p in samples[i % 4]][:n]
    return ("Headline of a long article\n\n" + "\n\n".join(paragraphs)).encode()


def long_paragraph(n: int) -> bytes:
    """One paragraph of n ordinary sentences, every fourth a quote: spaCy would parse it as
    one huge Doc; extraction parses it in bounded chunks (issue 18). n=5,000 is about 0.5 MB."""
    sentences = []
    for i in range(n):
        if i % 4 == 3:
            sentences.append(f'"The pier number {i} needs repairs before winter," Maria Lind said.')
        else:
            sentences.append(f"The council of district {i % 97} met on Monday to discuss the harbour budget.")
    return ("Headline of one long paragraph\n\n" + " ".join(sentences)).encode()


def best(task: Callable[[], object], rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.process_time()
        task()
        times.append(time.process_time() - start)
    return min(times)


def tasks(n: int) -> dict[str, Callable[[int], Callable[[], object]]]:
    out: dict[str, Callable[[int], Callable[[], object]]] = {}
    for fmt in formats.FORMATS:
        if fmt.writable:
            out[f"export {fmt.name}"] = lambda k, f=fmt.name: lambda a=generated(k): newsgraph.export(a, to=f)
            out[f"read {fmt.name}"] = lambda k, f=fmt.name: (
                lambda d=newsgraph.export(generated(k), to=f).encode(): read_bytes(d, format=f)
            )
    out["read html"] = lambda k: lambda d=page(k): read_bytes(d, format="html")
    out["extract text"] = lambda k: lambda a=read_bytes(text(k // 4), format="text")[0]: newsgraph.extract(a)
    # Hostile shapes (issue 21 item 9): a long token after the headline (the byline patterns),
    # a flood of quote marks (spaCy's tokenizer on a run of punctuation).
    out["extract blob"] = lambda k: lambda a=read_bytes(blob(100 * k), format="text")[0]: newsgraph.extract(a)
    out["extract quotes"] = lambda k: lambda a=read_bytes(quote_flood(5 * k), format="text")[0]: newsgraph.extract(a)
    # One file of many articles (issue 21 item 11): a newsMessage, an --embed-html page.
    out["many newsml"] = lambda k: lambda a=many(k // 10): newsgraph.export(a, to="newsml")
    out["many page"] = lambda k: (
        lambda a=many(k // 10): newsgraph.export(a, to="jsonld", options=newsgraph.ExportOptions(embed_html=True))
    )
    out["extract long paragraph"] = lambda k: (
        lambda a=read_bytes(long_paragraph(k), format="text")[0]: newsgraph.extract(a)
    )
    return out


def many(count: int) -> list[Article]:
    article = generated(20)
    return [article.model_copy(update={"id": f"urn:newsgraph:article:many-{i}"}) for i in range(max(1, count))]


def blob(size: int) -> bytes:
    """A headline, then a base64 blob of ``size`` characters on its own line, then a sentence."""
    token = base64.b64encode(hashlib.shake_256(b"newsgraph").digest(size * 3 // 4 + 3)).decode()[:size]
    return f"Council approves bridge\n\n{token}\n\nThe council approved the bridge, the mayor said.\n".encode()


def quote_flood(marks: int) -> bytes:
    return ("Council approves bridge\n\nThe mayor said " + '"' * marks + " on Tuesday.\n").encode()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--max-ratio", type=float, default=8.0)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--only", default="", metavar="TEXT", help="Only the tasks whose name holds TEXT.")
    args = parser.parse_args()

    newsgraph.extract(read_bytes(text(20), format="text")[0])  # load spaCy before timing
    results = {}
    for name, make in tasks(args.n).items():
        if args.only not in name:
            continue
        make(args.n // 10)()  # first use loads schemas and caches: not part of either size
        small, large = best(make(args.n), args.rounds), best(make(4 * args.n), args.rounds)
        results[name] = {
            "n": args.n,
            "seconds_n": round(small, 3),
            "seconds_4n": round(large, 3),
            "ratio": round(large / small, 1) if small > 0 else None,
        }
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        print(f"{'task':<16} {'N':>6} {'s at N':>8} {'s at 4N':>8} {'ratio':>6}  (linear 4, quadratic 16)")
        for name, r in results.items():
            print(f"{name:<16} {r['n']:>6} {r['seconds_n']:>8} {r['seconds_4n']:>8} {r['ratio']:>6}")
    over = [k for k, r in results.items() if r["ratio"] and r["ratio"] > args.max_ratio]
    if over:
        print(f"above {args.max_ratio}: {', '.join(over)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
