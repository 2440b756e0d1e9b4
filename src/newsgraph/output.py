"""Writing output so that nothing is ever half-written: temp files, then renames.

Temp files are named ``.newsgraph.PID.RANDOM.tmp`` in the folder of their target: short
(an output name near the file-system limit still has room), and owned by a process, so a
later run into the same folder can remove those of a run that was killed
(:func:`remove_stale_temp_files`) without touching those of a run still going.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import stat
from pathlib import Path
from typing import Iterable, Sequence

from .errors import OutputError

TEMP_PREFIX = ".newsgraph."
_TEMP_NAME = re.compile(r"^\.newsgraph\.(?P<pid>[0-9]+)\.[0-9a-f]+\.tmp$")

# Temp files this process is writing: a SIGTERM handler removes them before the process exits.
in_progress: set[str] = set()


def _umask() -> int:
    # Read once: os.umask can only be read by setting it (briefly) in this process.
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_UMASK = _umask()


def atomic_write(path: Path, chunks: Iterable[str]) -> None:
    """Write the chunks to ``path`` all at once, or not at all.

    If producing a chunk raises, or the disk fills, the temp file is removed and any
    earlier file at ``path`` is left as it was.
    """
    atomic_write_all([(path, chunks)])


def atomic_write_all(files: Sequence[tuple[Path, Iterable[str]]]) -> None:
    """Write every file, or none: all temp files are written (where a full disk shows)
    before the first rename. A file replaced keeps its mode; a new one gets the umask's."""
    temps: list[tuple[str, Path]] = []
    current = files[0][0] if files else Path(".")
    try:
        for current, chunks in files:
            temps.append((_write_temp(current, chunks), current))
        for tmp, current in temps:
            os.replace(tmp, current)
            in_progress.discard(tmp)
    except BaseException as err:
        for tmp, _ in temps:
            _discard(tmp)
        if isinstance(err, OSError):
            raise _output_error(err, current) from None
        raise


def _write_temp(path: Path, chunks: Iterable[str]) -> str:
    folder = path.parent if str(path.parent) else Path(".")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = str(folder / f"{TEMP_PREFIX}{os.getpid()}.{secrets.token_hex(4)}.tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as err:
        raise _output_error(err, path) from None
    in_progress.add(tmp)
    try:
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            for chunk in chunks:
                handle.write(chunk)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException as err:
        _discard(tmp)
        if isinstance(err, OSError):
            raise _output_error(err, path) from None
        raise
    return tmp


def _mode_for(path: Path) -> int:
    try:
        return stat.S_IMODE(os.stat(path).st_mode)
    except OSError:
        return 0o666 & ~_UMASK


def _discard(tmp: str) -> None:
    in_progress.discard(tmp)
    try:
        os.unlink(tmp)
    except OSError:
        pass


def discard_in_progress() -> None:
    """Remove the temp files this process is writing (it is being stopped)."""
    for tmp in list(in_progress):
        _discard(tmp)


def remove_stale_temp_files(folder: Path, *, recursive: bool = True) -> int:
    """Remove, in (and below) ``folder``, the temp files of newsgraph runs that no longer exist."""
    removed = 0
    for dirpath, dirnames, filenames in os.walk(folder):
        if not recursive:
            dirnames.clear()
        for name in filenames:
            found = _TEMP_NAME.match(name)
            if found and not _alive(int(found["pid"])):
                try:
                    os.unlink(os.path.join(dirpath, name))
                    removed += 1
                except OSError:
                    pass
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _output_error(err: OSError, path: Path) -> OutputError:
    if err.errno == errno.ENOSPC:
        return OutputError("the disk is full", "free some space and run again", source=str(path))
    if err.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return OutputError(
            "cannot write here: permission denied", "choose a writable output folder with -o", source=str(path)
        )
    if err.errno == errno.ENAMETOOLONG:
        return OutputError(
            "the output name is too long for the file system", "shorten the input's name", source=str(path)
        )
    return OutputError(f"cannot write: {err.strerror or err}", "check the output path", source=str(path))
