"""The units of a batch: one job per input file, or per line of a JSON Lines input.

Jobs are produced lazily, so a 20,000-line JSON Lines file is never held in memory, and
each carries everything a worker process needs (picklable, no open handles).
"""

from __future__ import annotations

import codecs
import fnmatch
import io
import re
import sys
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import BinaryIO, Callable, Iterator

from . import formats
from .errors import InputError, NewsgraphError
from .inputs import MAX_DOCUMENT_BYTES, Input, expand, too_large


@dataclass(frozen=True)
class Job:
    index: int  # position in the batch: results come back in this order
    label: str  # how messages name it: a path, or path:line
    stem: str  # output name relative to an output folder, without extension
    path: str | None = None  # a file to read ...
    data: bytes | None = None  # ... or the bytes themselves (a JSON Lines line, stdin)
    format: str | None = None  # declared or implied format name
    sidecar: str | None = None  # the input whose NAME.meta.json applies
    line: int | None = None


# An input of N articles writes STEM-1 ... STEM-N, a feed or JSON Lines file STEM-000001 ...
# (one per item or line): a stem claims all those names too.
_NUMBERED = re.compile(r"^(?P<base>.+)-[0-9]+$", re.DOTALL)


class OutputNames:
    """Stems of one batch such that no two inputs can write the same output file.

    A stem S stands for S and S-1, S-2, ... (an input of many articles; S-000001 ... for a
    feed's items or a JSON Lines file's lines, which are never remembered one by one: memory
    stays flat however many there are), so 'story' (of a
    story.json of two articles) and 'story-1' (of story-1.txt) clash and the later one is
    renamed 'story_2'; a suffix '-N' would itself clash with 'story-2'.
    """

    def __init__(self) -> None:
        self._taken: set[str] = set()
        self._numbered_bases: set[str] = set()  # S of every claimed S-N

    def _clashes(self, key: str) -> bool:
        numbered = _NUMBERED.match(key)
        return (
            key in self._taken
            or key in self._numbered_bases
            or (numbered is not None and numbered["base"] in self._taken)
        )

    def claim(self, stem: str) -> str:
        candidate, n = stem, 2
        while self._clashes(candidate.casefold()):
            candidate = f"{stem}_{n}"
            n += 1
        key = candidate.casefold()
        self._taken.add(key)
        numbered = _NUMBERED.match(key)
        if numbered:
            self._numbered_bases.add(numbered["base"])
        return candidate


def _is_jsonl(item: Input, declared: str | None) -> bool:
    if declared:
        return declared == "jsonl"
    fmt = formats.by_extension(item.path) if item.path else None
    return fmt is not None and fmt.name == "jsonl"


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _reencoded(handle: BinaryIO, encoding: str) -> Iterator[bytes]:
    """The lines of a UTF-16/32 file as UTF-8 bytes: split line by line, a UTF-16 file would
    give each line without its byte order mark (and at odd offsets)."""
    text = io.TextIOWrapper(handle, encoding=encoding, newline="")  # reads (and drops) the BOM
    while True:
        line = text.readline(MAX_DOCUMENT_BYTES // 4 + 1)  # characters: at most 4 bytes each
        if not line:
            return
        yield line.encode("utf-8", "surrogatepass")


def _raw_lines(handle: BinaryIO) -> Iterator[bytes]:
    peek = handle.peek(4)[:4] if hasattr(handle, "peek") else b""
    encoding = next((name for bom, name in _BOMS if peek.startswith(bom)), None)
    if encoding:
        yield from _reencoded(handle, encoding)
        return
    while True:
        # readline with a limit: a 1 GB line must not be read into memory at once.
        raw = handle.readline(MAX_DOCUMENT_BYTES + 1)
        if not raw:
            return
        yield raw


def _is_feed(item: Input, declared: str | None) -> bool:
    """An XML feed on disk, to be cut into one job per item (JSON Feeds are read whole)."""
    if item.path is None:
        return False
    if declared:
        return formats.is_feed(formats.get(declared))
    fmt = formats.by_extension(item.path)
    if fmt is not None and fmt.name not in ("newsml", "rss", "atom", "feed"):
        return False
    try:
        with open(item.path, "rb") as handle:
            head = handle.read(65536)
    except OSError:
        return False
    return formats.is_feed(formats.sniff(head)) and head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"<"


def _feed_items(item: Input, base: str, index: int, unique: Callable[[str], str]) -> Iterator[Job | NewsgraphError]:
    """One job per item of a feed, cut out as the feed is read (flat memory); a feed that is
    not well-formed before its first item is one job, read leniently by the feed reader."""
    from .readers.feed_split import split

    count = 0
    stem = unique(base)  # which stands for every stem-N: no item's stem need be remembered
    try:
        with open(item.path or "", "rb") as handle:
            for doc in split(handle, item.label):
                count += 1
                yield Job(
                    index + count - 1,
                    f"{item.label}#item-{doc.number}",
                    f"{stem}-{doc.number:06d}",
                    data=doc.data,
                    format="feed",
                )
        if not count:
            yield InputError("the feed holds no item", "give a feed with at least one item or entry", source=item.label)
    except InputError as err:
        if count:
            yield err
        else:
            yield Job(index, item.label, unique(base), path=str(item.path), format="feed", sidecar=str(item.path))
    except OSError as err:
        yield InputError(f"cannot be read: {err.strerror or err}", "check the file", source=item.label)


def _lines(item: Input) -> Iterator[tuple[int, bytes | InputError]]:
    handle: BinaryIO
    if item.path is None:
        handle = sys.stdin.buffer
        close = False
    else:
        try:
            handle = open(item.path, "rb")
        except OSError:
            item.read_bytes()  # raises the right InputError
            raise
        close = True
    try:
        number = 0
        lines = _raw_lines(handle)
        for raw in lines:
            number += 1
            if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = next(lines, b"")
                yield number, too_large(MAX_DOCUMENT_BYTES + 1, f"{item.label}:{number}")
                continue
            if raw.strip():
                yield number, raw
    finally:
        if close:
            handle.close()


def iter_jobs(
    arguments: list[str], *, declared: str | None = None, glob: str | None = None, skip: Path | None = None
) -> Iterator[Job | NewsgraphError]:
    """Jobs for every input, in order; a problem with one input comes as an error to report.
    Folder walks leave out ``skip`` (the output folder)."""
    index = 0
    names = OutputNames()
    unique = names.claim

    for item in _expand_matching(arguments, glob, skip):
        if isinstance(item, NewsgraphError):
            yield item
            continue
        base = _stem(item.relative)
        if _is_jsonl(item, declared):
            stem = unique(base)  # which stands for every stem-N (flat memory: see _feed_items)
            try:
                for number, raw in _lines(item):
                    if isinstance(raw, InputError):
                        yield raw
                        continue
                    yield Job(
                        index,
                        f"{item.label}:{number}",
                        f"{stem}-{number:06d}",
                        data=raw,
                        format="jsonl",
                        line=number,
                    )
                    index += 1
            except NewsgraphError as err:
                yield err
            except OSError as err:
                yield InputError(f"cannot be read: {err.strerror or err}", "check the file", source=item.label)
            continue
        if _is_feed(item, declared):
            for job in _feed_items(item, base, index, unique):
                yield job
                index += isinstance(job, Job)
            continue
        if item.path is None:
            try:
                data = item.read_bytes()  # (never more than the limit)
            except NewsgraphError as err:
                yield err
                continue
            yield Job(index, item.label, unique(base), data=data, format=declared)
        else:
            yield Job(index, item.label, unique(base), path=str(item.path), format=declared, sidecar=str(item.path))
        index += 1


def _expand_matching(arguments: list[str], glob: str | None, skip: Path | None) -> Iterator[Input | NewsgraphError]:
    """The inputs of each argument; with a pattern, a folder of which no file matches is an error
    (not a silent success: '*.TXT' matches no 'a.txt')."""
    for argument in arguments:
        matched = False
        for item in expand([argument], skip=skip):
            if isinstance(item, Input) and glob and item.path is not None and not _matches(item, glob):
                continue
            matched = matched or isinstance(item, Input)
            yield item
        if glob and not matched and Path(argument).is_dir():
            yield InputError(
                f"no file in the folder matches --glob {glob!r}",
                "check the pattern: it is matched against names and relative paths, "
                "and case counts ('*.txt' is not '*.TXT')",
                source=argument,
            )


def _matches(item: Input, pattern: str) -> bool:
    rel = PurePosixPath(item.relative.as_posix())
    return fnmatch.fnmatch(rel.name, pattern) or rel.match(pattern)


def _stem(relative: Path) -> str:
    """'sub/story.ninjs.json' -> 'sub/story': the registered extension comes off whole."""
    name = relative.name
    fmt = formats.by_extension(name)
    if fmt:
        for ext in sorted(fmt.extensions, key=len, reverse=True):
            if name.lower().endswith(ext):
                return str(relative.with_name(name[: -len(ext)]))
    return str(relative.with_suffix("")) if relative.suffix else str(relative)
