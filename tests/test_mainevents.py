"""Quality gate for main events: the first event of a PolNeAR dev article is the one its
headline and lead report (gold: tests/gold/mainevents/polnear_dev.json, read by hand;
scorer: bench/mainevents_eval.py; numbers in docs/events.md)."""

from __future__ import annotations

import importlib.util
import json
import sys
from types import ModuleType

import pytest

from conftest import ROOT, SHARED
from newsgraph.model import EVENT_KINDS

GOLD = ROOT / "tests" / "gold" / "mainevents" / "polnear_dev.json"
POLNEAR_DEV = SHARED / "eval-data" / "polnear" / "dev.jsonl"

# Floors a little under what this version reaches (kind 0.902, date 0.706, participants
# 0.725, full 0.588), so that a regression fails.
FLOORS = {"kind": 0.88, "date": 0.68, "participants": 0.70, "full": 0.56}


def _bench() -> ModuleType:
    path = ROOT / "bench" / "mainevents_eval.py"
    spec = importlib.util.spec_from_file_location("mainevents_eval", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["mainevents_eval"] = module
    spec.loader.exec_module(module)
    return module


def test_gold_holds_ids_kinds_names_and_days_only() -> None:
    articles = json.loads(GOLD.read_text(encoding="utf-8"))["articles"]
    assert len(articles) >= 40
    assert len({a["id"] for a in articles}) == len(articles)
    for a in articles:
        assert set(a) == {"id", "published", "kinds", "dates", "place", "participants", "what"}, a["id"]
        assert a["kinds"] and set(a["kinds"]) <= set(EVENT_KINDS), a["id"]
        assert a["published"] in a["id"], a["id"]
        assert all(len(d) == 10 for d in a["dates"]), a["id"]
        assert len(a["what"]) < 80, a["id"]


@pytest.mark.slow
@pytest.mark.skipif(not POLNEAR_DEV.exists(), reason="../shared/eval-data (PolNeAR dev) is not next to this checkout")
def test_main_events_of_polnear_dev_hold_their_floor() -> None:
    bench = _bench()
    results = list(bench.run(GOLD, POLNEAR_DEV))
    rates = bench.rates(results)
    print({k: round(v, 3) for k, v in rates.items()})
    low = {k: round(rates[k], 3) for k, floor in FLOORS.items() if rates[k] < floor}
    assert not low, f"below the floor: {low}"
