"""Batch benchmark: throughput at -j 1 and -j 2, memory flatness, per-stage profile.

    .venv/bin/python bench/bench_batch.py [--articles 2000] [--rss 1000,20000] [--quick]

Every number is measured in the same run as its reference, so the ratios hold on any
machine: scaling is -j 2 over -j 1; memory is the peak RSS of a 20,000-article stream over
a 1,000-article one (structured input, so the run takes minutes, not hours), and of 2,000
raw texts through extraction over 500. The corpus is the samples, varied per copy so that no two articles
share a paragraph (spaCy's parse cache must not flatter the numbers).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
NEWSGRAPH = [sys.executable, "-m", "newsgraph.cli"]

NAMES = ["Alder", "Birch", "Cedar", "Dahl", "Eames", "Fenn", "Gale", "Holm", "Ives", "Jarl"]


def corpus_records(n: int) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))]
    records = []
    for i in range(n):
        text = texts[i % len(texts)]
        # Vary every paragraph so that each article is new text to the parser.
        tag = f"{NAMES[i % len(NAMES)]} {i}"
        text = re.sub(r"(?m)^(?=\S)", f"[{tag}] ", text)
        records.append(json.dumps({"text": text, "published": "2025-06-01", "id": f"bench-{i}"}))
    return records


def write_corpus(folder: Path, n: int) -> Path:
    path = folder / f"corpus-{n}.jsonl"
    if not path.exists():
        path.write_text("\n".join(corpus_records(n)) + "\n", encoding="utf-8")
    return path


def timed(args: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run([*NEWSGRAPH, *args], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def throughput(folder: Path, n: int, formats: list[str]) -> list[dict]:
    corpus = write_corpus(folder, n)
    as_json = folder / f"corpus-{n}.json.jsonl"
    if not as_json.exists():
        subprocess.run([*NEWSGRAPH, "convert", str(corpus), "--to", "json", "-o", str(as_json), "-q"], check=True)
    cases = [("text", corpus, "json"), ("text", corpus, "newsml"), ("json", as_json, "jsonld")]
    rows = []
    for source, path, target in cases:
        if target not in formats:
            rows.append({"case": f"{source} -> {target}", "skipped": f"{target} is not registered yet"})
            continue
        secs = {}
        for j in (1, 2):
            out = folder / f"out-{source}-{target}-{j}"
            secs[j] = timed(["convert", str(path), "--to", target, "-o", f"{out}/", "-j", str(j), "-q"])
        rows.append(
            {
                "case": f"{source} -> {target}",
                "articles": n,
                "rate_j1": round(n / secs[1], 1),
                "rate_j2": round(n / secs[2], 1),
                "scaling_j2_over_j1": round(secs[1] / secs[2], 2),
            }
        )
    return rows


RSS_PROBE = """
import resource, sys, newsgraph
page = newsgraph.ExportOptions(embed_html=len(sys.argv) > 3)  # one --embed-html page
report = newsgraph.convert([sys.argv[1]], "-", options=newsgraph.ConvertOptions(workers=1, to=sys.argv[2],
                                                                                export=page),
                           stdout=open("/dev/null", "w"))
assert report.ok, report.failed[:3]
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def json_corpus(folder: Path, n: int, base: int) -> Path:
    """n articles of our JSON (structured: no extraction), made from an extracted base set."""
    seed = folder / f"seed-{base}.jsonl"
    if not seed.exists():
        subprocess.run(
            [*NEWSGRAPH, "convert", str(write_corpus(folder, base)), "--to", "json", "-o", str(seed), "-q"], check=True
        )
    lines = seed.read_text(encoding="utf-8").splitlines()
    path = folder / f"json-{n}.jsonl"
    with open(path, "w", encoding="utf-8") as out:
        for i in range(n):
            doc = json.loads(lines[i % len(lines)])
            doc["id"] = f"urn:newsgraph:article:bench-{i}"
            out.write(json.dumps(doc, ensure_ascii=False) + "\n")
    return path


def peak_rss(folder: Path, sizes: list[int], extract_sizes: list[int]) -> dict:
    """Peak RSS of one process streaming n articles to /dev/null, for a small and a large n."""

    def probe(corpus: Path, to: str, *page: str) -> int:
        out = subprocess.run(
            [sys.executable, "-c", RSS_PROBE, str(corpus), to, *page], check=True, capture_output=True, text=True
        )
        return int(out.stdout.strip().splitlines()[-1]) // 1024

    structured = {n: probe(json_corpus(folder, n, 200), "jsonld") for n in sizes}
    # One document of every article (issue 21 item 11): a newsMessage, an --embed-html page.
    message = {n: probe(json_corpus(folder, n, 200), "newsml") for n in sizes}
    page = {n: probe(json_corpus(folder, n, 200), "jsonld", "page") for n in sizes}
    extracted = {n: probe(write_corpus(folder, n), "json") for n in extract_sizes}
    return {
        "json_to_jsonld_peak_rss_mib": structured,
        "json_to_jsonld_ratio": round(structured[sizes[-1]] / structured[sizes[0]], 3),
        "json_to_one_newsml_message_peak_rss_mib": message,
        "json_to_one_newsml_message_ratio": round(message[sizes[-1]] / message[sizes[0]], 3),
        "json_to_one_page_peak_rss_mib": page,
        "json_to_one_page_ratio": round(page[sizes[-1]] / page[sizes[0]], 3),
        "text_extracted_to_json_peak_rss_mib": extracted,
        "text_extracted_ratio": round(extracted[extract_sizes[-1]] / extracted[extract_sizes[0]], 3),
    }


def _timed(real, stage: str, spent: dict[str, float]):
    def timed_call(*args, **kwargs):
        start = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[stage] += time.perf_counter() - start

    return timed_call


def stage_profile(n: int) -> dict:
    """Seconds per stage, measured by wrapping each stage's entry point in this process."""
    import newsgraph
    from newsgraph import formats as registry
    from newsgraph.exporters import base as export_base
    from newsgraph.extract import nlp, pipeline
    from newsgraph.readers import jsonl

    spent: dict[str, float] = defaultdict(float)

    def wrap(owner, name, stage):
        real = getattr(owner, name)

        def timed_call(*args, **kwargs):
            start = time.perf_counter()
            try:
                return real(*args, **kwargs)
            finally:
                spent[stage] += time.perf_counter() - start

        setattr(owner, name, timed_call)

    wrap(nlp, "parse", "spacy (inside the passes)")
    pipeline.STAGES = tuple(pipeline.Stage(s.name, _timed(s.run, s.name, spent)) for s in pipeline.STAGES)
    wrap(jsonl, "read_record", "read")
    wrap(export_base, "check", "validate")
    records = corpus_records(n)
    fmt = registry.get("json")
    start = time.perf_counter()
    for line in records:
        article, _ = jsonl.read_record(line, newsgraph.ReadOptions(source="bench"))
        article = pipeline.run(article)
        t0 = time.perf_counter()
        text = fmt.load_exporter().render(article, newsgraph.ExportOptions())
        spent["export"] += time.perf_counter() - t0
        export_base.check(fmt, text, newsgraph.ExportOptions(), None)
    total = time.perf_counter() - start
    passes = [s.name for s in pipeline.STAGES]
    spent["rules (the passes without spacy)"] = sum(spent[p] for p in passes) - spent["spacy (inside the passes)"]
    return {
        "articles": n,
        "total_s": round(total, 2),
        "share": {k: round(v / total, 3) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rss", default="1000,20000", help="structured articles (no extraction)")
    parser.add_argument("--rss-extract", default="500,2000", help="raw texts through extraction")
    parser.add_argument("--profile", type=int, default=200)
    parser.add_argument("--quick", action="store_true", help="small sizes, to check the script works")
    parser.add_argument("--json", type=Path, help="also write the results here")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.rss, args.rss_extract, args.profile = 60, "50,200", "20,60", 20
    from newsgraph import formats

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        results = {
            "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
            "throughput": throughput(folder, args.articles, formats.writable_names()),
            "memory": peak_rss(
                folder, [int(x) for x in args.rss.split(",")], [int(x) for x in args.rss_extract.split(",")]
            ),
            "stages": stage_profile(args.profile),
        }
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
