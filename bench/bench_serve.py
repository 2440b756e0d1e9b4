"""Service benchmark: N concurrent local requests to `newsgraph serve`, against the CLI.

    .venv/bin/python bench/bench_serve.py [--articles 200] [--concurrency 4] [--jobs 2] [--to json]

Both sides convert the same raw-text articles (each varied so that no parse is cached)
with extraction, using the same number of worker processes: the CLI as
`newsgraph convert FOLDER/ -j JOBS`, the service as POST /v1/convert from CONCURRENCY
clients at once. Reported: each side's articles per second, the service's latency
percentiles, and the ratio service/CLI measured in the same run, so it holds on any
machine. The CLI's time includes its start (Python, spaCy, the workers), which a
running service has paid once: the CLI is also timed on one article, and its rate
without that start, (N - 1) / (time - start), gives a second ratio, work against work.
The server listens on 127.0.0.1 only and is stopped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from bench_batch import NEWSGRAPH, corpus_records  # noqa: E402  # after sys.path takes bench/; the same varied corpus

HOST = "127.0.0.1"


def write_articles(folder: Path, n: int) -> list[Path]:
    paths = []
    for i, record in enumerate(corpus_records(n)):
        path = folder / f"article-{i:05d}.txt"
        path.write_text(json.loads(record)["text"], encoding="utf-8")
        paths.append(path)
    return paths


def cli_rate(folder: Path, out: Path, n: int, jobs: int, to: str) -> dict:
    start = time.perf_counter()
    subprocess.run(
        [*NEWSGRAPH, "convert", f"{folder}/", "--to", to, "-o", f"{out}/", "-j", str(jobs), "-q"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - start
    return {"seconds": round(seconds, 2), "rate": round(n / seconds, 2)}


def cli_start(paths: list[Path], out: Path, jobs: int, to: str) -> float:
    """The CLI's time for one article: starting Python, loading spaCy and the workers."""
    one = out / "one"
    one.mkdir(parents=True)
    (one / paths[0].name).write_bytes(paths[0].read_bytes())
    start = time.perf_counter()
    subprocess.run(
        [*NEWSGRAPH, "convert", f"{one}/", "--to", to, "-o", f"{out}/one-out/", "-j", str(jobs), "-q"],
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def free_port() -> int:
    with socket.socket() as s:
        s.bind((HOST, 0))
        return s.getsockname()[1]


def start_server(jobs: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    process = subprocess.Popen(
        [*NEWSGRAPH, "serve", "--host", HOST, "--port", str(port), "-j", str(jobs)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://{HOST}:{port}"
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited with {process.returncode}")
        try:
            if httpx.get(f"{base}/v1/health", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("the server did not start in 180 s")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * (len(ordered) - 1))))]


def service_rate(base: str, paths: list[Path], concurrency: int, to: str) -> dict:
    latencies: list[float] = []
    failures: list[str] = []
    lock = threading.Lock()
    pending = list(paths)

    def client() -> None:
        with httpx.Client(timeout=300) as http:
            while True:
                with lock:
                    if not pending:
                        return
                    path = pending.pop()
                start = time.perf_counter()
                response = http.post(
                    f"{base}/v1/convert",
                    params={"to": to},
                    content=path.read_bytes(),
                    headers={"content-type": "text/plain"},
                )
                elapsed = time.perf_counter() - start
                with lock:
                    latencies.append(elapsed)
                    if response.status_code != 200:
                        failures.append(f"{path.name}: {response.status_code} {response.text[:200]}")

    start = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    seconds = time.perf_counter() - start
    return {
        "seconds": round(seconds, 2),
        "rate": round(len(paths) / seconds, 2),
        "failures": failures[:5],
        "failed": len(failures),
        "latency_ms": {f"p{q}": round(1000 * percentile(latencies, q), 1) for q in (50, 90, 99)}
        | {"max": round(1000 * max(latencies), 1)},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--jobs", type=int, default=2, help="worker processes on both sides")
    parser.add_argument("--to", default="json")
    parser.add_argument("--out", type=Path, default=None, help="also write the results here (JSON)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        folder = Path(tmp) / "articles"
        folder.mkdir()
        paths = write_articles(folder, args.articles)
        cli = cli_rate(folder, Path(tmp) / "out", args.articles, args.jobs, args.to)
        started = cli_start(paths, Path(tmp) / "start", args.jobs, args.to)
        cli["start_seconds"] = round(started, 2)
        cli["rate_without_start"] = round((args.articles - 1) / max(cli["seconds"] - started, 1e-9), 2)
        process, base = start_server(args.jobs)
        try:
            service = service_rate(base, paths, args.concurrency, args.to)
        finally:
            process.terminate()
            process.wait(timeout=60)
    result = {
        "articles": args.articles,
        "concurrency": args.concurrency,
        "jobs": args.jobs,
        "to": args.to,
        "cli": cli,
        "service": service,
        "service_over_cli": round(service["rate"] / cli["rate"], 2),
        "service_over_cli_without_start": round(service["rate"] / cli["rate_without_start"], 2),
        "load_average": [round(x, 2) for x in os.getloadavg()],
        "machine": {"python": platform.python_version(), "cpus": os.cpu_count(), "system": platform.system()},
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text + "\n", encoding="utf-8")
    if service["failed"]:
        raise SystemExit(f"{service['failed']} requests failed")


if __name__ == "__main__":
    main()
