"""Batches: JSON Lines in and out, workers, order, skip/fail-fast/errors file, Dask."""

from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph import ConvertOptions, OutputError
from newsgraph.cli import main
from newsgraph.output import atomic_write

from conftest import SAMPLES


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def raw_record(path: Path, **meta: str) -> str:
    return json.dumps({"text": path.read_text(encoding="utf-8"), **meta}, ensure_ascii=False)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A JSON Lines file mixing raw-text records and our JSON, with a broken line in the middle."""
    ks = json.dumps(json.loads((SAMPLES / "kitchen_sink.json").read_text()))
    lines = [
        raw_record(SAMPLES / "water_summit.txt", published="2025-10-05", id="water-1"),
        ks,
        '{"text": "Headline only"',  # broken JSON
        raw_record(SAMPLES / "fraud_trial.txt", url="https://example.org/fraud"),
        "",
        raw_record(SAMPLES / "rate_decision.txt"),
    ]
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_jsonl_to_folder_one_file_per_article(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("convert", str(corpus), "-o", f"{out}/", "-j", "2")
    assert result.exit_code == 1
    names = sorted(p.name for p in out.iterdir())
    assert names == ["corpus-000001.json", "corpus-000002.json", "corpus-000004.json", "corpus-000006.json"]
    assert f"error: {corpus}:3: invalid JSON: " in result.stderr and "line 3" not in result.stderr  # named once
    assert "converted 4 of 5 inputs" in result.stderr and "1 failed" in result.stderr
    first = json.loads((out / "corpus-000001.json").read_text())
    assert first["published"] == "2025-10-05"
    assert first["id"] == newsgraph.mint_article_id("water-1")
    assert json.loads((out / "corpus-000004.json").read_text())["url"] == "https://example.org/fraud"


def test_jsonl_from_stdin_to_json_lines_on_stdout(corpus: Path) -> None:
    lines = [ln for i, ln in enumerate(corpus.read_text().splitlines()) if i != 2]
    result = invoke("convert", "-", "--from", "jsonl", "-j", "1", input="\n".join(lines))
    assert result.exit_code == 0, result.stderr
    out = result.stdout.splitlines()
    assert len(out) == 4 and all(json.loads(line)["id"] for line in out)


def test_output_bytes_do_not_depend_on_workers(tmp_path: Path) -> None:
    inputs = [str(p) for p in sorted(SAMPLES.glob("*.txt"))] * 3
    streams = [invoke("convert", *inputs, "-o", "-", "-j", j).stdout for j in ("1", "2")]
    assert streams[0] == streams[1] and streams[0].count("\n") == len(inputs)
    folders = []
    for j in ("1", "2"):
        out = tmp_path / f"out{j}"
        assert invoke("convert", str(SAMPLES), "-o", str(out), "-j", j).exit_code == 0
        folders.append({p.name: p.read_bytes() for p in out.iterdir()})
    assert folders[0] == folders[1]


def test_skip_existing_converts_only_what_is_new(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    out = tmp_path / "out"
    assert invoke("convert", str(src), "-o", str(out)).exit_code == 0
    before = (out / "a.json").stat().st_mtime_ns
    (src / "b.txt").write_bytes((SAMPLES / "water_summit.txt").read_bytes())
    result = invoke("convert", str(src), "-o", str(out), "--skip-existing")
    assert result.exit_code == 0
    assert "converted 1 of 2 inputs" in result.stderr and "1 skipped" in result.stderr
    assert (out / "a.json").stat().st_mtime_ns == before and (out / "b.json").exists()


def test_fail_fast_stops_at_the_first_error(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = invoke("convert", str(corpus), "-o", f"{out}/", "-j", "1", "--fail-fast")
    assert result.exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == ["corpus-000001.json", "corpus-000002.json"]


def test_errors_file(corpus: Path, tmp_path: Path) -> None:
    errors = tmp_path / "errors.jsonl"
    invoke("convert", str(corpus), "-o", str(tmp_path / "out") + "/", "--errors", str(errors))
    [record] = [json.loads(line) for line in errors.read_text().splitlines()]
    assert record["input"] == f"{corpus}:3"
    assert record["error"].startswith("invalid JSON") and record["hint"]


def test_glob_filters_folder_inputs(tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert invoke("convert", str(SAMPLES), "--glob", "*.txt", "-o", str(out)).exit_code == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(p.stem + ".json" for p in SAMPLES.glob("*.txt"))


def test_symlinks_loops_and_escapes(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    (src / "sub" / "loop").symlink_to(src, target_is_directory=True)
    secret = tmp_path / "secret.txt"
    secret.write_text("Secret\n\nNot for conversion.")
    (src / "escape.txt").symlink_to(secret)
    result = invoke("convert", str(src), "-o", str(tmp_path / "out"))
    assert result.exit_code == 1
    assert "pointing outside the input folder" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.json"]


def test_unwritable_output_folder_fails_once(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = invoke("convert", str(SAMPLES), "-o", str(blocker / "out"))
    assert result.exit_code == 1
    assert result.stderr.count("error:") == 1 and "output folder cannot be written" in result.stderr


def test_disk_full_leaves_nothing_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    with pytest.raises(OutputError, match="disk is full"):
        atomic_write(tmp_path / "x.json", ["{}"])
    monkeypatch.setattr(os, "fsync", real_fsync)
    assert list(tmp_path.iterdir()) == []


def test_report_and_callback() -> None:
    seen = []
    report = newsgraph.convert(
        [SAMPLES / "fraud_trial.txt", SAMPLES / "nope.txt"],
        "-",
        options=ConvertOptions(workers=1),
        on_outcome=seen.append,
        stdout=open(os.devnull, "w"),
    )
    assert [o.ok for o in seen] == [True, False] and not report.ok
    assert "converted 1 of 2 inputs" in report.summary()


def test_dask_engine_gives_the_same_bytes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    # Dask workers are fresh processes: they see the installed version, not the test's frozen one.
    from importlib.metadata import version as installed

    monkeypatch.setattr(newsgraph.version, "__version__", installed("newsgraph"))
    inputs = [SAMPLES]
    outs = {}
    for engine in ("local", "dask"):
        out = tmp_path / engine
        report = newsgraph.convert(inputs, out, options=ConvertOptions(engine=engine, workers=2))
        assert report.ok, report.failed
        outs[engine] = {p.name: p.read_bytes() for p in out.iterdir()}
    assert outs["dask"] == outs["local"] and len(outs["dask"]) == len(list(SAMPLES.glob("*.txt"))) + 1


def test_dask_bad_scheduler_is_a_usage_error() -> None:
    pytest.importorskip("distributed")
    result = invoke("convert", str(SAMPLES / "fraud_trial.txt"), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.stderr


def test_jsonl_lines_of_other_formats_read_as_what_they_are(tmp_path: Path, kitchen_sink) -> None:
    lines = [
        newsgraph.export([kitchen_sink], to=name).strip()
        for name in ("json", "jsonld", "ninjs")
        if name in newsgraph.formats.names()
    ]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(lines) + "\n")
    articles = newsgraph.read(path)
    assert len(articles) == len(lines)
    assert {a.headline for a in articles} == {kitchen_sink.headline}
