"""Running the jobs of a batch: in this process, or on N worker processes, in order.

Results come back in job order whatever the number of workers, so the output bytes do
not depend on -j. At most a few jobs per worker are in flight (a bounded window rather
than Pool.imap, whose feeder thread would drain the whole input into memory), so memory
stays flat however many articles pass.
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
from collections import deque
from dataclasses import dataclass
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Iterable, Iterator

from . import worker
from .errors import NewsgraphError
from .extract import nlp
from .jobs import Job
from .worker import Outcome, Settings

IN_FLIGHT_PER_WORKER = 4


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def error_outcome(err: NewsgraphError) -> Outcome:
    return Outcome(err.source or "?", error=err.detached())


def run(
    items: Iterable[Job | NewsgraphError], settings: Settings, workers: int = 1, *, fail_fast: bool = False
) -> Iterator[Outcome]:
    """Outcomes of every job, in order. With ``fail_fast`` the batch stops at the first failure;
    the outcomes of jobs that finished meanwhile (their files are written) still come after it."""
    if workers <= 1:
        for item in items:
            outcome = error_outcome(item) if isinstance(item, NewsgraphError) else worker.run(item, settings)
            yield outcome
            if fail_fast and not outcome.ok:
                return
        return
    yield from _pooled(items, settings, workers, fail_fast)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's loaded modules copy-on-write; start-up is then near free.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _died(label: str) -> Outcome:
    return Outcome(
        label,
        error=NewsgraphError(
            "a worker process died while converting this input (killed, most likely for lack of memory)",
            "run it again alone, or with fewer workers (-j)",
            source=label,
        ),
    )


class _Pool:
    """A process pool that is rebuilt when a worker dies (the out-of-memory killer)."""

    def __init__(self, workers: int, settings: Settings) -> None:
        self.workers, self.settings = workers, settings
        self.executor = self._new()

    def _new(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(), initializer=worker.started)

    def submit(self, job: Job) -> Future[Outcome]:
        """The job's future; one that failed at once (BrokenProcessPool) if the pool is broken."""
        try:
            return self.executor.submit(worker.run, job, self.settings)
        except BrokenProcessPool as err:
            failed: Future[Outcome] = Future()
            failed.set_exception(err)
            return failed

    def rebuild(self) -> None:
        _close(self.executor)
        self.executor = self._new()

    def isolate(self, jobs: list[Job]) -> list[Outcome]:
        """Run the jobs that were in flight when a worker died one at a time, on a fresh pool:
        the one that kills its worker alone fails; the others are converted."""
        outcomes = []
        for job in jobs:
            self.rebuild()
            try:
                outcomes.append(self.submit(job).result())
            except BrokenProcessPool:
                outcomes.append(_died(job.label))
        self.rebuild()
        return outcomes

    def drain(self, pending: deque[_Entry]) -> Iterator[Outcome]:
        """Fail-fast: queued jobs are dropped, running ones finish; their outcomes, so that
        what the summary counts is what was written."""
        self.executor.shutdown(wait=True, cancel_futures=True)
        for entry in pending:
            value = entry.value
            if isinstance(value, Future) and value.done() and not value.cancelled() and value.exception() is None:
                yield value.result()

    def stop(self, finished: bool) -> None:
        if finished:
            self.executor.shutdown(wait=True)
            return
        # Stopped early (fail-fast, an interrupt): queued jobs are dropped and the workers
        # stopped now, each removing the temp file it was writing.
        _close(self.executor, terminate=True)


def _close(executor: ProcessPoolExecutor, terminate: bool = False) -> None:
    """Shut the pool down without waiting for its queued jobs; with terminate, its workers are
    stopped now, each removing the temp file it was writing. Its manager thread is joined:
    left running, it closes its wake-up pipe while the interpreter's exit hook writes to it
    (Python 3.11 races there and prints "handle is closed" after the last line)."""
    processes = list((getattr(executor, "_processes", None) or {}).values())  # (no public API)
    manager = getattr(executor, "_executor_manager_thread", None)
    executor.shutdown(wait=False, cancel_futures=True)
    if terminate:
        for process in processes:
            if process.is_alive():
                process.terminate()
        for process in processes:
            process.join(5)
    if manager is not None:
        manager.join(5)


@dataclass
class _Entry:
    job: Job | None
    value: Future[Outcome] | Outcome  # replaced by the outcome once a dead worker is dealt with


def _pooled(
    items: Iterable[Job | NewsgraphError], settings: Settings, workers: int, fail_fast: bool = False
) -> Iterator[Outcome]:
    pending: deque[_Entry] = deque()
    window = workers * IN_FLIGHT_PER_WORKER
    items = iter(items)
    first = next(items, None)
    if first is None:
        return
    if isinstance(first, Job) and worker.may_extract(first, settings):
        # Loaded before the workers fork, the model is shared by all of them, not loaded N times.
        nlp.load(settings.extraction.spacy_model)
    items = itertools.chain([first], items)
    pool = _Pool(workers, settings)

    def resolve(entry: _Entry) -> Outcome:
        if isinstance(entry.value, Outcome):
            return entry.value
        try:
            return entry.value.result()
        except BrokenProcessPool:
            # Every job in flight failed with the pool; only one of them (or none) killed it.
            suspects = [entry] + [e for e in pending if not isinstance(e.value, Outcome) and _broken(e.value)]
            outcomes = pool.isolate([e.job for e in suspects if e.job is not None])
            for suspect, outcome in zip(suspects, outcomes):
                suspect.value = outcome
            assert isinstance(entry.value, Outcome)
            return entry.value

    finished = False
    try:
        for item in items:
            if isinstance(item, NewsgraphError):
                pending.append(_Entry(None, error_outcome(item)))
            else:
                pending.append(_Entry(item, pool.submit(item)))
            while pending and (len(pending) >= window or _ready(pending[0].value)):
                outcome = resolve(pending.popleft())
                yield outcome
                if fail_fast and not outcome.ok:
                    yield from pool.drain(pending)
                    finished = True
                    return
        while pending:
            outcome = resolve(pending.popleft())
            yield outcome
            if fail_fast and not outcome.ok:
                yield from pool.drain(pending)
                break
        finished = True
    finally:
        pool.stop(finished)


def _broken(future: Future[Outcome]) -> bool:
    if not future.done():
        return True  # a job still queued on the broken pool never runs
    return isinstance(future.exception(), BrokenProcessPool)


def _ready(value: Future[Outcome] | Outcome) -> bool:
    return isinstance(value, Outcome) or value.done()
