"""Where the work runs: worker processes that share the spaCy model loaded once.

The server loads spaCy before the pool starts, and the pool forks its workers from the
server, so every worker has the model without loading it again. With ``workers=0`` the
work runs on one thread of the server (extraction keeps per-process caches, so one
thread at a time). A request that takes longer than the time limit gets its answer
(503) at the limit; a worker that dies is replaced.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import sys
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
        return ProcessPoolExecutor(
            max_workers=self.workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_signals
        )

    def stop(self) -> None:
        """Stop the workers now: the server is going away, and nothing is waiting for their work."""
        executor, self._executor = self._executor, None
        if executor is None:
            return
        # A forked worker holds a copy of its own queue's writing end, so it never sees the
        # server's end close: it must be ended, or it outlives the server.
        processes = list(getattr(executor, "_processes", {}).values())
        executor.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(timeout=10)

    async def run(self, timeout: float, fn: Callable[..., T], *args: Any) -> T:
        if self._executor is None:
            raise Busy("the service is not started", "wait for it to start, then send the request again")
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self._executor, partial(fn, *args)), timeout)
        except asyncio.TimeoutError:
            raise Busy(
                f"the work took longer than this service allows ({timeout:g} seconds)",
                "send a shorter article, or run newsgraph convert on it locally",
            ) from None
        except BrokenProcessPool:
            self.stop()
            self._executor = self._make()
            raise Busy("the worker handling this request stopped", "send the request again") from None


PR_SET_PDEATHSIG = 1  # prctl(2): the signal a process gets when its parent dies (Linux)


def _worker_signals() -> None:
    """A worker is forked from the server, with its signal handlers: give it the defaults back.

    Ctrl-C is the server's to handle (it then stops the workers); SIGTERM ends a worker; and
    on Linux a worker is sent SIGTERM when the server dies, even killed with SIGKILL.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except OSError:  # no glibc (musl): stop() still ends the workers on a normal shutdown
            pass
        if os.getppid() == 1:  # the server died before the line above
            os._exit(0)
