"""The library: read, extract, export, validate, convert. The CLI is a thin layer over this."""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Literal, Sequence, TextIO

from . import batch, formats, standards, worker
from .errors import InputError, NewsgraphError, OutputError, SchemaMissingError, UsageError
from .exporters import base as export_base
from .exporters.base import ExportOptions
from .extract import pipeline
from .extract.pipeline import ExtractOptions
from .formats import Format
from .inputs import STDIN, Input
from .jobs import Job, iter_jobs
from .model import Article
from .output import atomic_write
from .readers.base import ReadOptions
from .validators.problem import Problem
from .worker import Outcome

Source = str | Path | bytes | BinaryIO

# --- reading ----------------------------------------------------------------------


def detect_format(data: bytes, name: str | None, declared: str | None = None) -> Format:
    """The format named by the caller, else by the file's extension, else by its content."""
    if declared:
        fmt = formats.get(declared)
    else:
        fmt = (formats.by_extension(name) if name else None) or formats.sniff(data[:65536])
        if fmt is None:
            raise InputError("cannot tell which format this is",
                             f"name it with --from ({', '.join(formats.readable_names())})",
                             source=name)
        if fmt.name == "json" and data.lstrip()[:1] in (b"{", b"["):
            # ".json" is shared by our JSON, ninjs and JSON-LD: let the content decide.
            fmt = formats.sniff(data[:65536]) or fmt
        elif fmt.name == "newsml":
            # ".xml" is shared by NewsML-G2 and feeds: the root element decides.
            sniffed = formats.sniff(data[:65536])
            if sniffed is not None and formats.is_feed(sniffed):
                fmt = sniffed
    if not fmt.readable:
        raise UsageError(f"newsgraph cannot read {fmt.name}",
                         f"readable formats: {', '.join(formats.readable_names())}")
    return fmt


def read_bytes(data: bytes, *, format: str | None = None, options: ReadOptions = ReadOptions()) -> list[Article]:
    """Every article in ``data``; ``options.source`` names it in messages."""
    fmt = detect_format(data, None if options.source == "<stdin>" else options.source, format)
    try:
        return list(fmt.load_reader()(data, options))
    except NewsgraphError as err:
        raise err.at(options.source)
    except RecursionError:
        raise InputError("the document is nested too deeply", "flatten it", source=options.source) from None


def read(source: Source, *, format: str | None = None, options: ReadOptions | None = None,
         name: str | None = None, **meta: str) -> list[Article]:
    """Read a file (path), bytes or a binary file object into Articles.

    ``name`` is how messages and provenance call bytes or a stream. ``meta`` fills in
    what the input does not state: ``published``, ``modified``, ``url``, ``publisher``,
    ``language``, ``id_base``.
    """
    if isinstance(source, (str, Path)):
        item = Input(Path(source), Path(Path(source).name), name or str(source))
        data = item.read_bytes()
        opts = _read_options(options, item, meta)
    else:
        if isinstance(source, bytes):
            data = source
        else:
            data = source.read()
            name = name or getattr(source, "name", None)
        opts = replace(options or ReadOptions(), **meta)
        if name:
            opts = replace(opts, source=str(name))
    return read_bytes(data, format=format, options=opts)


def _read_options(base: ReadOptions | None, item: Input, meta: dict[str, str]) -> ReadOptions:
    """Options for one input: the caller's keywords, over its sidecar, over the defaults."""
    return replace(worker.read_options(base or ReadOptions(), item.label, item.sidecar()), **meta)


# --- extraction, export, validation ------------------------------------------------


def extract(article: Article, *, options: ExtractOptions | None = None) -> Article:
    """Enrich an article from its text: structure, actors, quotes, events, dates."""
    return pipeline.run(article, options or ExtractOptions())


def export(articles: Article | Iterable[Article], to: str = "json", *,
           options: ExportOptions = ExportOptions()) -> str:
    """One article as one document, or many as one stream (JSON Lines, newsMessage, ...)."""
    fmt = formats.get(to)
    if isinstance(articles, Article):
        return export_base.render(fmt, articles, options)
    return "".join(export_base.render_many(fmt, articles, options))


def validate(source: Source, *, format: str | None = None, strict: bool = False) -> list[Problem]:
    """Problems of a document against its official schema and the model's rules; [] if valid."""
    if isinstance(source, (str, Path)):
        label = str(source)
        data = Input(Path(source), Path(Path(source).name), label).read_bytes()
    elif isinstance(source, bytes):
        label, data = "<bytes>", source
    else:
        label, data = str(getattr(source, "name", "<stream>")), source.read()
    fmt = detect_format(data, label, format)
    validator = fmt.load_validator()
    if validator is not None:
        try:
            return list(validator(data, strict=strict))
        except RecursionError:
            return [Problem("the document is nested too deeply to check (flatten it)")]
    try:
        read_bytes(data, format=fmt.name, options=ReadOptions(source=label))
    except NewsgraphError as err:
        return [Problem(err.message)]
    return []


# --- conversion -------------------------------------------------------------------


@dataclass
class ConvertReport:
    """What a conversion did: successes counted, failures kept in full.

    Memory stays flat however many inputs pass (a JSON Lines line is an input); a caller
    that wants every outcome as it happens gives ``convert(..., on_outcome=...)``.
    """

    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)
    failed: list[Outcome] = field(default_factory=list)
    inputs: int = 0
    converted: int = 0  # inputs converted (skipped ones not counted)
    skipped: int = 0    # inputs left alone by --skip-existing
    articles: int = 0   # articles written by the converted inputs

    def add(self, outcome: Outcome) -> None:
        self.inputs += 1
        if not outcome.ok:
            self.failed.append(outcome)
        elif outcome.skipped:
            self.skipped += 1
        else:
            self.converted += 1
            self.articles += outcome.articles

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        n, articles = self.inputs, self.articles
        text = (f"converted {self.converted} of {n} input{'s' if n != 1 else ''} "
                f"({articles} article{'s' if articles != 1 else ''}) in {self.seconds:.1f}s")
        if self.skipped:
            text += f"; {self.skipped} skipped (already converted)"
        if self.failed:
            text += f"; {len(self.failed)} failed"
        return text


@dataclass(frozen=True)
class ConvertOptions:
    to: str = "json"
    from_format: str | None = None
    extract: bool | None = None  # None: extract text and HTML, take structured input as it is
    read: ReadOptions = field(default_factory=ReadOptions)
    export: ExportOptions = field(default_factory=ExportOptions)
    extraction: ExtractOptions = field(default_factory=ExtractOptions)
    workers: int = 1  # worker processes (the CLI defaults to the machine's cores)
    glob: str | None = None  # only files whose name or relative path matches, in folders
    fail_fast: bool = False  # stop at the first failed input
    skip_existing: bool = False  # in a folder, leave inputs whose output exists
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster


OnOutcome = Callable[[Outcome], None]


def convert(inputs: Sequence[str | Path], output: str | Path | None = None, *,
            options: ConvertOptions = ConvertOptions(), stdout: TextIO | None = None,
            on_outcome: OnOutcome | None = None) -> ConvertReport:
    """Convert files, folders, JSON Lines or '-' (stdin) to ``options.to``.

    ``output`` None or '-' writes one stream to standard output; an existing folder, a
    path ending in '/', several inputs or a folder input write one file per article into
    a folder; anything else is one file. A bad input is reported in the result (and to
    ``on_outcome`` as it happens) and the others are still converted; nothing is ever
    half-written.
    """
    started = time.perf_counter()
    fmt = formats.get(options.to)
    if not fmt.writable:
        raise UsageError(f"newsgraph cannot write {fmt.name}",
                         f"writable formats: {', '.join(formats.writable_names())}")
    args = [str(i) for i in inputs]
    if not args:
        raise UsageError("no input given", "name files or folders, or '-' for standard input")
    report = ConvertReport(warnings=schema_warnings(fmt, options.export))
    target = None if output in (None, STDIN) else Path(output)
    one_file = fmt.collection and target is not None and not target.is_dir() \
        and not str(output).endswith(("/", "\\")) and formats.by_extension(target) is fmt
    to_folder = target is not None and not one_file and (
        target.is_dir() or str(output).endswith(("/", "\\")) or len(args) > 1
        or any(Path(a).is_dir() for a in args if a != STDIN))
    if target is not None and not to_folder:
        _refuse_overwriting_inputs(target, args)
    if to_folder:
        assert target is not None
        _refuse_an_input_folder(target, args)
        check_writable_folder(target)
    settings = worker.Settings(
        to=options.to, extract=options.extract, read=options.read, export=options.export,
        extraction=options.extraction, folder=str(target) if to_folder else None,
        skip_existing=options.skip_existing)
    items = iter_jobs(args, declared=options.from_format, glob=options.glob,
                      skip=target if to_folder else None)
    outcomes = _engine(items, settings, options)

    def record() -> Iterator[Outcome]:
        for outcome in outcomes:
            report.add(outcome)
            if on_outcome:
                on_outcome(outcome)
            yield outcome
            if options.fail_fast and not outcome.ok:
                return

    if to_folder:
        for _ in record():
            pass
    else:
        _stream(record(), target, fmt, options.export, stdout or sys.stdout, report, on_outcome)
    report.seconds = time.perf_counter() - started
    return report


def _engine(items: Iterable[Job | NewsgraphError], settings: worker.Settings,
            options: ConvertOptions) -> Iterator[Outcome]:
    if options.engine == "dask":
        from .dask import run as run_on_dask

        return run_on_dask(items, settings, scheduler=options.scheduler, workers=options.workers)
    return batch.run(items, settings, workers=options.workers)


def _stream(outcomes: Iterator[Outcome], target: Path | None, fmt: Format, export_options: ExportOptions,
            stdout: TextIO, report: ConvertReport, on_outcome: OnOutcome | None) -> None:
    """All articles as one document (JSON Lines, a newsMessage...), article by article."""
    def articles() -> Iterator[Article]:
        for outcome in outcomes:
            outcome.outputs.append(str(target) if target else "<stdout>")
            yield from outcome.results
            outcome.results = []  # keep memory flat

    stream = articles()
    first = list(itertools.islice(stream, 2))
    if not first:
        return
    try:
        chunks: Iterable[str]
        if len(first) == 1:
            chunks = [export_base.render(fmt, first[0], export_options)]
        else:
            chunks = export_base.render_many(fmt, itertools.chain(first, stream), export_options)
        if target is None:
            for chunk in chunks:
                stdout.write(chunk)
            stdout.flush()
        else:
            atomic_write(target, chunks)
    except NewsgraphError as err:
        failure = Outcome(str(target or "<stdout>"), error=err.at(str(target or "<stdout>")))
        report.add(failure)
        if on_outcome:
            on_outcome(failure)


def schema_warnings(fmt: Format, export_options: ExportOptions) -> list[str]:
    """Say once, before a batch, that an official schema is missing (an error under strict)."""
    absent = standards.missing(fmt.standards) if export_options.validate else []
    if not absent:
        return []
    err = SchemaMissingError(f"the official schema{'s' if len(absent) > 1 else ''} "
                             f"{', '.join(absent)} {'are' if len(absent) > 1 else 'is'} not installed",
                             standards.INSTALL_HINT)
    if export_options.strict:
        raise err
    return [f"{err.what}: {fmt.name} exports are written without that check ({err.fix})"]


def check_writable_folder(folder: Path) -> None:
    """Fail once, up front, rather than once per input, when the output folder is unusable."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        raise OutputError(f"the output folder cannot be written: {err.strerror or err}",
                          "choose a writable folder with -o", source=str(folder)) from None


def _refuse_overwriting_inputs(target: Path, args: list[str]) -> None:
    """An output file (or --errors file) that is an input, named or inside a folder named."""
    if not target.exists():
        return
    for arg in args:
        if arg == STDIN:
            continue
        named = Path(arg).is_file() and Path(arg).resolve() == target.resolve()
        walked = Path(arg).is_dir() and target.resolve().is_relative_to(Path(arg).resolve()) \
            and formats.by_extension(target) is not None
        if named or walked:
            raise OutputError("the output would overwrite the input", "choose another -o path",
                              source=str(target))


def refuse_overwriting_inputs(target: Path, inputs: Sequence[str | Path]) -> None:
    """OutputError when writing ``target`` would replace one of ``inputs``."""
    _refuse_overwriting_inputs(target, [str(i) for i in inputs])


def _refuse_an_input_folder(folder: Path, args: list[str]) -> None:
    # Outputs among the inputs would replace some of them (story.json from story.json) and be
    # read as input by the next run. A folder *inside* an input folder is fine: walks skip it.
    for arg in args:
        if arg != STDIN and Path(arg).is_dir() and Path(arg).resolve() == folder.resolve():
            raise UsageError("the output folder is an input folder",
                             "write to another folder, e.g. -o out/; a folder inside it is fine",
                             source=str(folder))


def read_inputs(inputs: Sequence[str | Path], *,
                options: ConvertOptions = ConvertOptions()) -> Iterator[tuple[str, list[Article] | NewsgraphError]]:
    """Each input (file, or line of a JSON Lines file) with its articles, read and extracted
    when due, or with the error that stopped it: for batches that go on past a bad input (push)."""
    settings = worker.Settings(to=options.to, extract=options.extract, read=options.read,
                               export=options.export, extraction=options.extraction)
    for item in iter_jobs([str(i) for i in inputs], declared=options.from_format, glob=options.glob):
        if isinstance(item, NewsgraphError):
            yield item.source or "?", item
            continue
        try:
            yield item.label, worker.load(item, settings)
        except NewsgraphError as err:
            yield item.label, err.at(item.label)
        except Exception as err:  # noqa: BLE001 - reported per input, the batch goes on
            yield item.label, NewsgraphError(f"internal error: {type(err).__name__}: {err}",
                                             "please report this with the input file", source=item.label)


def iter_articles(inputs: Sequence[str | Path], *, options: ConvertOptions = ConvertOptions()) -> Iterator[Article]:
    """Every article of every input, read (and extracted when due); the first error raises."""
    settings = worker.Settings(to=options.to, extract=options.extract, read=options.read,
                               export=options.export, extraction=options.extraction)
    for item in iter_jobs([str(i) for i in inputs], declared=options.from_format, glob=options.glob):
        if isinstance(item, NewsgraphError):
            raise item
        yield from worker.load(item, settings)
