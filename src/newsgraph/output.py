"""Writing output so that nothing is ever half-written: a temp file, then a rename."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path
from typing import Iterable

from .errors import OutputError


def atomic_write(path: Path, chunks: Iterable[str]) -> None:
    """Write the chunks to ``path`` all at once, or not at all.

    If producing a chunk raises, or the disk fills, the temp file is removed and any
    earlier file at ``path`` is left as it was.
    """
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as err:
        raise _output_error(err, path) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as err:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(err, OSError):
            raise _output_error(err, path) from None
        raise


def _output_error(err: OSError, path: Path) -> OutputError:
    if err.errno == errno.ENOSPC:
        return OutputError("the disk is full", "free some space and run again", source=str(path))
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError("cannot write here: permission denied",
                           "choose a writable output folder with -o", source=str(path))
    return OutputError(f"cannot write: {err.strerror or err}", "check the output path", source=str(path))
