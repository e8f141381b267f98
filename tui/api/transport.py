"""The HTTP layer under `DeskproClient`: auth, safety checks, retries, error mapping.

Retries follow one rule: repeat a request only when repeating cannot do harm. Reads are
retried on connection errors, 502/503/504 and 429. Writes are retried only when the
request provably never reached the helpdesk (the connection could not be opened) or was
refused before processing (429): a duplicate ticket is worse than an error.
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
from dataclasses import dataclass
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


def error_from_response(response: httpx.Response, tag: str | None = None) -> e.DeskproError:
    """Build the error for a non-2xx answer; copes with empty, HTML and odd JSON bodies."""
    try:
        body = response.json()
    except ValueError:
        body = None
    return error_from_body(response, body, response.status_code, tag)


def error_from_body(
    response: httpx.Response, body: Any, status: int, tag: str | None = None
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
    }
    cls = e.error_class_for(status, code)
    if cls is e.RateLimitedError:
        return e.RateLimitedError(message, retry_after=retry_after_seconds(response), **kwargs)
    if cls is e.PermissionDeniedError:
        return e.PermissionDeniedError(message, tag=tag, **kwargs)
    return cls(message, **kwargs)


def error_from_exception(exc: httpx.TransportError, url: httpx.URL) -> e.DeskproError:
    where = url.host or "the helpdesk"
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return e.DeskproTimeoutError(f"Timed out connecting to {where}.")
    if isinstance(exc, httpx.TimeoutException):
        return e.DeskproTimeoutError(f"{where} took too long to answer.", request_sent=True)
    if isinstance(exc, httpx.ConnectError):
        if isinstance(exc.__context__ or exc.__cause__, ssl.SSLError) or "SSL" in str(exc):
            return e.TLSError(f"The TLS certificate of {where} could not be verified.")
        return e.DeskproConnectionError(f"Could not connect to {where}.")
    return e.DeskproConnectionError(f"The connection to {where} broke.", request_sent=True)


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
    ) -> None:
        self.http = http
        self.root = root
        self.policy = policy or RetryPolicy()
        self.on_retry = on_retry
        self._sleep = sleep

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
        """Send, retrying where safe; return a 2xx response or raise a `DeskproError`."""
        url = self.url(path)
        idempotent = method in ("GET", "HEAD", "OPTIONS")
        attempt = 1
        while True:
            try:
                response = await self.http.request(
                    method,
                    url,
                    params=params,
                    json=json,
                    content=content() if content else None,
                    headers=headers,
                )
            except httpx.TransportError as exc:
                error = error_from_exception(exc, url)
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
                error = error_from_response(response, tag)
                retry = response.status_code in RETRYABLE_STATUSES and (
                    idempotent or response.status_code == 429
                )
                delay = self._delay_for(error, attempt)
            if not retry or delay is None or attempt >= self.policy.attempts:
                raise error
            if self.on_retry:
                self.on_retry(RetryNotice(attempt=attempt, delay=delay, error=error))
            await self._sleep(delay)
            attempt += 1

    def _backoff(self, attempt: int) -> float:
        base = min(self.policy.max_backoff, self.policy.backoff * 2 ** (attempt - 1))
        return base * random.uniform(0.75, 1.25)  # jitter: many clients must not retry in step

    def _delay_for(self, error: e.DeskproError, attempt: int) -> float | None:
        if isinstance(error, e.RateLimitedError) and error.retry_after is not None:
            # A long Retry-After is the caller's to show, not ours to sit through.
            return None if error.retry_after > self.policy.max_retry_after else error.retry_after
        return self._backoff(attempt)
