"""Extraction throughput: the whole extraction pipeline against bare spaCy, same texts, same run.

    .venv/bin/python bench/bench_extract.py [--articles 500] [--no-jobs]

The corpus is the samples and, when ../shared/seeds is next to the checkout, the seeds,
repeated to ``--articles`` articles. Every copy's paragraphs get a distinct tag so that
spaCy's parse cache cannot serve one copy from another. Reported:

- bare spaCy: ``nlp.pipe`` over every paragraph of every article (batch 64);
- pipeline: ``api.extract`` on every article (it parses through the shared cache, then
  runs every registered pass), plus its ratio to bare spaCy (target: >= 0.75);
- ``-j 2`` over ``-j 1``: ``newsgraph convert`` of the same corpus as JSON Lines, text in,
  JSON out, with extraction (the multi-process path of the batch converter).
"""

from __future__ import annotations

import argparse
import json
import platform
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SEEDS = ROOT.parent / "shared" / "seeds"
TAGS = ["Alder", "Birch", "Cedar", "Dahl", "Eames", "Fenn", "Gale", "Holm", "Ives", "Jarl"]


def corpus(n: int) -> list[str]:
    sources = sorted(SAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
    texts = [p.read_text(encoding="utf-8") for p in sources]
    out = []
    for i in range(n):
        tag = f"[{TAGS[i % len(TAGS)]} {i}] "
        out.append(re.sub(r"(?m)^(?=\S)", tag, texts[i % len(texts)]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--no-jobs", action="store_true", help="skip the -j 2 over -j 1 measurement")
    args = ap.parse_args()

    from newsgraph import api
    from newsgraph.extract import nlp

    texts = corpus(args.articles)
    articles = [api.read(t.encode("utf-8"), format="text")[0] for t in texts]
    paragraphs = [p.text for a in articles for p in a.body]
    words = sum(len(p.split()) for p in paragraphs)
    model = nlp.load()
    list(model.pipe(paragraphs[:50]))  # warm up: model load and first batch

    start = time.perf_counter()
    for _ in model.pipe(paragraphs, batch_size=64):
        pass
    bare = time.perf_counter() - start

    nlp.forget()
    start = time.perf_counter()
    extracted = [api.extract(a) for a in articles]
    full = time.perf_counter() - start
    actors = sum(len(a.actors) for a in extracted)

    result = {
        "machine": f"{platform.machine()} {platform.python_version()}",
        "articles": len(articles),
        "paragraphs": len(paragraphs),
        "words": words,
        "bare_spacy": {
            "seconds": round(bare, 2),
            "articles_per_s": round(len(articles) / bare, 1),
            "words_per_s": round(words / bare),
        },
        "pipeline": {
            "seconds": round(full, 2),
            "articles_per_s": round(len(articles) / full, 1),
            "words_per_s": round(words / full),
            "actors_found": actors,
        },
        "pipeline_over_bare": round(bare / full, 3),
        "target_pipeline_over_bare": 0.75,
    }
    if not args.no_jobs:
        result["jobs"] = jobs(texts)
    print(json.dumps(result, indent=2))


def jobs(texts: list[str]) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        corpus_path = Path(tmp) / "corpus.jsonl"
        corpus_path.write_text(
            "".join(json.dumps({"text": t, "id": f"bench-{i}"}) + "\n" for i, t in enumerate(texts)), encoding="utf-8"
        )
        secs = {}
        for j in (1, 2):
            start = time.perf_counter()
            subprocess.run(
                [
                    sys.executable,
                    "-m",
                    "newsgraph.cli",
                    "convert",
                    str(corpus_path),
                    "--to",
                    "json",
                    "-o",
                    f"{tmp}/out{j}/",
                    "-j",
                    str(j),
                    "-q",
                ],
                check=True,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
            secs[j] = time.perf_counter() - start
        return {
            "seconds_j1": round(secs[1], 2),
            "seconds_j2": round(secs[2], 2),
            "j2_over_j1": round(secs[1] / secs[2], 2),
            "target_j2_over_j1": 1.6,
        }


if __name__ == "__main__":
    main()
