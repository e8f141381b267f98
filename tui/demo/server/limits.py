"""Per-server limits and faults: the hourly request budget, fault injection, body size."""

from __future__ import annotations

import asyncio
import math
import random
import time
from collections import deque
from typing import Any, Literal

from starlette.types import Message, Receive

from tui.demo.server.errors import too_large

Fault = Literal[502, 503, "drop"]


class HourlyLimiter:
    """A sliding one-hour window: more than `limit` requests in it answer 429."""

    WINDOW = 3600.0

    def __init__(self, limit: int | None, clock: Any = time.monotonic) -> None:
        self.limit, self.clock = limit, clock
        self.seen: deque[float] = deque()

    def retry_after(self) -> int | None:
        """None if this request may go ahead (and counts it); else seconds to wait."""
        if self.limit is None:
            return None
        now = self.clock()
        while self.seen and self.seen[0] <= now - self.WINDOW:
            self.seen.popleft()
        if len(self.seen) >= self.limit:
            return max(1, math.ceil(self.seen[0] + self.WINDOW - now))
        self.seen.append(now)
        return None


class FaultInjector:
    """Fails `rate` of requests, evenly 502, 503 or a dropped connection, from a seeded
    RNG so a test sees the same sequence every run."""

    def __init__(self, rate: float, seed: int) -> None:
        self.rate, self.rng = rate, random.Random(seed)

    def pick(self) -> Fault | None:
        if self.rate <= 0 or self.rng.random() >= self.rate:
            return None
        faults: tuple[Fault, ...] = (502, 503, "drop")
        return faults[self.rng.randrange(3)]


async def drop_connection(receive: Receive) -> bool:
    """Close the client's connection without answering. uvicorn hands the app a bound
    `receive` of its request cycle, which holds the transport; closing it makes the
    client see "server disconnected without a response". False when not under uvicorn."""
    transport = getattr(getattr(receive, "__self__", None), "transport", None)
    if transport is None or not hasattr(transport, "close"):
        return False
    transport.close()
    # Let uvicorn's connection_lost run, so it knows not to send a 500 after we return.
    for _ in range(3):
        await asyncio.sleep(0)
    return True


def limit_body(receive: Receive, limit: int) -> Receive:
    """A `receive` that raises 413 once the request body grows past `limit` bytes
    (catches chunked uploads that announce no Content-Length)."""
    seen = 0

    async def limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise too_large(limit)
        return message

    return limited
