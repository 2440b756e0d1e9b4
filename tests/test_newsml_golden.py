"""Golden NewsML-G2 files: the kitchen sink and every sample through the whole pipeline.

Extraction is still landing, so these change as it does. Regenerate after an intended
change with `pytest tests/test_newsml_golden.py --force-regen` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import newsgraph
from newsgraph import ConvertOptions

from conftest import GOLDEN, SAMPLES
from newsml_support import assert_xsd_valid, read_back

INPUTS = sorted(p for p in SAMPLES.iterdir() if p.is_file() and not p.name.endswith(".meta.json"))


@pytest.fixture(autouse=True)
def no_epoch(monkeypatch: pytest.MonkeyPatch) -> None:
    # The clock never enters an export unless asked for: no setting is needed for goldens.
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_sample_as_newsml(path: Path, file_regression) -> None:
    [article] = list(newsgraph.iter_articles([path], options=ConvertOptions(to="newsml")))
    text = newsgraph.export(article, to="newsml")
    assert_xsd_valid(text)
    [back] = read_back(text)
    assert back.model_dump() == article.model_dump()
    stem = path.name.split(".")[0]
    file_regression.check(text, fullpath=GOLDEN / "newsml" / f"{stem}.newsml.xml", binary=False, encoding="utf-8")
