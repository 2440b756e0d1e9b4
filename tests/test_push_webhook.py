"""`push webhook` against a receiver on 127.0.0.1: bodies, idempotency keys, signatures, batches."""

from __future__ import annotations

import hashlib
import hmac
import json
import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsgraph import api
from newsgraph.cli import main
from newsgraph.model import Article
from newsgraph.push import Client, RetryPolicy, WebhookOptions, push_webhook
from newsgraph.push.webhook import Webhook, push_items
from push_server import Reply, ScriptedServer, Seen

SAMPLES = Path(__file__).resolve().parents[1] / "samples"


def quick_client() -> Client:
    return Client(timeout=5.0, sleep=lambda s: None, rng=random.Random(1))


def test_each_article_is_posted_in_the_format_with_its_headers(kitchen_sink: Article) -> None:
    with ScriptedServer([Reply(202, {"queued": True})]) as server:
        report = push_webhook([kitchen_sink], server.url + "/ingest", client=quick_client())
    assert report.ok and [o.action for o in report.outcomes] == ["delivered"]
    [seen] = server.seen
    assert seen.method == "POST" and seen.path == "/ingest"
    assert seen.headers["content-type"] == "application/json; charset=utf-8"
    assert seen.headers["x-newsgraph-article"] == kitchen_sink.id
    assert seen.headers["x-newsgraph-format"] == "json"
    assert seen.body.decode("utf-8") == api.export(kitchen_sink, to="json")
    assert "x-newsgraph-signature" not in seen.headers
    assert "HTTP 202" in (report.outcomes[0].target or "")


def test_the_idempotency_key_changes_only_with_the_article(kitchen_sink: Article) -> None:
    changed = kitchen_sink.model_copy(update={"headline": "A corrected headline"})
    with ScriptedServer([Reply(200)]) as server:
        push_webhook([kitchen_sink, kitchen_sink, changed], server.url, client=quick_client())
    keys = [s.headers["idempotency-key"] for s in server.seen]
    assert keys[0] == keys[1] != keys[2]
    assert all(len(k) == 64 for k in keys)


def test_a_retried_delivery_keeps_its_key(kitchen_sink: Article) -> None:
    with ScriptedServer([Reply(503), Reply(500), Reply(200)]) as server:
        report = push_webhook([kitchen_sink], server.url, client=quick_client())
    assert report.ok and len(server.seen) == 3
    assert len({s.headers["idempotency-key"] for s in server.seen}) == 1
    assert len({s.body for s in server.seen}) == 1


def test_the_body_is_signed_with_the_secret(kitchen_sink: Article) -> None:
    with ScriptedServer([Reply(200)]) as server:
        push_webhook([kitchen_sink], server.url, WebhookOptions(secret="s3cret"), client=quick_client())
    [seen] = server.seen
    expected = hmac.new(b"s3cret", seen.body, hashlib.sha256).hexdigest()
    assert seen.headers["x-newsgraph-signature"] == f"sha256={expected}"


def test_409_means_the_receiver_already_has_it(kitchen_sink: Article) -> None:
    with ScriptedServer([Reply(409, {"message": "duplicate key"})]) as server:
        report = push_webhook([kitchen_sink], server.url, client=quick_client())
    assert report.ok and report.outcomes[0].action == "already delivered"


def test_a_batch_goes_on_past_a_rejected_article(kitchen_sink: Article) -> None:
    other = kitchen_sink.model_copy(update={"id": "urn:newsgraph:article:other"})

    def answer(seen: Seen) -> Reply:
        if seen.headers["x-newsgraph-article"] == kitchen_sink.id:
            return Reply(422, {"message": "missing byline"})
        return Reply(200)

    with ScriptedServer(handler=answer) as server:
        report = push_webhook([kitchen_sink, other], server.url, client=quick_client())
    assert [o.ok for o in report.outcomes] == [False, True]
    err = report.outcomes[0].error
    assert err is not None and "HTTP 422" in err.message and "missing byline" in err.message
    assert report.summary() == "pushed 1 of 2 articles: 1 delivered; 1 failed"


def test_dry_run_sends_nothing(kitchen_sink: Article) -> None:
    with ScriptedServer([Reply(200)]) as server:
        report = push_webhook([kitchen_sink], server.url, WebhookOptions(dry_run=True), client=quick_client())
    assert server.seen == []
    assert report.outcomes[0].action == "would post" and "Idempotency-Key" in (report.outcomes[0].target or "")


def test_an_unknown_or_unwritable_format_is_a_usage_error() -> None:
    from newsgraph.errors import UsageError

    with pytest.raises(UsageError, match="unknown format"):
        Webhook("http://127.0.0.1:1/", WebhookOptions(format="rtf"))
    with pytest.raises(UsageError, match="cannot write text"):
        Webhook("http://127.0.0.1:1/", WebhookOptions(format="text"))
    with pytest.raises(UsageError, match="not a web address"):
        Webhook("ftp://example.org/", WebhookOptions())


def test_cli_posts_every_input_and_reports_a_bad_one(tmp_path: Path) -> None:
    bad = tmp_path / "broken.json"
    bad.write_text("{not json", encoding="utf-8")
    secret = tmp_path / "hook.key"
    secret.write_text("k3y\n", encoding="utf-8")
    with ScriptedServer([Reply(201)]) as server:
        result = CliRunner().invoke(
            main,
            [
                "push",
                "webhook",
                server.url + "/in",
                str(SAMPLES / "kitchen_sink.json"),
                str(bad),
                "--secret-file",
                str(secret),
                "--header",
                "X-Feed: wire",
                "--retries",
                "0",
            ],
        )
    assert result.exit_code == 1, result.output
    assert "delivered: urn:newsgraph:article:407c2b58d7a4ad432b61" in result.stdout
    assert f"error: {bad}:" in result.stderr
    assert "pushed 1 of 2 articles" in result.stderr
    [seen] = server.seen
    assert seen.headers["x-feed"] == "wire"
    assert seen.headers["x-newsgraph-signature"] == "sha256=" + hmac.new(b"k3y", seen.body, hashlib.sha256).hexdigest()
    assert json.loads(seen.body)["id"] == "urn:newsgraph:article:407c2b58d7a4ad432b61"


def test_cli_secret_from_environment_and_bad_header(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_WEBHOOK_SECRET", "from-env")
    with ScriptedServer([Reply(200)]) as server:
        ok = CliRunner().invoke(main, ["push", "webhook", server.url, str(SAMPLES / "kitchen_sink.json"), "-q"])
        bad = CliRunner().invoke(
            main, ["push", "webhook", server.url, str(SAMPLES / "kitchen_sink.json"), "--header", "no-colon"]
        )
    assert ok.exit_code == 0 and ok.stdout == ""
    assert server.seen[0].headers["x-newsgraph-signature"].startswith("sha256=")
    assert bad.exit_code == 2 and "is not 'NAME: VALUE'" in bad.stderr


def test_cli_unreachable_receiver_fails_cleanly() -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    result = CliRunner().invoke(
        main, ["push", "webhook", f"http://127.0.0.1:{port}/", "--retries", "0", str(SAMPLES / "kitchen_sink.json")]
    )
    assert result.exit_code == 1
    assert f"cannot reach http://127.0.0.1:{port}: connection refused" in result.stderr
    assert "Traceback" not in result.output


def test_push_items_reports_inputs_that_cannot_be_read(tmp_path: Path, kitchen_sink: Article) -> None:
    missing = tmp_path / "nope.json"
    hook = Webhook("http://127.0.0.1:1/", WebhookOptions(dry_run=True))
    report = push_items(hook, api.read_inputs([str(SAMPLES / "kitchen_sink.json"), str(missing)]))
    assert [o.ok for o in report.outcomes] == [True, False]
    assert "no such file" in str(report.outcomes[1].error)
    assert RetryPolicy().attempts == 4


@pytest.mark.parametrize(
    "fmt,media_type",
    [
        ("ninjs", "application/ninjs+json"),
        ("newsml", "application/vnd.iptc.g2.newsitem+xml"),
        ("jsonld", "application/ld+json"),
        ("json", "application/json"),
    ],
)
def test_every_exchange_format_can_be_posted(kitchen_sink: Article, fmt: str, media_type: str) -> None:
    with ScriptedServer([Reply(200)]) as server:
        report = push_webhook([kitchen_sink], server.url, WebhookOptions(format=fmt), client=quick_client())
    assert report.ok
    [seen] = server.seen
    assert seen.headers["content-type"] == f"{media_type}; charset=utf-8"
    assert seen.headers["x-newsgraph-format"] == fmt
    assert seen.body.decode("utf-8") == api.export(kitchen_sink, to=fmt)
