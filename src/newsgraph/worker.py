"""One job, start to end: read, extract when due, render or write. Runs in any process.

Everything here is a plain function of picklable values, so the same code serves the
in-process run, the process pool (-j N) and Dask workers.
"""

from __future__ import annotations

import ctypes
import multiprocessing
import os
import signal
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import formats
from .errors import InputError, NewsgraphError, OutputError
from .exporters import base as export_base
from .exporters.base import ExportOptions
from .extract import pipeline
from .extract.options import ExtractOptions
from .inputs import Input
from .jobs import Job
from .model import Article
from .output import atomic_write_all, discard_in_progress
from .readers import jsonl
from .readers.base import ReadOptions, decode_text

SIDECAR_KEYS = ("published", "modified", "url", "publisher", "language")


@dataclass(frozen=True)
class Settings:
    """What every job of a batch shares."""

    to: str = "json"
    extract: bool | None = None  # None: extract text and HTML, not structured input
    read: ReadOptions = field(default_factory=ReadOptions)
    export: ExportOptions = field(default_factory=ExportOptions)
    extraction: ExtractOptions = field(default_factory=ExtractOptions)
    folder: str | None = None  # write one file per article here; None: return the articles
    skip_existing: bool = False
    no_clobber: bool = False  # an existing output is an error, not replaced
    # What outputs must never replace: the files named as inputs, the folders walked for
    # inputs (resolved paths). A walk leaves the output folder out, so inside it only named
    # files count.
    input_files: frozenset[str] = frozenset()
    input_folders: tuple[str, ...] = ()


@dataclass
class Outcome:
    """What happened to one input (or one line of a JSON Lines input)."""

    input: str
    articles: int = 0
    outputs: list[str] = field(default_factory=list)
    error: NewsgraphError | None = None
    skipped: bool = False
    index: int = 0
    results: list[Article] = field(default_factory=list)  # stream mode only
    warnings: list[str] = field(default_factory=list)  # converted, but something to know

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def output(self) -> str | None:
        return self.outputs[0] if self.outputs else None


def read_options(base: ReadOptions, label: str, sidecar: dict[str, str]) -> ReadOptions:
    """Options for one input: the caller's, over its sidecar, over nothing."""
    opts = replace(base, source=label)
    unknown = set(sidecar) - set(SIDECAR_KEYS)
    if unknown:
        raise InputError(
            f"its sidecar has unknown keys: {', '.join(sorted(unknown))}",
            f"use only {', '.join(SIDECAR_KEYS)}",
            source=label,
        )
    return replace(opts, **{k: v for k, v in sidecar.items() if getattr(opts, k) is None})  # type: ignore[arg-type]  # mypy checks **meta against every field, the dict "extra" too; only str fields are named


def load(job: Job, settings: Settings) -> list[Article]:
    """The job's articles, read and (when due) extracted."""
    sidecar = Input(Path(job.sidecar), Path(job.stem), job.label).sidecar() if job.sidecar else {}
    opts = read_options(settings.read, job.label, sidecar)
    try:
        if job.format == "jsonl" and job.data is not None:
            article, raw = jsonl.read_record(decode_text(job.data, job.label), opts, job.line)
            articles, structured = [article], not raw
        else:
            data = (
                job.data
                if job.data is not None
                else Input(Path(job.path or ""), Path(job.stem), job.label).read_bytes()
            )
            fmt = formats.detect_format(data, None if job.path is None else job.label, job.format)
            articles = list(fmt.load_reader()(data, opts))
            structured = fmt.structured
    except NewsgraphError as err:
        if job.line is not None:
            err.what = _line_said_once(err.what, job.line)
        raise err.at(job.label)
    except RecursionError:
        raise InputError("the document is nested too deeply", "flatten it", source=job.label) from None
    if not articles:
        raise InputError("holds no article", "check that it is the file you meant", source=job.label)
    if settings.extract if settings.extract is not None else not structured:
        extraction = replace(
            settings.extraction, id_base=opts.id_base, language=opts.language or settings.extraction.language
        )
        articles = [pipeline.run(a, extraction) for a in articles]
    return articles


def _line_said_once(what: str, line: int) -> str:
    # The label already names the line ('corpus.jsonl:3: '): the reader's message need not.
    for said, instead in (
        (f" at line {line}:", ":"),
        (f"line {line}: ", ""),
        (f" at line {line}", ""),
        (f" on line {line}", ""),
    ):
        if said in what:
            return what.replace(said, instead, 1)
    return what


def may_extract(job: Job, settings: Settings) -> bool:
    """Whether extraction can run for this job, judged without reading it."""
    if settings.extract is not None:
        return settings.extract
    fmt = formats.get(job.format) if job.format else formats.by_extension(job.path or "")
    return fmt is None or not fmt.structured


def targets(job: Job, settings: Settings, count: int) -> list[Path]:
    """Output files of a job: STEM.ext for one article, STEM-1.ext ... for many."""
    assert settings.folder is not None
    fmt = formats.get(settings.to)
    ext = ".html" if settings.export.embed_html else fmt.extensions[0]
    base = Path(settings.folder) / job.stem
    if count == 1:
        return [base.with_name(base.name + ext)]
    return [base.with_name(f"{base.name}-{n}{ext}") for n in range(1, count + 1)]


def already_done(job: Job, settings: Settings) -> bool:
    """Every output of the job exists and is not older than its input.

    The number of outputs is that of the input's articles, found by reading it (without
    extraction): a run stopped after 11 of an input's 300 articles did not do it.
    """
    if not (targets(job, settings, 1)[0].exists() or targets(job, settings, 2)[0].exists()):
        return False
    try:
        count = len(load(job, replace(settings, extract=False)))
    except NewsgraphError:
        return False  # the run proper says what is wrong
    since = _modified(job.path) if job.path is not None else None
    for path in targets(job, settings, count):
        written = _modified(str(path))
        if written is None or (since is not None and written < since):
            return False
    return True


def _modified(path: str) -> float | None:
    try:
        return os.stat(path).st_mtime
    except OSError:
        return None


def protected(path: Path, settings: Settings) -> bool:
    """Whether ``path`` is an input of the batch (named, or found by walking a folder)."""
    resolved = path.resolve()
    if str(resolved) in settings.input_files:
        return True
    if formats.by_extension(path) is None:
        return False  # a walk reads only files of a known format
    folder = Path(settings.folder).resolve() if settings.folder else None
    for root in map(Path, settings.input_folders):
        walked_past = folder is not None and folder.is_relative_to(root) and resolved.is_relative_to(folder)
        if resolved.is_relative_to(root) and not walked_past:
            return True
    return False


def _check_targets(job: Job, paths: list[Path], settings: Settings) -> None:
    for path in paths:
        if not path.exists():
            continue
        if (job.path is not None and path.resolve() == Path(job.path).resolve()) or protected(path, settings):
            # (story.json converted to json in the folder it came from; a.txt beside a.json)
            raise OutputError(
                f"its output {path} would overwrite an input", "write to another folder with -o", source=job.label
            )
        if settings.no_clobber:
            raise OutputError(
                f"its output {path} exists (--no-clobber)",
                "remove it, or drop --no-clobber to replace it",
                source=job.label,
            )


def empty_body(article: Article) -> str:
    """Why an article came out without body text, in the reader's words when it gave them."""
    notes = article.provenance.notes if article.provenance else []
    why = next((n for n in notes if "body" in n or "no text" in n), "the input gives no text for it")
    return f"no body text in {article.headline or article.id!r}: {why}"


def run(job: Job, settings: Settings) -> Outcome:
    """Process one job; never raises for a problem of the input itself."""
    outcome = Outcome(job.label, index=job.index)
    try:
        if settings.folder is not None and settings.skip_existing and already_done(job, settings):
            outcome.skipped = True
            return outcome
        articles = load(job, settings)
        outcome.articles = len(articles)
        outcome.warnings = [empty_body(a) for a in articles if not a.body]
        if settings.folder is None:
            outcome.results = articles
            return outcome
        fmt = formats.get(settings.to)
        rendered = [export_base.render(fmt, a, settings.export) for a in articles]  # all or nothing
        paths = targets(job, settings, len(articles))
        _check_targets(job, paths, settings)
        atomic_write_all([(path, [text]) for path, text in zip(paths, rendered)])
        outcome.outputs.extend(str(path) for path in paths)
    except NewsgraphError as err:
        outcome.error = err.at(job.label).detached()
    except Exception as err:  # noqa: BLE001 - one input's failure must not stop the batch
        outcome.error = NewsgraphError(
            f"internal error: {type(err).__name__}: {err}", "please report this with the input file", source=job.label
        )
    return outcome


# --- a worker process's life -------------------------------------------------------------

PR_SET_PDEATHSIG = 1  # linux/prctl.h


def started() -> None:
    """Set up a worker process: Ctrl-C is the parent's to handle (one line, not a traceback
    per worker), SIGTERM stops it at once without leaving a temp file, and it gets SIGTERM
    when the parent dies, however it dies (never an orphan waiting forever)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _stop)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):  # no prctl: the parent's own shutdown still stops us
            pass
    parent = multiprocessing.parent_process()
    if parent is not None and os.getppid() != parent.pid:  # it died before prctl took effect
        _stop(signal.SIGTERM, None)


def _stop(signum: int, frame: object) -> None:
    discard_in_progress()
    os._exit(128 + signum)
