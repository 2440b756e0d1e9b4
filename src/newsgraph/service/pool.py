"""Where the work runs: worker processes that share the spaCy model loaded once.

The server loads spaCy before the pool starts, and the pool forks its workers from the
server, so every worker has the model without loading it again. With ``workers=0`` the
work runs on one thread of the server (extraction keeps per-process caches, so one
thread at a time). A request that takes longer than the time limit gets its answer
(503) at the limit; a worker that dies is replaced.
"""

from __future__ import annotations

import asyncio
import multiprocessing
from concurrent.futures import Executor, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from typing import Any, Callable, TypeVar

from ..errors import NewsgraphError
from . import work

T = TypeVar("T")


class Busy(NewsgraphError):
    """The work did not finish within the time limit, or its worker died (503)."""


class Pool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.model = ""
        self._executor: Executor | None = None

    def start(self) -> None:
        """Load spaCy here, then start the workers (forked: they share it)."""
        self.model = work.warm()
        self._executor = self._make()
        warmups = [self._executor.submit(work.warm) for _ in range(max(self.workers, 1))]
        for future in warmups:
            future.result()

    def _make(self) -> Executor:
        if self.workers == 0:
            return ThreadPoolExecutor(max_workers=1, thread_name_prefix="newsgraph-work")
        return ProcessPoolExecutor(max_workers=self.workers, mp_context=multiprocessing.get_context("fork"))

    def stop(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=False, cancel_futures=True)
            self._executor = None

    async def run(self, timeout: float, fn: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            raise Busy("the service is not started", "wait for it to start, then send the request again")
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._executor, partial(fn, *args)), timeout)
        except asyncio.TimeoutError:
            raise Busy(f"the work took longer than this service allows ({timeout:g} seconds)",
                       "send a shorter article, or run newsgraph convert on it locally") from None
        except BrokenProcessPool:
            self.stop()
            self._executor = self._make()
            raise Busy("the worker handling this request stopped", "send the request again") from None
