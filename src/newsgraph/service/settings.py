"""What a running service is allowed: body size, time, workers, and the API key it wants."""

from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass

from ..push.secrets import load_secret

# Limits, as data: an article is far below them; anything larger is a mistake or an attack.
DEFAULT_MAX_BYTES = 10 * 1024 * 1024
DEFAULT_TIMEOUT = 60.0  # seconds for one request: reading its body, then the work
BODY_CHUNK_TIMEOUT = 10.0  # seconds a client may pause between two pieces of its body
API_KEY_ENV = "NEWSGRAPH_API_KEY"


def default_workers() -> int:
    return max(1, min(4, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1))


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class ServiceSettings:
    max_bytes: int = DEFAULT_MAX_BYTES
    timeout: float = DEFAULT_TIMEOUT
    chunk_timeout: float = BODY_CHUNK_TIMEOUT
    workers: int = 1  # extraction processes forked after spaCy is loaded; 0: one thread in the server
    api_key: str | None = None  # requests to /v1/* (but health) must send it

    @classmethod
    def from_options(
        cls,
        *,
        host: str = "127.0.0.1",
        api_key_file: str | None = None,
        workers: int | None = None,
        max_bytes: int | None = None,
        timeout: float | None = None,
    ) -> "ServiceSettings":
        """Settings from the CLI's options; the key from a file, or $NEWSGRAPH_API_KEY(_FILE)."""
        key = load_secret(api_key_file, API_KEY_ENV, what="API key", option="--api-key-file", required=False)
        return cls(
            max_bytes=max_bytes or DEFAULT_MAX_BYTES,
            timeout=timeout or DEFAULT_TIMEOUT,
            workers=default_workers() if workers is None else workers,
            api_key=key,
        )
