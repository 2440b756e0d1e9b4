"""Running a batch on Dask: the same jobs and worker code, on a distributed cluster.

``newsgraph convert ... --engine dask [--scheduler ADDRESS]``. Without an address a
LocalCluster of worker processes is started on this machine (loopback only). Jobs are
sent in slices, each a Dask bag with a few partitions per worker, so the client never
holds more than one slice of results; files named by jobs must be readable at the same
path on every worker (a shared filesystem), JSON Lines records travel inside their jobs.
Needs the optional extra: ``pip install 'newsgraph[dask]'``.
"""

from __future__ import annotations

import itertools
import socket
import urllib.parse
from contextlib import ExitStack
from typing import Iterable, Iterator

from . import worker
from .batch import error_outcome
from .errors import NewsgraphError, UsageError
from .jobs import Job
from .worker import Outcome, Settings

SLICE_PER_WORKER = 64


def run(
    items: Iterable[Job | NewsgraphError], settings: Settings, *, scheduler: str | None = None, workers: int = 2
) -> Iterator[Outcome]:
    """Outcomes of every job in order, computed on a Dask cluster."""
    try:
        import dask.bag as db
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError("the dask engine needs Dask", "install the extra: pip install 'newsgraph[dask]'") from None

    with ExitStack() as stack:
        if scheduler:
            _probe(scheduler)
            try:
                client = stack.enter_context(Client(scheduler, timeout="20s"))
            except (OSError, TimeoutError) as err:
                raise UsageError(
                    f"cannot reach the Dask scheduler at {scheduler}: {err}",
                    "check the address, or leave --scheduler out for a local cluster",
                ) from None
        else:
            cluster = stack.enter_context(
                LocalCluster(
                    n_workers=workers, threads_per_worker=1, processes=True, host="127.0.0.1", dashboard_address=None
                )
            )
            client = stack.enter_context(Client(cluster))
        size = max(1, workers) * SLICE_PER_WORKER
        iterator = iter(items)
        while chunk := list(itertools.islice(iterator, size)):
            jobs = [i for i in chunk if isinstance(i, Job)]
            done: dict[int, Outcome] = {}
            if jobs:
                bag = db.from_sequence(jobs, npartitions=min(len(jobs), max(1, workers) * 2))
                for outcome in client.gather(client.compute(bag.map(worker.run, settings))):
                    done[outcome.index] = outcome
            for item in chunk:
                yield error_outcome(item) if isinstance(item, NewsgraphError) else done[item.index]


PROBE_SECONDS = 3.0


def _probe(scheduler: str) -> None:
    """Fail at once when nothing listens at a TCP address (Dask's client would retry for 20 s)."""
    parsed = urllib.parse.urlsplit(scheduler if "://" in scheduler else f"tcp://{scheduler}")
    if parsed.scheme not in ("tcp", "tls"):
        return  # (inproc://, ucx://: Dask's own business)
    try:
        host, port = parsed.hostname, parsed.port
    except ValueError:
        host, port = None, None
    if not host or not port:
        raise UsageError(
            f"{scheduler!r} is not a Dask scheduler address", "write it as tcp://HOST:PORT, e.g. tcp://10.0.0.5:8786"
        )
    try:
        socket.create_connection((host, port), timeout=PROBE_SECONDS).close()
    except OSError as err:
        raise UsageError(
            f"cannot reach the Dask scheduler at {scheduler}: {err.strerror or err}",
            "check the address and that the scheduler runs, or leave --scheduler out for a local cluster",
        ) from None
