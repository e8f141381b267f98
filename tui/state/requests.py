"""Every request the service makes goes through `Requests`: it keeps the connection state
true to what happened, lets callers asking for the same thing at once share one request,
and makes the writes that must not happen twice."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from tui.api import (
    DeskproClient,
    DeskproConnectionError,
    DeskproError,
    RateLimitedError,
    RetryNotice,
    ServerError,
)
from tui.state.connection import ConnectionTracker
from tui.state.early import EarlyAnswers
from tui.state.pending import PendingWrite, may_have_been_saved

T = TypeVar("T")
log = logging.getLogger("tui.state")


class Requests:
    def __init__(self, client: DeskproClient, connection: ConnectionTracker) -> None:
        self.client = client
        self.connection = connection
        self.early = EarlyAnswers()
        self._inflight: dict[Hashable, asyncio.Future[Any]] = {}
        client.on_retry = self._on_retry

    def _on_retry(self, notice: RetryNotice) -> None:
        if isinstance(notice.error, RateLimitedError):
            # The transport sits out the Retry-After; background refresh waits with it.
            self.connection.rate_limited(notice.delay)
            return
        seconds = max(1, round(notice.delay))  # "in 0s" reads as stuck
        self.connection.retrying(f"{notice.error.message} Retrying in {seconds}s.")

    async def call(self, make: Callable[[], Awaitable[T]], *, refreshed: bool = False) -> T:
        """Run one API call, keeping the connection state true to what happened."""
        try:
            result = await make()
        except RateLimitedError as exc:
            self.connection.rate_limited(exc.retry_after)
            raise
        except (DeskproConnectionError, ServerError) as exc:
            # Retries are used up (or were not safe): say so rather than stay "retrying".
            self.connection.offline(exc.message)
            raise
        self.connection.online(refreshed=refreshed)
        return result

    async def once(self, key: Hashable, make: Callable[[], Awaitable[T]]) -> T:
        """Coalesce: callers asking for the same thing at once share one request (or the
        answer start-up asked for early)."""
        if (early := self.early.take(key)) is not None:
            return await asyncio.shield(early)
        if key in self._inflight:
            return await asyncio.shield(self._inflight[key])
        future: asyncio.Future[T] = asyncio.ensure_future(self.call(make))
        self._inflight[key] = future
        future.add_done_callback(lambda _f: self._inflight.pop(key, None))
        return await asyncio.shield(future)

    async def write_once(
        self,
        pending: PendingWrite,
        send: Callable[[], Awaitable[T]],
        find: Callable[[], Awaitable[T | None]],
    ) -> T:
        """Make a write that must not happen twice. After a failure that leaves it unknown
        whether the server saved it, `find` looks for it: found, it counts as made."""
        if pending.uncertain and (found := await find()) is not None:
            pending.found_after_failure = True
            return found  # a failing look fails the attempt: never send blind
        pending.sending()
        try:
            return await self.call(send)
        except asyncio.CancelledError:
            pending.mark_uncertain()  # left mid-request: it may have reached the server
            raise
        except DeskproError as exc:
            if not may_have_been_saved(exc):
                pending.refused()
                raise
            pending.mark_uncertain()
            found = await self._look_quietly(find)
            if found is None:
                raise
            pending.found_after_failure = True
            return found

    async def _look_quietly(self, find: Callable[[], Awaitable[T | None]]) -> T | None:
        try:
            return await find()
        except DeskproError:
            return None  # still unknown: the next attempt looks again before sending

    @staticmethod
    async def after_write(read: Awaitable[object]) -> None:
        """A read that follows a confirmed write: its failure changes nothing of the write
        (the 201 said it was made), so it must not reach a composer as "not sent"."""
        try:
            await read
        except DeskproError as exc:
            log.info("Refreshing after a write failed: %s", exc)
