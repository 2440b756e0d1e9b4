"""Where the work runs: worker processes that share the spaCy model loaded once.

The server loads spaCy before the pool starts, and the pool forks its workers from the
server, so every worker has the model without loading it again. Each worker does one
request at a time over a pipe of its own, so that a request that runs past the time
limit has one process to blame: that worker is killed (its work would otherwise go on
for as long as it takes) and a new one is forked in its place; the request gets its
503 at the limit and the others are not disturbed. A worker that dies is replaced too.

With ``workers=0`` the work runs on one thread of the server (extraction keeps
per-process caches, so one thread at a time); a thread cannot be killed, so there a
request past the limit gets its 503 and its work runs to its end.
"""

from __future__ import annotations

import asyncio
import ctypes
import multiprocessing
import os
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from typing import Any, Callable, TypeVar

from ..errors import NewsgraphError
from . import work

T = TypeVar("T")
JOIN_SECONDS = 10.0  # how long a killed or stopped worker is waited for


class Busy(NewsgraphError):
    """The work did not finish within the time limit, or its worker died (503)."""


@dataclass
class Worker:
    process: BaseProcess
    conn: Connection  # the server's end of the worker's pipe

    @property
    def pid(self) -> int | None:
        return self.process.pid

    def end(self, sig: int = signal.SIGKILL) -> None:
        """End the process (killed: it may be stuck in C code) and wait for it: no zombie left."""
        if self.process.is_alive() and self.pid is not None:
            try:
                os.kill(self.pid, sig)
            except ProcessLookupError:
                pass
        self.process.join(JOIN_SECONDS)
        self.conn.close()


class Pool:
    def __init__(self, workers: int) -> None:
        self.workers = workers
        self.model = ""
        self.replaced = 0  # workers killed or found dead, and replaced
        self._idle: asyncio.Queue[Worker] | None = None
        self._all: dict[int, Worker] = {}
        self._waiting: ThreadPoolExecutor | None = None  # threads that wait on workers' answers, or do the work

    @property
    def pids(self) -> list[int]:
        """The worker processes' ids (none with ``workers=0``)."""
        return sorted(self._all)

    def start(self) -> None:
        """Load spaCy here, then fork the workers: they share it."""
        self.model = work.warm()
        # One thread a worker (its answer is awaited there), and as many again for answers of
        # killed workers that are still being given up on.
        self._waiting = ThreadPoolExecutor(max_workers=max(2 * self.workers, 1), thread_name_prefix="newsgraph-work")
        self._idle = asyncio.Queue()
        for _ in range(self.workers):
            self._idle.put_nowait(self._fork())

    def _fork(self) -> Worker:
        server_end, worker_end = multiprocessing.Pipe()
        # The server's ends of every pipe are copied into the fork: the worker closes them.
        inherited = [server_end, *(w.conn for w in self._all.values())]
        process = multiprocessing.get_context("fork").Process(
            target=_serve, args=(worker_end, inherited), name="newsgraph-worker", daemon=True
        )
        process.start()
        worker_end.close()
        worker = Worker(process, server_end)
        self._all[process.pid or 0] = worker
        return worker

    def _replace(self, worker: Worker) -> None:
        """Kill the worker (when still running), and put a new one in its place."""
        self._all.pop(worker.pid or 0, None)
        worker.end()
        self.replaced += 1
        if self._idle is not None:
            self._idle.put_nowait(self._fork())

    def stop(self) -> None:
        """Stop the workers now: the server is going away, and nothing is waiting for their work."""
        workers, self._all, self._idle = list(self._all.values()), {}, None
        for worker in workers:
            worker.end(signal.SIGTERM)
        if self._waiting is not None:
            self._waiting.shutdown(wait=False, cancel_futures=True)
            self._waiting = None

    async def run(self, timeout: float, fn: Callable[..., T], *args: Any) -> T:
        if self._waiting is None or (self.workers and self._idle is None):
            raise Busy("the service is not started", "wait for it to start, then send the request again")
        loop = asyncio.get_running_loop()
        if not self.workers:
            try:
                return await asyncio.wait_for(loop.run_in_executor(self._waiting, partial(fn, *args)), timeout)
            except asyncio.TimeoutError:
                raise _too_long(timeout) from None
        deadline = time.monotonic() + timeout
        idle = self._idle
        assert idle is not None
        try:
            worker = await asyncio.wait_for(idle.get(), timeout)
            if not worker.process.is_alive():  # died while idle (killed from outside): its successor
                self._replace(worker)
                worker = await asyncio.wait_for(idle.get(), max(deadline - time.monotonic(), 0.001))
        except asyncio.TimeoutError:  # every worker stayed busy: this request never started
            raise _too_long(timeout) from None
        return await self._run_on(worker, max(deadline - time.monotonic(), 0.001), timeout, fn, args)

    async def _run_on(self, worker: Worker, left: float, timeout: float, fn: Callable[..., T], args: Any) -> T:
        loop = asyncio.get_running_loop()
        try:
            worker.conn.send((fn, args))
            ok, value = await asyncio.wait_for(loop.run_in_executor(self._waiting, worker.conn.recv), left)
        except asyncio.TimeoutError:
            self._replace(worker)
            raise _too_long(timeout) from None
        except (EOFError, OSError):
            self._replace(worker)
            raise Busy("the worker handling this request stopped", "send the request again") from None
        except BaseException:  # cancelled (the client went away): the worker's state is unknown
            self._replace(worker)
            raise
        if self._idle is not None:
            self._idle.put_nowait(worker)
        if not ok:
            raise value
        return value  # whatever fn returned, sent back through the pipe


def _too_long(timeout: float) -> Busy:
    return Busy(
        f"the work took longer than this service allows ({timeout:g} seconds)",
        "send a shorter article, or run newsgraph convert on it locally",
    )


def _serve(conn: Connection, inherited: list[Connection]) -> None:
    """A worker: one request at a time from its pipe, its answer (or its error) sent back."""
    for other in inherited:  # so that each pipe's other end is the server's alone
        other.close()
    _worker_signals()
    while True:
        try:
            fn, args = conn.recv()
        except (EOFError, OSError):
            return  # the server closed its end: nothing more will come
        try:
            answer: tuple[bool, Any] = (True, fn(*args))
        except Exception as err:  # sent to the server, which raises it there
            answer = (False, err)
        try:
            conn.send(answer)
        except (EOFError, OSError):
            return
        except Exception:  # the answer cannot be pickled (nothing was sent): say what it was
            conn.send((False, RuntimeError(f"{type(answer[1]).__name__}: {answer[1]}")))


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
