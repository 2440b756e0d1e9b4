"""bench/quotes_eval.py writes what PolNeAR's scorer reads; --pieces one line per quote piece."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from conftest import ROOT

TEXT = (
    "The ferry company raised its fares on Monday.\n\n"
    '"We had no choice," Marta Olsen, its chief executive, said. "Fuel costs doubled this year."\n'
)


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quotes_eval", ROOT / "bench" / "quotes_eval.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["quotes_eval"] = module
    spec.loader.exec_module(module)
    return module


def _run(tmp_path: Path, *flags: str) -> list[dict]:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "ferry", "text": TEXT}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert _bench().main([str(gold), str(pred), *flags]) == 0
    [line] = pred.read_text(encoding="utf-8").splitlines()
    return json.loads(line)["quotes"]


def test_a_broken_quote_is_one_prediction_from_first_to_last_piece(tmp_path: Path) -> None:
    [q] = _run(tmp_path)
    assert TEXT[q["start"] : q["end"]].startswith("We had no choice")
    assert TEXT[q["start"] : q["end"]].endswith("doubled this year.")
    assert TEXT[q["speaker_start"] : q["speaker_end"]] == "Marta Olsen"
    assert "piece" not in q


def test_pieces_writes_each_piece_with_the_quote_s_speaker(tmp_path: Path) -> None:
    first, second = _run(tmp_path, "--pieces")
    assert TEXT[first["start"] : first["end"]] == "We had no choice,"
    assert TEXT[second["start"] : second["end"]] == "Fuel costs doubled this year."
    assert first["piece"] == [0, 2] and second["piece"] == [1, 2]
    for q in (first, second):
        assert q["speaker_name"] == "Marta Olsen" and q["kind"] == "direct"


def _headline_run(tmp_path: Path, headline: str, *flags: str) -> tuple[str, list[dict]]:
    text = headline + "\n\n" + TEXT
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "ferry", "text": text}) + "\n", encoding="utf-8")
    pred = tmp_path / "pred.jsonl"
    assert _bench().main([str(gold), str(pred), *flags]) == 0
    [line] = pred.read_text(encoding="utf-8").splitlines()
    return text, json.loads(line)["quotes"]


def test_a_headline_quote_is_written_as_offsets_into_the_input(tmp_path: Path) -> None:
    text, [first, _body] = _headline_run(tmp_path, "Marta Olsen: Fares Rose Because \u2018We Had No Choice\u2019")
    assert text[first["start"] : first["end"]] == "Fares Rose Because \u2018We Had No Choice\u2019"
    assert text[first["speaker_start"] : first["speaker_end"]] == "Marta Olsen"
    assert first["speaker_name"] == "Marta Olsen" and first["kind"] == "partial"


def test_quotes_in_straight_single_marks_only_are_not_written_for_polnear(tmp_path: Path) -> None:
    # PolNeAR never flags such an attribution direct (docstring of bench/quotes_eval.py)
    headline = "Marta Olsen: Fares Rose Because 'We Had No Choice'"
    _text, [body] = _headline_run(tmp_path, headline)
    assert body["start"] > len(headline)
    text, [first, _body] = _headline_run(tmp_path, headline, "--all-marks")
    assert text[first["start"] : first["end"]] == "Fares Rose Because 'We Had No Choice'"


def test_which_marks_make_a_polnear_direct_quote() -> None:
    bench = _bench()
    for text in (
        'He said "no" twice.',
        "He said \u201cno\u201d twice.",
        "He said ''no'' twice.",
        "He said \u2018no\u2019.",
    ):
        at = text.index("no")
        assert bench.polnear_direct(text, at, at + 2), text
    for text in ("He said 'no' twice.", "He\u2019s sure: no twice.", "OLSEN: no, never."):
        at = text.index("no")
        assert not bench.polnear_direct(text, at, at + 2), text


def test_the_relay_is_written_as_the_outer_source_unless_inner_source(tmp_path: Path) -> None:
    text = "The ferry company raised its fares on Monday.\n\n" + (
        '"We had no choice," Marta Olsen said on Tuesday, according to a recording of the meeting.\n'
    )
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps({"id": "ferry", "text": text}) + "\n", encoding="utf-8")
    written = {}
    for flags in ((), ("--inner-source",)):
        pred = tmp_path / "pred.jsonl"
        assert _bench().main([str(gold), str(pred), *flags]) == 0
        [q] = json.loads(pred.read_text(encoding="utf-8"))["quotes"]
        written[flags] = text[q["speaker_start"] : q["speaker_end"]]
    assert written[()] == "a recording" and written[("--inner-source",)] == "Marta Olsen"
