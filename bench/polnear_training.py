"""What the training scripts of newsgraph's learned parts share (bench/train_speakers.py,
bench/train_fragments.py): PolNeAR articles read, taken through the extraction stages
before quotes, their labelled rows cached, the weights written, the same options.

Train only: the scripts fit on PolNeAR train and choose thresholds on dev, never on
anything else.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from pathlib import Path
from typing import Any, Callable, Iterator, Sequence

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from newsgraph import api  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract import pipeline  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.extract.options import ExtractOptions  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.model import Article  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/

SHARED = ROOT.parent / "shared" if (ROOT.parent / "shared").is_dir() else ROOT.parent.parent / "shared"
TRAIN = SHARED / "eval-data" / "polnear" / "train.jsonl"
DATA = ROOT / "src" / "newsgraph" / "lexicon" / "data"
MIN_OVERLAP = 0.5  # as the scorer matches quotes
BEFORE_QUOTES = tuple(s for s in pipeline.STAGES[: [s.name for s in pipeline.STAGES].index("quotes")])


def articles(path: Path, limit: int | None) -> Iterator[dict[str, Any]]:
    """The first ``limit`` (else all) articles of a PolNeAR JSONL file."""
    with path.open(encoding="utf-8") as f:
        for n, line in enumerate(line for line in f if line.strip()):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)


def prepared(text: str, name: str) -> Article:
    """A text read as a raw text file and taken through every stage before quotes."""
    [article] = api.read(text.encode("utf-8"), format="text", options=ReadOptions(source=name))
    options = ExtractOptions()
    for stage in BEFORE_QUOTES:
        article = stage.run(article, options)
    return article


def cached(
    path: Path,
    limit: int | None,
    cache_dir: Path | None,
    name: str,
    version: str,
    rows: Callable[[dict[str, Any]], list],
) -> list:
    """The labelled rows of a file's articles, from ``cache_dir`` when a run with the same
    file, limit, ``version`` (the feature names and what else shapes a row) and extraction
    code and word lists made them (rows made by other rules are other rows)."""
    key = hashlib.sha256(f"{path.resolve()}|{limit}|{version}|{_code_digest()}".encode()).hexdigest()[:16]
    cache = cache_dir / f"{name}-{key}.json" if cache_dir else None
    if cache is not None and cache.exists():
        return json.loads(cache.read_text(encoding="utf-8"))
    found = [r for doc in articles(path, limit) for r in rows(doc)]
    if cache is not None:
        cache.write_text(json.dumps(found), encoding="utf-8")
    return found


def _code_digest() -> str:
    """A digest of the extraction code and its data files, which make the rows."""
    digest = hashlib.sha256()
    src = ROOT / "src" / "newsgraph"
    for path in sorted([*(src / "extract").rglob("*.py"), *(src / "lexicon").rglob("*.*")]):
        if path.suffix in (".py", ".txt", ".json"):
            digest.update(path.relative_to(src).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def write_weights(out: Path, about: str, trained_on: str, l2: float, features: Sequence[str], w: np.ndarray) -> None:
    """The weights and feature names as the extractor reads them."""
    table = {
        "_about": about,
        "trained_on": trained_on,
        "l2": l2,
        "features": list(features),
        "weights": [round(float(v), 6) for v in w],
    }
    out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")


def arguments(description: str | None, out: Path, what: str) -> argparse.ArgumentParser:
    """The options every training script takes."""
    ap = argparse.ArgumentParser(description=description, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("train", type=Path, nargs="?", default=TRAIN, help="PolNeAR train JSONL")
    ap.add_argument("--limit", type=int, help="only the first N articles")
    ap.add_argument("--out", type=Path, default=out, help="where to write the weights")
    ap.add_argument("--dev", type=Path, help=f"report the {what}'s departures from the rules on this file")
    ap.add_argument("--cache-dir", type=Path, default=Path("/tmp"), help="where candidates are cached")
    ap.add_argument("--no-cache", action="store_true")
    return ap
