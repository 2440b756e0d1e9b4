"""The units of a batch: one job per input file, or per line of a JSON Lines input.

Jobs are produced lazily, so a 20,000-line JSON Lines file is never held in memory, and
each carries everything a worker process needs (picklable, no open handles).
"""

from __future__ import annotations

import fnmatch
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


def _is_jsonl(item: Input, declared: str | None) -> bool:
    if declared:
        return declared == "jsonl"
    fmt = formats.by_extension(item.path) if item.path else None
    return fmt is not None and fmt.name == "jsonl"


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
    try:
        with open(item.path or "", "rb") as handle:
            for doc in split(handle, item.label):
                count += 1
                yield Job(index + count - 1, f"{item.label}#item-{doc.number}", unique(f"{base}-{doc.number:06d}"),
                          data=doc.data, format="feed")
        if not count:
            yield InputError("the feed holds no item", "give a feed with at least one item or entry",
                             source=item.label)
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
        while True:
            # readline with a limit: a 1 GB line must not be read into memory at once.
            raw = handle.readline(MAX_DOCUMENT_BYTES + 1)
            if not raw:
                break
            number += 1
            if len(raw) > MAX_DOCUMENT_BYTES and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):
                    raw = handle.readline(MAX_DOCUMENT_BYTES + 1)
                yield number, too_large(MAX_DOCUMENT_BYTES + 1, f"{item.label}:{number}")
                continue
            if raw.strip():
                yield number, raw
    finally:
        if close:
            handle.close()


def iter_jobs(arguments: list[str], *, declared: str | None = None, glob: str | None = None,
              skip: Path | None = None) -> Iterator[Job | NewsgraphError]:
    """Jobs for every input, in order; a problem with one input comes as an error to report.
    Folder walks leave out ``skip`` (the output folder)."""
    index = 0
    stems: set[str] = set()

    def unique(stem: str) -> str:
        candidate, n = stem, 2
        while candidate.casefold() in stems:
            candidate = f"{stem}-{n}"
            n += 1
        stems.add(candidate.casefold())
        return candidate

    for item in expand(arguments, skip=skip):
        if isinstance(item, NewsgraphError):
            yield item
            continue
        if glob and item.path is not None and not _matches(item, glob):
            continue
        base = _stem(item.relative)
        if _is_jsonl(item, declared):
            try:
                for number, raw in _lines(item):
                    if isinstance(raw, InputError):
                        yield raw
                        continue
                    yield Job(index, f"{item.label}:{number}", unique(f"{base}-{number:06d}"), data=raw,
                              format="jsonl", line=number)
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
            yield Job(index, item.label, unique(base), path=str(item.path), format=declared,
                      sidecar=str(item.path))
        index += 1


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
