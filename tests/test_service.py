"""newsgraph serve: the REST API over the library; bad input gets its JSON error, never a 500."""

from __future__ import annotations

import asyncio
import json
import os
import re
import socket
import time
from pathlib import Path
from typing import Iterator

import html5lib
import httpx
import psutil
import pytest
from conftest import ROOT, SAMPLES
from fastapi.testclient import TestClient
from service_support import HOST, cli_server, cli_server_process, thread_server

import newsgraph
from newsgraph import formats
from newsgraph.model import Article
from newsgraph.service import ServiceSettings, create_app

RAW = (SAMPLES / "rate_decision.txt").read_bytes()
SMALL = 64 * 1024


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServiceSettings(workers=0, max_bytes=SMALL, timeout=60))) as c:
        yield c


def _problem(response: httpx.Response, status: int) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status and body["what"] and body["fix"], body
    return body


def test_health_and_formats(client: TestClient) -> None:
    health = client.get("/v1/health").json()
    assert health["status"] == "ok" and health["spacy_model"]
    listed = client.get("/v1/formats").json()
    assert [f["name"] for f in listed] == formats.names()
    assert {f["name"] for f in listed if f["writable"]} == set(formats.writable_names())


@pytest.mark.parametrize("to", formats.writable_names())
def test_convert_raw_text_to_each_format(client: TestClient, to: str) -> None:
    response = client.post(f"/v1/convert?to={to}", content=RAW)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith(formats.get(to).media_type)
    # The export is a valid document of its format, read back by newsgraph itself.
    assert not [p for p in newsgraph.validate(response.content, format=to) if p.severity == "error"]
    [article] = newsgraph.read_bytes(response.content, format=to)
    if to in formats.lossless_names():
        assert article.quotes and article.actors
    else:  # a feed carries the text and its markup, not the model (docs/feeds.md)
        assert article.headline and article.body and 'data-quote="' in response.text


def test_extract_returns_the_model(client: TestClient) -> None:
    response = client.post("/v1/extract", content=RAW, headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    article = Article.model_validate_json(response.content)
    assert article.headline and article.quotes and article.events


def test_content_type_and_from_name_the_format(client: TestClient, kitchen_sink: Article) -> None:
    ninjs = newsgraph.export(kitchen_sink, to="ninjs").encode()
    # application/json covers newsgraph JSON, ninjs and JSON-LD: the content decides.
    response = client.post("/v1/convert?to=json", content=ninjs, headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text
    assert Article.model_validate_json(response.content).headline == kitchen_sink.headline
    newsml = newsgraph.export(kitchen_sink, to="newsml").encode()
    response = client.post("/v1/convert?to=json&from=newsml", content=newsml)
    assert response.status_code == 200, response.text
    # Structured input is taken as it is: no extraction unless asked.
    sink = kitchen_sink.model_dump_json(exclude_none=True).encode()
    response = client.post("/v1/extract", content=sink, headers={"content-type": "application/json"})
    assert Article.model_validate_json(response.content) == kitchen_sink


def test_several_articles_are_json_lines(client: TestClient, kitchen_sink: Article) -> None:
    one = kitchen_sink.model_dump_json(exclude_none=True)
    body = (one + "\n" + one.replace("kitchen", "second") + "\n").encode()
    response = client.post("/v1/convert?to=json&from=jsonl", content=body)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/jsonl")
    assert len([line for line in response.text.splitlines() if line.strip()]) == 2
    _problem(client.post("/v1/view?from=jsonl", content=body), 400)


@pytest.mark.parametrize(
    "body, headers, query, status",
    [
        (b"\x00\x01\x02\x03PNG binary" * 10, {}, "", 415),
        (b"hello", {"content-type": "image/png"}, "", 415),
        (b"hello", {"content-type": "multipart/form-data; boundary=x"}, "", 415),
        (b'{"id": "urn:x:1", "headline": ', {"content-type": "application/json"}, "", 400),
        (b"<newsItem><unclosed", {}, "", 400),
        (b"   \n", {}, "", 400),
        (b"text", {}, "?from=word", 400),
        (b"text", {}, "&to=docx", 400),
        (b'{"id": "urn:x:1", "headline": "h", "colour": "blue"}', {"content-type": "application/json"}, "", 422),
        (b"x" * (SMALL + 1), {}, "", 413),
    ],
    ids=[
        "binary",
        "image",
        "multipart",
        "malformed-json",
        "malformed-xml",
        "blank",
        "unknown-from",
        "unknown-to",
        "unknown-field",
        "too-large",
    ],
)
def test_bad_input_gets_a_json_error(client: TestClient, body: bytes, headers: dict, query: str, status: int) -> None:
    path = "/v1/convert?to=json" + query if query.startswith("&") else "/v1/extract" + query
    _problem(client.post(path, content=body, headers=headers), status)
    assert client.get("/v1/health").status_code == 200  # and it goes on serving


def test_api_errors_are_json(client: TestClient) -> None:
    _problem(client.get("/v1/nothing"), 404)
    _problem(client.get("/v1/convert"), 405)
    _problem(client.post("/v1/extract?extract=perhaps", content=RAW), 400)


HOSTILE = (
    "<script>alert('x')</script> said the minister.\n\n"
    "\u201c" * 300 + "<img src=x onerror=alert(1)>" + "\u201d" * 300 + " he said.\n"
).encode()


def test_hostile_text_is_text_in_the_view(client: TestClient) -> None:
    response = client.post("/v1/view", content=HOSTILE, headers={"content-type": "text/plain"})
    assert response.status_code == 200, response.text
    doc = html5lib.parse(response.text, namespaceHTMLElements=False)
    assert len(list(doc.iter("script"))) == 1 and not list(doc.iter("img"))
    assert "<script>alert('x')</script>" in "".join(doc.find(".//h1").itertext())


def test_no_input_makes_the_service_reach_the_network(client: TestClient, no_network: None) -> None:
    remote_context = json.dumps(
        {
            "@context": "http://evil.example/context.jsonld",
            "@type": "NewsArticle",
            "headline": "h",
            "articleBody": "Text.",
        }
    ).encode()
    page = (
        b"<html><head><link rel=stylesheet href=http://evil.example/s.css>"
        b"<script src=http://evil.example/x.js></script></head><body><article><h1>Title</h1>"
        b"<img src=http://evil.example/p.png><p>The minister said it was fine. She met Bob Hall.</p>"
        b"<iframe src=http://evil.example/></iframe></article></body></html>"
    )
    entity = (
        b'<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY x SYSTEM "http://evil.example/x">]>'
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/">&x;</newsItem>'
    )
    xinclude = (
        b'<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:xi="http://www.w3.org/2001/XInclude">'
        b'<xi:include href="http://evil.example/x.xml"/></newsItem>'
    )
    for body in (remote_context, page, entity, xinclude):
        for path in ("/v1/extract", "/v1/view", "/v1/convert?to=newsml"):
            response = client.post(path, content=body)
            assert response.status_code in (200, 400, 415, 422), (path, response.text)


def test_api_key() -> None:
    with TestClient(create_app(ServiceSettings(workers=0, api_key="s3cret-key"))) as client:
        assert client.get("/v1/health").status_code == 200
        assert client.get("/").status_code == 200 and 'id="api-key"' in client.get("/").text
        _problem(client.post("/v1/extract", content=RAW), 401)
        _problem(client.post("/v1/extract", content=RAW, headers={"X-API-Key": "wrong"}), 401)
        _problem(client.get("/v1/formats", headers={"Authorization": "Bearer s3cret"}), 401)
        assert client.get("/v1/formats", headers={"Authorization": "Bearer s3cret-key"}).status_code == 200
        assert client.get("/v1/formats", headers={"X-API-Key": "s3cret-key"}).status_code == 200


def test_api_key_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEWSGRAPH_API_KEY", raising=False)
    monkeypatch.delenv("NEWSGRAPH_API_KEY_FILE", raising=False)
    key = tmp_path / "key"
    key.write_text("from-a-file\n", encoding="utf-8")
    assert ServiceSettings.from_options(api_key_file=str(key)).api_key == "from-a-file"
    assert ServiceSettings.from_options().api_key is None
    with pytest.raises(newsgraph.UsageError):
        ServiceSettings.from_options(api_key_file=str(tmp_path / "missing"))


def test_openapi_docs(client: TestClient) -> None:
    schema = client.get("/openapi.json").json()
    assert {"/v1/convert", "/v1/extract", "/v1/formats", "/v1/health", "/v1/view"} <= set(schema["paths"])
    assert client.get("/docs").status_code == 200


def _docs_references(page: str) -> list[str]:
    """Every address the /docs page names: attributes, and strings in its inline script."""
    doc = html5lib.parse(page)
    refs = [v for e in doc.iter() for k, v in e.attrib.items() if k in ("src", "href", "action")]
    scripts = "".join("".join(e.itertext()) for e in doc.iter("{http://www.w3.org/1999/xhtml}script"))
    return refs + re.findall(r"(?:https?:)?//[^\s'\"]+", scripts)


@pytest.mark.parametrize("key", [None, "s3cret-key"])
def test_docs_load_nothing_from_elsewhere(key: str | None) -> None:
    with TestClient(create_app(ServiceSettings(workers=0, api_key=key))) as client:
        response = client.get("/docs")
        assert response.status_code == 200
        refs = _docs_references(response.text)
        assert len(refs) >= 3  # the script, the styles, the icon
        for ref in refs:
            assert ref.startswith("/") and not ref.startswith("//"), ref
            assert client.get(ref).status_code == 200, ref  # served here, with or without an API key
        assert '"validatorUrl": null' in response.text  # no badge fetched from the online validator
        policy = response.headers["content-security-policy"]
        assert "default-src 'none'" in policy and "http" not in policy


# --- a live server: limits on real connections -----------------------------------------


@pytest.fixture(scope="module")
def live() -> Iterator[str]:
    with thread_server(ServiceSettings(workers=0, max_bytes=SMALL, timeout=3, chunk_timeout=1)) as base:
        yield base


def _raw_request(base: str, head: bytes, body: bytes = b"", pause: float = 0.0) -> bytes:
    """Send a request by hand (to declare sizes it does not send, or to stall); the answer's bytes."""
    port = int(base.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=15) as sock:
        sock.sendall(head + body)
        if pause:
            time.sleep(pause)
        chunks = []
        try:
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        except (ConnectionResetError, socket.timeout):
            pass
    return b"".join(chunks)


def test_a_declared_100_mb_body_is_refused_before_it_is_read(live: str) -> None:
    head = b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 104857600\r\n\r\n"
    answer = _raw_request(live, head, b"Headline\n\nA few bytes of the hundred megabytes.")
    assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
    assert b'"what"' in answer


def test_a_growing_chunked_body_is_refused_at_the_limit(live: str) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(1000):  # 64 MiB if it were all read
            yield b"y" * SMALL

    response = httpx.post(f"{live}/v1/extract", content=chunks(), timeout=30)
    _problem(response, 413)


def test_a_slow_client_is_dropped_and_others_are_served(live: str) -> None:
    head = b"POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5000\r\n\r\n"
    port = int(live.rsplit(":", 1)[1])
    with socket.create_connection((HOST, port), timeout=15) as slow:
        slow.sendall(head + b"Headline\n\nStarted, then stalled")
        # While it stalls, others are served.
        assert httpx.get(f"{live}/v1/health", timeout=10).status_code == 200
        answer = slow.recv(65536)
    assert answer.startswith(b"HTTP/1.1 408"), answer[:200]


def test_work_over_the_time_limit_is_503(monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.service import work

    def stuck(*args: object) -> tuple[str, int]:
        time.sleep(2)
        return "{}", 1

    monkeypatch.setattr(work, "extract_json", stuck)
    with TestClient(create_app(ServiceSettings(workers=0, timeout=0.5))) as client:
        _problem(client.post("/v1/extract", content=RAW), 503)


def test_the_pool_replaces_a_worker_that_dies_or_runs_too_long() -> None:
    from newsgraph.service.pool import Busy, Pool

    pool = Pool(1)
    pool.start()
    seen: list[int] = []

    async def steps() -> None:
        seen.append(await pool.run(30, os.getpid))
        assert pool.pids == seen
        with pytest.raises(Busy, match="stopped"):
            await pool.run(30, os._exit, 3)  # the worker dies in the middle of a request
        seen.append(await pool.run(30, os.getpid))
        with pytest.raises(Busy, match="longer than"):
            await pool.run(0.5, time.sleep, 60)  # killed at the limit, not left sleeping
        seen.append(await pool.run(30, os.getpid))
        with pytest.raises(ValueError):
            await pool.run(30, int, "not a number")  # an error comes back whole, and costs no worker
        assert await pool.run(30, os.getpid) == seen[-1]

    try:
        asyncio.run(steps())
    finally:
        pool.stop()
    assert len(set(seen)) == 3 and pool.replaced == 2
    assert not [pid for pid in seen if psutil.pid_exists(pid)]  # each one ended and reaped


# --- `newsgraph serve` as a user runs it ---------------------------------------------------


def _dead(process: psutil.Process) -> None:
    """Wait until the process has died (a zombie until its parent, the server, reaps it)."""
    for _ in range(200):
        try:
            if process.status() == psutil.STATUS_ZOMBIE:
                return
        except psutil.NoSuchProcess:
            return
        time.sleep(0.05)
    raise AssertionError(f"process {process.pid} did not die")


@pytest.mark.slow
def test_work_past_the_time_limit_kills_its_worker_and_the_next_request_is_served() -> None:
    # 300 copies of an article, each varied (a parse is cached): far more work than 5 seconds
    # (about 0.1 s a copy on an idle machine), far less than the size limit (0.5 of 10 MiB).
    body = RAW.split(b"\n\n", 1)[1]
    large = b"A long day\n\n" + b"\n\n".join(body.replace(b"the", b"the %d" % n) for n in range(300))
    with (
        cli_server_process("-j", "1", "--timeout", "5", root=ROOT) as (base, server),
        httpx.Client(timeout=120) as http,
    ):
        (first,) = server.children()
        problem = _problem(http.post(f"{base}/v1/extract", content=large, headers={"Content-Type": "text/plain"}), 503)
        assert "longer than" in problem["what"]
        # Its worker was killed (and reaped), not left working; a new one took its place.
        assert not psutil.pid_exists(first.pid)
        (second,) = server.children()
        assert second.pid != first.pid and second.status() != psutil.STATUS_ZOMBIE
        assert http.get(f"{base}/v1/health").json()["workers_replaced"] == 1
        assert http.post(f"{base}/v1/extract", content=RAW).status_code == 200
        # A worker killed from outside while idle is replaced before it is given a request.
        second.kill()
        _dead(second)
        assert http.post(f"{base}/v1/extract", content=RAW).status_code == 200
        assert http.get(f"{base}/v1/health").json()["workers_replaced"] == 2


@pytest.mark.slow
def test_cli_serve_with_a_worker_pool() -> None:
    with cli_server("-j", "2", root=ROOT) as base:
        assert httpx.get(f"{base}/v1/health").json()["workers"] == 2
        with httpx.Client(timeout=60) as http:
            bad = http.post(f"{base}/v1/extract", content=b"\x00binary\x00" * 100)
            assert bad.status_code == 415
            good = http.post(f"{base}/v1/convert?to=jsonld", content=RAW)
            assert good.status_code == 200 and "NewsArticle" in good.text
            page = http.get(f"{base}/")
            assert page.status_code == 200 and "Content-Security-Policy" in page.headers


@pytest.mark.slow
def test_workers_end_with_a_killed_server() -> None:
    # cli_server checks that no worker outlives the server, here killed without a chance to clean up.
    with cli_server("-j", "1", root=ROOT, kill=True) as base:
        assert httpx.post(f"{base}/v1/extract", content=RAW, timeout=60).status_code == 200
