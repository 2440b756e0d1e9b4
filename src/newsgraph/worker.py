"""One job, start to end: read, extract when due, render or write. Runs in any process.

Everything here is a plain function of picklable values, so the same code serves the
in-process run, the process pool (-j N) and Dask workers.
"""

from __future__ import annotations

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
from .output import atomic_write
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
        raise InputError(f"its sidecar has unknown keys: {', '.join(sorted(unknown))}",
                         f"use only {', '.join(SIDECAR_KEYS)}", source=label)
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
            data = job.data if job.data is not None else \
                Input(Path(job.path or ""), Path(job.stem), job.label).read_bytes()
            fmt = formats.detect_format(data, None if job.path is None else job.label, job.format)
            articles = list(fmt.load_reader()(data, opts))
            structured = fmt.structured
    except NewsgraphError as err:
        raise err.at(job.label)
    except RecursionError:
        raise InputError("the document is nested too deeply", "flatten it", source=job.label) from None
    if not articles:
        raise InputError("holds no article", "check that it is the file you meant", source=job.label)
    if settings.extract if settings.extract is not None else not structured:
        extraction = replace(settings.extraction, id_base=opts.id_base,
                             language=opts.language or settings.extraction.language)
        articles = [pipeline.run(a, extraction) for a in articles]
    return articles


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
    return any(p.exists() for p in (targets(job, settings, 1)[0], targets(job, settings, 2)[0]))


def run(job: Job, settings: Settings) -> Outcome:
    """Process one job; never raises for a problem of the input itself."""
    outcome = Outcome(job.label, index=job.index)
    try:
        if settings.folder is not None and settings.skip_existing and already_done(job, settings):
            outcome.skipped = True
            return outcome
        articles = load(job, settings)
        outcome.articles = len(articles)
        if settings.folder is None:
            outcome.results = articles
            return outcome
        fmt = formats.get(settings.to)
        rendered = [export_base.render(fmt, a, settings.export) for a in articles]  # all or nothing
        paths = targets(job, settings, len(articles))
        if job.path is not None and any(p.resolve() == Path(job.path).resolve() for p in paths):
            # (story.json converted to json in the folder it came from)
            raise OutputError("its output would overwrite the input itself",
                              "write to another folder with -o", source=job.label)
        for path, text in zip(paths, rendered):
            atomic_write(path, [text])
            outcome.outputs.append(str(path))
    except NewsgraphError as err:
        outcome.error = err.at(job.label).detached()
    except Exception as err:  # noqa: BLE001 - one input's failure must not stop the batch
        outcome.error = NewsgraphError(f"internal error: {type(err).__name__}: {err}",
                                       "please report this with the input file", source=job.label)
    return outcome
