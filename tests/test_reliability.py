"""No loss, no hang, no surprise (issue 21): output names, inputs never replaced, resuming a
stopped run, the --errors file, dead workers, interrupts, library calls with wrong types."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph.cli import main

from conftest import SAMPLES


def invoke(*args: str, input: str | bytes | None = None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def many(n: int) -> str:
    """A newsgraph JSON array of n articles (the kitchen sink under n ids)."""
    base = json.loads((SAMPLES / "kitchen_sink.json").read_text(encoding="utf-8"))
    return json.dumps([{**base, "id": f"urn:newsgraph:article:many-{i}"} for i in range(n)])


# --- 1. output names never collide ---------------------------------------------------


def test_an_input_named_like_a_numbered_output_gets_its_own_name(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "story.json").write_text(many(2), encoding="utf-8")
    (src / "story-1.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    result = invoke("convert", str(src), "-o", str(out), "-j", "1", "--no-extract")
    assert result.exit_code == 0, result.stderr
    written = sorted(p.name for p in out.iterdir())
    assert len(written) == 3, written  # 3 articles, 3 files
    assert "3 articles" in result.stderr


@pytest.mark.parametrize(
    "stems",
    [
        ["story", "story-1"],
        ["story-1", "story"],
        ["a", "a", "a-2"],
        ["A", "a-1"],
        ["x-10", "x", "x_2-1"],
        ["feed", "feed-000001"],  # a feed's items are feed-000001 ..., claimed through "feed"
        ["feed-000002", "feed"],
    ],
)
def test_claimed_stems_never_share_an_output(stems: list[str]) -> None:
    from newsgraph.jobs import OutputNames

    names = OutputNames()
    claimed = [names.claim(s) for s in stems]
    outputs: set[str] = set()
    for stem in claimed:
        mine = {stem.casefold()} | {f"{stem}-{n}".casefold() for n in range(1, 30)}
        mine |= {f"{stem}-{n:06d}".casefold() for n in range(1, 30)}  # a feed's items, JSON Lines lines
        assert not outputs & mine, (stems, claimed)
        outputs |= mine


# --- 2. an input is never overwritten -------------------------------------------------


def test_a_named_input_in_the_output_folder_is_never_replaced(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    original = (SAMPLES / "kitchen_sink.json").read_bytes()
    (src / "a.json").write_bytes(original)
    result = invoke("convert", str(src / "a.txt"), str(src / "a.json"), "-o", f"{src}/", "-j", "1")
    assert result.exit_code == 1
    assert "would overwrite an input" in result.stderr
    assert (src / "a.json").read_bytes() == original


def test_an_input_folder_inside_the_output_folder_is_never_replaced(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sub" / "sub").mkdir(parents=True)
    original = (SAMPLES / "kitchen_sink.json").read_bytes()
    (out / "sub" / "a.json").write_bytes(original)
    (out / "sub" / "sub" / "a.json").write_bytes(original.replace(b"kitchen", b"kitchens"))
    result = invoke("convert", str(out / "sub"), "-o", str(out), "-j", "1")
    assert result.exit_code == 1 and "would overwrite an input" in result.stderr
    assert (out / "sub" / "a.json").read_bytes() == original


# --- 3. --skip-existing skips only what was done --------------------------------------


def test_skip_existing_redoes_an_input_whose_outputs_are_incomplete(tmp_path: Path) -> None:
    src, out = tmp_path / "story.json", tmp_path / "out"
    src.write_text(many(5), encoding="utf-8")
    assert invoke("convert", str(src), "-o", f"{out}/", "-j", "1").exit_code == 0
    for n in (3, 4, 5):  # as a killed or disk-full run leaves it
        (out / f"story-{n}.json").unlink()
    result = invoke("convert", str(src), "-o", f"{out}/", "-j", "1", "--skip-existing")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [f"story-{n}.json" for n in range(1, 6)]
    assert "skipped" not in result.stderr


def test_skip_existing_converts_a_new_input_of_the_same_stem(tmp_path: Path) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "story.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    assert invoke("convert", str(src), "-o", str(out), "-j", "1", "--no-extract").exit_code == 0
    page = "<html><head><title>Bridge</title></head><body><article><h1>Bridge</h1><p>{}</p></article></body></html>"
    (src / "story.html").write_text(page.format("The council approved the bridge on Tuesday. " * 5))
    later = time.time() + 5  # the new file is newer than what was written before
    os.utime(src / "story.html", (later, later))
    result = invoke("convert", str(src), "-o", str(out), "-j", "1", "--no-extract", "--skip-existing")
    assert result.exit_code == 0, result.stderr
    headlines = sorted(json.loads(p.read_text())["headline"] for p in out.iterdir())
    assert "Bridge" in headlines and len(headlines) == 2


def test_skip_existing_redoes_an_input_changed_since(tmp_path: Path) -> None:
    src, out = tmp_path / "a.txt", tmp_path / "out"
    src.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    assert invoke("convert", str(src), "-o", f"{out}/", "--no-extract").exit_code == 0
    src.write_text("Changed headline\n\nA new first paragraph.\n", encoding="utf-8")
    later = time.time() + 5
    os.utime(src, (later, later))
    result = invoke("convert", str(src), "-o", f"{out}/", "--no-extract", "--skip-existing")
    assert result.exit_code == 0
    assert json.loads((out / "a.json").read_text())["headline"] == "Changed headline"


# --- 4. the --errors file ---------------------------------------------------------------


@pytest.mark.parametrize("where", ["output-file", "output-in-folder"])
def test_the_errors_file_never_replaces_an_output(tmp_path: Path, where: str) -> None:
    good = tmp_path / "a.txt"
    good.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    out = tmp_path / "out"
    if where == "output-file":
        args = [str(good), "-o", str(tmp_path / "a.json"), "--errors", str(tmp_path / "a.json")]
    else:
        args = [str(good), str(tmp_path / "missing.txt"), "-o", str(out), "--errors", str(out / "a.json")]
    result = invoke("convert", *args, "--no-extract")
    assert result.exit_code == 2
    assert "the --errors file could replace an output" in result.stderr
    assert not (tmp_path / "a.json").exists() and not out.exists()


def test_an_errors_file_that_cannot_be_written_is_found_before_the_batch(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    good = tmp_path / "a.txt"
    good.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    result = invoke("convert", str(good), "-o", str(tmp_path / "out") + "/", "--errors", str(blocker / "e.jsonl"))
    assert result.exit_code == 2 and "the folder of the --errors file does not exist" in result.stderr
    assert not (tmp_path / "out").exists()


# --- 5. a worker killed (out of memory) fails its input only ----------------------------


def test_a_killed_worker_fails_its_input_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph import worker

    real_load = worker.load

    def load(job, settings):  # as the out-of-memory killer does to the worker that reads it
        if "killer" in job.label:
            os.kill(os.getpid(), signal.SIGKILL)
        return real_load(job, settings)

    monkeypatch.setattr(worker, "load", load)  # the workers are forked: they see it
    names = [f"{i:02d}.txt" for i in range(8)] + ["killer.txt"] + [f"{i:02d}b.txt" for i in range(8)]
    for name in names:
        (tmp_path / name).write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    out = tmp_path / "out"
    report = newsgraph.convert(
        [str(tmp_path / n) for n in names], out, options=newsgraph.ConvertOptions(workers=2, extract=False)
    )
    assert [o.input for o in report.failed] == [str(tmp_path / "killer.txt")]
    assert "a worker process died" in str(report.failed[0].error)
    assert report.converted == len(names) - 1
    assert len(list(out.glob("*.json"))) == len(names) - 1


def test_a_batch_stopped_early_leaves_no_pool_thread_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A pool's manager thread still closing its wake-up pipe when the interpreter exits races
    with the exit hook that writes to it (Python 3.11 prints "handle is closed" after the
    batch's last line); a slow close, as on a loaded machine, shows whether it is waited for."""
    import threading
    from concurrent.futures import process as futures_process

    from newsgraph import batch
    from newsgraph.jobs import Job
    from newsgraph.worker import Settings

    real_close = futures_process._ThreadWakeup.close

    def slow_close(self) -> None:
        time.sleep(1.5)
        real_close(self)

    monkeypatch.setattr(futures_process._ThreadWakeup, "close", slow_close)
    source = tmp_path / "a.txt"
    source.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    jobs = [Job(i, str(source), f"{i:02d}", path=str(source)) for i in range(40)]
    outcomes = batch.run(jobs, Settings(extract=False), workers=2)
    assert next(outcomes).ok
    outcomes.close()  # as an interrupt does: the generator's finally stops the pool early
    left = [t for t in threading.enumerate() if isinstance(t, futures_process._ExecutorManagerThread)]
    assert not left


# --- 6. interrupts: one line, exit 130 / 143, no orphan, no temp file ----------------------


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = (task / "children").read_text().split() if (task / "children").exists() else []
        found |= {int(c) for c in children}
    return found


def _gone(pids: set[int], patience: float = 20.0) -> bool:
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if not [
            p
            for p in pids
            if Path(f"/proc/{p}").exists() and "Z" not in (Path(f"/proc/{p}/stat").read_text().split()[2:3] or ["Z"])
        ]:
            return True
        time.sleep(0.1)
    return False


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_an_interrupted_batch_stops_its_workers_and_leaves_no_temp_file(tmp_path: Path, signum: int, code: int) -> None:
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    texts = sorted(SAMPLES.glob("*.txt"))
    # Enough files that the batch is still running when a loaded machine lets the test look
    # again (40 finished once between the first output and the signal); it is stopped early,
    # so more files cost no time.
    for i in range(400):
        (src / f"{i:03d}.txt").write_bytes(texts[i % len(texts)].read_bytes())
    proc = subprocess.Popen(
        [sys.executable, "-m", "newsgraph", "convert", str(src), "-o", str(out), "-j", "2", "-q"],
        stderr=subprocess.PIPE,
        start_new_session=True,
    )  # (inherits PYTHONPATH)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not (out.exists() and list(out.glob("*.json"))):
            time.sleep(0.05)
        assert proc.poll() is None, "the batch ended before it could be interrupted"
        workers = _children(proc.pid)
        assert workers
        if signum == signal.SIGINT:
            os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C reaches the whole process group
        else:
            proc.send_signal(signal.SIGTERM)  # only the parent
        _, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    lines = stderr.decode().strip().splitlines()
    assert proc.returncode == code, lines
    assert len(lines) == 1 and lines[0].startswith("interrupted ("), lines
    assert _gone(workers), "workers outlived the parent"
    assert not [p.name for p in out.iterdir() if p.name.startswith(".")]


def test_stale_temp_files_of_a_killed_run_are_removed_by_the_next(tmp_path: Path) -> None:
    out = tmp_path / "out"
    (out / "sub").mkdir(parents=True)
    dead = 4_000_000 + os.getpid() % 100_000  # above any pid_max Linux allows by default
    stale = [out / f".newsgraph.{dead}.0a1b2c3d.tmp", out / "sub" / f".newsgraph.{dead}.00ff.tmp"]
    live = out / f".newsgraph.{os.getppid()}.abcdef01.tmp"  # a run still going
    for path in [*stale, live]:
        path.write_text("{")
    src = tmp_path / "a.txt"
    src.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    assert invoke("convert", str(src), "-o", f"{out}/", "--no-extract").exit_code == 0
    assert not any(p.exists() for p in stale) and live.exists()


# --- 7. library calls with wrong types: TypeError or a NewsgraphError naming the field ------


def test_convert_takes_one_path_as_one_input(tmp_path: Path) -> None:
    src = tmp_path / "story.txt"
    src.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    for given in (str(src), src):
        out = tmp_path / f"out-{type(given).__name__}"
        report = newsgraph.convert(given, f"{out}/", options=newsgraph.ConvertOptions(extract=False))
        assert report.inputs == 1 and report.converted == 1
        assert [p.name for p in out.iterdir()] == ["story.json"]


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: newsgraph.read(None), r"source must be a path, bytes or a binary file object, not NoneType"),
        (lambda: newsgraph.read(42), r"source must be .*not int"),
        (lambda: newsgraph.extract("an article"), r"article must be an Article .*not str"),
        (lambda: newsgraph.export("text"), r"articles must be an Article or an iterable of them, not str"),
        (lambda: newsgraph.export([1]), r"articles\[0\] must be an Article, not int"),
        (lambda: newsgraph.validate(None), r"source must be .*not NoneType"),
        (lambda: newsgraph.convert(None), r"inputs must be a path or a list of paths, not NoneType"),
        (lambda: newsgraph.convert([None]), r"inputs\[0\] must be a path"),
        (lambda: newsgraph.convert(["a.txt"], options={"to": "json"}), r"options must be a ConvertOptions, not dict"),
        (lambda: newsgraph.ConvertOptions(workers="2"), r"ConvertOptions\.workers must be a number, not str"),
        (lambda: newsgraph.ConvertOptions(read=None), r"ConvertOptions\.read must be a ReadOptions"),
    ],
)
def test_wrong_types_are_type_errors_naming_the_argument(call, message: str) -> None:
    with pytest.raises(TypeError, match=message):
        call()


@pytest.mark.parametrize(
    "call, message",
    [
        (lambda: newsgraph.ConvertOptions(workers=0), r"ConvertOptions\.workers must be 1 or more, not 0"),
        (lambda: newsgraph.ConvertOptions(engine="bogus"), r"ConvertOptions\.engine must be 'local' or 'dask'"),
        (lambda: newsgraph.ConvertOptions(to="bogus"), r"unknown format 'bogus'"),
        (lambda: newsgraph.ConvertOptions(to="text"), r"ConvertOptions\.to: newsgraph cannot write text"),
        (lambda: newsgraph.Article(id="urn:x:a", headline=3), r"headline"),
        (lambda: newsgraph.Article(id="not a uri"), r"the article breaks a rule of the model: id: "),
    ],
)
def test_wrong_values_are_newsgraph_errors_naming_the_field(call, message: str) -> None:
    with pytest.raises(newsgraph.NewsgraphError, match=message):
        call()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda a: setattr(a, "body", None),
        lambda a: setattr(a, "quotes", [*a.quotes, a.quotes[0]]),  # a duplicate id
        lambda a: setattr(a.quotes[0].spans[0], "paragraph", 10_000),  # a span past the body
        lambda a: setattr(a, "language", "not a language tag!"),
    ],
)
@pytest.mark.parametrize("to", ["json", "newsml", "jsonld", "ninjs"])
def test_exporting_a_mutated_invalid_article_is_a_model_error(kitchen_sink, mutate, to: str) -> None:
    mutate(kitchen_sink)
    with pytest.raises(newsgraph.ModelError):
        newsgraph.export(kitchen_sink, to=to)
    with pytest.raises(newsgraph.ModelError):
        newsgraph.export([kitchen_sink], to=to)


# --- 12. validate: folders walked, 'ok' only when a check ran --------------------------------


def test_validate_walks_the_folders_of_a_run(tmp_path: Path) -> None:
    out = tmp_path / "out"
    for fmt in ("json", "newsml", "ninjs"):
        result = invoke(
            "convert",
            str(SAMPLES / "kitchen_sink.json"),
            str(SAMPLES / "fraud_trial.txt"),
            "--to",
            fmt,
            "-o",
            f"{out}/{fmt}/",
            "--no-extract",
            "-j",
            "1",
        )
        assert result.exit_code == 0, result.stderr
    result = invoke("validate", *(str(p) for p in sorted(out.iterdir())))  # `validate out/*`
    assert result.exit_code == 0, result.output
    assert result.stdout.count("ok: ") == 6, result.output
    assert "is a folder" not in result.output


def test_validate_says_not_checked_for_what_it_could_not_check(tmp_path: Path) -> None:
    text = tmp_path / "a.txt"
    text.write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    result = invoke("validate", str(text))
    assert result.exit_code == 0 and "ok:" not in result.stdout
    assert f"not checked: {text}: text has no schema to check against" in result.stderr
    assert invoke("validate", str(text), "--strict").exit_code == 1


def test_validate_checks_a_page_by_its_json_ld(tmp_path: Path) -> None:
    page = tmp_path / "story.html"
    assert (
        invoke(
            "convert", str(SAMPLES / "kitchen_sink.json"), "--to", "jsonld", "--embed-html", "-o", str(page)
        ).exit_code
        == 0
    )
    good = invoke("validate", str(page))
    assert good.exit_code == 0 and f"ok: {page}" in good.stdout, good.stderr
    page.write_text(page.read_text(encoding="utf-8").replace('"@type"', '"@type": ,', 1), encoding="utf-8")
    broken = invoke("validate", str(page))
    assert broken.exit_code == 1 and "ok:" not in broken.stdout
    assert "not valid JSON" in broken.stderr


def test_validate_without_the_official_schemas_says_not_checked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsgraph import standards
    from newsgraph.validators import newsml as newsml_validate

    xml = tmp_path / "a.newsml.xml"
    assert invoke("convert", str(SAMPLES / "kitchen_sink.json"), "--to", "newsml", "-o", str(xml)).exit_code == 0
    monkeypatch.setattr(standards, "search_path", lambda: [tmp_path / "nothing-here"])
    monkeypatch.setattr(newsml_validate, "_schema", None)
    result = invoke("validate", str(xml))
    assert result.exit_code == 0 and "ok:" not in result.stdout
    assert f"not checked: {xml}: not checked against the NewsML-G2 XSD" in result.stderr
    assert invoke("validate", str(xml), "--strict").exit_code == 1


# --- 13. the command after the README's setup -------------------------------------------------


def test_the_readme_says_how_to_run_newsgraph_and_python_m_works() -> None:
    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    setup = readme[: readme.index("## Command line")]
    assert "source .venv/bin/activate" in setup and ".venv/bin/newsgraph" in setup and "pipx" in setup
    result = subprocess.run(
        [sys.executable, "-m", "newsgraph", "--version"], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0 and result.stdout.startswith("newsgraph, version")


# --- 14. outputs readable as the umask says ------------------------------------------------------


def test_outputs_follow_the_umask_and_keep_the_mode_they_replace(tmp_path: Path) -> None:
    src = tmp_path / "a.json"
    src.write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    script = "import sys; from newsgraph.cli import main; main(['convert', sys.argv[1], '-o', sys.argv[2], '-q'])"

    def convert(out: Path, umask: int) -> None:
        subprocess.run(
            [sys.executable, "-c", script, str(src), str(out)],
            check=True,
            timeout=120,
            preexec_fn=lambda: os.umask(umask),
        )

    served = tmp_path / "served.json"
    convert(served, 0o022)
    assert served.stat().st_mode & 0o777 == 0o644  # a web server can read it
    private = tmp_path / "private.json"
    convert(private, 0o077)
    assert private.stat().st_mode & 0o777 == 0o600
    served.chmod(0o664)
    convert(served, 0o077)
    assert served.stat().st_mode & 0o777 == 0o664  # replacing a file keeps its mode


# --- 15. the output's extension, --no-clobber ------------------------------------------------------


def test_the_format_follows_the_output_extension(tmp_path: Path) -> None:
    xml = tmp_path / "story.xml"
    assert invoke("convert", str(SAMPLES / "kitchen_sink.json"), "-o", str(xml)).exit_code == 0
    assert xml.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    page = tmp_path / "story.html"
    assert invoke("convert", str(SAMPLES / "kitchen_sink.json"), "-o", str(page)).exit_code == 0
    assert "application/ld+json" in page.read_text(encoding="utf-8")


def test_a_folder_of_inputs_to_feed_xml_is_one_news_message(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for name in ("a", "b"):
        (src / f"{name}.json").write_text(many(1).replace("many-0", f"many-{name}"), encoding="utf-8")
    feed = tmp_path / "feed.xml"
    result = invoke("convert", str(src), "-o", str(feed), "-j", "1")
    assert result.exit_code == 0, result.stderr
    assert feed.is_file() and "<newsMessage" in feed.read_text(encoding="utf-8")


def test_a_clash_between_to_and_the_extension_is_a_usage_error(tmp_path: Path) -> None:
    result = invoke("convert", str(SAMPLES / "kitchen_sink.json"), "--to", "json", "-o", str(tmp_path / "s.xml"))
    assert result.exit_code == 2 and "names another format than json" in result.stderr
    assert "add --to newsml" in result.stderr and not (tmp_path / "s.xml").exists()


def test_no_clobber_refuses_to_replace_an_output(tmp_path: Path) -> None:
    out = tmp_path / "story.json"
    out.write_text("earlier", encoding="utf-8")
    result = invoke("convert", str(SAMPLES / "kitchen_sink.json"), "-o", str(out), "--no-clobber")
    assert result.exit_code == 1 and "exists (--no-clobber)" in result.stderr
    assert out.read_text(encoding="utf-8") == "earlier"
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "kitchen_sink.json").write_text("earlier", encoding="utf-8")
    result = invoke(
        "convert",
        str(SAMPLES / "kitchen_sink.json"),
        str(SAMPLES / "fraud_trial.txt"),
        "-o",
        str(folder),
        "--no-clobber",
        "--no-extract",
    )
    assert result.exit_code == 1 and "exists (--no-clobber)" in result.stderr
    assert (folder / "kitchen_sink.json").read_text(encoding="utf-8") == "earlier"
    assert (folder / "fraud_trial.json").exists()


# --- 16. exit codes, counts and messages that say what happened ------------------------------------------


def test_a_bad_option_value_is_a_usage_error() -> None:
    result = invoke("convert", str(SAMPLES / "fraud_trial.txt"), "--published", "last Tuesday", "--no-extract")
    assert result.exit_code == 2
    assert "--published 'last Tuesday' is not valid" in result.stderr and result.stderr.count("error:") == 1


def test_an_output_that_cannot_be_written_is_not_counted_as_an_input(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = invoke("convert", str(SAMPLES / "kitchen_sink.json"), "-o", str(blocker / "out.json"))
    assert result.exit_code == 1
    assert "converted 0 of 1 input" in result.stderr and "the output could not be written" in result.stderr


def test_fail_fast_counts_every_file_it_wrote(tmp_path: Path) -> None:
    import multiprocessing

    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    (src / "00.json").write_text("{broken", encoding="utf-8")  # fails at once, the others in flight
    texts = sorted(SAMPLES.glob("*.txt"))
    for i in range(1, 12):
        (src / f"{i:02d}.txt").write_bytes(texts[i % len(texts)].read_bytes())
    result = invoke("convert", str(src), "-o", str(out), "-j", "2", "--fail-fast")
    for process in multiprocessing.active_children():  # whatever still runs has its say on disk
        process.join(60)
    assert result.exit_code == 1
    written = len(list(out.glob("*.json"))) if out.exists() else 0
    plural = "s" if written + 1 != 1 else ""
    assert f"converted {written} of {written + 1} input{plural} " in result.stderr, (written, result.stderr)


def test_a_glob_matching_nothing_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes((SAMPLES / "fraud_trial.txt").read_bytes())
    result = invoke("convert", str(tmp_path), "--glob", "*.TXT", "-o", str(tmp_path / "out"))
    assert result.exit_code == 1 and "no file in the folder matches --glob '*.TXT'" in result.stderr


def test_utf16_json_lines_with_a_byte_order_mark(tmp_path: Path) -> None:
    lines = "".join(json.dumps({"text": f"Headline {i}\n\nBody {i}, with ü."}) + "\n" for i in range(3))
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        path = tmp_path / f"{encoding}.jsonl"
        data = lines.encode(encoding)
        if encoding == "utf-16-be":
            data = b"\xfe\xff" + data
        path.write_bytes(data)
        out = tmp_path / f"out-{encoding}"
        result = invoke("convert", str(path), "-o", f"{out}/", "--no-extract", "-j", "1")
        assert result.exit_code == 0, result.stderr
        assert sorted(json.loads(p.read_text())["headline"] for p in out.iterdir()) == [
            "Headline 0",
            "Headline 1",
            "Headline 2",
        ]


def test_a_json_lines_error_names_the_line_once(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text('{"text": "H\\n\\nB."}\n{"text": "broken"\n', encoding="utf-8")
    result = invoke("convert", str(path), "-o", f"{tmp_path / 'out'}/", "--no-extract")
    [line] = [ln for ln in result.stderr.splitlines() if ln.startswith("error:")]
    assert line.startswith(f"error: {path}:2: invalid JSON") and line.count("2") == 1 + str(path).count("2"), line


def test_an_input_name_near_the_file_system_limit(tmp_path: Path) -> None:
    name = "x" * (255 - len(".json")) + ".json"
    src = tmp_path / "in"
    src.mkdir()
    (src / name).write_bytes((SAMPLES / "kitchen_sink.json").read_bytes())
    result = invoke("convert", str(src / name), "-o", f"{tmp_path / 'out'}/")
    assert result.exit_code == 0, result.stderr
    assert (tmp_path / "out" / name).exists()


def test_a_refused_dask_scheduler_fails_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    distributed = pytest.importorskip("distributed")

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("Dask's client was started: it retries a refused address for 20 s")

    monkeypatch.setattr(distributed, "Client", never)
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = invoke(
        "convert", str(SAMPLES / "fraud_trial.txt"), "--engine", "dask", "--scheduler", f"tcp://127.0.0.1:{port}"
    )
    assert result.exit_code == 2 and "cannot reach the Dask scheduler" in result.stderr


# --- 9. work linear in the input: hostile shapes (timings are in bench/bench_scaling.py) -------------


def test_the_byline_patterns_never_run_on_a_long_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """A base64 blob after the headline: '\\S+@' tried at every offset was quadratic (400 KB: 163 s)."""
    from newsgraph.lexicon import bylines as byline

    seen: list[int] = []
    real = byline._HANDLE

    class Recording:
        def sub(self, repl: str, text: str) -> str:
            seen.append(len(text))
            return real.sub(repl, text)

    monkeypatch.setattr(byline, "_HANDLE", Recording())
    blob = "QUJD" * 25_000  # 100 KB, one token
    [article] = newsgraph.read(
        f"Council approves bridge\n\n{blob}\n\nThe council met on Tuesday.\n".encode(), format="text"
    )
    newsgraph.extract(article)
    assert all(n <= 1000 for n in seen), max(seen)  # (a byline is far shorter)
    assert byline.split_names("By Jane Doe @janedoe jane@example.org https://example.org/jane") is not None


def test_the_email_pattern_starts_only_where_a_word_starts() -> None:
    from newsgraph.lexicon import bylines as byline

    assert byline._HANDLE.sub(" ", "By Jane Doe jane.doe@example.org").strip() == "By Jane Doe"
    assert byline._HANDLE.search("x" * 50 + "@") is None


def test_spacy_is_given_no_long_run_of_punctuation(monkeypatch: pytest.MonkeyPatch) -> None:
    """20,000 quote marks: spaCy's tokenizer took 45 s on the run; it gets it broken by spaces."""
    import re

    from newsgraph.extract import nlp

    given: list[str] = []
    real_load = nlp.load

    def load(model: str = nlp.DEFAULT_MODEL):
        pipeline = real_load(model)

        class Watched:
            max_length = pipeline.max_length

            def pipe(self, texts, **kwargs):
                texts = list(texts)
                given.extend(texts)
                return pipeline.pipe(texts, **kwargs)

        return Watched()

    monkeypatch.setattr(nlp, "load", load)
    nlp.forget()
    text = "Council approves bridge\n\nThe mayor said " + '"' * 5_000 + " on Tuesday.\n"
    [article] = newsgraph.read(text.encode(), format="text")
    result = newsgraph.extract(article)
    assert given and not any(re.search(r"[^\w\s]{17,}", t) for t in given)
    assert result.body[0].text.count('"') == 5_000  # the article's own text is untouched


@pytest.mark.parametrize("text", ['"' * 100, "a " + "!?." * 40 + " b", "«»" * 50 + "x", "short !!!"])
def test_breaking_punctuation_runs_keeps_length_and_words(text: str) -> None:
    from newsgraph.extract import nlp

    broken = nlp._tokenizable(text)
    assert len(broken) == len(text)
    assert all(b == t or (b == " " and not t.isalnum()) for b, t in zip(broken, text))


# --- 11. many articles into one file: streamed, one article at a time ---------------------------


@pytest.mark.parametrize("to, options", [("newsml", {}), ("jsonld", {"embed_html": True})])
def test_one_file_of_many_articles_is_streamed(kitchen_sink, to: str, options: dict) -> None:
    from newsgraph import formats
    from newsgraph.exporters import base
    from newsgraph.exporters.base import ExportOptions

    pulled: list[int] = []

    def articles():
        for i in range(5):
            pulled.append(i)
            yield kitchen_sink.model_copy(update={"id": f"urn:newsgraph:article:stream-{i}"})

    chunks = base.render_many(formats.get(to), articles(), ExportOptions(**options))
    first = next(chunks)
    assert len(pulled) <= 2  # the first chunk came before the rest was read (before: all 5)
    text = first + "".join(chunks)
    assert len(pulled) == 5
    assert [p for p in newsgraph.validate(text.encode(), format=to) if p.severity == "error"] == []
    assert len(newsgraph.read(text.encode(), format=to)) == 5


@pytest.mark.parametrize("to, name", [("ninjs", "story.json"), ("jsonld", "all.jsonl"), ("json", "all.jsonl")])
def test_json_containers_take_any_json_format(tmp_path: Path, to: str, name: str) -> None:
    out = tmp_path / name
    result = invoke("convert", str(SAMPLES / "kitchen_sink.json"), "--to", to, "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert out.is_file()
