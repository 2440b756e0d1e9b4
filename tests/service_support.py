"""Live newsgraph services for tests: in a thread of this process, or the CLI's `newsgraph serve`.

Both listen on 127.0.0.1 only, on a free port, and are stopped by the fixture that started them.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import httpx
import psutil

HOST = "127.0.0.1"


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def wait_healthy(base: str, seconds: float = 120.0, process: subprocess.Popen | None = None) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not start")


@contextmanager
def thread_server(settings) -> Iterator[str]:
    """uvicorn serving create_app(settings) in a thread of this process."""
    import uvicorn

    from newsgraph.service import create_app

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host=HOST, port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    base = f"http://{HOST}:{port}"
    try:
        wait_healthy(base)
        yield base
    finally:
        server.should_exit = True
        thread.join(timeout=30)


@contextmanager
def cli_server(*args: str, root: Path, kill: bool = False) -> Iterator[str]:
    """`newsgraph serve` in its own process, as a user starts it; stopped with SIGTERM (or SIGKILL)."""
    with cli_server_process(*args, root=root, kill=kill) as (base, _):
        yield base


@contextmanager
def cli_server_process(*args: str, root: Path, kill: bool = False) -> Iterator[tuple[str, psutil.Process]]:
    """As cli_server, with the server's process (its children are the workers)."""
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(root / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    log = tempfile.TemporaryFile()
    process = subprocess.Popen(
        [sys.executable, "-m", "newsgraph.cli", "serve", "--host", HOST, "--port", str(port), *args],
        env=env,
        stdout=log,
        stderr=log,
    )
    base = f"http://{HOST}:{port}"
    workers: list[psutil.Process] = []
    try:
        try:
            wait_healthy(base, process=process)
        except RuntimeError as err:
            log.seek(0)
            raise RuntimeError(f"{err}: {log.read().decode(errors='replace')[-2000:]}") from None
        server = psutil.Process(process.pid)
        workers = server.children(recursive=True)
        assert workers, "the server has no worker processes"
        yield base, server
        workers += server.children(recursive=True)  # and those that replaced killed ones
    finally:
        process.kill() if kill else process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()
    # The server's workers go with it: none is left behind.
    _, alive = psutil.wait_procs(workers, timeout=15)
    for leftover in alive:
        leftover.kill()
    assert not alive, f"worker processes outlived the server: {[p.pid for p in alive]}"
