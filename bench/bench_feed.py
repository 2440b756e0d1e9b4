"""Feeds: peak memory of reading a long feed and writing one, as a ratio small vs large.

    .venv/bin/python bench/bench_feed.py [--small 1000] [--large 100000]

Writes an RSS 2.0 feed of N items (each with HTML content, categories, an enclosure),
then in a fresh process converts it without extraction (``--no-extract``) to an Atom
feed written to /dev/null, item by item: the feed is cut into items as it is read and
the Atom feed written entry by entry. Peak RSS for the large feed over the small one
should stay near 1 (flat memory); items per second are printed for both.
Target: ratio within 1.15.
"""

from __future__ import annotations

import argparse
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
    workers=1, to="atom", extract=False), stdout=open("/dev/null", "w"))
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


def probe(path: Path, n: int) -> tuple[int, float]:
    env = {"PYTHONPATH": str(ROOT / "src")}
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(path), str(n)],
        check=True,
        capture_output=True,
        text=True,
        env={**__import__("os").environ, **env},
    )
    seconds = time.perf_counter() - started
    return int(out.stdout.strip().splitlines()[-1]) // 1024, n / seconds


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=100_000)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        results = {n: probe(write_feed(Path(tmp), n), n) for n in (args.small, args.large)}
    (small_rss, small_rate), (large_rss, large_rate) = results[args.small], results[args.large]
    ratio = large_rss / small_rss
    print("RSS feed -> Atom feed, item by item, no extraction")
    print(f"  {args.small:>7} items: peak RSS {small_rss} MiB, {small_rate:.0f} items/s")
    print(f"  {args.large:>7} items: peak RSS {large_rss} MiB, {large_rate:.0f} items/s")
    print(f"  ratio {ratio:.2f} (target within {TARGET})")
    return 0 if ratio <= TARGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
