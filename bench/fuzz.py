"""Fuzzing outside CI: every reader, and the full pipeline on text, over many inputs.

Each target feeds one kind of input to one entry point and checks what the tests check,
at a scale CI cannot afford:

- ``FORMAT:junk``     well-formed but wrong documents of the format (tests/junk.py)
- ``FORMAT:damaged``  real exports of generated articles (or junk) with bytes cut, flipped, inserted
- ``FORMAT:bytes``    arbitrary bytes
- ``sniff:junk``      a junk document of any format, its format guessed from the content
- ``pipeline:text``   raw text (hostile, odd line endings, odd encodings) read, extracted by
                      the whole pipeline (spaCy included) and exported to every format

A *crash* is any exception other than NewsgraphError from reading; a NewsgraphError whose
message lacks its fix; an article that was read but cannot be exported, or whose export does
not read back to the same article. A *hang* is an input running longer than ``--hang``
seconds: faulthandler prints where it was and the input is kept. Each crash is written to
``OUT/crashes/`` with its traceback; the summary (inputs per target, crashes, slowest inputs)
goes to standard output and ``OUT/summary.json``.

Engines: ``hypothesis`` (default; structure-aware, the strategies of the tests) and
``atheris`` (coverage-guided byte mutation of a corpus of those documents; needs
``pip install atheris==3.0.0``, the ``fuzz`` extra).

    .venv/bin/python bench/fuzz.py --inputs 200000 --jobs 2
    .venv/bin/python bench/fuzz.py --targets newsml:junk,html:junk --inputs 5000
    .venv/bin/python bench/fuzz.py --engine atheris --targets newsml:bytes --inputs 50000
"""

from __future__ import annotations

import argparse
import faulthandler
import hashlib
import json
import multiprocessing
import os
import sys
import time
import traceback
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests"))


@dataclass
class Report:
    target: str
    inputs: int = 0
    articles: int = 0
    errors: int = 0  # clear NewsgraphErrors: the expected outcome for most junk
    crashes: dict[str, dict[str, Any]] = field(default_factory=dict)  # signature -> details
    slowest: list[tuple[float, str]] = field(default_factory=list)  # seconds, saved input
    seconds: float = 0.0


_WARM_UP = 20


class Crash(Exception):
    """A property broken without an exception of its own (a round trip that differs)."""


# --- what every input goes through ------------------------------------------------------------


def check_read(data: bytes, name: str | None, turn: int) -> int:
    """Validate and read ``data``; export every article to one writable format (in turn) and
    read it back.

    Returns the number of articles, or -1 for a clear NewsgraphError."""
    import newsgraph
    from newsgraph import NewsgraphError, formats

    try:
        newsgraph.validate(data, format=name)  # problems or a NewsgraphError, never a crash
    except NewsgraphError:
        pass
    try:
        articles = newsgraph.read_bytes(data, format=name)
    except NewsgraphError as err:
        if not (err.what and err.fix):
            raise Crash(f"an error without its fix: {err}") from None
        return -1
    writable = [f.name for f in formats.FORMATS if f.writable]
    for n, article in enumerate(articles):
        to = writable[(turn + n) % len(writable)]
        text = newsgraph.export(article, to=to)
        back = newsgraph.read_bytes(text.encode("utf-8"), format=to)
        if back != [article]:
            raise Crash(f"the {to} export of a read article reads back differently")
    return len(articles)


def check_pipeline(data: bytes, name: str | None, turn: int) -> int:
    """Text read, extracted by the whole pipeline, exported to every format and read back."""
    import newsgraph
    from newsgraph import NewsgraphError, formats

    try:
        articles = newsgraph.read_bytes(data, format="text")
        extracted_all = [newsgraph.extract(a) for a in articles]  # (an all-furniture text is an error)
    except NewsgraphError as err:
        if not (err.what and err.fix):
            raise Crash(f"an error without its fix: {err}") from None
        return -1
    for extracted in extracted_all:
        for fmt in formats.FORMATS:
            if fmt.writable:
                back = newsgraph.read_bytes(newsgraph.export(extracted, to=fmt.name).encode("utf-8"), format=fmt.name)
                if back != [extracted]:
                    raise Crash(f"the {fmt.name} export of an extracted article reads back differently")
    return len(articles)


def target_strategy(target: str) -> tuple[Any, Callable[[bytes, str | None, int], int], str | None]:
    """The hypothesis strategy of a target, its check, and the format it names (None: sniffed)."""
    from hypothesis import strategies as st

    from junk import JUNK, damaged, text_documents

    name, _, kind = target.partition(":")
    if name == "pipeline":
        from strategies import hostile_text, text as plain_text

        prose = st.lists(st.one_of(plain_text, hostile_text()), min_size=2, max_size=8).map(
            lambda ps: "\n\n".join(ps).encode("utf-8")
        )
        return st.one_of(text_documents(), prose), check_pipeline, "text"
    if name == "sniff":
        return st.one_of(*JUNK.values()), check_read, None
    strategy = {
        "junk": lambda: JUNK[name],
        "damaged": lambda: damaged(name),
        "bytes": lambda: st.binary(max_size=4096),
    }[kind]()
    return strategy, check_read, name


def all_targets() -> list[str]:
    from newsgraph import formats

    readable = [f.name for f in formats.FORMATS if f.readable]
    return [f"{n}:{k}" for k in ("junk", "damaged", "bytes") for n in readable] + ["sniff:junk", "pipeline:text"]


# --- running one target -------------------------------------------------------------------------


def _signature(err: BaseException) -> str:
    """Exception type and the innermost newsgraph frame: one signature per distinct bug."""
    if isinstance(err, Crash):  # a broken property: its message tells which
        return f"Crash: {err}"[:120]
    frames = traceback.extract_tb(err.__traceback__)
    ours = [f for f in frames if "/newsgraph/" in f.filename] or frames
    where = f"{Path(ours[-1].filename).name}:{ours[-1].lineno}" if ours else "?"
    return f"{type(err).__name__} at {where}"


class Runner:
    def __init__(self, target: str, out: Path, hang: float) -> None:
        self.target, self.out, self.hang = target, out, hang
        self.report = Report(target)
        self.current = out / "current" / f"{target.replace(':', '-')}.bin"
        self.current.parent.mkdir(parents=True, exist_ok=True)
        (out / "crashes").mkdir(parents=True, exist_ok=True)
        (out / "slow").mkdir(parents=True, exist_ok=True)

    def run_one(self, data: bytes, check: Callable[[bytes, str | None, int], int], name: str | None) -> None:
        self.current.write_bytes(data)  # a hang kills the process: this is the input that did it
        faulthandler.dump_traceback_later(self.hang, exit=True)
        start = time.perf_counter()
        try:
            found = check(data, name, self.report.inputs)
            if found < 0:
                self.report.errors += 1
            else:
                self.report.articles += found
        except Exception as err:  # every exception here is a finding
            self._crash(err, data)
        finally:
            faulthandler.cancel_dump_traceback_later()
        took = time.perf_counter() - start
        self.report.inputs += 1
        self._maybe_slow(took, data)

    def _crash(self, err: BaseException, data: bytes) -> None:
        sig = _signature(err)
        entry = self.report.crashes.get(sig)
        if entry is None:
            digest = hashlib.sha256(data).hexdigest()[:12]
            path = self.out / "crashes" / f"{self.target.replace(':', '-')}-{digest}"
            path.with_suffix(".bin").write_bytes(data)
            path.with_suffix(".txt").write_text("".join(traceback.format_exception(err)), encoding="utf-8")
            entry = self.report.crashes[sig] = {
                "count": 0,
                "input": str(path.with_suffix(".bin")),
                "message": f"{type(err).__name__}: {err}"[:300],
            }
        entry["count"] += 1

    def _maybe_slow(self, took: float, data: bytes) -> None:
        slowest = self.report.slowest
        if self.report.inputs <= _WARM_UP:
            return  # the first inputs load schemas and models: their time says nothing
        if len(slowest) < 3 or took > slowest[-1][0]:
            digest = hashlib.sha256(data).hexdigest()[:12]
            path = self.out / "slow" / f"{self.target.replace(':', '-')}-{digest}-{took:.2f}s.bin"
            path.write_bytes(data)
            slowest.append((took, str(path)))
            slowest.sort(reverse=True)
            for _, dropped in slowest[3:]:
                if dropped not in (p for _, p in slowest[:3]):
                    Path(dropped).unlink(missing_ok=True)
            del slowest[3:]


def run_hypothesis(target: str, inputs: int, out: Path, hang: float, seed: int) -> Report:
    from hypothesis import HealthCheck, Phase, given, settings, seed as hypothesis_seed, strategies as st

    strategy, check, name = target_strategy(target)
    runner = Runner(target, out, hang)
    started = time.perf_counter()

    @hypothesis_seed(seed)
    @settings(
        max_examples=inputs,
        phases=[Phase.generate],
        database=None,
        deadline=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.data())
    def fuzz(data: st.DataObject) -> None:
        runner.run_one(data.draw(strategy), check, name)

    fuzz()
    runner.report.seconds = time.perf_counter() - started
    return runner.report


def run_atheris(target: str, inputs: int, out: Path, hang: float, seed: int) -> Report:
    """Coverage-guided: libFuzzer mutates a corpus drawn from the target's own strategy."""
    import atheris  # the "fuzz" extra
    from hypothesis import HealthCheck, Phase, given, settings, seed as hypothesis_seed, strategies as st

    strategy, check, name = target_strategy(target)
    corpus = out / "corpus" / target.replace(":", "-")
    corpus.mkdir(parents=True, exist_ok=True)

    @hypothesis_seed(seed)
    @settings(
        max_examples=200, phases=[Phase.generate], database=None, deadline=None, suppress_health_check=list(HealthCheck)
    )
    @given(st.data())
    def seed_corpus(data: st.DataObject) -> None:
        doc = data.draw(strategy)
        (corpus / hashlib.sha256(doc).hexdigest()[:16]).write_bytes(doc)

    seed_corpus()
    # Coverage: load every reader, exporter and validator of the registry (they are imported
    # lazily), then instrument what is loaded.
    from newsgraph import formats

    for fmt in formats.FORMATS:
        fmt.load_reader() if fmt.readable else None
        fmt.load_exporter() if fmt.writable else None
        fmt.load_validator()
    atheris.instrument_all()
    runner = Runner(target, out, hang)
    started = time.perf_counter()

    def one(data: bytes) -> None:
        runner.run_one(data, check, name)
        if runner.report.inputs >= inputs:
            _save(runner, started)
            os._exit(0)

    def _save(r: Runner, t0: float) -> None:
        r.report.seconds = time.perf_counter() - t0
        (out / f"{target.replace(':', '-')}.json").write_text(json.dumps(asdict(r.report)), encoding="utf-8")

    atheris.Setup([sys.argv[0], f"-seed={seed}", f"-runs={inputs}", "-max_len=65536", str(corpus)], one)
    atheris.Fuzz()
    _save(runner, started)
    return runner.report


def _work(job: tuple[str, str, int, str, float, int]) -> dict[str, Any]:
    engine, target, inputs, out, hang, seed = job
    if engine == "atheris":
        # libFuzzer ends the process itself: run it in a child and read the report it leaves.
        import subprocess

        subprocess.run(
            [
                sys.executable,
                __file__,
                "--engine",
                "atheris",
                "--child",
                "--targets",
                target,
                "--inputs",
                str(inputs),
                "--out",
                out,
                "--hang",
                str(hang),
                "--seed",
                str(seed),
            ],
            check=False,
        )
        saved = Path(out) / f"{target.replace(':', '-')}.json"
        return json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else asdict(Report(target))
    report = asdict(run_hypothesis(target, inputs, Path(out), hang, seed))
    # Each target's report as soon as it is done: a long run stopped early still tells.
    (Path(out) / f"{target.replace(':', '-')}.json").write_text(json.dumps(report), encoding="utf-8")
    crashes = sum(c["count"] for c in report["crashes"].values())
    print(f"done {target}: {report['inputs']} inputs, {crashes} crashes, {report['seconds']:.0f}s", flush=True)
    return report


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=20_000, help="inputs in all, shared by the targets")
    parser.add_argument("--targets", default="", help="comma-separated (default: all; see the module doc)")
    parser.add_argument("--engine", choices=["hypothesis", "atheris"], default="hypothesis")
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--hang", type=float, default=60.0, help="seconds after which an input is a hang")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--out", default=str(ROOT / "bench" / "results" / "fuzz"))
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()

    targets = [t for t in args.targets.split(",") if t] or all_targets()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    if args.child:  # one atheris target in this process
        run_atheris(targets[0], args.inputs, out, args.hang, args.seed)
        return 0
    # The pipeline (spaCy, every exporter) is ~20x slower per input than a reader: a smaller share.
    weights = {t: (0.2 if t.startswith("pipeline") else 1.0) for t in targets}
    total = sum(weights.values())
    jobs = [
        (args.engine, t, max(1, int(args.inputs * weights[t] / total)), str(out), args.hang, args.seed + i)
        for i, t in enumerate(targets)
    ]
    started = time.perf_counter()
    if args.jobs > 1:
        with multiprocessing.get_context("spawn").Pool(args.jobs) as pool:
            reports = pool.map(_work, jobs, chunksize=1)
    else:
        reports = [_work(job) for job in jobs]
    summary = {
        "engine": args.engine,
        "seconds": round(time.perf_counter() - started, 1),
        "inputs": sum(r["inputs"] for r in reports),
        "reports": reports,
    }
    (out / "summary.json").write_text(json.dumps(summary, indent=2), encoding="utf-8")
    print(f"{'target':<18} {'inputs':>8} {'errors':>8} {'articles':>9} {'crashes':>8} {'slowest':>8}  seconds")
    for r in reports:
        slowest = f"{r['slowest'][0][0]:.2f}s" if r["slowest"] else "-"
        crashes = sum(c["count"] for c in r["crashes"].values())
        print(
            f"{r['target']:<18} {r['inputs']:>8} {r['errors']:>8} {r['articles']:>9} {crashes:>8} "
            f"{slowest:>8}  {r['seconds']:.0f}"
        )
    print(f"{summary['inputs']} inputs in {summary['seconds']:.0f}s")
    found = {sig: c for r in reports for sig, c in r["crashes"].items()}
    for sig, c in found.items():
        print(f"CRASH {sig} x{c['count']}: {c['message']}\n      input: {c['input']}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
