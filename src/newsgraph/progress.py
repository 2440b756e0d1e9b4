"""The batch progress bar on stderr: articles done, rate, ETA when the total is known."""

from __future__ import annotations

import sys
from types import TracebackType

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from .worker import Outcome


class BatchProgress:
    """A progress bar that is there only when a person watches stderr."""

    def __init__(self, total: int | None, *, enabled: bool) -> None:
        self.enabled = enabled and sys.stderr.isatty()
        self.failed = 0
        self._progress: Progress | None = None
        if self.enabled:
            self._progress = Progress(
                TextColumn("[bold]converting"),
                BarColumn(),
                MofNCompleteColumn(),
                TaskProgressColumn(),
                TextColumn("{task.fields[rate]}"),
                TextColumn("[red]{task.fields[failed]}"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._task = self._progress.add_task("convert", total=total, rate="", failed="")

    def __enter__(self) -> "BatchProgress":
        if self._progress:
            self._progress.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None) -> None:
        if self._progress:
            self._progress.stop()

    def update(self, outcome: Outcome) -> None:
        if not self._progress:
            return
        if not outcome.ok:
            self.failed += 1
        task = self._progress.tasks[0]
        elapsed = task.elapsed or 0.0
        rate = f"{(task.completed + 1) / elapsed:.1f}/s" if elapsed > 0 else ""
        self._progress.update(self._task, advance=1, rate=rate, failed=f"{self.failed} failed" if self.failed else "")
