"""JSON-LD export throughput, with validation, as a ratio to JSON export in the same run.

    .venv/bin/python bench/bench_jsonld.py [--rounds 7] [--copies 20] [--quick]

Both exporters render the same articles (the kitchen sink, which uses every field of the
model, and the samples as read and extracted), each document checked by its validator as
`newsgraph convert` does: JSON against its JSON Schema and the model's rules, JSON-LD by
offline pyld expansion, the schema.org vocabulary and a read back to the model. Rounds
alternate between the formats, and the median round counts, so that the ratio holds on
any machine. Target: JSON-LD within 3x of JSON.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import Article, ConvertOptions, ExportOptions, api, iter_articles  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.native import read as read_native  # noqa: E402  # after sys.path takes the checkout's src/

TARGET = 3.0


def corpus(copies: int) -> list[Article]:
    samples = ROOT / "samples"
    sink_file = samples / "kitchen_sink.json"
    [sink] = read_native(sink_file.read_bytes(), ReadOptions(source=sink_file.name))
    texts = sorted(samples.glob("*.txt"))
    extracted = list(iter_articles(texts, options=ConvertOptions(to="json"))) if texts else []
    base = [sink, *extracted]
    # Copies under other ids: the same work, not a cached answer.
    return [a.model_copy(update={"id": f"{a.id}-{n}"}) for n in range(copies) for a in base]


def seconds(articles: list[Article], to: str, validate: bool) -> float:
    options = ExportOptions(validate=validate)
    # CPU time of this process: other work on a shared machine does not count.
    start = time.process_time()
    for article in articles:
        api.export(article, to=to, options=options)
    return time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--copies", type=int, default=20)
    parser.add_argument("--quick", action="store_true", help="3 rounds of 5 copies")
    parser.add_argument("--json", action="store_true", help="print the result as one JSON line")
    args = parser.parse_args()
    rounds, copies = (3, 5) if args.quick else (args.rounds, args.copies)

    articles = corpus(copies)
    for to in ("json", "jsonld"):  # warm up: imports, schemas, the vocabulary, contexts
        seconds(articles[:3], to, True)

    times: dict[str, list[float]] = {k: [] for k in ("json", "jsonld", "json-raw", "jsonld-raw")}
    for _ in range(rounds):
        times["json"].append(seconds(articles, "json", True))
        times["jsonld"].append(seconds(articles, "jsonld", True))
        times["json-raw"].append(seconds(articles, "json", False))
        times["jsonld-raw"].append(seconds(articles, "jsonld", False))
    median = {k: statistics.median(v) for k, v in times.items()}
    n = len(articles)
    result = {
        "articles": n,
        "rounds": rounds,
        "python": platform.python_version(),
        "json_validated_per_s": round(n / median["json"], 1),
        "jsonld_validated_per_s": round(n / median["jsonld"], 1),
        "ratio_validated": round(median["jsonld"] / median["json"], 2),
        "json_raw_per_s": round(n / median["json-raw"], 1),
        "jsonld_raw_per_s": round(n / median["jsonld-raw"], 1),
        "ratio_raw": round(median["jsonld-raw"] / median["json-raw"], 2),
        "target": TARGET,
    }
    if args.json:
        print(json.dumps(result))
    else:
        print(f"{n} articles x {rounds} rounds (median), Python {result['python']}")
        print(
            f"  with validation:    json {result['json_validated_per_s']:>8}/s   "
            f"jsonld {result['jsonld_validated_per_s']:>8}/s   ratio {result['ratio_validated']}x "
            f"(target <= {TARGET}x)"
        )
        print(
            f"  without validation: json {result['json_raw_per_s']:>8}/s   "
            f"jsonld {result['jsonld_raw_per_s']:>8}/s   ratio {result['ratio_raw']}x"
        )
    sys.exit(0 if result["ratio_validated"] <= TARGET else 1)


if __name__ == "__main__":
    main()
