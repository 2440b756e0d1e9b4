"""Shared fixtures: paths, the kitchen-sink article, a frozen version for golden files."""

from __future__ import annotations

import http.server
import math
import os
import socket
import threading
from pathlib import Path
from typing import Any, Iterator

import pytest
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from newsgraph import Article, version
from newsgraph.readers.native import read as read_native
from newsgraph.readers.base import ReadOptions

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
# ../shared next to the checkout; a worktree in a folder of worktrees finds it one up.
SHARED = next(
    (base / "shared" for base in (ROOT.parent, ROOT.parent.parent) if (base / "shared").is_dir()),
    ROOT.parent / "shared",
)
STANDARDS = SHARED / "standards"
SEEDS = SHARED / "seeds"
GOLDEN = Path(__file__).resolve().parent / "golden"
FROZEN_VERSION = "0.0.0-test"

# Hypothesis's deadline and its "too slow" health check are timed assertions: on a loaded
# machine they fail a test that is right, so they are off everywhere (speed is bench/'s job).
hypothesis_settings.register_profile("untimed", deadline=None, suppress_health_check=[HealthCheck.too_slow])
hypothesis_settings.load_profile("untimed")
# CI draws the same examples every run: a red CI is then a regression of the change, never
# the luck of the draw (a developer's run still explores, and `hypothesis --seed` replays).
if os.environ.get("CI"):
    hypothesis_settings.register_profile(
        "ci", parent=hypothesis_settings.get_profile("untimed"), derandomize=True, database=None
    )
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def frozen_version(monkeypatch: pytest.MonkeyPatch) -> str:
    """Golden files must not change with each release."""
    monkeypatch.setattr(version, "__version__", FROZEN_VERSION)
    return FROZEN_VERSION


def load_kitchen_sink() -> Article:
    data = (SAMPLES / "kitchen_sink.json").read_bytes()
    [article] = list(read_native(data, ReadOptions(source="kitchen_sink.json")))
    return article


@pytest.fixture
def kitchen_sink() -> Article:
    return load_kitchen_sink()


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to resolve a name or open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsed(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


# What the listening server answers: as an entity declaration, so that a DTD that was loaded
# would put it into the document. Finding it anywhere proves a fetch.
FETCHED = "fetched-from-the-network"


class _Recorder(http.server.BaseHTTPRequestHandler):
    hits: list[str] = []

    def do_GET(self) -> None:  # the name http.server calls
        self.hits.append(self.path)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(f'<!ENTITY e "{FETCHED}">'.encode())

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def listening_server() -> Iterator[tuple[str, list[str]]]:
    """A local HTTP server that records any request: (its URL, the paths requested)."""
    _Recorder.hits = []
    server = http.server.HTTPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", _Recorder.hits
    finally:
        server.shutdown()
        server.server_close()


def check_weights_file(table: str, part: Any) -> None:
    """A learned part's weights file (the speaker ranker, the quote-span classifier) fits
    the features its extractor computes, and loads."""
    from newsgraph.lexicon import wordlists

    data = wordlists.data(table)
    assert tuple(data["features"]) == part.FEATURES
    assert len(data["weights"]) == len(part.FEATURES)
    assert all(math.isfinite(w) for w in data["weights"])
    names, weights = part.load_model()
    assert names == part.FEATURES and len(weights) == len(names)
