"""Send articles to a CMS: WordPress over its REST API, or any webhook that ingests a feed.

>>> from newsgraph.push import push_wordpress, WordPressOptions
>>> report = push_wordpress(articles, url="https://example.org", user="editor",
...                         app_password=secret, options=WordPressOptions(status="draft"))
>>> print(report.summary())
"""

from .http import (
    AmbiguousError,
    AuthError,
    Client,
    HTTPStatusError,
    NotJSONError,
    PushError,
    RetryPolicy,
    TLSError,
    UnreachableError,
)
from .report import PushOutcome, PushReport
from .webhook import Webhook, WebhookOptions, push_webhook
from .wordpress import Site, WordPressOptions, push_wordpress

__all__ = [
    "AmbiguousError",
    "AuthError",
    "Client",
    "HTTPStatusError",
    "NotJSONError",
    "PushError",
    "PushOutcome",
    "PushReport",
    "RetryPolicy",
    "Site",
    "TLSError",
    "UnreachableError",
    "Webhook",
    "WebhookOptions",
    "WordPressOptions",
    "push_webhook",
    "push_wordpress",
]
