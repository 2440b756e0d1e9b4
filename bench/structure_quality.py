"""Quality of the clean and structure passes against gold annotations, per article and overall.

    .venv/bin/python bench/structure_quality.py                      # seeds, samples, fixtures
    .venv/bin/python bench/structure_quality.py GOLD_DIR INPUT_DIR   # e.g. a held-out set
    .venv/bin/python bench/structure_quality.py --polnear            # furniture false positives

Gold files are described in tests/gold/structure/README.md. ``--polnear`` runs the passes
over the PolNeAR news texts in ../shared/eval-data (articles with little furniture) and
reports how many paragraphs each removal reason took, to spot article text taken for
furniture; it needs no gold.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from structure_gold import GOLD, cases, extract, score, structure_passes, summary  # noqa: E402  # after sys.path takes tests/

from newsgraph import read_bytes  # noqa: E402  # after sys.path takes the checkout's src/
from newsgraph.readers.base import ReadOptions  # noqa: E402  # after sys.path takes the checkout's src/

DEFAULT = [
    (GOLD / "seeds", ROOT.parent / "shared" / "seeds"),
    (GOLD / "samples", ROOT / "samples"),
    (GOLD / "fixtures", ROOT / "tests" / "fixtures" / "structure"),
]
POLNEAR = ROOT.parent / "shared" / "eval-data" / "polnear"


def evaluate(pairs: list[tuple[Path, Path]]) -> dict:
    total: Counter[str] = Counter()
    per_article = {}
    for gold_dir, inputs in pairs:
        for case in cases(gold_dir, inputs):
            if not case.available:
                per_article[case.name] = "input missing or changed"
                continue
            counts = score(extract(case), case.input.read_bytes().decode("utf-8"), case.gold)
            total += counts
            misses = {k: round(v, 3) for k, v in summary(counts).items() if v < 1}
            per_article[case.name] = misses or "all right"
    return {"articles": per_article, "overall": {k: round(v, 3) for k, v in summary(total).items()}}


def polnear() -> dict:
    reasons: Counter[str] = Counter()
    n = paragraphs = 0
    for name in ("dev.jsonl", "train.jsonl"):
        path = POLNEAR / name
        if not path.is_file():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            [article] = read_bytes(doc["text"].encode("utf-8"), format="text", options=ReadOptions(source=doc["id"]))
            done = structure_passes(article)
            n += 1
            paragraphs += len(article.body)
            reasons.update(r.reason for r in done.provenance.removed)
    return {"articles": n, "paragraphs": paragraphs, "removed_by_reason": dict(reasons.most_common())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("gold", nargs="?", type=Path)
    parser.add_argument("inputs", nargs="?", type=Path)
    parser.add_argument("--polnear", action="store_true")
    args = parser.parse_args()
    if args.polnear:
        print(json.dumps(polnear(), indent=2))
        return
    pairs = [(args.gold, args.inputs)] if args.gold and args.inputs else DEFAULT
    print(json.dumps(evaluate(pairs), indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
