"""When and how long to wait before asking again: the policy, its notices, the read budget."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx

from tui.api import errors as e

RETRYABLE_STATUSES = frozenset({429, 502, 503, 504})

Clock = Callable[[], float]


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

    def backoff_for(self, attempt: int) -> float:
        """The wait before retry number `attempt`, doubling up to `max_backoff`."""
        base = min(self.max_backoff, self.backoff * 2 ** (attempt - 1))
        return base * random.uniform(0.75, 1.25)  # jitter: many clients must not retry in step

    def delay_for(self, error: e.DeskproError, attempt: int) -> float | None:
        """The wait before retrying after `error`; `None` when it is not ours to wait."""
        if isinstance(error, e.RateLimitedError) and error.retry_after is not None:
            # A long Retry-After is the caller's to show, not ours to sit through.
            return None if error.retry_after > self.max_retry_after else error.retry_after
        return self.backoff_for(attempt)


@dataclass(frozen=True)
class RetryNotice:
    """Told to `on_retry` before each wait, so a UI can show "retrying in 2 s"."""

    attempt: int
    delay: float
    error: e.DeskproError


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
