"""`newsgraph standards download`: the pinned official files, fetched, checked and installed.

A local HTTP server on 127.0.0.1 serves ../shared/standards (the publishers' files as they
are pinned); the publishers' own URLs are pointed at it, and so is --mirror.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from conftest import STANDARDS
from newsgraph import DownloadError, standards
from newsgraph.cli import main

pytestmark = pytest.mark.skipif(
    not all((STANDARDS / rel).is_file() for rel in standards.PINNED), reason="needs ../shared/standards"
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # http.server's own parameter names
        pass


def _serve(folder: Path) -> Iterator[str]:
    handler = functools.partial(_Quiet, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def server() -> Iterator[str]:
    yield from _serve(STANDARDS)


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return standards.cache_dir()


def _publishers_at(monkeypatch: pytest.MonkeyPatch, base: str) -> None:
    # Each publisher URL keeps its file name and is served by the local server.
    monkeypatch.setattr(standards, "SOURCES", {rel: f"{base}/{rel}" for rel in standards.SOURCES})


def test_every_pinned_file_has_a_publisher_url() -> None:
    assert set(standards.SOURCES) == set(standards.PINNED)
    assert all(url.startswith("https://") for url in standards.SOURCES.values())
    assert all(url.rsplit("/", 1)[1] == rel.rsplit("/", 1)[1] for rel, url in standards.SOURCES.items())


def test_download_fetches_checks_and_installs_every_file(
    server: str, cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _publishers_at(monkeypatch, server)
    result = CliRunner().invoke(main, ["standards", "download"])
    assert result.exit_code == 0, result.output
    for rel, digest in standards.PINNED.items():
        assert standards.sha256(cache / rel) == digest
        assert f"installed: {cache / rel}" in result.output


def test_download_from_a_mirror(server: str, cache: Path) -> None:
    assert CliRunner().invoke(main, ["standards", "download", "--mirror", server + "/"]).exit_code == 0
    assert all((cache / rel).is_file() for rel in standards.PINNED)


def test_an_altered_file_is_refused_and_nothing_is_installed(tmp_path: Path, cache: Path) -> None:
    copy = tmp_path / "mirror"
    shutil.copytree(STANDARDS, copy)
    altered = copy / standards.NINJS_SCHEMAS[3]
    altered.write_bytes(altered.read_bytes() + b"\n")
    for base in _serve(copy):
        with pytest.raises(DownloadError, match="not the pinned") as err:
            standards.download(mirror=base)
        assert err.value.fix and "install --from" in err.value.fix
    assert not cache.exists() or not any(cache.rglob("*.*"))


def test_offline_it_says_what_to_do(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Nothing listens on port 9 of 127.0.0.1 (the discard port): as good as no network.
    _publishers_at(monkeypatch, "http://127.0.0.1:9")
    result = CliRunner().invoke(main, ["standards", "download"])
    assert result.exit_code == 1
    assert "could not fetch" in result.output and "nothing was installed" in result.output
    assert "standards install --from DIR" in result.output and "standards sources" in result.output
    assert not cache.exists() or not any(cache.rglob("*.*"))


def test_sources_lists_url_and_sum_of_each_file() -> None:
    result = CliRunner().invoke(main, ["standards", "sources"])
    lines = [line.split("\t") for line in result.output.splitlines()]
    assert {rel: (url, digest) for rel, url, digest in lines} == {
        rel: (standards.SOURCES[rel], standards.PINNED[rel]) for rel in standards.PINNED
    }
