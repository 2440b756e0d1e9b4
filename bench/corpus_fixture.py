"""Make the compact fixture the corpus quality gate scores: PolNeAR's actors as extracted.

Extracting PolNeAR's 924 articles takes minutes, too long for a test; corpus resolution only
needs what extraction says about each article's actors. This script extracts train and dev
(or takes JSON Lines already converted) and keeps, per article, its id and its actors
(id, kind, name, aliases, titles, gender, affiliation, number of mentions), one article a
line, gzipped, in tests/gold/corpus/polnear_actors.jsonl.gz. Run it again when extraction
changes, then the gate (tests/test_corpus_gold.py) tells whether resolution still holds.

    .venv/bin/python bench/corpus_fixture.py                       # extract (slow: minutes)
    .venv/bin/python bench/corpus_fixture.py --converted dev.jsonl train.jsonl
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import sys
import tempfile
from pathlib import Path
from typing import Any, Iterator

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = next(
    (
        base / "shared" / "eval-data" / "polnear"
        for base in (ROOT.parent, ROOT.parent.parent)
        if (base / "shared").is_dir()
    ),
    ROOT.parent / "shared" / "eval-data" / "polnear",
)
FIXTURE = ROOT / "tests" / "gold" / "corpus" / "polnear_actors.jsonl.gz"
ACTOR_FIELDS = ("id", "kind", "name", "aliases", "titles", "gender", "affiliation")


def compact(article: dict[str, Any]) -> dict[str, Any]:
    """What resolution reads of an article: its id, its publisher and its actors."""
    actors = []
    for actor in article.get("actors", []):
        kept = {k: actor[k] for k in ACTOR_FIELDS if actor.get(k)}
        kept["n"] = len(actor.get("mentions", []))
        actors.append(kept)
    return {"id": article["id"], "publisher": article.get("publisher"), "actors": actors}


def converted(paths: list[Path]) -> Iterator[dict[str, Any]]:
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield compact(json.loads(line))


def extract(workers: int) -> list[Path]:
    sys.path.insert(0, str(ROOT / "src"))
    import newsgraph

    out = Path(tempfile.mkdtemp(prefix="polnear-"))
    paths = []
    for split in ("train", "dev"):
        target = out / f"{split}.jsonl"
        report = newsgraph.convert(
            [POLNEAR / f"{split}.jsonl"], target, options=newsgraph.ConvertOptions(workers=workers)
        )
        print(report.summary(), file=sys.stderr)
        paths.append(target)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--converted", nargs="+", type=Path, help="JSON Lines already converted by newsgraph")
    parser.add_argument("-j", "--jobs", type=int, default=1)
    args = parser.parse_args()
    paths = args.converted or extract(args.jobs)
    FIXTURE.parent.mkdir(parents=True, exist_ok=True)
    # mtime=0: the same input makes the same bytes
    with (
        gzip.GzipFile(FIXTURE, "wb", compresslevel=9, mtime=0) as raw,
        io.TextIOWrapper(raw, encoding="utf-8") as handle,
    ):
        for n, record in enumerate(converted(paths), start=1):
            handle.write(json.dumps(record, ensure_ascii=False, sort_keys=True) + "\n")
    print(f"{n} articles -> {FIXTURE.relative_to(ROOT)} ({FIXTURE.stat().st_size // 1024} KiB)", file=sys.stderr)


if __name__ == "__main__":
    main()
