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


def run(items: Iterable[Job | NewsgraphError], settings: Settings, workers: int = 1) -> Iterator[Outcome]:
    """Outcomes of every job, in order. Stop iterating to stop the batch (fail-fast)."""
    if workers <= 1:
        for item in items:
            yield error_outcome(item) if isinstance(item, NewsgraphError) else worker.run(item, settings)
        return
    yield from _pooled(items, settings, workers)


def _context() -> multiprocessing.context.BaseContext:
    # fork shares the parent's loaded modules copy-on-write; start-up is then near free.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def _pooled(items: Iterable[Job | NewsgraphError], settings: Settings, workers: int) -> Iterator[Outcome]:
    pending: deque[tuple[str, Future[Outcome] | Outcome]] = deque()
    window = workers * IN_FLIGHT_PER_WORKER
    items = iter(items)
    first = next(items, None)
    if first is None:
        return
    if isinstance(first, Job) and worker.may_extract(first, settings):
        # Loaded before the workers fork, the model is shared by all of them, not loaded N times.
        nlp.load(settings.extraction.spacy_model)
    items = itertools.chain([first], items)
    executor = ProcessPoolExecutor(max_workers=workers, mp_context=_context())

    def resolve(entry: tuple[str, Future[Outcome] | Outcome]) -> Outcome:
        label, value = entry
        if isinstance(value, Outcome):
            return value
        try:
            return value.result()
        except BrokenProcessPool:
            return Outcome(label, error=NewsgraphError(
                "a worker process died while converting this input",
                "it may have run out of memory: run again with fewer workers (-j)", source=label))

    finished = False
    try:
        for item in items:
            if isinstance(item, NewsgraphError):
                pending.append((item.source or "?", error_outcome(item)))
            else:
                pending.append((item.label, executor.submit(worker.run, item, settings)))
            while pending and (len(pending) >= window or _ready(pending[0][1])):
                yield resolve(pending.popleft())
        while pending:
            yield resolve(pending.popleft())
        finished = True
    finally:
        # On fail-fast (the consumer stopped early) queued jobs are dropped, not run.
        executor.shutdown(wait=finished, cancel_futures=not finished)


def _ready(value: Future[Outcome] | Outcome) -> bool:
    return isinstance(value, Outcome) or value.done()
