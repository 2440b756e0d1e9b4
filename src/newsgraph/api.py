"""The library: read, extract, export, validate, convert. The CLI is a thin layer over this."""

from __future__ import annotations

import io
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator, Sequence

from . import formats
from .errors import InputError, NewsgraphError, OutputError, UsageError
from .exporters import base as export_base
from .exporters.base import ExportOptions
from .extract import pipeline
from .extract.pipeline import ExtractOptions
from .formats import Format
from .inputs import STDIN, Input, expand
from .model import Article
from .output import atomic_write
from .readers.base import ReadOptions
from .validate.problem import Problem

Source = str | Path | bytes | BinaryIO

_SIDECAR_KEYS = ("published", "modified", "url", "publisher", "language")


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
         **meta: str) -> list[Article]:
    """Read a file (path), bytes or a binary file object into Articles.

    ``meta`` fills in what the input does not state: ``published``, ``modified``,
    ``url``, ``publisher``, ``language``, ``id_base``.
    """
    if isinstance(source, (str, Path)):
        item = Input(Path(source), Path(Path(source).name), str(source))
        data = item.read_bytes()
        opts = _read_options(options, item, meta)
    elif isinstance(source, bytes):
        data, opts = source, replace(options or ReadOptions(), **meta)
    else:
        data = source.read()
        name = getattr(source, "name", None)
        opts = replace(options or ReadOptions(source=str(name) if name else "<stream>"), **meta)
    return read_bytes(data, format=format, options=opts)


def _read_options(base: ReadOptions | None, item: Input, meta: dict[str, str]) -> ReadOptions:
    """Options for one input: the caller's, over its sidecar, over nothing."""
    opts = replace(base or ReadOptions(), source=item.label)
    sidecar = item.sidecar()
    unknown = set(sidecar) - set(_SIDECAR_KEYS)
    if unknown:
        raise InputError(f"its sidecar has unknown keys: {', '.join(sorted(unknown))}",
                         f"use only {', '.join(_SIDECAR_KEYS)}", source=item.label)
    fill = {k: v for k, v in sidecar.items() if getattr(opts, k) is None}
    return replace(opts, **fill, **meta)


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
        return list(validator(data, strict=strict))
    try:
        read_bytes(data, format=fmt.name, options=ReadOptions(source=label))
    except NewsgraphError as err:
        return [Problem(err.message)]
    return []


# --- conversion -------------------------------------------------------------------


@dataclass
class Outcome:
    """What happened to one input."""

    input: str
    articles: int = 0
    output: str | None = None
    error: NewsgraphError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class ConvertReport:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def converted(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.ok]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        n_articles = sum(o.articles for o in self.converted)
        text = (f"converted {len(self.converted)} of {len(self.outcomes)} input"
                f"{'s' if len(self.outcomes) != 1 else ''} ({n_articles} article"
                f"{'s' if n_articles != 1 else ''}) in {self.seconds:.1f}s")
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


def convert(inputs: Sequence[str | Path], output: str | Path | None = None, *,
            options: ConvertOptions = ConvertOptions(), stdout: io.TextIOBase | None = None) -> ConvertReport:
    """Convert files, folders or '-' (stdin) to ``options.to``.

    ``output`` None or '-' writes to standard output; an existing folder, a path ending
    in '/', several inputs or a folder input write one file per input into a folder;
    anything else is one file. A bad input is reported in the result and the others
    are still converted; nothing is ever half-written.
    """
    started = time.perf_counter()
    fmt = formats.get(options.to)
    if not fmt.writable:
        raise UsageError(f"newsgraph cannot write {fmt.name}",
                         f"writable formats: {', '.join(formats.writable_names())}")
    args = [str(i) for i in inputs]
    if not args:
        raise UsageError("no input given", "name files or folders, or '-' for standard input")
    items = list(expand(args))
    report = ConvertReport()
    target = None if output in (None, STDIN) else Path(output)
    _refuse_overwriting_inputs(target, items)
    to_folder = target is not None and (
        target.is_dir() or str(output).endswith(("/", "\\")) or len(args) > 1
        or any(Path(a).is_dir() for a in args if a != STDIN))
    if to_folder:
        assert target is not None
        _convert_to_folder(items, target, fmt, options, report)
    else:
        _convert_to_stream(items, target, fmt, options, report, stdout or sys.stdout)
    report.seconds = time.perf_counter() - started
    return report


def _refuse_overwriting_inputs(target: Path | None, items: list[Input | NewsgraphError]) -> None:
    if target is None:
        return
    for item in items:
        if isinstance(item, Input) and item.path is not None and target.exists() \
                and target.resolve() == item.path.resolve():
            raise OutputError("the output would overwrite the input", "choose another -o path",
                              source=str(target))


def _articles_of(item: Input, options: ConvertOptions) -> list[Article]:
    data = item.read_bytes()
    read_opts = _read_options(options.read, item, {})
    fmt = detect_format(data, None if item.path is None else item.label, options.from_format)
    try:
        articles = list(fmt.load_reader()(data, read_opts))
    except NewsgraphError as err:
        raise err.at(item.label)
    if not articles:
        raise InputError("holds no article", "check that it is the file you meant", source=item.label)
    do_extract = options.extract if options.extract is not None else not fmt.structured
    if do_extract:
        extraction = replace(options.extraction, id_base=read_opts.id_base,
                             language=read_opts.language or options.extraction.language)
        articles = [pipeline.run(a, extraction) for a in articles]
    return articles


def _fail(item: Input | NewsgraphError, err: BaseException) -> Outcome:
    label = item.label if isinstance(item, Input) else (item.source or "?")
    if not isinstance(err, NewsgraphError):
        # An unexpected failure in one input must not stop the batch; say it plainly.
        err = NewsgraphError(f"internal error: {type(err).__name__}: {err}",
                             "please report this with the input file", source=label)
    return Outcome(label, error=err.at(label))


def _convert_to_folder(items: list[Input | NewsgraphError], folder: Path, fmt: Format,
                       options: ConvertOptions, report: ConvertReport) -> None:
    taken: set[Path] = set()
    for item in items:
        if isinstance(item, NewsgraphError):
            report.outcomes.append(_fail(item, item))
            continue
        try:
            articles = _articles_of(item, options)
            many = len(articles) > 1
            path = _unique(folder / item.relative.with_name(_stem(item.relative) + fmt.extension_for(many)), taken)
            if many:
                atomic_write(path, export_base.render_many(fmt, articles, options.export))
            else:
                atomic_write(path, [export_base.render(fmt, articles[0], options.export)])
            report.outcomes.append(Outcome(item.label, len(articles), str(path)))
        except NewsgraphError as err:
            report.outcomes.append(_fail(item, err))
        except Exception as err:  # noqa: BLE001 - reported per input, batch goes on
            report.outcomes.append(_fail(item, err))


def _stem(relative: Path) -> str:
    name = relative.name
    fmt = formats.by_extension(name)
    if fmt:
        for ext in sorted(fmt.extensions, key=len, reverse=True):
            if name.lower().endswith(ext):
                return name[: -len(ext)]
    return relative.stem


def _unique(path: Path, taken: set[Path]) -> Path:
    candidate, n = path, 2
    suffix = "".join(path.suffixes[-1:])
    while candidate in taken:
        candidate = path.with_name(f"{path.name[: -len(suffix)] if suffix else path.name}-{n}{suffix}")
        n += 1
    taken.add(candidate)
    return candidate


def _convert_to_stream(items: list[Input | NewsgraphError], target: Path | None, fmt: Format,
                       options: ConvertOptions, report: ConvertReport, stdout: io.TextIOBase) -> None:
    """All articles into one document: standard output, or one file written atomically."""
    collected: list[tuple[Input, list[Article]]] = []
    for item in items:
        if isinstance(item, NewsgraphError):
            report.outcomes.append(_fail(item, item))
            continue
        try:
            collected.append((item, _articles_of(item, options)))
        except Exception as err:  # noqa: BLE001 - reported per input, batch goes on
            report.outcomes.append(_fail(item, err))
    articles = [a for _, arts in collected for a in arts]
    if not articles:
        return
    try:
        if len(articles) == 1:
            chunks: Iterable[str] = [export_base.render(fmt, articles[0], options.export)]
        else:
            chunks = list(export_base.render_many(fmt, articles, options.export))
        if target is None:
            for chunk in chunks:
                stdout.write(chunk)
            stdout.flush()
        else:
            atomic_write(target, chunks)
    except Exception as err:  # noqa: BLE001
        for item, _ in collected:
            report.outcomes.append(_fail(item, err))
        return
    for item, arts in collected:
        report.outcomes.append(Outcome(item.label, len(arts), str(target) if target else "<stdout>"))


def read_inputs(inputs: Sequence[str | Path], *,
                options: ConvertOptions = ConvertOptions()) -> Iterator[tuple[str, list[Article] | NewsgraphError]]:
    """Each input's label with its articles (read, and extracted when due), or with the
    error that stopped it: for batches that go on past a bad input (push)."""
    for item in expand([str(i) for i in inputs]):
        if isinstance(item, NewsgraphError):
            yield item.source or "?", item
            continue
        try:
            yield item.label, _articles_of(item, options)
        except Exception as err:  # noqa: BLE001 - reported per input, batch goes on
            error = _fail(item, err).error
            assert error is not None
            yield item.label, error


def iter_articles(inputs: Sequence[str | Path], *, options: ConvertOptions = ConvertOptions()) -> Iterator[Article]:
    """Every article of every input, read (and extracted when due); errors raise."""
    for item in expand([str(i) for i in inputs]):
        if isinstance(item, NewsgraphError):
            raise item
        yield from _articles_of(item, options)
