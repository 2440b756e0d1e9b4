"""The HTTP client every push target shares: retries with backoff, idempotency keys, clear errors.

Standard library only (urllib): a push is a handful of sequential JSON requests, which
needs neither connection pools nor async, and every dependency is one more thing for a
newsroom's CMS host to install.

What is retried: 408, 429, 500, 502, 503, 504, timeouts and dropped connections, with
exponential backoff and ``Retry-After`` honoured (capped). What is not: DNS failures, TLS
failures and every other 4xx, which no retry can fix. A request that is not idempotent
(creating something) is retried only where the server surely did not act on it (refused
connection, 429, 503); any other failure raises :class:`AmbiguousError` so that the caller
can look up whether the first attempt took effect before trying again.
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import http.client
import json
import random
import re
import socket
import ssl
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from ..errors import NewsgraphError, UsageError
from ..version import __version__

MAX_BODY = 64 * 1024 * 1024  # a larger answer is not a CMS talking to us
MAX_REDIRECTS = 5
RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})
# Statuses after which the server surely did nothing, so even a create may be retried.
SAFE_RETRY_STATUSES = frozenset({429, 503})


class PushError(NewsgraphError):
    """A push to a CMS or webhook failed."""


class UnreachableError(PushError):
    """The server could not be reached, or stopped answering, even after retries."""


class TLSError(PushError):
    """The TLS handshake failed: the server's certificate is not trusted or does not match."""


class _StatusMixin:
    status: int
    code: str | None  # the server's own error code, e.g. WordPress's "rest_cannot_create"
    data: Any
    said: str | None  # the server's own message


class HTTPStatusError(PushError, _StatusMixin):
    """The server answered with an error status that retrying cannot fix (or retries ran out)."""

    def __init__(
        self,
        what: str,
        fix: str | None = None,
        *,
        status: int,
        code: str | None = None,
        data: Any = None,
        said: str | None = None,
    ) -> None:
        super().__init__(what, fix)
        self.status, self.code, self.data, self.said = status, code, data, said


class AuthError(PushError, _StatusMixin):
    """The server refused the credentials (401) or the user's rights (403)."""

    def __init__(
        self, what: str, fix: str | None = None, *, status: int, code: str | None = None, said: str | None = None
    ) -> None:
        super().__init__(what, fix)
        self.status, self.code, self.data, self.said = status, code, None, said


class AmbiguousError(PushError):
    """A request that is not idempotent failed in a way that leaves unknown whether it took effect."""


class NotJSONError(PushError):
    """The server answered, but not with JSON."""


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # tries in all, the first included
    backoff: float = 0.5  # seconds before the first retry; doubles each time
    max_backoff: float = 8.0
    max_retry_after: float = 30.0  # a longer Retry-After is capped to this
    jitter: float = 0.25  # each wait is stretched by up to this fraction, so clients spread out

    def delay(self, retry: int, rng: random.Random) -> float:
        """Seconds to wait before retry number ``retry`` (1 for the first)."""
        base = min(self.max_backoff, self.backoff * (2 ** (retry - 1)))
        return base * (1.0 + self.jitter * rng.random())


@dataclass
class Response:
    status: int
    headers: Mapping[str, str]
    body: bytes
    url: str

    def json(self) -> Any:
        return parse_json(self)


def parse_json(response: Response) -> Any:
    try:
        return json.loads(response.body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        ctype = response.headers.get("content-type", "no content type")
        head = response.body[:120].decode("utf-8", "replace").strip().replace("\n", " ")
        raise NotJSONError(
            f"{redact(response.url)} answered HTTP {response.status} with {ctype} that is not JSON "
            f"(it begins {head!r})",
            "check that the URL points at the service itself; a proxy, a login page or a "
            "security plugin may be answering instead",
        ) from None


def idempotency_key(*parts: str | bytes) -> str:
    """The same key for the same content, so a receiver can drop a repeated delivery."""
    digest = hashlib.sha256()
    for part in parts:
        digest.update(part.encode("utf-8") if isinstance(part, str) else part)
        digest.update(b"\x00")
    return digest.hexdigest()


def basic_auth(user: str, password: str) -> str:
    token = base64.b64encode(f"{user}:{password}".encode("utf-8")).decode("ascii")
    return f"Basic {token}"


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    # urllib would turn a redirected POST into a GET without its body (and forward the
    # Authorization header to any host): redirects are handled by Client.request instead.
    def redirect_request(self, req: Any, fp: Any, code: int, msg: str, headers: Any, newurl: str) -> None:
        return None


@dataclass
class Client:
    """Sends requests with retries; raises a PushError subclass whose message says what to fix."""

    timeout: float = 30.0
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    headers: dict[str, str] = field(default_factory=dict)  # sent with every request (auth)
    ca_file: str | None = None
    sleep: Callable[[float], None] = time.sleep
    rng: random.Random = field(default_factory=random.Random)
    log: Callable[[str], None] | None = None  # told about each retry
    # The circuit breaker: after this many requests in a row found an origin unreachable
    # (retries spent), later ones fail at once for ``breaker_cooldown`` seconds, then one
    # attempt (no retries) probes it. A server that is down costs a batch its retries once.
    breaker_threshold: int = 2
    breaker_cooldown: float = 60.0
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        context = ssl.create_default_context()  # the system's trusted CAs ...
        if self.ca_file:
            context.load_verify_locations(cafile=self.ca_file)  # ... and this one too
        self._opener = urllib.request.build_opener(_HTTPHandler(), _HTTPSHandler(context=context), _NoRedirect())
        self._down: dict[str, tuple[int, float]] = {}  # origin -> (failures in a row, since)
        check_headers(self.headers)

    def request(
        self,
        method: str,
        url: str,
        *,
        json_body: Any = None,
        body: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        idempotent: bool | None = None,
        ok: tuple[int, ...] = (),
    ) -> Response:
        """One request, retried as the policy allows; a 2xx response (or a status in ``ok``).

        ``idempotent`` defaults to True for GET, HEAD, PUT, DELETE and OPTIONS. Credentials
        in the URL (``https://user:password@host``) are sent as Basic authentication and
        never printed.
        """
        check_url(url)
        url, credentials = _split_credentials(url)
        if idempotent is None:
            idempotent = method in ("GET", "HEAD", "PUT", "DELETE", "OPTIONS")
        all_headers = {
            "User-Agent": f"newsgraph/{__version__}",
            "Accept": "application/json",
            **({"Authorization": credentials} if credentials else {}),
            **self.headers,
            **(headers or {}),
        }
        check_headers(all_headers)
        if json_body is not None:
            body = json.dumps(json_body, ensure_ascii=False, sort_keys=True).encode("utf-8")
            all_headers.setdefault("Content-Type", "application/json; charset=utf-8")
        origin = _origin(url)
        attempts = self._attempts_allowed(origin)
        try:
            response = self._exchange(method, url, body, all_headers, idempotent, ok, attempts)
        except UnreachableError:
            failures, _ = self._down.get(origin, (0, 0.0))
            self._down[origin] = (failures + 1, self.clock())
            raise
        self._down.pop(origin, None)
        return response

    def _attempts_allowed(self, origin: str) -> int:
        failures, since = self._down.get(origin, (0, 0.0))
        if failures < self.breaker_threshold:
            return self.retry.attempts
        waited = self.clock() - since
        if waited < self.breaker_cooldown:
            raise UnreachableError(
                f"skipped: {origin} did not answer the last {failures} requests; newsgraph tries it "
                f"again in {self.breaker_cooldown - waited:.0f}s",
                "check that the server is up, then push again (what was delivered is not sent twice)",
            )
        return 1  # a probe: the server may be back

    def _exchange(
        self,
        method: str,
        url: str,
        body: bytes | None,
        all_headers: dict[str, str],
        idempotent: bool,
        ok: tuple[int, ...],
        attempts: int,
    ) -> Response:
        redirects = 0
        attempt = 0
        while True:
            attempt += 1
            try:
                response = self._send(method, url, body, all_headers)
            except _Transient as failure:
                safe = idempotent or failure.surely_unprocessed
                if attempt < attempts and safe:
                    self._wait(attempt, None, f"{failure.describe} ({method} {redact(url)})")
                    continue
                if not safe:
                    raise AmbiguousError(
                        f"{method} {redact(url)} failed ({failure.describe}); the server may or may not have acted on it",
                        "run the push again: it looks the item up before writing",
                    ) from None
                raise UnreachableError(
                    f"cannot reach {_origin(url)}: {failure.describe} (tried {attempt} times)",
                    "check the URL and that the server is running and reachable from here",
                ) from None
            status = response.status
            if 300 <= status < 400 and status != 304:
                url = self._follow(method, url, response, redirects)
                redirects += 1
                attempt -= 1  # a redirect is not a failed attempt
                continue
            if 200 <= status < 300 or status in ok:
                return response
            if status in RETRY_STATUSES:
                safe = idempotent or status in SAFE_RETRY_STATUSES
                if attempt < attempts and safe:
                    self._wait(attempt, response.headers.get("retry-after"), f"HTTP {status} ({method} {redact(url)})")
                    continue
                if not safe:
                    raise AmbiguousError(
                        f"{method} {redact(url)} failed with HTTP {status}; the server may or may not have acted on it",
                        "run the push again: it looks the item up before writing",
                    )
            raise status_error(method, url, response, attempt)

    # --- internals ---

    def _send(self, method: str, url: str, body: bytes | None, headers: Mapping[str, str]) -> Response:
        request = urllib.request.Request(url, data=body, method=method, headers=dict(headers))
        # The timeout bounds the whole answer, not each read: a server trickling a byte every
        # half second would otherwise hold the request forever.
        deadline = _Deadline(self.timeout)
        _current.deadline = deadline
        try:
            try:
                raw = self._opener.open(request, timeout=self.timeout)
            except urllib.error.HTTPError as err:
                raw = err  # an error status is still an answer, with a body to read
            with raw:
                # Reading the body can time out or break too: inside the same handlers.
                response = Response(raw.code, _lower(raw.headers), _read(raw), url)
            if deadline.expired:
                raise TimeoutError()
            return response
        except urllib.error.URLError as err:
            raise _classify(url, TimeoutError() if deadline.expired else err.reason) from None
        except (TimeoutError, socket.timeout, ConnectionError, http.client.HTTPException, OSError) as err:
            raise _classify(url, TimeoutError() if deadline.expired else err) from None
        finally:
            deadline.cancel()
            _current.deadline = None

    def _wait(self, attempt: int, retry_after: str | None, why: str) -> None:
        delay = self.retry.delay(attempt, self.rng)
        asked = _retry_after_seconds(retry_after)
        if asked is not None:
            delay = min(max(delay, asked), self.retry.max_retry_after)
        if self.log:
            self.log(f"retrying in {delay:.1f}s after {why}")
        self.sleep(delay)

    def _follow(self, method: str, url: str, response: Response, redirects: int) -> str:
        location = response.headers.get("location")
        if not location:
            raise status_error(method, url, response, 1)
        target = urllib.parse.urljoin(url, location)
        # Following is safe only for reads that stay on the same origin: a write would lose
        # its body, and another host must never get our Authorization header.
        if method not in ("GET", "HEAD", "OPTIONS") or _origin(target) != _origin(url) or redirects >= MAX_REDIRECTS:
            raise PushError(
                f"{method} {redact(url)} was redirected (HTTP {response.status}) to {redact(target)}",
                f"use the address it redirects to as the URL ({_origin(target)})",
            )
        return target


def status_error(method: str, url: str, response: Response, attempts: int) -> PushError:
    """The error for a final non-2xx answer, with the server's own code and message."""
    status = response.status
    code, message, data = _error_details(response)
    said = f": {message}" if message else ""
    coded = f" [{code}]" if code else ""
    if status == 401:
        return AuthError(
            f"{_origin(url)} refused the credentials (HTTP 401{coded}){said}",
            "check the user name and the password or token",
            status=401,
            code=code,
            said=message,
        )
    if status == 403:
        return AuthError(
            f"{_origin(url)} forbids {method} {_path(redact(url))} (HTTP 403{coded}){said}",
            "give the user the rights this needs, or push as another user",
            status=403,
            code=code,
            said=message,
        )
    tried = f" after {attempts} tries" if attempts > 1 else ""
    return HTTPStatusError(
        f"{method} {redact(url)} failed with HTTP {status}{coded}{tried}{said}",
        _fix_for(status),
        status=status,
        code=code,
        data=data,
        said=message,
    )


def _fix_for(status: int) -> str:
    if status == 404:
        return "check the URL"
    if status == 413:
        return "the server refuses a document this large; raise its upload limit"
    if status in RETRY_STATUSES:
        return "the server is failing or overloaded; try again later"
    if 400 <= status < 500:
        return "the server rejected the request; see its message"
    return "see the server's log"


def _error_details(response: Response) -> tuple[str | None, str | None, Any]:
    try:
        data = json.loads(response.body.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        text = response.body[:200].decode("utf-8", "replace").strip()
        return None, (text.splitlines()[0] if text else None), None
    if isinstance(data, dict):
        code = data.get("code") if isinstance(data.get("code"), str) else None
        message = data.get("message") if isinstance(data.get("message"), str) else None
        return code, message, data.get("data")
    return None, None, data


class _Transient(Exception):
    def __init__(self, describe: str, surely_unprocessed: bool) -> None:
        super().__init__(describe)
        self.describe = describe
        self.surely_unprocessed = surely_unprocessed


def _classify(url: str, reason: object) -> Exception:
    """A transport failure: transient (retry) or a PushError that retrying cannot fix."""
    host = _origin(url)
    if isinstance(reason, ssl.SSLCertVerificationError):
        return TLSError(
            f"the TLS certificate of {host} is not trusted: {reason.verify_message}",
            "if the site uses a private certificate authority, pass its certificate "
            "with --ca-file; otherwise fix the site's certificate",
        )
    if isinstance(reason, ssl.SSLError):
        return TLSError(
            f"the TLS handshake with {host} failed: {reason.reason or reason}",
            "check that the URL's scheme (http/https) and port are right",
        )
    if isinstance(reason, socket.gaierror):
        return UnreachableError(f"cannot resolve the host of {host}: {reason.strerror}", "check the URL's host name")
    if isinstance(reason, ConnectionRefusedError):
        return _Transient("connection refused", surely_unprocessed=True)
    if isinstance(reason, (TimeoutError, socket.timeout)):
        return _Transient("timed out", surely_unprocessed=False)
    if isinstance(reason, (ConnectionError, http.client.HTTPException)):
        return _Transient(f"connection dropped ({type(reason).__name__})", surely_unprocessed=False)
    if isinstance(reason, OSError):
        return UnreachableError(f"cannot reach {host}: {reason.strerror or reason}", "check the URL and the network")
    if isinstance(reason, str):
        return UnreachableError(f"cannot reach {host}: {reason}", "check the URL")
    return _Transient(str(reason), surely_unprocessed=False)


def _read(raw: Any) -> bytes:
    data = raw.read(MAX_BODY + 1)
    if len(data) > MAX_BODY:
        raise PushError(
            f"the answer from {redact(raw.geturl())} is larger than {MAX_BODY // (1024 * 1024)} MiB",
            "check that the URL points at the service itself",
        )
    # read(n) returns what arrived before the connection closed, without complaint: a
    # body shorter than announced is a dropped connection, not an answer.
    announced = raw.headers.get("Content-Length") if raw.headers else None
    if announced and announced.isdigit() and len(data) < int(announced):
        raise http.client.IncompleteRead(data, int(announced) - len(data))
    return data


def _lower(headers: Any) -> dict[str, str]:
    return {k.lower(): v for k, v in headers.items()} if headers else {}


def _retry_after_seconds(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _origin(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"  # never the credentials


# --- what may be sent, and what may be printed -------------------------------------------

# Query parameters whose values are secrets by their names (?token=, ?api_key=, ?sig=...).
_SECRET_PARAM = re.compile(r"(?i)(token|secret|passw|pwd|key|sig|auth|credential|session)")
_TOKEN = re.compile(r"^[!#$%&'*+.^_`|~0-9A-Za-z-]+$")  # an HTTP header name (RFC 9110 token)


def redact(url: str) -> str:
    """``url`` fit to print: no password, no value of a secret-looking query parameter."""
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return "<an invalid URL>"
    netloc = parts.netloc
    if "@" in netloc:
        userinfo, host = netloc.rsplit("@", 1)
        user, has_password, _ = userinfo.partition(":")
        netloc = f"{user}:***@{host}" if has_password else f"***@{host}"  # a lone token is a secret
    query = (
        "&".join(
            f"{name}=***" if sep and _SECRET_PARAM.search(name) else f"{name}{sep}{value}"
            for name, sep, value in (item.partition("=") for item in parts.query.split("&"))
        )
        if parts.query
        else ""
    )
    return urllib.parse.urlunsplit((parts.scheme, netloc, parts.path, query, ""))


def check_url(url: str) -> None:
    """A UsageError, said once, for a URL no request can be made to."""
    if not isinstance(url, str) or re.search(r"[\x00-\x20\x7f]", url):
        raise UsageError(
            f"{redact(str(url))!r} is not a valid URL: it holds a space or a control character",
            "percent-encode the characters, e.g. %20 for a space",
        )
    try:
        parts = urllib.parse.urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as err:
        raise UsageError(
            f"{redact(url)!r} is not a valid URL ({err})",
            "check the URL: an IPv6 address is written in brackets, e.g. http://[::1]:8080/",
        ) from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"{redact(url)!r} is not a web address", "give an http:// or https:// URL")


def check_headers(headers: Mapping[str, str]) -> None:
    """A UsageError naming the header (never its value, which may be a secret) that HTTP cannot carry."""
    for name, value in headers.items():
        if not _TOKEN.match(name):
            raise UsageError(
                f"{name!r} is not a valid HTTP header name", "use letters, digits and '-' only, e.g. X-Feed"
            )
        if re.search(r"[\r\n\x00]", value):
            raise UsageError(f"the value of header {name} holds a line break", "give the value on one line")
        try:
            value.encode("latin-1")
        except UnicodeEncodeError:
            raise UsageError(
                f"the value of header {name} has characters an HTTP header cannot carry",
                "use ASCII, or percent-encode the value",
            ) from None


def _split_credentials(url: str) -> tuple[str, str | None]:
    """(the URL without user:password@, the Basic Authorization they stand for)."""
    parts = urllib.parse.urlsplit(url)
    if "@" not in parts.netloc:
        return url, None
    userinfo, host = parts.netloc.rsplit("@", 1)
    user, _, password = userinfo.partition(":")
    bare = urllib.parse.urlunsplit((parts.scheme, host, parts.path, parts.query, parts.fragment))
    return bare, basic_auth(urllib.parse.unquote(user), urllib.parse.unquote(password))


# --- a deadline for the whole answer -----------------------------------------------------


class _Deadline:
    """Shuts the connection down when the answer is not complete in ``seconds``."""

    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds
        self.expired = False
        self._timer: threading.Timer | None = None
        self._sock: socket.socket | None = None

    def watch(self, sock: socket.socket) -> None:
        self._sock = sock
        self._timer = threading.Timer(max(0.0, self.ends - time.monotonic()), self._expire)
        self._timer.daemon = True
        self._timer.start()

    def _expire(self) -> None:
        self.expired = True
        if self._sock is not None:
            try:
                socket.socket.shutdown(self._sock, socket.SHUT_RDWR)  # the blocked read returns
            except OSError:
                pass

    def cancel(self) -> None:
        if self._timer is not None:
            self._timer.cancel()


_current = threading.local()  # the deadline of the request this thread is sending


def _watch(sock: socket.socket) -> None:
    deadline = getattr(_current, "deadline", None)
    if deadline is not None:
        deadline.watch(sock)


class _HTTPConnection(http.client.HTTPConnection):
    def connect(self) -> None:
        super().connect()
        _watch(self.sock)


class _HTTPSConnection(http.client.HTTPSConnection):
    def connect(self) -> None:
        super().connect()
        _watch(self.sock)


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: Any) -> Any:
        return self.do_open(_HTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, context: ssl.SSLContext) -> None:
        super().__init__(context=context)
        self.tls = context

    def https_open(self, req: Any) -> Any:
        return self.do_open(_HTTPSConnection, req, context=self.tls)


def _path(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
