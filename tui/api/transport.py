"""The HTTP layer under `DeskproClient`: auth, safety checks, retries, error mapping.

Retries follow one rule: repeat a request only when repeating cannot do harm. Reads are
retried on connection errors, 502/503/504 and 429. Writes are retried only when the
request provably never reached the helpdesk (the connection could not be opened) or was
refused before processing (429): a duplicate ticket is worse than an error.

Reads also fail fast: each has `RetryPolicy.read_deadline` seconds in all, retries and
waits included, so a helpdesk that does not answer is reported in seconds, not minutes.
Writes keep the client's own timeouts (uploads need long ones).
"""

from __future__ import annotations

import asyncio
import email.utils
import ipaddress
import logging
import random
import ssl
import time
from collections.abc import AsyncIterable, Awaitable, Callable, Generator, Mapping
from dataclasses import dataclass, field
from typing import Any

import httpx

from tui.api import errors as e

log = logging.getLogger("tui.api")

RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})
DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=60.0, pool=10.0)


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 4  # first try included
    backoff: float = 0.5  # seconds before the first retry, doubled each time
    max_backoff: float = 8.0
    max_retry_after: float = 30.0  # longer waits are left to the caller (UI shows them)
    read_deadline: float = 10.0  # seconds a GET/HEAD/OPTIONS may take, retries included

    def __post_init__(self) -> None:
        if self.read_deadline <= 0:
            raise ValueError("read_deadline must be more than 0 seconds")


@dataclass(frozen=True)
class RetryNotice:
    """Told to `on_retry` before each wait, so a UI can show "retrying in 2 s"."""

    attempt: int
    delay: float
    error: e.DeskproError


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def api_root(url: str, *, allow_insecure_http: bool = False) -> httpx.URL:
    """`https://help.example.com/api/v2/` from whatever form of the helpdesk URL was given."""
    parsed = httpx.URL(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise e.ConfigurationError(
            f"{url!r} is not a helpdesk address; use the form https://help.example.com."
        )
    if parsed.scheme == "http" and not is_loopback(parsed.host) and not allow_insecure_http:
        raise e.ConfigurationError(
            f"Refusing to send the API key over plain http:// to {parsed.host}; "
            "use https:// (or explicitly allow insecure HTTP for this profile)."
        )
    path = parsed.path.rstrip("/")
    if "/api/v2" in path:
        path = path[: path.index("/api/v2")]
    return parsed.copy_with(path=f"{path}/api/v2/", query=None, fragment=None)


class KeyAuth(httpx.Auth):
    """Adds `Authorization: key ID:CODE` only to requests for the helpdesk's own origin.

    Checked per request, so redirects and download URLs on other hosts never see it.
    """

    def __init__(self, origin: httpx.URL, api_key: str, scheme: str = "key") -> None:
        self._origin = (origin.scheme, origin.host, origin.port)
        self._header = f"{scheme} {api_key.strip()}"

    def __repr__(self) -> str:
        return "KeyAuth(<redacted>)"

    def same_origin(self, url: httpx.URL) -> bool:
        return (url.scheme, url.host, url.port) == self._origin

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.same_origin(request.url):
            request.headers["Authorization"] = self._header
        yield request


def retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # an unreadable Retry-After is as good as none: back off normally
    return max(0.0, when.timestamp() - time.time())


def api_path(path: str) -> str:
    """The API-relative form of a request path: `"tickets/5"`, no leading slash, no query."""
    return path.split("?", 1)[0].lstrip("/")


def error_from_response(
    response: httpx.Response,
    tag: str | None = None,
    *,
    method: str | None = None,
    path: str | None = None,
) -> e.DeskproError:
    """Build the error for a non-2xx answer; copes with empty, HTML and odd JSON bodies."""
    try:
        body = response.json()
    except ValueError:
        body = None
    return error_from_body(response, body, response.status_code, tag, method=method, path=path)


def error_from_body(
    response: httpx.Response,
    body: Any,
    status: int,
    tag: str | None = None,
    *,
    method: str | None = None,
    path: str | None = None,
) -> e.DeskproError:
    """The error for `status` described by an already decoded `body` (any JSON value)."""
    body = body if isinstance(body, Mapping) else {}
    code = body.get("code") if isinstance(body.get("code"), str) else None
    message = body.get("message") if isinstance(body.get("message"), str) else None
    reason = httpx.codes.get_reason_phrase(status)
    message = message or f"The helpdesk answered {status} {reason}.".strip()
    nested = body.get("errors") if isinstance(body.get("errors"), Mapping) else {}
    items = nested.get("errors")
    items = items if isinstance(items, list) else [] if items is None else [items]
    general = [
        str(item.get("message", item)) if isinstance(item, Mapping) else str(item) for item in items
    ]
    kwargs: dict[str, Any] = {
        "status": status,
        "code": code,
        "field_errors": e.flatten_field_errors(nested.get("fields")),
        "errors": general,
        "method": method,
        "path": path,
    }
    cls = e.error_class_for(status, code)
    if cls is e.RateLimitedError:
        return e.RateLimitedError(message, retry_after=retry_after_seconds(response), **kwargs)
    if cls is e.PermissionDeniedError:
        return e.PermissionDeniedError(message, tag=tag, **kwargs)
    return cls(message, **kwargs)


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 1 else f"{value:.1f} s"


def error_from_exception(
    exc: httpx.TransportError,
    url: httpx.URL,
    method: str | None = None,
    *,
    path: str | None = None,
    waited: float | None = None,
) -> e.DeskproError:
    """The error for a request that got no answer. A read (`method` GET, HEAD, OPTIONS)
    never has `request_sent`: only a write can have changed something. An unknown method
    is taken as a write. `waited` is how long a read took in all, for its timeout message."""
    where = url.host or "the helpdesk"
    read = method is not None and method.upper() in e.READ_METHODS
    known = {"method": method, "path": path}
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return e.DeskproTimeoutError(f"Timed out connecting to {where}.", **known)
    if isinstance(exc, httpx.TimeoutException):
        if read:
            took = f" ({_seconds(waited)})" if waited is not None else ""
            message = f"{where} did not answer in time{took}."
            return e.DeskproTimeoutError(message, interrupted=True, **known)
        return e.DeskproTimeoutError(
            f"{where} took too long to answer.", request_sent=True, **known
        )
    if isinstance(exc, httpx.ConnectError):
        if isinstance(exc.__context__ or exc.__cause__, ssl.SSLError) or "SSL" in str(exc):
            return e.TLSError(f"The TLS certificate of {where} could not be verified.", **known)
        return e.DeskproConnectionError(f"Could not connect to {where}.", **known)
    return e.DeskproConnectionError(
        f"The connection to {where} broke.", request_sent=not read, interrupted=True, **known
    )


Clock = Callable[[], float]


@dataclass
class ReadBudget:
    """What is left of one read's time, retries and waits included."""

    seconds: float
    clock: Clock
    start: float = field(init=False)

    def __post_init__(self) -> None:
        self.start = self.clock()

    def elapsed(self) -> float:
        return self.clock() - self.start

    def left(self) -> float:
        return self.seconds - self.elapsed()

    def timeout(self, base: httpx.Timeout) -> httpx.Timeout:
        """`base` with every part cut to what is left (no part may outlast the budget)."""
        left = max(self.left(), 0.0)

        def cut(value: float | None) -> float:
            return left if value is None else min(value, left)

        return httpx.Timeout(
            connect=cut(base.connect),
            read=cut(base.read),
            write=cut(base.write),
            pool=cut(base.pool),
        )


ContentFactory = Callable[[], AsyncIterable[bytes]]
Sleep = Callable[[float], Awaitable[None]]


class Transport:
    """One `httpx.AsyncClient` bound to a helpdesk, with Deskpro's error and retry rules."""

    def __init__(
        self,
        http: httpx.AsyncClient,
        root: httpx.URL,
        *,
        policy: RetryPolicy | None = None,
        on_retry: Callable[[RetryNotice], None] | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        self.http = http
        self.root = root
        self.policy = policy or RetryPolicy()
        self.on_retry = on_retry
        self._sleep = sleep
        self._clock = clock

    def url(self, path: str) -> httpx.URL:
        return self.root.join(path.lstrip("/"))

    async def request(
        self,
        method: str,
        path: str,
        *,
        tag: str | None = None,
        params: Any = None,
        json: Any = None,
        content: ContentFactory | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> httpx.Response:
        """Send, retrying where safe; return a 2xx response or raise a `DeskproError`.

        A read gives up once `policy.read_deadline` is spent; a write uses the client's
        timeouts and is never resent once it may have reached the helpdesk."""
        method = method.upper()
        url = self.url(path)
        where = api_path(path)
        idempotent = method in e.READ_METHODS
        budget = ReadBudget(self.policy.read_deadline, self._clock) if idempotent else None
        attempt = 1
        while True:
            timeout = budget.timeout(self.http.timeout) if budget else httpx.USE_CLIENT_DEFAULT
            try:
                response = await self.http.request(
                    method,
                    url,
                    params=params,
                    json=json,
                    content=content() if content else None,
                    headers=headers,
                    timeout=timeout,
                )
            except httpx.TransportError as exc:
                waited = budget.elapsed() if budget else None
                error = error_from_exception(exc, url, method, path=where, waited=waited)
                # A certificate problem will not fix itself by asking again.
                retry = not isinstance(error, e.TLSError) and (
                    idempotent or not getattr(error, "request_sent", True)
                )
                delay = self._backoff(attempt)
            else:
                log.debug("%s %s -> %s", method, url.path, response.status_code)
                if response.is_success:
                    return response
                await response.aread()
                error = error_from_response(response, tag, method=method, path=where)
                retry = response.status_code in RETRYABLE_STATUSES and (
                    idempotent or response.status_code == 429
                )
                delay = self._delay_for(error, attempt)
            if not retry or delay is None or attempt >= self.policy.attempts:
                raise error
            if budget and delay >= budget.left():
                raise error  # the wait would spend the read's budget: report now instead
            if self.on_retry:
                self.on_retry(RetryNotice(attempt=attempt, delay=delay, error=error))
            await self._sleep(delay)
            if budget and budget.left() <= 0:
                raise error  # the wait overran (a busy event loop): no time left to ask
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        base = min(self.policy.max_backoff, self.policy.backoff * 2 ** (attempt - 1))
        return base * random.uniform(0.75, 1.25)  # jitter: many clients must not retry in step

    def _delay_for(self, error: e.DeskproError, attempt: int) -> float | None:
        if isinstance(error, e.RateLimitedError) and error.retry_after is not None:
            # A long Retry-After is the caller's to show, not ours to sit through.
            return None if error.retry_after > self.policy.max_retry_after else error.retry_after
        return self._backoff(attempt)
