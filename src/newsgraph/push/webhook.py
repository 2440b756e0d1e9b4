"""POST each article to a URL, for CMSs and pipelines that ingest a feed.

Each request carries an ``Idempotency-Key`` that depends only on the article's id, the
format and the exact bytes sent: a receiver that already has this version of the
article can drop a repeated delivery (after a retry, or when a batch is pushed again),
and a new version gets a new key. That is also why a POST here is retried like an
idempotent request. With a secret, ``X-Newsgraph-Signature: sha256=<hex>`` is the
HMAC-SHA256 of the body, the way GitHub and Stripe sign their webhooks.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass, field
from typing import Iterable, Mapping

from .. import api, formats
from ..errors import UsageError
from ..exporters.base import ExportOptions
from ..model import Article
from .http import Client, HTTPStatusError, check_headers, check_url, idempotency_key, redact
from .report import Items, PushOutcome, PushReport, run


@dataclass(frozen=True)
class WebhookOptions:
    format: str = "json"
    dry_run: bool = False
    secret: str | None = None  # signs each body (X-Newsgraph-Signature)
    headers: Mapping[str, str] = field(default_factory=dict)  # extra, non-secret headers
    export: ExportOptions = field(default_factory=ExportOptions)


def signature(secret: str, body: bytes) -> str:
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


class Webhook:
    def __init__(self, url: str, options: WebhookOptions = WebhookOptions(), *, client: Client | None = None) -> None:
        # Checked once, here: a bad URL or header is the call's fault, not each article's.
        check_url(url)
        check_headers(options.headers)
        fmt = formats.get(options.format)
        if not fmt.writable:
            raise UsageError(
                f"newsgraph cannot write {fmt.name}", f"writable formats: {', '.join(formats.writable_names())}"
            )
        self.url = url
        self.options = options
        self.media_type = fmt.media_type
        self.client = client or Client()

    def push(self, article: Article) -> PushOutcome:
        body = api.export(article, to=self.options.format, options=self.options.export).encode("utf-8")
        key = idempotency_key(article.id, self.options.format, body)
        headers = {
            **self.options.headers,
            "Content-Type": f"{self.media_type}; charset=utf-8",
            "Idempotency-Key": key,
            "X-Newsgraph-Article": article.id,
            "X-Newsgraph-Format": self.options.format,
        }
        if self.options.secret:
            headers["X-Newsgraph-Signature"] = signature(self.options.secret, body)
        outcome = PushOutcome(input="", article=article.id)
        if self.options.dry_run:
            outcome.action = "would post"
            outcome.target = (
                f"{redact(self.url)} ({len(body)} bytes of {self.options.format}, Idempotency-Key {key[:16]}...)"
            )
            return outcome
        try:
            response = self.client.request("POST", self.url, body=body, headers=headers, idempotent=True)
        except HTTPStatusError as err:
            if err.status == 409:
                # The conventional answer of a receiver that already holds this key.
                outcome.action, outcome.target = "already delivered", f"{redact(self.url)} (HTTP 409)"
                return outcome
            raise
        outcome.action = "delivered"
        outcome.target = f"{redact(self.url)} (HTTP {response.status})"
        return outcome


def push_items(hook: Webhook, items: Items) -> PushReport:
    """Deliver every article of every input; a failing one is reported and the batch goes on."""
    return run(items, hook.push, dry_run=hook.options.dry_run)


def push_webhook(
    articles: Iterable[Article], url: str, options: WebhookOptions = WebhookOptions(), *, client: Client | None = None
) -> PushReport:
    """The library's ``push webhook``: POST each article in ``options.format``."""
    hook = Webhook(url, options, client=client)
    return push_items(hook, ((a.id, [a]) for a in articles))
