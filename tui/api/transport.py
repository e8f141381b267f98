"""The HTTP layer under `DeskproClient`: one request, retried where that is safe.

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
import logging
import time
from collections.abc import AsyncIterable, Awaitable, Callable, Mapping
from typing import Any

import httpx

from tui.api import errors as e
from tui.api.error_mapping import error_from_exception, error_from_response
from tui.api.retry import RETRYABLE_STATUSES, Clock, ReadBudget, RetryNotice, RetryPolicy
from tui.api.urls import api_path

log = logging.getLogger("tui.api")

DEFAULT_TIMEOUT = httpx.Timeout(connect=10.0, read=30.0, write=60.0, pool=10.0)

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
                delay = self.policy.backoff_for(attempt)
            else:
                log.debug("%s %s -> %s", method, url.path, response.status_code)
                if response.is_success:
                    return response
                await response.aread()
                error = error_from_response(response, tag, method=method, path=where)
                retry = response.status_code in RETRYABLE_STATUSES and (
                    idempotent or response.status_code == 429
                )
                delay = self.policy.delay_for(error, attempt)
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
