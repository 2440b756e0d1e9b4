"""Feeds: peak memory of reading a long feed and writing one, as a ratio small vs large.

    .venv/bin/python bench/bench_feed.py [--small 1000] [--large 100000] [--to rss] [--json FILE]

Writes an RSS 2.0 feed of N items (each with HTML content, categories, an enclosure),
then in a fresh process converts it without extraction (``--no-extract``: every item is
still cut out, read by feedparser and mapped, its HTML body parsed; only the English
extraction passes are skipped, which would take hours at this size) to an Atom feed
(``--to rss``: RSS) written to /dev/null, item by item: the feed is cut into items as it
is read and the output written entry by entry. The result is the peak RSS of the large
feed's process over the small one's, both measured in the same run: it should stay near
1 (flat memory). Items per second are printed for both.
Target: ratio within 1.15.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = 1.15

ITEM = """<item><title>Harbour notice {i}</title><link>https://gazette.example/n/{i}</link>
<guid isPermaLink="false">notice-{i}</guid><pubDate>Tue, 04 Mar 2025 18:40:00 -0500</pubDate>
<dc:creator>Clerk {m}</dc:creator><category domain="https://gazette.example/s">Notices</category>
<description>Notice {i} from the harbour office.</description>
<content:encoded><![CDATA[<p>Berth {i} will be closed for maintenance on Thursday.</p><p>Vessels due at berth {i}
should contact the harbour office on channel {m}.</p>]]></content:encoded>
<enclosure url="https://gazette.example/img/{i}.jpg" length="1000" type="image/jpeg"/></item>
"""

PROBE = """
import resource, sys, newsgraph
report = newsgraph.convert([sys.argv[1]], "-", options=newsgraph.ConvertOptions(
    workers=1, to=sys.argv[3], extract=False), stdout=open("/dev/null", "w"))
assert report.ok and report.articles == int(sys.argv[2]), (report.summary(), report.failed[:3])
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def write_feed(folder: Path, n: int) -> Path:
    path = folder / f"feed-{n}.rss"
    with open(path, "w", encoding="utf-8") as out:
        out.write(
            '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
            'xmlns:content="http://purl.org/rss/1.0/modules/content/" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Gazette notices</title>'
            "<link>https://gazette.example/</link><description>Notices</description>\n"
        )
        for i in range(n):
            out.write(ITEM.format(i=i, m=i % 17))
        out.write("</channel></rss>\n")
    return path


def probe(path: Path, n: int, to: str) -> tuple[int, float]:
    env = {"PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(n), to],
        check=True,
        capture_output=True,
        text=True,
        env={**os.environ, **env},
    )
    seconds = time.perf_counter() - started
    return int(out.stdout.strip().splitlines()[-1]), n / seconds  # KiB (Linux ru_maxrss)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=100_000)
    ap.add_argument("--to", choices=("atom", "rss"), default="atom")
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = {n: probe(write_feed(Path(tmp), n), n, args.to) for n in (args.small, args.large)}
    (small_rss, small_rate), (large_rss, large_rate) = results[args.small], results[args.large]
    ratio = large_rss / small_rss
    print(f"RSS feed -> {args.to} feed, item by item, no extraction")
    print(f"  {args.small:>7} items: peak RSS {small_rss / 1024:.1f} MiB, {small_rate:.0f} items/s")
    print(f"  {args.large:>7} items: peak RSS {large_rss / 1024:.1f} MiB, {large_rate:.0f} items/s")
    print(f"  ratio {ratio:.2f} (target within {TARGET})")
    if args.json:
        record = {
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "case": f"rss feed -> {args.to}, --no-extract, one process",
            "peak_rss_mib": {str(n): round(results[n][0] / 1024, 1) for n in results},
            "items_per_second": {str(n): round(results[n][1], 1) for n in results},
            "ratio": round(ratio, 3),
            "target": TARGET,
        }
        args.json.write_text(json.dumps(record, indent=2) + "\n")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
