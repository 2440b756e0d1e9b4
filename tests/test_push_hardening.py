"""Pushing against hostile or broken receivers (issue 21 item 8): a deadline for the whole
answer, a circuit breaker for an endpoint that is down, clear errors for bad headers and
URLs, credentials never printed, terminal escapes neutralised."""

from __future__ import annotations

import random
import socket
import threading
import time
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from newsgraph import Article
from newsgraph.cli import main, printable
from newsgraph.errors import UsageError
from newsgraph.push.http import Client, RetryPolicy, UnreachableError, redact
from newsgraph.push.webhook import Webhook, WebhookOptions, push_items

from conftest import SAMPLES
from push_server import Reply, ScriptedServer


@pytest.fixture
def trickling_server() -> Iterator[str]:
    """Answers with headers, then one byte of body every half second, for as long as anyone listens."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    stop = threading.Event()

    def serve(conn: socket.socket) -> None:
        with conn:
            try:
                conn.recv(65536)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                while not stop.is_set():
                    conn.sendall(b" ")
                    time.sleep(0.5)
            except OSError:
                pass

    def accept() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                return
            threading.Thread(target=serve, args=(conn,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}/in"
    stop.set()
    listener.close()


def _in_thread(fn) -> tuple[threading.Thread, list[object]]:
    result: list[object] = []

    def run() -> None:
        try:
            result.append(fn())
        except Exception as err:  # any: handed to the test
            result.append(err)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    return thread, result


def test_the_timeout_bounds_the_whole_answer_not_each_read(trickling_server: str) -> None:
    c = Client(timeout=1.0, retry=RetryPolicy(attempts=1), sleep=lambda s: None)
    thread, result = _in_thread(lambda: c.request("POST", trickling_server, body=b"{}", idempotent=True))
    thread.join(60)  # (a guard against a hang, not a measure: before, it never returned)
    assert not thread.is_alive(), "the request never returned"
    [err] = result
    assert isinstance(err, UnreachableError) and "timed out" in str(err)


def _refused_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_an_endpoint_that_is_down_costs_its_retries_once_not_per_article(kitchen_sink: Article) -> None:
    waits: list[float] = []
    now = [1000.0]
    c = Client(
        timeout=2.0, retry=RetryPolicy(attempts=3), sleep=waits.append, rng=random.Random(1), clock=lambda: now[0]
    )
    hook = Webhook(f"http://127.0.0.1:{_refused_port()}/in", client=c)
    articles = [kitchen_sink.model_copy(update={"id": f"urn:newsgraph:article:down-{i}"}) for i in range(6)]
    report = push_items(hook, [("in", articles)])
    assert len(report.failed) == 6
    assert len(waits) == 2 * 2  # two articles spent their retries; then the circuit opened
    assert all("skipped" in str(o.error) for o in report.failed[2:])
    now[0] += c.breaker_cooldown + 1  # later, one attempt probes it again (no retries)
    again = push_items(hook, [("in", articles[:1])])
    assert len(waits) == 4 and "connection refused" in str(again.failed[0].error)


def test_the_circuit_closes_when_the_endpoint_answers_again(kitchen_sink: Article) -> None:
    with ScriptedServer([Reply(drop=True)] * 6 + [Reply(201)]) as server:
        now = [0.0]
        c = Client(timeout=2.0, retry=RetryPolicy(attempts=3), sleep=lambda s: None, clock=lambda: now[0])
        hook = Webhook(server.url + "/in", client=c)
        first = push_items(hook, [("in", [kitchen_sink, kitchen_sink, kitchen_sink])])
        assert len(first.failed) == 3 and "skipped" in str(first.failed[2].error)
        now[0] += c.breaker_cooldown + 1
        second = push_items(hook, [("in", [kitchen_sink, kitchen_sink])])
    assert second.ok, [str(o.error) for o in second.failed]


@pytest.mark.parametrize(
    "header, message",
    [
        ("X-Feed: a\r\nX-Evil: 1", "the value of header X-Feed holds a line break"),
        ("X-Feed: Zürich-München-Łódź", "the value of header X-Feed has characters an HTTP header cannot carry"),
        ("Bad Name: x", "'Bad Name' is not a valid HTTP header name"),
    ],
)
def test_a_bad_header_is_a_usage_error_said_once(header: str, message: str) -> None:
    with ScriptedServer([Reply(200)]) as server:
        result = CliRunner().invoke(
            main, ["push", "webhook", server.url, str(SAMPLES / "kitchen_sink.json"), "--header", header]
        )
    assert result.exit_code == 2, result.output
    assert message in result.stderr and "internal error" not in result.output
    assert result.stderr.count("error:") == 1 and server.seen == []


@pytest.mark.parametrize("url", ["http://[::1", "http://host:port/", "http://exa mple.org/"])
def test_a_malformed_url_is_a_usage_error(url: str) -> None:
    result = CliRunner().invoke(main, ["push", "webhook", url, str(SAMPLES / "kitchen_sink.json")])
    assert result.exit_code == 2, result.output
    assert "is not a valid URL" in result.stderr and "internal error" not in result.output


def test_credentials_in_the_url_are_sent_but_never_printed() -> None:
    url = f"http://editor:PW-s3cret@127.0.0.1:{_refused_port()}/in?token=T0KEN-s3cret&feed=wire"
    result = CliRunner().invoke(main, ["push", "webhook", url, str(SAMPLES / "kitchen_sink.json"), "--retries", "1"])
    assert result.exit_code == 1
    assert "s3cret" not in result.output
    assert "token=***" in result.output or "cannot reach http://127.0.0.1" in result.output
    with ScriptedServer([Reply(201)]) as server:
        secret_url = server.url.replace("http://", "http://editor:PW-s3cret@") + "/in?token=T0KEN-s3cret"
        ok = CliRunner().invoke(main, ["push", "webhook", secret_url, str(SAMPLES / "kitchen_sink.json")])
    assert ok.exit_code == 0 and "s3cret" not in ok.output
    assert "token=***" in ok.output
    assert server.seen[0].headers["authorization"].startswith("Basic ")


def test_redact() -> None:
    assert redact("https://u:p@h.org/x?token=abc&a=1&api_key=k") == "https://u:***@h.org/x?token=***&a=1&api_key=***"
    assert redact("https://TOKEN@h.org/") == "https://***@h.org/"
    assert redact("http://[::1") == "<an invalid URL>"


def test_terminal_escapes_from_a_server_or_a_file_name_are_neutralised(tmp_path: Path) -> None:
    evil = "\x1b]0;owned\x07\x1b[2J\rok: forged\u202e"
    with ScriptedServer([Reply(400, {"code": "bad", "message": f"rejected {evil}"})]) as server:
        result = CliRunner().invoke(main, ["push", "webhook", server.url, str(SAMPLES / "kitchen_sink.json")])
    assert result.exit_code == 1
    assert "\x1b" not in result.output and "\x07" not in result.output and "\r" not in result.output
    assert "\\x1b]0;owned\\x07" in result.stderr
    name = tmp_path / "a\x1b[31mred.txt"
    name.write_text("", encoding="utf-8")
    converted = CliRunner().invoke(main, ["convert", str(name), "-o", str(tmp_path / "out") + "/"])
    assert converted.exit_code == 1 and "\x1b" not in converted.output and "\\x1b[31m" in converted.stderr
    assert printable("plain text: ünïcödé") == "plain text: ünïcödé"


def test_webhook_refuses_a_bad_url_up_front() -> None:
    with pytest.raises(UsageError, match="is not a valid URL"):
        Webhook("http://[::1", WebhookOptions())
