"""The shared push client against a scripted server on 127.0.0.1: retries, backoff, clear errors."""

from __future__ import annotations

import random
import shutil
import socket
import ssl
import subprocess
import threading
from http.server import HTTPServer, SimpleHTTPRequestHandler
from pathlib import Path

import pytest

from newsgraph.push.http import (
    AmbiguousError,
    AuthError,
    Client,
    HTTPStatusError,
    NotJSONError,
    PushError,
    RetryPolicy,
    TLSError,
    UnreachableError,
    idempotency_key,
)
from push_server import Reply, ScriptedServer


def client(**kwargs: object) -> tuple[Client, list[float]]:
    """A client that records its waits instead of sleeping."""
    waits: list[float] = []
    kwargs.setdefault("timeout", 5.0)
    c = Client(sleep=waits.append, rng=random.Random(7), **kwargs)  # type: ignore[arg-type]  # the tests name Client's own keywords
    return c, waits


def test_retries_5xx_then_succeeds_with_growing_backoff() -> None:
    replies = [Reply(500), Reply(502), Reply(504), Reply(200, {"ok": True})]
    with ScriptedServer(replies) as server:
        c, waits = client()
        response = c.request("GET", server.url + "/thing")
    assert response.json() == {"ok": True}
    assert len(server.seen) == 4
    # 0.5 s, 1 s, 2 s, each stretched by at most the jitter (25 %).
    for wait, base in zip(waits, (0.5, 1.0, 2.0)):
        assert base <= wait <= base * 1.25
    assert waits == sorted(waits)


def test_gives_up_after_the_attempts_and_says_so() -> None:
    with ScriptedServer([Reply(503, {"code": "busy", "message": "try later"})]) as server:
        c, waits = client(retry=RetryPolicy(attempts=3))
        with pytest.raises(HTTPStatusError) as info:
            c.request("GET", server.url + "/x")
    assert len(server.seen) == 3 and len(waits) == 2
    err = info.value
    assert err.status == 503 and err.code == "busy"
    assert "after 3 tries" in err.message and "try later" in err.message
    assert "try again later" in err.message


def test_honours_retry_after_but_caps_it() -> None:
    replies = [Reply(429, headers={"Retry-After": "7"}), Reply(429, headers={"Retry-After": "3600"}), Reply(200)]
    with ScriptedServer(replies) as server:
        c, waits = client(retry=RetryPolicy(max_retry_after=30.0))
        c.request("GET", server.url)
    assert waits[0] == pytest.approx(7.0)
    assert waits[1] == pytest.approx(30.0)


def test_http_date_retry_after_is_understood() -> None:
    from email.utils import formatdate
    import time

    replies = [Reply(503, headers={"Retry-After": formatdate(time.time() + 20, usegmt=True)}), Reply(200)]
    with ScriptedServer(replies) as server:
        c, waits = client()
        c.request("GET", server.url)
    assert 15.0 <= waits[0] <= 21.0


def test_a_create_is_not_blindly_retried_after_an_ambiguous_failure() -> None:
    with ScriptedServer([Reply(500), Reply(201, {"id": 1})]) as server:
        c, waits = client()
        with pytest.raises(AmbiguousError) as info:
            c.request("POST", server.url + "/posts", json_body={"a": 1}, idempotent=False)
    assert len(server.seen) == 1 and waits == []
    assert "may or may not have acted" in info.value.message


@pytest.mark.parametrize("status", [429, 503])
def test_a_create_is_retried_when_the_server_surely_did_nothing(status: int) -> None:
    with ScriptedServer([Reply(status), Reply(201, {"id": 1})]) as server:
        c, _ = client()
        response = c.request("POST", server.url + "/posts", json_body={"a": 1}, idempotent=False)
    assert response.status == 201 and len(server.seen) == 2
    assert server.seen[0].body == server.seen[1].body == b'{"a": 1}'


def test_timeouts_are_retried() -> None:
    with ScriptedServer([Reply(200, {"slow": 1}, delay=1.0), Reply(200, {"fast": 1})]) as server:
        c, waits = client(timeout=0.3)
        response = c.request("GET", server.url)
    assert response.json() == {"fast": 1} and len(waits) == 1


def test_a_dropped_connection_is_retried() -> None:
    with ScriptedServer([Reply(drop=True), Reply(200, {"ok": 1})]) as server:
        c, waits = client()
        assert c.request("GET", server.url).json() == {"ok": 1}
    assert len(waits) == 1


def test_a_body_cut_short_is_retried() -> None:
    with ScriptedServer([Reply(200, {"cut": "x" * 200}, partial=True), Reply(200, {"whole": 1})]) as server:
        c, waits = client()
        assert c.request("GET", server.url).json() == {"whole": 1}
    assert len(waits) == 1


def test_unreachable_server_is_a_clear_error_after_retries() -> None:
    with socket.socket() as sock:  # a port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    c, waits = client(retry=RetryPolicy(attempts=3))
    with pytest.raises(UnreachableError) as info:
        c.request("GET", f"http://127.0.0.1:{port}/wp-json/")
    assert len(waits) == 2
    assert f"cannot reach http://127.0.0.1:{port}: connection refused (tried 3 times)" in info.value.message
    assert "check the URL" in info.value.message


def test_401_and_403_are_auth_errors_with_the_servers_words() -> None:
    body401 = {"code": "incorrect_password", "message": "The provided password is an invalid application password."}
    body403 = {"code": "rest_cannot_create", "message": "Sorry, you are not allowed to create posts as this user."}
    with ScriptedServer([Reply(401, body401), Reply(403, body403)]) as server:
        c, waits = client()
        with pytest.raises(AuthError) as e401:
            c.request("GET", server.url + "/me")
        with pytest.raises(AuthError) as e403:
            c.request("POST", server.url + "/posts", json_body={})
    assert waits == []  # a wrong password is not retried
    assert e401.value.status == 401 and e401.value.code == "incorrect_password"
    assert "invalid application password" in e401.value.message
    assert e403.value.status == 403 and "not allowed to create posts" in e403.value.message
    assert "give the user the rights" in e403.value.message


def test_other_4xx_are_not_retried() -> None:
    with ScriptedServer(
        [Reply(400, {"code": "rest_invalid_param", "message": "Invalid parameter(s): status"})]
    ) as server:
        c, waits = client()
        with pytest.raises(HTTPStatusError) as info:
            c.request("GET", server.url)
    assert waits == [] and len(server.seen) == 1
    assert "[rest_invalid_param]" in info.value.message


def test_a_response_that_is_not_json_is_named() -> None:
    page = "<!doctype html><html><body>Log in to continue</body></html>"
    with ScriptedServer([Reply(200, page, headers={"Content-Type": "text/html; charset=UTF-8"})]) as server:
        c, _ = client()
        with pytest.raises(NotJSONError) as info:
            c.request("GET", server.url + "/wp-json/").json()
    assert "text/html" in info.value.message and "not JSON" in info.value.message
    assert "<!doctype html>" in info.value.message


def test_same_origin_redirects_of_reads_are_followed() -> None:
    with ScriptedServer([Reply(301, headers={"Location": "/wp-json/"}), Reply(200, {"here": 1})]) as server:
        c, _ = client()
        response = c.request("GET", server.url + "/wp-json")
    assert response.json() == {"here": 1}
    assert [s.path for s in server.seen] == ["/wp-json", "/wp-json/"]


def test_a_redirected_write_is_refused_not_turned_into_a_get() -> None:
    with ScriptedServer([Reply(301, headers={"Location": "https://example.org/wp-json/wp/v2/posts"})]) as server:
        c, _ = client()
        with pytest.raises(PushError) as info:
            c.request("POST", server.url + "/wp-json/wp/v2/posts", json_body={"title": "x"})
    assert len(server.seen) == 1
    assert "redirected" in info.value.message and "https://example.org" in info.value.message


def test_credentials_never_follow_a_redirect_to_another_host() -> None:
    with ScriptedServer([Reply(302, headers={"Location": "http://127.0.0.2:9/steal"})]) as server:
        c, _ = client(headers={"Authorization": "Basic c2VjcmV0"})
        with pytest.raises(PushError, match="redirected"):
            c.request("GET", server.url)
    assert len(server.seen) == 1


def test_every_request_carries_the_callers_headers() -> None:
    with ScriptedServer([Reply(200)]) as server:
        c, _ = client(headers={"Authorization": "Basic abc"})
        c.request("POST", server.url, json_body={"b": 2, "a": 1}, headers={"Idempotency-Key": "k1"})
    seen = server.seen[0]
    assert seen.headers["authorization"] == "Basic abc"
    assert seen.headers["idempotency-key"] == "k1"
    assert seen.headers["content-type"].startswith("application/json")
    assert seen.headers["user-agent"].startswith("newsgraph/")
    assert seen.body == b'{"a": 1, "b": 2}'  # sorted keys: the same article, the same bytes


def test_idempotency_key_depends_on_every_part() -> None:
    assert idempotency_key("a", b"b") == idempotency_key("a", b"b")
    assert idempotency_key("a", b"b") != idempotency_key("ab", b"")
    assert len(idempotency_key("x")) == 64


# --- TLS ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def self_signed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    if shutil.which("openssl") is None:
        pytest.skip("openssl is not installed, so no certificate can be made for the TLS tests")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=127.0.0.1",
            "-addext",
            "subjectAltName=IP:127.0.0.1",
            "-keyout",
            str(key),
            "-out",
            str(cert),
        ],
        check=True,
        capture_output=True,
    )
    return cert, key


def _https_server(cert: Path, key: Path) -> HTTPServer:
    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            body = b'{"tls": true}'
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = HTTPServer(("127.0.0.1", 0), Quiet)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    return httpd


def test_an_untrusted_certificate_is_a_tls_error_naming_the_fix(self_signed: tuple[Path, Path]) -> None:
    httpd = _https_server(*self_signed)
    try:
        url = f"https://127.0.0.1:{httpd.server_address[1]}/"
        c, waits = client()
        with pytest.raises(TLSError) as info:
            c.request("GET", url)
        assert waits == []  # retrying cannot make a certificate trusted
        assert "not trusted" in info.value.message and "--ca-file" in info.value.message
        trusted, _ = client(ca_file=str(self_signed[0]))
        assert trusted.request("GET", url).json() == {"tls": True}
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_speaking_tls_to_a_plain_http_server_is_a_clear_error() -> None:
    with ScriptedServer([Reply(200)]) as server:
        c, _ = client(retry=RetryPolicy(attempts=1))
        with pytest.raises((TLSError, UnreachableError)) as info:
            c.request("GET", server.url.replace("http://", "https://"))
    assert "http/https" in info.value.message or "cannot reach" in info.value.message
