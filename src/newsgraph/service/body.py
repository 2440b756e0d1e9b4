"""A request's body, read within the limits, and the format it is in.

The body is read piece by piece: a declared Content-Length over the limit is refused
before anything is read, a body that grows past it is refused at that point, and a
client that stops sending is dropped after a pause, so no request holds memory or a
connection beyond the limits.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import PurePath

from starlette.requests import ClientDisconnect, Request

from .. import api, formats
from ..errors import InputError, NewsgraphError, UsageError
from ..formats import Format
from .settings import ServiceSettings

# Media types that say "some bytes" rather than a format: the content decides.
UNSTATED = frozenset({"", "application/octet-stream", "application/x-www-form-urlencoded", "*/*"})
# Media types that name a format other than by the registry's own media type.
ALIASES: dict[str, str] = {
    "text/markdown": "text",
    "application/xhtml+xml": "html",
    "application/xml": "newsml",
    "text/xml": "newsml",
    "application/vnd.iptc.g2.newsmessage+xml": "newsml",
    "application/x-ndjson": "jsonl",
    "application/x-jsonlines": "jsonl",
    "application/jsonlines": "jsonl",
    "application/ninjs+json": "ninjs",
    "application/json": "json",
}


class TooLarge(NewsgraphError):
    """The body is larger than the service accepts (413)."""


class TooSlow(NewsgraphError):
    """The client did not send its body in time (408)."""


class Unsupported(NewsgraphError):
    """The body is not in a format newsgraph reads (415)."""


def _megabytes(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MiB" if n >= 1024 * 1024 else f"{n} bytes"


def _too_large(limit: int) -> TooLarge:
    return TooLarge(
        f"the body is larger than this service accepts ({_megabytes(limit)})",
        "send one article, or a smaller batch, per request",
    )


async def read_body(request: Request, settings: ServiceSettings) -> bytes:
    """The whole body, or TooLarge / TooSlow as soon as it breaks a limit."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
        raise _too_large(settings.max_bytes)
    deadline = time.monotonic() + settings.timeout
    chunks: list[bytes] = []
    size = 0
    stream = request.stream().__aiter__()
    while True:
        wait = min(settings.chunk_timeout, deadline - time.monotonic())
        try:
            chunk = await asyncio.wait_for(stream.__anext__(), timeout=max(wait, 0.001))
        except StopAsyncIteration:
            break
        except (asyncio.TimeoutError, ClientDisconnect):
            raise TooSlow(
                "the body did not arrive in time",
                f"send the whole body within {settings.timeout:g} seconds, without pauses "
                f"of more than {settings.chunk_timeout:g}",
            ) from None
        size += len(chunk)
        if size > settings.max_bytes:
            raise _too_large(settings.max_bytes)
        chunks.append(chunk)
    return b"".join(chunks)


def _media_type(request: Request) -> str:
    return request.headers.get("content-type", "").split(";", 1)[0].strip().lower()


def _declared(media_type: str, from_: str | None) -> Format | None:
    """The format the query (from=) or the Content-Type names, if any."""
    if from_:
        fmt = formats.get(from_)  # UsageError for an unknown name: 400
        if not fmt.readable:
            raise UsageError(
                f"newsgraph cannot read {fmt.name}", f"from= takes one of: {', '.join(formats.readable_names())}"
            )
        return fmt
    if media_type in UNSTATED:
        return None
    for fmt in formats.FORMATS:
        if fmt.readable and fmt.media_type == media_type and media_type != "application/json":
            return fmt
    if media_type in ALIASES:
        return formats.get(ALIASES[media_type])
    raise Unsupported(
        f"newsgraph does not read {media_type!r} bodies",
        "send the article itself as the body, with the Content-Type of its format "
        f"(see GET /v1/formats), or name the format with from= "
        f"({', '.join(formats.readable_names())})",
    )


def body_format(request: Request, data: bytes, from_: str | None, name: str | None) -> str:
    """The name of the body's format: from=, else the Content-Type, else the file name, else the content."""
    if not data.strip():
        raise InputError("the body is empty", "send an article in the body")
    fmt = _declared(_media_type(request), from_)
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Unsupported(
            "the body is binary, not a document newsgraph reads",
            "send text, HTML, JSON or XML; UTF-16 text needs a byte order mark",
        )
    if fmt is not None and fmt.name != "json":
        return fmt.name
    hint = f"body{PurePath(name).suffix}" if name and PurePath(name).suffix else None
    if fmt is not None:  # application/json: our JSON, ninjs or JSON-LD, by content
        hint = "body.json"
    try:
        return api.detect_format(data, hint, None).name
    except UsageError as err:
        raise Unsupported(err.what, err.fix) from None
    except InputError:
        raise Unsupported(
            "newsgraph cannot tell which format the body is in",
            f"name it with from= ({', '.join(formats.readable_names())}) or a Content-Type",
        ) from None
