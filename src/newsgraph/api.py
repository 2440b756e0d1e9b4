"""The library: read, extract, export, validate, convert. The CLI is a thin layer over this."""

from __future__ import annotations

import itertools
import sys
import tempfile
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, BinaryIO, Callable, Iterable, Iterator, Literal, Sequence, TextIO

from . import batch, formats, standards, worker
from .errors import InputError, ModelError, NewsgraphError, OutputError, SchemaMissingError, UsageError
from .exporters import base as export_base
from .exporters.base import ExportOptions
from .extract import pipeline
from .extract.options import ExtractOptions
from .formats import Format, detect_format
from .inputs import STDIN, Input
from .jobs import Job, iter_jobs
from .model import Article, revalidated
from .output import atomic_write, remove_stale_temp_files
from .readers.base import ReadOptions
from .validators.problem import Problem
from .worker import Outcome

Source = str | Path | bytes | BinaryIO

# --- reading ----------------------------------------------------------------------


def read_bytes(data: bytes, *, format: str | None = None, options: ReadOptions = ReadOptions()) -> list[Article]:
    """Every article in ``data``; ``options.source`` names it in messages."""
    fmt = detect_format(data, None if options.source == "<stdin>" else options.source, format)
    try:
        return list(fmt.load_reader()(data, options))
    except NewsgraphError as err:
        raise err.at(options.source)
    except RecursionError:
        raise InputError("the document is nested too deeply", "flatten it", source=options.source) from None


def read(
    source: Source,
    *,
    format: str | None = None,
    options: ReadOptions | None = None,
    name: str | None = None,
    **meta: str,
) -> list[Article]:
    """Read a file (path), bytes or a binary file object into Articles.

    ``name`` is how messages and provenance call bytes or a stream. ``meta`` fills in
    what the input does not state: ``published``, ``modified``, ``url``, ``publisher``,
    ``language``, ``id_base``.
    """
    _expect(source, (str, Path, bytes, bytearray), "source", "a path, bytes or a binary file object", readable=True)
    _expect(format, (str, type(None)), "format", "a format name or None")
    _expect(options, (ReadOptions, type(None)), "options", "a ReadOptions or None")
    if isinstance(source, bytearray):
        source = bytes(source)
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
        opts = replace(options or ReadOptions(), **meta)  # type: ignore[arg-type]  # mypy checks **meta against every field, the dict "extra" too; only str fields are named
        if name:
            opts = replace(opts, source=str(name))
    return read_bytes(data, format=format, options=opts)


def _read_options(base: ReadOptions | None, item: Input, meta: dict[str, str]) -> ReadOptions:
    """Options for one input: the caller's keywords, over its sidecar, over the defaults."""
    return replace(worker.read_options(base or ReadOptions(), item.label, item.sidecar()), **meta)  # type: ignore[arg-type]  # mypy checks **meta against every field, the dict "extra" too; only str fields are named


# --- extraction, export, validation ------------------------------------------------


def extract(article: Article, *, options: ExtractOptions | None = None) -> Article:
    """Enrich an article from its text: structure, actors, quotes, events, dates."""
    _expect(article, Article, "article", "an Article (newsgraph.read gives them)")
    _expect(options, (ExtractOptions, type(None)), "options", "an ExtractOptions or None")
    # checked by the pipeline, not here: an argument stays held by the caller until the call
    # returns, and the checked copy of a huge article would be held all through extraction
    return pipeline.run(article, options or ExtractOptions(), check=True)


def checked(article: Article) -> Article:
    """``article`` validated again: one changed after it was made (``article.body = ...``) may
    break a rule of the model, which would otherwise fail deep inside an exporter, or not at all."""
    return revalidated(article)


def _expect(value: object, types: type | tuple[type, ...], name: str, what: str, *, readable: bool = False) -> None:
    """A TypeError naming the argument, at the boundary, rather than an AttributeError deep inside."""
    if isinstance(value, types) or (readable and callable(getattr(value, "read", None))):
        return
    raise TypeError(f"{name} must be {what}, not {type(value).__name__}")


def export(articles: Article | Iterable[Article], to: str = "json", *, options: ExportOptions = ExportOptions()) -> str:
    """One article as one document, or many as one stream (JSON Lines, newsMessage, ...)."""
    _expect(to, str, "to", "a format name")
    _expect(options, ExportOptions, "options", "an ExportOptions")
    fmt = formats.get(to)
    if isinstance(articles, Article):
        return export_base.render(fmt, checked(articles), options)
    if isinstance(articles, (str, bytes)) or not isinstance(articles, Iterable):
        raise TypeError(f"articles must be an Article or an iterable of them, not {type(articles).__name__}")

    def each() -> Iterator[Article]:
        for n, article in enumerate(articles):
            _expect(article, Article, f"articles[{n}]", "an Article")
            yield checked(article)

    return "".join(export_base.render_many(fmt, each(), options))


def validate(source: Source, *, format: str | None = None, strict: bool = False) -> list[Problem]:
    """Problems of a document against its official schema and the model's rules; [] if valid."""
    _expect(source, (str, Path, bytes), "source", "a path, bytes or a binary file object", readable=True)
    _expect(format, (str, type(None)), "format", "a format name or None")
    if isinstance(source, (str, Path)):
        label = str(source)
        data = Input(Path(source), Path(Path(source).name), label).read_bytes()
    elif isinstance(source, bytes):
        label, data = "<bytes>", source
    else:
        label, data = str(getattr(source, "name", "<stream>")), source.read()
    fmt = detect_format(data, label, format)
    validator = fmt.load_validator()
    if validator is None and fmt.name == "html" and b"application/ld+json" in data.lower():
        validator = formats.get("jsonld").load_validator()  # a page made with --embed-html
    if validator is not None:
        try:
            return list(validator(data, strict=strict))
        except RecursionError:
            return [Problem("the document is nested too deeply to check (flatten it)")]
    try:
        read_bytes(data, format=fmt.name, options=ReadOptions(source=label))
    except NewsgraphError as err:
        return [Problem(err.message)]
    # It reads, and that is all: there is no schema of this format to check it against.
    why = (
        "a page without JSON-LD has no schema to check against"
        if fmt.name == "html"
        else f"{fmt.name} has no schema to check against"
    )
    return [Problem(f"{why}; it was only read", severity="error" if strict else "warning", unchecked=True)]


# --- conversion -------------------------------------------------------------------


MAX_WARNINGS = 100  # a report keeps this many warnings in full, then counts the rest


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
    skipped: int = 0  # inputs left alone by --skip-existing
    articles: int = 0  # articles written by the converted inputs
    outputs_failed: int = 0  # the one output file (or stdout) could not be written
    warnings_left_out: int = 0  # warnings past MAX_WARNINGS, counted only

    def lost(self, outcome: Outcome) -> None:
        """The single output could not be written: nothing the inputs gave was kept."""
        self.failed.append(outcome)
        self.outputs_failed += 1
        self.converted = self.articles = 0

    def add(self, outcome: Outcome) -> None:
        self.inputs += 1
        for warning in outcome.warnings:
            self.warn(f"{outcome.input}: {warning}")
        if not outcome.ok:
            self.failed.append(outcome)
        elif outcome.skipped:
            self.skipped += 1
        else:
            self.converted += 1
            self.articles += outcome.articles

    def warn(self, warning: str) -> None:
        """Keep a warning; past MAX_WARNINGS only count them, so memory stays flat."""
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(warning)
        else:
            self.warnings_left_out += 1

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        n, articles = self.inputs, self.articles
        text = (
            f"converted {self.converted} of {n} input{'s' if n != 1 else ''} "
            f"({articles} article{'s' if articles != 1 else ''}) in {self.seconds:.1f}s"
        )
        if self.skipped:
            text += f"; {self.skipped} skipped (already converted)"
        if len(self.failed) > self.outputs_failed:
            text += f"; {len(self.failed) - self.outputs_failed} failed"
        if self.outputs_failed:
            text += "; the output could not be written"
        if self.warnings_left_out:
            text += f"; {self.warnings_left_out} more warnings not shown"
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
    no_clobber: bool = False  # an existing output is an error, not replaced
    engine: Literal["local", "dask"] = "local"
    scheduler: str | None = None  # Dask scheduler address; None: a LocalCluster

    def __post_init__(self) -> None:
        # Checked when made, so that a wrong value names its field instead of failing later.
        for name, types, what in _OPTION_TYPES:
            _expect(getattr(self, name), types, f"ConvertOptions.{name}", what)
        if isinstance(self.workers, bool) or self.workers < 1:
            raise UsageError(
                f"ConvertOptions.workers must be 1 or more, not {self.workers!r}",
                "give the number of worker processes, e.g. workers=2",
            )
        if self.engine not in ("local", "dask"):
            raise UsageError(
                f"ConvertOptions.engine must be 'local' or 'dask', not {self.engine!r}",
                "use engine='local' (this machine) or engine='dask'",
            )
        if not formats.get(self.to).writable:
            raise UsageError(
                f"ConvertOptions.to: newsgraph cannot write {self.to}",
                f"writable formats: {', '.join(formats.writable_names())}",
            )
        if self.from_format is not None and not formats.get(self.from_format).readable:
            raise UsageError(
                f"ConvertOptions.from_format: newsgraph cannot read {self.from_format}",
                f"readable formats: {', '.join(formats.readable_names())}",
            )


_OPTION_TYPES: list[tuple[str, type | tuple[type, ...], str]] = [
    ("to", str, "a format name"),
    ("from_format", (str, type(None)), "a format name or None"),
    ("extract", (bool, type(None)), "True, False or None"),
    ("read", ReadOptions, "a ReadOptions"),
    ("export", ExportOptions, "an ExportOptions"),
    ("extraction", ExtractOptions, "an ExtractOptions"),
    ("workers", int, "a number"),
    ("glob", (str, type(None)), "a pattern or None"),
    ("fail_fast", bool, "True or False"),
    ("skip_existing", bool, "True or False"),
    ("no_clobber", bool, "True or False"),
    ("engine", str, "'local' or 'dask'"),
    ("scheduler", (str, type(None)), "an address or None"),
]


OnOutcome = Callable[[Outcome], None]


def _settings(options: ConvertOptions, **batch: Any) -> worker.Settings:
    """What every job of a batch shares, from the convert options (the one place); ``batch``:
    what only a batch into files knows (its folder, the inputs it must never overwrite...)."""
    return worker.Settings(
        to=options.to,
        extract=options.extract,
        read=options.read,
        export=options.export,
        extraction=options.extraction,
        **batch,
    )


def convert(
    inputs: Sequence[str | Path] | str | Path,
    output: str | Path | None = None,
    *,
    options: ConvertOptions = ConvertOptions(),
    stdout: TextIO | None = None,
    on_outcome: OnOutcome | None = None,
) -> ConvertReport:
    """Convert files, folders, JSON Lines or '-' (stdin) to ``options.to``.

    ``inputs`` is one path (a str or a Path) or a list of them. ``output`` None or '-'
    writes one stream to standard output; an existing folder, a path ending in '/', or (for
    a path without a format's extension) several inputs or a folder input write one file
    per article into a folder; anything else is one file. A bad input is reported in the
    result (and to ``on_outcome`` as it happens) and the others are still converted;
    nothing is ever half-written.
    """
    started = time.perf_counter()
    _expect(options, ConvertOptions, "options", "a ConvertOptions")
    _expect(output, (str, Path, type(None)), "output", "a path, '-' or None")
    fmt = formats.get(options.to)
    args = input_arguments(inputs)
    if not args:
        raise UsageError("no input given", "name files or folders, or '-' for standard input")
    check_read_options(options.read)
    report = ConvertReport(warnings=schema_warnings(fmt, options.export))
    target, to_folder = output_target(args, output)
    _prepare_output(target, to_folder, args, options)
    settings = _settings(
        options,
        folder=str(target) if to_folder else None,
        skip_existing=options.skip_existing,
        no_clobber=options.no_clobber,
        input_files=_named_files(args),
        input_folders=tuple(str(Path(a).resolve()) for a in args if a != STDIN and Path(a).is_dir()),
    )
    items = iter_jobs(args, declared=options.from_format, glob=options.glob, skip=target if to_folder else None)
    outcomes = _engine(items, settings, options)

    def record() -> Iterator[Outcome]:
        for outcome in outcomes:
            report.add(outcome)
            if on_outcome:
                on_outcome(outcome)
            yield outcome
            if options.fail_fast and not outcome.ok and options.engine == "dask":
                return  # (the local engine stops itself, and still reports what finished meanwhile)

    try:
        if to_folder:
            for _ in record():
                pass
        else:
            _stream(record(), target, fmt, options.export, stdout or sys.stdout, report, on_outcome)
    finally:
        # On fail-fast or an interrupt, stop the workers now, not when the generator is collected.
        close = getattr(outcomes, "close", None)
        if close is not None:
            close()
    report.seconds = time.perf_counter() - started
    return report


def _prepare_output(target: Path | None, to_folder: bool, args: list[str], options: ConvertOptions) -> None:
    """Everything that can be said about the output before the batch, said; the temp files of
    a killed run into the same place removed."""
    if target is None:
        return
    check_output_format(target, to_folder, options)
    if to_folder:
        _refuse_an_input_folder(target, args)
        check_writable_folder(target)
        remove_stale_temp_files(target)
        return
    if options.no_clobber and target.exists():
        raise OutputError(
            "the output exists (--no-clobber)", "remove it, or drop --no-clobber to replace it", source=str(target)
        )
    _refuse_overwriting_inputs(target, args)
    remove_stale_temp_files(target.parent if str(target.parent) else Path("."), recursive=False)


_OPTION_FIELDS = ("published", "modified", "url", "language")


def check_read_options(read: ReadOptions) -> None:
    """A bad --published, --modified, --url or --language is the call's fault: one UsageError
    before the batch, not the same failure for every input."""
    given = {name: getattr(read, name) for name in _OPTION_FIELDS if getattr(read, name)}
    if not given:
        return
    try:
        Article(id="urn:newsgraph:article:options", **given)
    except ModelError as err:
        field_name = next((n for n in _OPTION_FIELDS if n in err.what), None)
        option = f"--{field_name} {given[field_name]!r}" if field_name else "an option"
        raise UsageError(f"{option} is not valid: {err.what.split(': ', 1)[-1]}", "fix the option's value") from None


def format_for_output(path: Path) -> tuple[str, bool] | None:
    """The format (and whether it is a page, --embed-html) that an output file's extension names."""
    name = path.name.lower()
    if name.endswith((".html", ".htm")):
        return "jsonld", True
    best: tuple[int, str] | None = None
    for fmt in formats.FORMATS:
        if not fmt.writable:
            continue
        for ext in (*fmt.extensions, *((fmt.many_extension,) if fmt.many_extension else ())):
            if name.endswith(ext) and (best is None or len(ext) > best[0]):
                best = (len(ext), fmt.name)
    return (best[1], False) if best else None


_JSON_CONTAINERS = (".json", ".jsonl", ".ndjson")
_JSON_FORMATS = frozenset({"json", "jsonld", "ninjs"})


def check_output_format(target: Path | None, to_folder: bool, options: ConvertOptions) -> None:
    """An output file whose extension names another format than the one written is a mistake."""
    if target is None or to_folder:
        return
    named = format_for_output(target)
    if named is None:
        return
    fmt, page = named
    if (
        target.name.lower().endswith(_JSON_CONTAINERS)
        and not target.name.lower().endswith(".ninjs.json")
        and options.to in _JSON_FORMATS
    ):
        return  # '.json', '.jsonl': JSON of any kind (ninjs, JSON-LD lines) is at home there
    if fmt != options.to or (page and not options.export.embed_html):
        wanted = f"--to {fmt}" + (" --embed-html" if page else "")
        raise UsageError(
            f"the output {target.name} names another format than {options.to}",
            f"add {wanted}, or name the output after its format",
            source=str(target),
        )


def input_arguments(inputs: Sequence[str | Path] | str | Path) -> list[str]:
    """The INPUT arguments as strings: one path (a str or a Path) is one input, never a
    sequence of its characters."""
    if isinstance(inputs, (str, Path)):
        return [str(inputs)]
    if isinstance(inputs, (bytes, bytearray)) or not isinstance(inputs, Iterable):
        raise TypeError(f"inputs must be a path or a list of paths, not {type(inputs).__name__}")
    args = list(inputs)
    for n, item in enumerate(args):
        _expect(item, (str, Path), f"inputs[{n}]", "a path (str or Path)")
    return [str(i) for i in args]


def output_target(inputs: Sequence[str], output: str | Path | None) -> tuple[Path | None, bool]:
    """Where ``convert`` writes: (None, False) standard output, (path, False) one file,
    (folder, True) one file per article: an existing folder, a path ending in '/', several
    inputs or a folder input."""
    target = None if output is None or str(output) == STDIN else Path(output)
    if target is None:
        return None, False
    if target.is_dir() or str(output).endswith(("/", "\\")):
        return target, True
    if format_for_output(target) is not None:
        return target, False  # 'feed.xml': one file (a newsMessage) however many inputs
    return target, len(inputs) > 1 or any(Path(a).is_dir() for a in inputs if a != STDIN)


def _named_files(args: list[str]) -> frozenset[str]:
    return frozenset(str(Path(a).resolve()) for a in args if a != STDIN and not Path(a).is_dir())


def check_errors_file(
    path: Path, inputs: Sequence[str | Path], output: str | Path | None, options: ConvertOptions = ConvertOptions()
) -> None:
    """Before a batch: the --errors file must replace neither an input nor an output, and
    its folder must be writable (found at the end, the failures would be lost)."""
    args = input_arguments(inputs)
    _refuse_overwriting_inputs(path, args)
    if path.is_dir():
        raise UsageError("the --errors path is a folder", "name a file, e.g. --errors failed.jsonl", source=str(path))
    target, to_folder = output_target(args, output)
    if target is not None:
        fmt = formats.get(options.to)
        ext = ".html" if options.export.embed_html else fmt.extensions[0]
        same = not to_folder and path.resolve() == target.resolve()
        inside = to_folder and path.resolve().is_relative_to(target.resolve()) and path.name.lower().endswith(ext)
        if same or inside:
            raise UsageError(
                "the --errors file could replace an output",
                "give it another name or folder, e.g. --errors failed.jsonl",
                source=str(path),
            )
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(
            "the folder of the --errors file does not exist",
            "create it, or name a file in an existing folder",
            source=str(path),
        )
    try:
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as err:
        raise OutputError(
            f"the --errors file cannot be written: {err.strerror or err}",
            "choose a writable place for it",
            source=str(path),
        ) from None


def _engine(
    items: Iterable[Job | NewsgraphError], settings: worker.Settings, options: ConvertOptions
) -> Iterator[Outcome]:
    if options.engine == "dask":
        from .dask import run as run_on_dask

        return run_on_dask(items, settings, scheduler=options.scheduler, workers=options.workers)
    return batch.run(items, settings, workers=options.workers, fail_fast=options.fail_fast)


def _stream(
    outcomes: Iterator[Outcome],
    target: Path | None,
    fmt: Format,
    export_options: ExportOptions,
    stdout: TextIO,
    report: ConvertReport,
    on_outcome: OnOutcome | None,
) -> None:
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
        report.lost(failure)
        if on_outcome:
            on_outcome(failure)


def schema_warnings(fmt: Format, export_options: ExportOptions) -> list[str]:
    """Say once, before a batch, that an official schema is missing (an error under strict)."""
    absent = standards.missing(fmt.standards) if export_options.validate else []
    if not absent:
        return []
    err = SchemaMissingError(
        f"the official schema{'s' if len(absent) > 1 else ''} "
        f"{', '.join(absent)} {'are' if len(absent) > 1 else 'is'} not installed",
        standards.INSTALL_HINT,
    )
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
        raise OutputError(
            f"the output folder cannot be written: {err.strerror or err}",
            "choose a writable folder with -o",
            source=str(folder),
        ) from None


def _refuse_overwriting_inputs(target: Path, args: list[str]) -> None:
    """An output file (or --errors file) that is an input, named or inside a folder named."""
    if not target.exists():
        return
    for arg in args:
        if arg == STDIN:
            continue
        named = Path(arg).is_file() and Path(arg).resolve() == target.resolve()
        walked = (
            Path(arg).is_dir()
            and target.resolve().is_relative_to(Path(arg).resolve())
            and formats.by_extension(target) is not None
        )
        if named or walked:
            raise OutputError("the output would overwrite the input", "choose another -o path", source=str(target))


def refuse_overwriting_inputs(target: Path, inputs: Sequence[str | Path]) -> None:
    """OutputError when writing ``target`` would replace one of ``inputs``."""
    _refuse_overwriting_inputs(target, [str(i) for i in inputs])


def _refuse_an_input_folder(folder: Path, args: list[str]) -> None:
    # Outputs among the inputs would replace some of them (story.json from story.json) and be
    # read as input by the next run. A folder *inside* an input folder is fine: walks skip it.
    for arg in args:
        if arg != STDIN and Path(arg).is_dir() and Path(arg).resolve() == folder.resolve():
            raise UsageError(
                "the output folder is an input folder",
                "write to another folder, e.g. -o out/; a folder inside it is fine",
                source=str(folder),
            )


def read_inputs(
    inputs: Sequence[str | Path] | str | Path, *, options: ConvertOptions = ConvertOptions()
) -> Iterator[tuple[str, list[Article] | NewsgraphError]]:
    """Each input (file, or line of a JSON Lines file) with its articles, read and extracted
    when due, or with the error that stopped it: for batches that go on past a bad input (push)."""
    settings = _settings(options)
    for item in iter_jobs(input_arguments(inputs), declared=options.from_format, glob=options.glob):
        if isinstance(item, NewsgraphError):
            yield item.source or "?", item
            continue
        try:
            yield item.label, worker.load(item, settings)
        except NewsgraphError as err:
            yield item.label, err.at(item.label)
        except Exception as err:  # noqa: BLE001 - reported per input, the batch goes on
            yield (
                item.label,
                NewsgraphError(
                    f"internal error: {type(err).__name__}: {err}",
                    "please report this with the input file",
                    source=item.label,
                ),
            )


def iter_articles(
    inputs: Sequence[str | Path] | str | Path, *, options: ConvertOptions = ConvertOptions()
) -> Iterator[Article]:
    """Every article of every input, read (and extracted when due); the first error raises."""
    settings = _settings(options)
    for item in iter_jobs(input_arguments(inputs), declared=options.from_format, glob=options.glob):
        if isinstance(item, NewsgraphError):
            raise item
        yield from worker.load(item, settings)


def iter_outcomes(inputs: Sequence[str | Path], *, options: ConvertOptions = ConvertOptions()) -> Iterator[Outcome]:
    """Each input read and extracted when due by the batch engine (``options.workers``, ``engine``),
    in input order, its articles in ``outcome.results``; a bad input is an outcome with its error."""
    settings = worker.Settings(
        to=options.to, extract=options.extract, read=options.read, export=options.export, extraction=options.extraction
    )
    items = iter_jobs([str(i) for i in inputs], declared=options.from_format, glob=options.glob)
    return _engine(items, settings, options)
