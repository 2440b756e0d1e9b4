"""newsgraph serve: a local REST API and web page over the library (FastAPI and uvicorn).

>>> from newsgraph.service import ServiceSettings, create_app
>>> app = create_app(ServiceSettings(workers=0))
"""

from __future__ import annotations

import sys
from typing import Any

from .settings import ServiceSettings, is_loopback

__all__ = ["ServiceSettings", "create_app", "run"]


def create_app(settings: ServiceSettings = ServiceSettings()) -> Any:  # a FastAPI app (an optional dependency)
    """The ASGI application (imported on call: FastAPI is in the 'serve' extra)."""
    from .app import create_app as make

    return make(settings)


def run(settings: ServiceSettings, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted."""
    from ..errors import UsageError

    try:
        import uvicorn
    except ImportError:
        raise UsageError(
            "newsgraph serve needs FastAPI and uvicorn", "pip install 'newsgraph[serve]' (or run scripts/setup.sh)"
        ) from None
    if not is_loopback(host) and not settings.api_key:
        print(
            f"warning: serving on {host} without an API key: anyone who reaches it can use it (give --api-key-file)",
            file=sys.stderr,
        )
    # A client that keeps its connection open must not keep the server from stopping.
    uvicorn.run(
        create_app(settings),
        host=host,
        port=port,
        log_level="info",
        timeout_keep_alive=5,
        timeout_graceful_shutdown=5,
        h11_max_incomplete_event_size=64 * 1024,
        server_header=False,
    )
