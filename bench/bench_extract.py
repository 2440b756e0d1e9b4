"""Extraction throughput: the whole extraction pipeline against bare spaCy, same texts, same run.

    .venv/bin/python bench/bench_extract.py [--articles 500] [--no-jobs]
    .venv/bin/python bench/bench_extract.py --polnear 40 [--no-jobs]
    .venv/bin/python bench/bench_extract.py --polnear 40 --no-jobs --long-chars 1000000 4000000 16000000

The corpus is the samples and, when ../shared/seeds is next to the checkout, the seeds,
repeated to ``--articles`` articles; with ``--polnear N``, the first N real articles of
PolNeAR dev (../shared/eval-data/polnear/dev.jsonl), each once, bare spaCy and the
pipeline measured article by article in turns (target >= 0.85). Every copy's paragraphs get a distinct tag so that
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
SHARED = next(
    (b / "shared" for b in (ROOT.parent, ROOT.parent.parent) if (b / "shared").is_dir()), ROOT.parent / "shared"
)
SEEDS = SHARED / "seeds"
POLNEAR_DEV = SHARED / "eval-data" / "polnear" / "dev.jsonl"
# Peak memory of extracting one article, in a fresh process: the budget.
MEMORY_LIMIT_MB = 1024
TAGS = ["Alder", "Birch", "Cedar", "Dahl", "Eames", "Fenn", "Gale", "Holm", "Ives", "Jarl"]


def corpus(n: int) -> list[str]:
    sources = sorted(SAMPLES.glob("*.txt")) + (sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else [])
    texts = [p.read_text(encoding="utf-8") for p in sources]
    out = []
    for i in range(n):
        tag = f"[{TAGS[i % len(TAGS)]} {i}] "
        out.append(re.sub(r"(?m)^(?=\S)", tag, texts[i % len(texts)]))
    return out


def polnear(n: int) -> list[str]:
    """The first ``n`` PolNeAR dev articles, as their text files would hold them."""
    if not POLNEAR_DEV.is_file():
        raise SystemExit(f"{POLNEAR_DEV}: not found; put ../shared/eval-data next to the checkout")
    out = []
    with POLNEAR_DEV.open(encoding="utf-8") as f:
        for line in f:
            if line.strip() and len(out) < n:
                out.append(json.loads(line)["text"])
    return out


def long_article(texts: list[str], chars: int) -> str:
    """One article of at least ``chars`` characters made of the paragraphs of ``texts`` (the
    first headline once): how memory grows with length. Each round through the paragraphs
    after the first tags them ("[Birch 1] ..."), so that every paragraph is a text of its own:
    repeated as they were, the parse cache served each copy from the first, and only the
    first ~200 KB of text were ever parsed and kept, whatever the length."""
    paragraphs = [p for t in texts for p in t.split("\n\n")[1:] if p.strip()]
    body: list[str] = []
    size = 0
    while size < chars:
        n = len(body) // len(paragraphs)
        tag = f"[{TAGS[n % len(TAGS)]} {n}] " if n else ""
        body.append(tag + paragraphs[len(body) % len(paragraphs)])
        size += len(body[-1]) + 2
    return texts[0].split("\n\n")[0] + "\n\n" + "\n\n".join(body)


_ONE_ARTICLE = """
import resource, sys
from newsgraph import api
[article] = api.read(open(sys.argv[1], "rb").read(), format="text")
api.extract(article)
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def peak_memory_mb(text: str) -> int:
    """Peak resident memory (MB) of a fresh process that reads and extracts one article
    (the spaCy model included)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(text, encoding="utf-8")
        out = subprocess.run(
            [sys.executable, "-c", _ONE_ARTICLE, str(path)], check=True, capture_output=True, text=True
        ).stdout
        return int(out.split()[-1])


def interleaved(articles: list) -> tuple[float, float, list]:
    """Seconds of bare spaCy and of the pipeline, article by article and in turns (which
    goes first alternates), so that the load of a shared machine weighs on both alike."""
    from newsgraph import api
    from newsgraph.extract import nlp

    model = nlp.load()
    bare = full = 0.0
    extracted = []
    for i, article in enumerate(articles):
        for turn in (0, 1) if i % 2 == 0 else (1, 0):
            start = time.perf_counter()
            if turn == 0:
                for _ in model.pipe([p.text for p in article.body], batch_size=64):
                    pass
                bare += time.perf_counter() - start
            else:
                nlp.forget()
                extracted.append(api.extract(article))
                full += time.perf_counter() - start
    return bare, full, extracted


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--articles", type=int, default=500)
    ap.add_argument("--polnear", type=int, metavar="N", help="the first N PolNeAR dev articles instead")
    ap.add_argument(
        "--long-chars",
        type=int,
        nargs="*",
        default=[],
        metavar="N",
        help="with --polnear: also the peak memory of one article of N characters made of them (several N: "
        "one fresh process each, in turn, and the growth in MB per MB of text between the last two)",
    )
    ap.add_argument("--no-jobs", action="store_true", help="skip the -j 2 over -j 1 measurement")
    args = ap.parse_args()

    from newsgraph import api
    from newsgraph.extract import nlp

    texts = polnear(args.polnear) if args.polnear else corpus(args.articles)
    articles = [api.read(t.encode("utf-8"), format="text")[0] for t in texts]
    paragraphs = [p.text for a in articles for p in a.body]
    words = sum(len(p.split()) for p in paragraphs)
    model = nlp.load()
    list(model.pipe(paragraphs[:50]))  # warm up: model load and first batch

    if args.polnear:
        bare, full, extracted = interleaved(articles)
    else:
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
        "corpus": f"PolNeAR dev, first {len(texts)}" if args.polnear else "samples and seeds, tagged copies",
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
        "target_pipeline_over_bare": 0.85 if args.polnear else 0.75,
    }
    if args.polnear:
        longest = max(texts, key=len)
        result["peak_memory_one_article"] = {
            "chars": len(longest),
            "mb": peak_memory_mb(longest),
            "limit_mb": MEMORY_LIMIT_MB,
        }
        if args.long_chars:
            result["peak_memory_long_article"] = long_articles(texts, args.long_chars)
    if not args.no_jobs:
        result["jobs"] = jobs(texts)
    print(json.dumps(result, indent=2))


def long_articles(texts: list[str], sizes: list[int]) -> dict:
    """Peak memory of one article of each size (a fresh process each, one at a time: the
    machine is shared), and how it grows between the last two sizes. Above
    ``windows.WINDOW_CHARS`` an article is extracted in windows: what still grows is the
    article and its result."""
    runs = []
    for size in sizes:
        text = long_article(texts, size)
        runs.append({"chars": len(text), "mb": peak_memory_mb(text)})
    out: dict = {"runs": runs, "limit_mb": MEMORY_LIMIT_MB}
    if len(runs) > 1:
        (a, b) = runs[-2:]
        out["mb_per_mb_of_text"] = round((b["mb"] - a["mb"]) / ((b["chars"] - a["chars"]) / 1e6), 1)
    return out


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
