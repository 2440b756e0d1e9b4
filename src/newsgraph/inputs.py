"""Turn the user's INPUT arguments (files, folders, '-') into a sorted list of inputs."""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from . import formats
from .errors import InputError

SIDECAR_SUFFIX = ".meta.json"
STDIN = "-"
# One article, or one feed file of them, is far below this; anything larger is a mistake
# (a database dump, a video) that would only exhaust memory. JSON Lines are limited per line.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024


def too_large(size: int | None, label: str) -> InputError:
    """``size`` None (or just over the limit): a stream, whose whole size is not known."""
    limit = MAX_DOCUMENT_BYTES // 1024 // 1024
    what = f"is {size / 1024 / 1024:.0f} MiB, more" if size and size > MAX_DOCUMENT_BYTES + 1 else "is more"
    return InputError(
        f"{what} than the {limit} MiB newsgraph reads as one document",
        "split it into articles, e.g. one per line in JSON Lines",
        source=label,
    )


@dataclass(frozen=True)
class Input:
    path: Path | None  # None for standard input
    relative: Path  # where its output goes, relative to an output folder
    label: str  # how messages name it

    def read_bytes(self) -> bytes:
        if self.path is None:
            data = sys.stdin.buffer.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                raise too_large(len(data), self.label)
            return data
        try:
            with open(self.path, "rb") as handle:
                size = os.fstat(handle.fileno()).st_size
                if size > MAX_DOCUMENT_BYTES:
                    raise too_large(size, self.label)
                # Never more than the limit, whatever stat said: a pipe or a device (/dev/zero,
                # <(command)) reports size 0 and may never end.
                data = handle.read(MAX_DOCUMENT_BYTES + 1)
            if len(data) > MAX_DOCUMENT_BYTES:
                raise too_large(None, self.label)
            return data
        except IsADirectoryError:
            raise InputError("is a folder", "name a file, or pass the folder itself", source=self.label) from None
        except FileNotFoundError:
            raise InputError("no such file", "check the path", source=self.label) from None
        except PermissionError:
            raise InputError(
                "cannot be read: permission denied", "fix its permissions (chmod +r)", source=self.label
            ) from None
        except OSError as err:
            raise InputError(f"cannot be read: {err.strerror}", "check the file", source=self.label) from None

    def sidecar(self) -> dict[str, str]:
        """Metadata from NAME.meta.json beside the input, if there is one."""
        if self.path is None:
            return {}
        candidates = [
            self.path.with_name(self.path.name + SIDECAR_SUFFIX),
            self.path.with_name(self.path.stem + SIDECAR_SUFFIX),
        ]
        for meta in candidates:
            if _is_file(meta):
                try:
                    data = json.loads(meta.read_text(encoding="utf-8"))
                except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
                    raise InputError(
                        f"its sidecar {meta.name} is not valid JSON ({err})",
                        "fix or remove the sidecar",
                        source=self.label,
                    ) from None
                if not isinstance(data, dict):
                    raise InputError(
                        f"its sidecar {meta.name} must be a JSON object",
                        'write {"published": "2021-06-16", ...}',
                        source=self.label,
                    )
                return {str(k): str(v) for k, v in data.items() if v is not None}
        return {}


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # 'NAME.meta.json' of a NAME near the file-system limit is too long to exist
        return False


def expand(arguments: list[str], *, skip: Path | None = None) -> Iterator[Input | InputError]:
    """Each file named, each readable file below each folder named (sorted), or '-'.

    A folder walk skips hidden entries, sidecars, files of no known format and the folder
    ``skip`` (the output folder: its files are outputs, not inputs), and does not follow
    symbolic links to folders (no loops). A problem with one argument is yielded as an
    error so that the batch can go on.
    """
    for arg in arguments:
        if arg == STDIN:
            yield Input(None, Path("stdin"), "<stdin>")
            continue
        path = Path(arg)
        if path.is_dir():
            yield from _walk(path, skip.resolve() if skip is not None else None)
        elif path.exists() or path.is_symlink():
            yield Input(path, Path(path.name), str(path))
        else:
            yield InputError("no such file or folder", "check the path", source=arg)


def _walk(root: Path, skip: Path | None = None) -> Iterator[Input | InputError]:
    found = False
    top = root.resolve()
    for dirpath, dirnames, filenames in os.walk(root, onerror=None, followlinks=False):
        # The walk is lazy: an output folder inside the input folder would otherwise be read,
        # outputs written so far included, as more input.
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and (skip is None or (Path(dirpath) / d).resolve() != skip)
        )
        for name in sorted(filenames):
            if name.startswith(".") or name.endswith(SIDECAR_SUFFIX):
                continue
            path = Path(dirpath) / name
            fmt = formats.by_extension(path)
            if fmt is None or not fmt.readable:
                continue
            found = True
            if path.is_symlink() and not path.resolve().is_relative_to(top):
                # A folder may be shared or unpacked from an archive: never read outside it.
                yield InputError(
                    "is a symbolic link pointing outside the input folder",
                    "copy the file into the folder, or name it directly",
                    source=str(path),
                )
                continue
            if path.exists() and not path.is_file():
                # Opening a named pipe waits for a writer, a device may never end: in a folder
                # walk, only regular files are read.
                yield InputError(
                    "is not a regular file (a named pipe, a socket or a device)",
                    "name it directly to read from it, or remove it from the folder",
                    source=str(path),
                )
                continue
            yield Input(path, path.relative_to(root), str(path))
    if not found:
        yield InputError(
            "the folder holds no file newsgraph can read",
            f"readable extensions: {', '.join(_readable_extensions())}",
            source=str(root),
        )


def _readable_extensions() -> list[str]:
    return [ext for f in formats.FORMATS if f.readable for ext in f.extensions]
