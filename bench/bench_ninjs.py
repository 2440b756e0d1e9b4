"""Throughput of the ninjs exporter, validation included, as a ratio to JSON export.

Both are measured in the same run on the same articles (the samples and the kitchen
sink), each export checked against its schema exactly as `newsgraph convert` does:
JSON against schema/article.schema.json, ninjs against IPTC's official schema. The
target is ninjs within 3x of JSON; the script exits 1 when a ratio is above --max-ratio.

    .venv/bin/python bench/bench_ninjs.py [--rounds 5] [--repeat 20] [--max-ratio 3]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import Article, ConvertOptions, formats, iter_articles, standards  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.exporters import base  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.exporters.base import ExportOptions  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.ninjs import read as read_ninjs  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/


def sample_articles() -> list[Article]:
    samples = sorted(p for p in (ROOT / "samples").iterdir() if p.is_file() and not p.name.endswith(".meta.json"))
    return list(iter_articles(samples, options=ConvertOptions(to="json")))


def best_rate(task: Callable[[], int], rounds: int) -> float:
    """Articles per second of the fastest round (the least disturbed by other processes)."""
    best = 0.0
    for _ in range(rounds):
        start = time.perf_counter()
        n = task()
        best = max(best, n / (time.perf_counter() - start))
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=20, help="passes over the articles per round")
    parser.add_argument("--max-ratio", type=float, default=3.0)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()

    if standards.find(standards.NINJS_SCHEMAS[3]) is None:
        print(
            "error: the official ninjs schemas are not installed; the benchmark would skip "
            f"validation ({standards.INSTALL_HINT})",
            file=sys.stderr,
        )
        return 2
    articles = sample_articles() * args.repeat
    json_fmt, ninjs_fmt = formats.get("json"), formats.get("ninjs")
    validated = ExportOptions(validate=True, strict=True)

    def export(fmt: formats.Format, options: ExportOptions) -> Callable[[], int]:
        def task() -> int:
            for article in articles:
                base.render(fmt, article, options)
            return len(articles)

        return task

    v3 = [base.render(ninjs_fmt, a, validated).encode() for a in articles[: len(articles) // args.repeat]]

    def read_back() -> int:
        for _ in range(args.repeat):
            for data in v3:
                list(read_ninjs(data, ReadOptions()))
        return len(v3) * args.repeat

    for fmt in (json_fmt, ninjs_fmt):  # warm up: imports, compiled schemas
        base.render(fmt, articles[0], validated)
    rates = {
        "json": best_rate(export(json_fmt, validated), args.rounds),
        "ninjs3": best_rate(export(ninjs_fmt, validated), args.rounds),
        "ninjs2": best_rate(export(ninjs_fmt, ExportOptions(validate=True, strict=True, ninjs_version=2)), args.rounds),
        "ninjs3_unvalidated": best_rate(export(ninjs_fmt, ExportOptions(validate=False)), args.rounds),
        "ninjs3_read": best_rate(read_back, args.rounds),
    }
    ratios = {k: rates["json"] / v for k, v in rates.items() if k.startswith("ninjs") and not k.endswith("read")}
    if args.json:
        print(json.dumps({"articles_per_second": rates, "ratio_to_json": ratios}, indent=2, sort_keys=True))
    else:
        print(f"{len(articles) // args.repeat} articles x {args.repeat}, best of {args.rounds} rounds")
        for name, rate in rates.items():
            ratio = f"  ({ratios[name]:.2f}x the time of JSON export)" if name in ratios else ""
            print(f"  {name:<20} {rate:9.1f} articles/s{ratio}")
    over = {k: r for k, r in ratios.items() if k != "ninjs3_unvalidated" and r > args.max_ratio}
    if over:
        print(f"FAIL: above {args.max_ratio}x: {over}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
