"""Answers asked for before anyone needs them.

At start-up the service sends `/me` and the first queue's first page while the first screen
is still being built; the screen's own requests then take these answers rather than going
out again, so start-up costs the slower of the two (building, network), not their sum. An
answer is taken once, and only until start-up ends: later reads always ask the server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Hashable
from typing import Any, TypeVar

T = TypeVar("T")


class EarlyAnswers:
    def __init__(self) -> None:
        self._futures: dict[Hashable, asyncio.Future[Any]] = {}
        self._begun = False
        self.closed = False

    def begin(self) -> bool:
        """True the first time only: start-up's requests are sent once."""
        first, self._begun = not self._begun, True
        return first

    def put(self, key: Hashable, request: Awaitable[T]) -> asyncio.Future[T]:
        future = asyncio.ensure_future(request)
        # A failure nobody came to take is not an error of its own: the taker's request
        # (or the screen's next one) reports it.
        future.add_done_callback(lambda done: done.cancelled() or done.exception())
        if not self.closed:
            self._futures[key] = future
        return future

    def take(self, key: Hashable) -> asyncio.Future[Any] | None:
        return self._futures.pop(key, None)

    def close(self) -> None:
        """Start-up is over: what was not taken is dropped (left to finish on its own)."""
        self.closed = True
        self._futures.clear()
