"""Golden files: each sample through the whole pipeline (read -> extract) as JSON.

Regenerate after an intended change with `pytest tests/test_golden_json.py --force-regen`
and review the diff: it shows exactly what extraction now finds differently.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph import ConvertOptions

from conftest import GOLDEN, SAMPLES

INPUTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(".meta.json"))


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_sample_as_json(path: Path, file_regression) -> None:
    [article] = list(newsgraph.iter_articles([path], options=ConvertOptions(to="json")))
    text = newsgraph.export(article, to="json")
    stem = path.name.split(".")[0]
    file_regression.check(text, fullpath=GOLDEN / "json" / f"{stem}.json", binary=False, encoding="utf-8")
