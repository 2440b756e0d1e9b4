"""The REST API and the web page: FastAPI routes over the library, errors as JSON.

Every error a request can cause is a JSON object with the CLI's ``what`` and ``fix`` and
the status it deserves: 400 (the call is wrong), 401 (no or wrong API key), 408 (the body
came too slowly), 413 (too large), 415 (not a format newsgraph reads), 400 also for a body
that cannot be read (empty, undecodable, malformed JSON or XML: an InputError), 422 for
one that reads but breaks a rule of the model (a ModelError), 503 (over the time limit,
or the worker died). A 500 is a newsgraph bug.
"""

from __future__ import annotations

import hmac
from contextlib import asynccontextmanager
from typing import AsyncIterator, Awaitable, Callable

from fastapi import FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi_offline import FastAPIOffline
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import formats, version
from ..errors import ExportError, InputError, ModelError, NewsgraphError, UsageError
from . import work
from .body import TooLarge, TooSlow, Unsupported, body_format, read_body
from .page import index_page
from .pool import Busy, Pool
from .settings import ServiceSettings

# Error class -> HTTP status; the first match wins (subclasses before their bases).
STATUS: tuple[tuple[type[NewsgraphError], int], ...] = (
    (TooLarge, 413),
    (TooSlow, 408),
    (Unsupported, 415),
    (Busy, 503),
    (UsageError, 400),
    (InputError, 400),
    (ModelError, 422),
    (ExportError, 500),
)
KEY_HEADERS = ("x-api-key",)
OPEN_PATHS = frozenset({"/", "/v1/health", "/docs", "/docs/oauth2-redirect", "/openapi.json"})
DOCS_ASSETS = "/docs-assets"  # Swagger UI's script, styles and icon, from the fastapi-offline package
# /docs may load only what this service serves: no CDN, no online validator badge.
DOCS_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self' 'unsafe-inline'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'self'"
}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "SAMEORIGIN",
}


def status_of(err: NewsgraphError) -> int:
    return next((code for cls, code in STATUS if isinstance(err, cls)), 500)


def error_response(status: int, what: str, fix: str | None, source: str | None = None) -> JSONResponse:
    body = {"status": status, "what": what, "fix": fix}
    if source:
        body["source"] = source
    return JSONResponse(body, status_code=status, headers=SECURITY_HEADERS)


def _key_of(request: Request) -> str | None:
    auth = request.headers.get("authorization", "")
    if auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return next((request.headers[h] for h in KEY_HEADERS if h in request.headers), None)


def _install_handlers(app: FastAPI, settings: ServiceSettings) -> None:
    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, err: NewsgraphError) -> JSONResponse:
        return error_response(status_of(err), err.what, err.fix, err.source)

    @app.exception_handler(RequestValidationError)
    async def bad_parameters(request: Request, err: RequestValidationError) -> JSONResponse:
        problems = "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ()))}: {e.get('msg')}" for e in err.errors())
        return error_response(400, f"the request's parameters are wrong: {problems}", "see /docs for the API")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, err: StarletteHTTPException) -> JSONResponse:
        fix = "see /docs for the API" if err.status_code in (404, 405) else None
        return error_response(err.status_code, str(err.detail).lower(), fix)

    @app.exception_handler(Exception)
    async def internal(request: Request, err: Exception) -> JSONResponse:
        return error_response(
            500, f"internal error: {type(err).__name__}", "this is a newsgraph bug: please report it with the input"
        )

    @app.middleware("http")
    async def guard(request: Request, call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        path = request.url.path
        if settings.api_key and path not in OPEN_PATHS and not path.startswith(DOCS_ASSETS + "/"):
            given = _key_of(request) or ""
            if not hmac.compare_digest(given.encode(), settings.api_key.encode()):
                return error_response(
                    401,
                    "this service needs an API key" if not given else "the API key is wrong",
                    "send it as 'Authorization: Bearer KEY' or 'X-API-Key: KEY'",
                )
        response = await call_next(request)
        for name, value in (SECURITY_HEADERS | (DOCS_HEADERS if path == "/docs" else {})).items():
            response.headers.setdefault(name, value)
        return response


def create_app(settings: ServiceSettings = ServiceSettings()) -> FastAPI:
    """The ASGI application; its lifespan loads spaCy and starts the worker pool."""
    pool = Pool(settings.workers)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool.start()
        try:
            yield
        finally:
            pool.stop()

    # FastAPIOffline: FastAPI whose /docs page loads Swagger UI from this service, so the
    # docs work on a machine with no network and the browser fetches nothing elsewhere.
    app = FastAPIOffline(
        redoc_url=None,
        static_url=DOCS_ASSETS,
        swagger_ui_parameters={"validatorUrl": None},
        title="newsgraph",
        version=version.__version__,
        lifespan=lifespan,
        description="News articles in any format to structured, validated data: newsgraph JSON, "
        "IPTC NewsML-G2, schema.org JSON-LD, IPTC ninjs. Send the article as the "
        "request body; errors are JSON objects with `what` and `fix`.",
    )
    app.state.pool, app.state.settings = pool, settings
    _install_handlers(app, settings)
    _routes(app, pool, settings)
    return app


BodyFormat = Query(None, alias="from", description="Format of the body (default: the Content-Type, else the content)")
FileName = Query(None, description="The uploaded file's name: its extension helps tell the format")
Extract = Query(None, description="Run extraction (default: for text and HTML, not for structured formats)")


def _routes(app: FastAPI, pool: Pool, settings: ServiceSettings) -> None:
    async def body_of(request: Request, from_: str | None, name: str | None) -> tuple[bytes, str]:
        data = await read_body(request, settings)
        return data, body_format(request, data, from_, name)

    @app.post("/v1/convert", summary="Convert an article (any readable format in the body)")
    async def convert(
        request: Request,
        to: str = Query("json", description="Format to write"),
        from_: str | None = BodyFormat,
        name: str | None = FileName,
        extract: bool | None = Extract,
    ) -> Response:
        target = formats.get(to)
        data, fmt = await body_of(request, from_, name)
        text, count = await pool.run(settings.timeout, work.convert, data, fmt, target.name, extract)
        return Response(text, media_type=_media_type(target.name, count))

    @app.post("/v1/extract", summary="Extract actors, quotes and events: the JSON model")
    async def extract(
        request: Request, from_: str | None = BodyFormat, name: str | None = FileName, extract: bool | None = Extract
    ) -> Response:
        data, fmt = await body_of(request, from_, name)
        text, count = await pool.run(settings.timeout, work.extract_json, data, fmt, extract)
        return Response(text, media_type=_media_type("json", count))

    @app.post("/v1/view", summary="The article's page (newsgraph view)", response_class=HTMLResponse)
    async def view(
        request: Request, from_: str | None = BodyFormat, name: str | None = FileName, extract: bool | None = Extract
    ) -> Response:
        data, fmt = await body_of(request, from_, name)
        return HTMLResponse(await pool.run(settings.timeout, work.view, data, fmt, extract))

    @app.get("/v1/formats", summary="The formats newsgraph reads and writes")
    async def list_formats() -> list[dict[str, object]]:
        return [
            {
                "name": f.name,
                "title": f.title,
                "extensions": list(f.extensions),
                "media_type": f.media_type,
                "readable": f.readable,
                "writable": f.writable,
            }
            for f in formats.FORMATS
        ]

    @app.get("/v1/health", summary="Whether the service is up")
    async def health() -> dict[str, object]:
        return {
            "status": "ok",
            "version": version.__version__,
            "workers": pool.workers,
            "workers_replaced": pool.replaced,
            "spacy_model": pool.model,
            "max_bytes": settings.max_bytes,
            "timeout": settings.timeout,
        }

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> HTMLResponse:
        return HTMLResponse(index_page(api_key=bool(settings.api_key)), headers=PAGE_HEADERS)


# The page itself: its script and style inline, calls only to this service.
PAGE_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'unsafe-inline'; "
    "style-src 'unsafe-inline'; connect-src 'self'; img-src data: blob:; frame-src 'self' blob:; "
    "form-action 'none'; base-uri 'none'; frame-ancestors 'self'"
}


def _media_type(fmt: str, count: int) -> str:
    media_type = formats.get(fmt).media_type
    # Several articles in a JSON format are JSON Lines, one per line (NewsML-G2: one newsMessage).
    return "application/jsonl" if count > 1 and media_type.endswith("json") else media_type
