"""NewsML-G2 export throughput, as a ratio to JSON export of the same articles in the same run.

    .venv/bin/python bench/bench_newsml.py [--articles 1000] [--repeat 5] [--json]

Four cases over the same articles, each the best of ``--repeat`` rounds (the rounds
interleave the cases, so that a busy machine slows them all alike):

- JSON export without validation (the floor every ratio is taken against);
- JSON export with its validation (JSON Schema + the model's rules);
- NewsML-G2 export without validation;
- NewsML-G2 export with validation: the official XSD, then reading the item back
  (what ``newsgraph convert --to newsml`` does before writing anything);

plus the XSD check alone, to show where the validation time goes. The target is NewsML-G2
with validation within 5x JSON. Two corpora, because the ratio depends on how much an
article holds: ``rich`` repeats the kitchen sink (every field of the model, many mentions
and quotes), ``samples`` the sample articles as the pipeline extracts them today; each copy
has its own id. The official XSD must be installed (``newsgraph standards status``).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

import newsgraph  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph import Article, ExportOptions, formats, standards  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.exporters import base  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.validators import newsml as newsml_validate  # noqa: E402  # after sys.path takes the checkout's src/

TARGET = 5.0


def corpus(n: int, kind: str) -> list[Article]:
    """``rich``: the kitchen sink (every field, many mentions and quotes); ``samples``: the
    sample articles as the pipeline reads and extracts them today."""
    if kind == "rich":
        sources = [ROOT / "samples" / "kitchen_sink.json"]
    else:
        sources = sorted((ROOT / "samples").glob("*.txt"))
    originals = [a for path in sources for a in newsgraph.iter_articles([path])]
    articles = []
    for i in range(n):
        data = originals[i % len(originals)].model_dump()
        old_id, data["id"] = data["id"], f"urn:newsgraph:article:bench-{i}"
        # Quote and event ids live inside their article: move them along.
        text = json.dumps(data).replace(f"{old_id}#", f"{data['id']}#")
        articles.append(Article.model_validate(json.loads(text)))
    return articles


def best_times(repeat: int, cases: dict[str, Callable[[], object]]) -> dict[str, float]:
    """The best CPU time of each case over ``repeat`` rounds. CPU time of this process, not
    wall time: other work on a shared machine does not count; the rounds interleave the
    cases so that what remains (caches, frequency) affects them alike."""
    best = {name: float("inf") for name in cases}
    for _ in range(repeat):
        for name, run in cases.items():
            start = time.process_time()
            run()
            best[name] = min(best[name], time.process_time() - start)
    return best


def export_all(name: str, articles: list[Article], validate: bool) -> Callable[[], None]:
    fmt = formats.get(name)
    options = ExportOptions(validate=validate, strict=validate)

    def run() -> None:
        for article in articles:
            base.render(fmt, article, options)

    return run


def xsd_only(documents: list[bytes]) -> Callable[[], None]:
    def run() -> None:
        for doc in documents:
            assert newsml_validate.check(doc, strict=True, read=False) == []

    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="print the results as JSON")
    args = parser.parse_args()
    if standards.find(standards.NEWSML_XSD) is None:
        print(f"error: {standards.NEWSML_XSD} is not installed ({standards.INSTALL_HINT})", file=sys.stderr)
        return 2
    newsml_validate.schema()  # loaded once per process, as in real use: not part of the timing
    results = {kind: measure(corpus(args.articles, kind), args.repeat) for kind in ("rich", "samples")}
    if args.json:
        print(
            json.dumps(
                {
                    "articles": args.articles,
                    "repeat": args.repeat,
                    "python": platform.python_version(),
                    "machine": platform.machine(),
                    "corpora": results,
                },
                indent=2,
            )
        )
    else:
        for kind, result in results.items():
            print(
                f"\n{kind}: {args.articles} articles (best of {args.repeat} interleaved rounds), "
                f"mean NewsML-G2 item {result['mean_newsml_bytes']} bytes"
            )
            print(f"{'case':<24} {'articles/s':>11} {'ms/article':>11} {'x JSON':>8}")
            for row in result["rows"]:
                print(f"{row['case']:<24} {row['articles_per_s']:>11} {row['ms_per_article']:>11} {row['x_json']:>8}")
            print(
                f"NewsML-G2 with validation = {result['newsml_with_validation_x_json']}x JSON export, "
                f"{result['newsml_with_validation_x_json_with_validation']}x JSON export with its "
                f"validation; target <= {TARGET}x JSON: "
                f"{'met' if result['within_target'] else 'NOT met'}"
            )
    return 0


def measure(articles: list[Article], repeat: int) -> dict[str, object]:
    documents = [newsgraph.export(a, to="newsml").encode() for a in articles]
    cases = {
        "json": export_all("json", articles, validate=False),
        "json+validation": export_all("json", articles, validate=True),
        "newsml": export_all("newsml", articles, validate=False),
        "newsml+validation": export_all("newsml", articles, validate=True),
        "newsml XSD check alone": xsd_only(documents),
    }
    seconds = best_times(repeat, cases)
    floor = seconds["json"]
    n = len(articles)
    rows = [
        {
            "case": name,
            "articles_per_s": round(n / secs, 1),
            "ms_per_article": round(1000 * secs / n, 3),
            "x_json": round(secs / floor, 2),
        }
        for name, secs in seconds.items()
    ]
    ratio = seconds["newsml+validation"] / floor
    return {
        "mean_newsml_bytes": round(sum(map(len, documents)) / len(documents)),
        "rows": rows,
        "newsml_with_validation_x_json": round(ratio, 2),
        "newsml_with_validation_x_json_with_validation": round(
            seconds["newsml+validation"] / seconds["json+validation"], 2
        ),
        "target_x_json": TARGET,
        "within_target": ratio <= TARGET,
    }


if __name__ == "__main__":
    sys.exit(main())
