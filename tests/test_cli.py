"""The command line: success, bad input, batches going on, no partial output, exit codes."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import formats
from newsgraph.cli import main

from conftest import SAMPLES

ERROR_LINE = re.compile(r"^error: (?P<file>[^:]+): (?P<what>.+) \((?P<fix>[^()]+)\)$")


def run(*args: str, input: bytes | None = None) -> "subprocess.CompletedProcess[str]":
    """The real console entry point, as a user runs it."""
    exe = Path(sys.executable).with_name("newsgraph")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newsgraph.cli"]
    return subprocess.run([*cmd, *args], input=input, capture_output=True, timeout=120, text=input is None)


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


@pytest.fixture
def bad_inputs(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a_good.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    (folder / "b_empty.txt").write_bytes(b"")
    (folder / "c_binary.txt").write_bytes(b"\x00\x01\x02\xff" * 50)
    (folder / "d_latin1.txt").write_bytes("Headline\n\nCaf\u00e9 cr\u00e8me".encode("latin-1"))
    (folder / "e_invalid.json").write_text('{"id": "urn:x", "body": [', encoding="utf-8")
    ks = json.loads((SAMPLES / "kitchen_sink.json").read_text())
    dangling = json.loads(json.dumps(ks))
    dangling["quotes"][0]["speaker"] = "urn:newsgraph:person:nobody"
    (folder / "f_dangling.json").write_text(json.dumps(dangling), encoding="utf-8")
    outside = json.loads(json.dumps(ks))
    outside["actors"][3]["mentions"][0]["end"] = 10_000
    (folder / "g_span.json").write_text(json.dumps(outside), encoding="utf-8")
    (folder / "h_good.json").write_text(json.dumps(ks), encoding="utf-8")
    return folder


def test_convert_samples_to_folder_then_validate(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("convert", str(SAMPLES), "--to", "json", "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    expected = sorted(
        p.name.rsplit(".", 1)[0] + ".json" for p in SAMPLES.iterdir() if not p.name.endswith(".meta.json")
    )
    assert written == expected
    assert "converted" in result.stderr
    check = run("validate", *(str(p) for p in sorted(out.iterdir())))
    assert check.returncode == 0, check.stderr
    assert check.stdout.count("ok: ") == len(written)


def test_single_file_to_stdout_is_one_document() -> None:
    result = invoke("convert", str(SAMPLES / "harbour_strike.txt"))
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["headline"].startswith("PORTS") or data["headline"]
    assert result.stderr == ""  # nothing but the document


def test_stdin_to_stdout() -> None:
    text = (SAMPLES / "water_summit.txt").read_bytes()
    result = run("convert", "-", "--from", "text", "--to", "json", input=text)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["body"]


def test_many_articles_to_stdout_are_json_lines(tmp_path: Path) -> None:
    result = invoke("convert", str(SAMPLES / "water_summit.txt"), str(SAMPLES / "fraud_trial.txt"), "-o", "-")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == 2 and all(json.loads(line)["id"] for line in lines)


def test_single_output_file(tmp_path: Path) -> None:
    target = tmp_path / "one.json"
    assert invoke("convert", str(SAMPLES / "fraud_trial.txt"), "-o", str(target)).exit_code == 0
    assert json.loads(target.read_text())["headline"]


def test_options_reach_the_article() -> None:
    result = invoke(
        "convert",
        str(SAMPLES / "fraud_trial.txt"),
        "--published",
        "2023-11-07",
        "--url",
        "https://example.org/a",
        "--publisher",
        "Oslo Post",
        "--language",
        "en",
        "--id-base",
        "https://data.example.org/id/",
    )
    data = json.loads(result.stdout)
    assert data["published"] == "2023-11-07" and data["url"] == "https://example.org/a"
    assert data["publisher"] == "https://data.example.org/id/organization/oslo-post"


def test_batch_goes_on_past_bad_files(bad_inputs: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("convert", str(bad_inputs), "--to", "json", "-o", str(out))
    assert result.returncode == 1
    assert sorted(p.name for p in out.iterdir()) == ["a_good.json", "h_good.json"]  # nothing for bad files
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 6, result.stderr
    for line in errors:
        assert ERROR_LINE.match(line), line
    by_file = {Path(ERROR_LINE.match(e)["file"]).name: e for e in errors}  # type: ignore[index]  # every line matched above
    assert "empty" in by_file["b_empty.txt"]
    assert "binary" in by_file["c_binary.txt"]
    assert "UTF-8" in by_file["d_latin1.txt"]
    assert "invalid JSON at line 1" in by_file["e_invalid.json"]
    assert "quotes[0].speaker" in by_file["f_dangling.json"]
    assert "past the end of paragraph" in by_file["g_span.json"]
    assert "converted 2 of 8 inputs" in result.stderr and "6 failed" in result.stderr


def test_no_partial_output_when_export_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.exporters import native

    calls = []
    real = native.render

    def explode_on_second(article, options):
        calls.append(article.id)
        if len(calls) == 2:
            raise RuntimeError("disk on fire")
        return real(article, options)

    monkeypatch.setattr(native, "render", explode_on_second)
    src = tmp_path / "two.json"
    ks = (SAMPLES / "kitchen_sink.json").read_text()
    src.write_text("[" + ks + "," + ks + "]")
    out = tmp_path / "out"
    out.mkdir()
    result = invoke("convert", str(src), "-o", str(out) + "/", "-j", "1")
    assert result.exit_code == 1
    assert "internal error: RuntimeError: disk on fire" in result.stderr
    assert list(out.iterdir()) == []  # neither the first article's file nor a temp file


def test_existing_output_is_untouched_when_a_rerun_fails(tmp_path: Path) -> None:
    target = tmp_path / "story.json"
    target.write_text("previous good output")
    bad = tmp_path / "story.txt"
    bad.write_bytes(b"Headline\n\n\xc3\x28 not utf-8 at all")
    result = invoke("convert", str(bad), "-o", str(target))
    assert result.exit_code == 1 and target.read_text() == "previous good output"


def test_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    src = tmp_path / "a.json"
    src.write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    result = invoke("convert", str(src), "-o", str(src))
    assert result.exit_code == 1 and "would overwrite the input" in result.stderr
    assert src.read_bytes() == (SAMPLES / "kitchen_sink.json").read_bytes()


def test_output_names_collide_safely(tmp_path: Path) -> None:
    (tmp_path / "in" / "x").mkdir(parents=True)
    (tmp_path / "in" / "y").mkdir()
    for sub in "xy":
        (tmp_path / "in" / sub / "story.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    (tmp_path / "flat").mkdir()
    (tmp_path / "flat" / "story.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    out = tmp_path / "out"
    result = invoke("convert", str(tmp_path / "in"), str(tmp_path / "flat" / "story.txt"), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    found = sorted(str(p.relative_to(out)) for p in out.rglob("*.json"))
    assert found == ["story.json", "x/story.json", "y/story.json"]


def test_missing_input_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = invoke("convert", str(tmp_path / "nope.txt"), str(tmp_path / "empty"), "-o", str(tmp_path / "o"))
    assert result.exit_code == 1
    assert "no such file or folder" in result.stderr and "holds no file newsgraph can read" in result.stderr


def test_unreadable_file(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root reads every file, whatever its permissions")
    f = tmp_path / "secret.txt"
    f.write_text("Headline\n\nBody.")
    f.chmod(0)
    result = invoke("convert", str(f))
    assert result.exit_code == 1 and "permission denied" in result.stderr


def test_bad_sidecar(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    (tmp_path / "s.meta.json").write_text('{"publishd": "2020-01-01"}')
    result = invoke("convert", str(tmp_path / "s.txt"))
    assert result.exit_code == 1 and "unknown keys: publishd" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["convert", "x.txt", "--to", "docx"],
        ["convert"],
        ["frobnicate"],
        ["convert", str(SAMPLES / "fraud_trial.txt"), "--from", "pdf"],
    ],
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    assert CliRunner().invoke(main, args).exit_code == 2


def test_validate_reports_problems(tmp_path: Path) -> None:
    good = tmp_path / "good.json"
    good.write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    bad = tmp_path / "bad.json"
    data = json.loads(good.read_text())
    data["quotes"][0]["kind"] = "rumour"
    bad.write_text(json.dumps(data, indent=2))
    result = invoke("validate", str(good), str(bad))
    assert result.exit_code == 1
    assert f"ok: {good}" in result.stdout
    assert f"error: {bad}: /quotes/0/kind" in result.stderr


def test_formats_lists_the_registry() -> None:
    result = invoke("formats")
    assert result.exit_code == 0
    assert [line.split()[0] for line in result.stdout.splitlines()] == formats.names()


@pytest.mark.parametrize("command", sorted(main.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = invoke(command, "--help")
    assert result.exit_code == 0 and "Example" in result.output and "newsgraph " + command in result.output


@pytest.fixture
def no_standards(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from newsgraph import standards

    monkeypatch.setattr(standards, "search_path", lambda: [tmp_path / "nothing-here"])


@pytest.mark.parametrize("fmt", [f.name for f in formats.FORMATS if f.standards])
def test_missing_official_schema_is_said_once(fmt: str, no_standards: None, tmp_path: Path) -> None:
    result = invoke(
        "convert",
        str(SAMPLES / "fraud_trial.txt"),
        str(SAMPLES / "water_summit.txt"),
        "--to",
        fmt,
        "-o",
        str(tmp_path / "out"),
        "-j",
        "1",
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("warning: the official schema") == 1
    assert "not installed" in result.stderr and "standards install" in result.stderr
    strict = invoke("convert", str(SAMPLES / "fraud_trial.txt"), "--to", fmt, "--strict")
    assert strict.exit_code == 1 and "error: " in strict.stderr and "not installed" in strict.stderr


def test_an_article_without_body_text_is_converted_with_a_warning(tmp_path: Path) -> None:
    # Never an empty success: metadata-only JSON-LD converts, and stderr says the body is empty.
    page = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour reopens"}
    (tmp_path / "meta.jsonld").write_text(json.dumps(page))
    result = run("convert", str(tmp_path / "meta.jsonld"), "--to", "json", "-o", str(tmp_path / "out.json"))
    assert result.returncode == 0
    assert "warning: " in result.stderr and "no body text in 'Harbour reopens'" in result.stderr
    assert "the JSON-LD gives no articleBody" in result.stderr
    assert json.loads((tmp_path / "out.json").read_text())["headline"] == "Harbour reopens"


def test_warnings_past_the_cap_are_counted_not_kept() -> None:
    from newsgraph.api import MAX_WARNINGS, ConvertReport
    from newsgraph.worker import Outcome

    report = ConvertReport()
    for k in range(MAX_WARNINGS + 5):
        report.add(Outcome(f"in{k}.jsonld", articles=1, warnings=["no body text in 'x': none given"]))
    assert len(report.warnings) == MAX_WARNINGS and report.warnings_left_out == 5
    assert report.summary().endswith("; 5 more warnings not shown")
