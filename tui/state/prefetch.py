"""Conversations fetched before they were asked for (the ticket the queue's cursor rests on),
and whether one is still fresh enough to open without asking the server again."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from tui.api import Attachment, Ticket

FRESH_SECONDS = 60.0  # older than this, opening asks the server again


@dataclass(frozen=True)
class _Prefetched:
    at: float
    ticket: Ticket | None  # the record as it was then (the store replaces changed ones)
    attachments: list[Attachment]


class PrefetchedThreads:
    """What was prefetched for each ticket: when, and the attachments (the messages live in
    the service's thread cache). Stale once the ticket's record changed, for a change seen
    by a refresh means its thread may have changed too."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._items: dict[int, _Prefetched] = {}

    def put(self, ticket_id: int, ticket: Ticket | None, attachments: list[Attachment]) -> None:
        now = self._clock()
        # Forget the stale ones here, so a day of browsing holds only the last minute's.
        self._items = {i: p for i, p in self._items.items() if now - p.at <= FRESH_SECONDS}
        self._items[ticket_id] = _Prefetched(now, ticket, attachments)

    def holds(self, ticket_id: int, ticket: Ticket | None) -> bool:
        """Whether a fresh prefetch of this ticket (as the store has it now) is at hand."""
        return self._fresh(self._items.get(ticket_id), ticket) is not None

    def take(self, ticket_id: int, ticket: Ticket | None) -> list[Attachment] | None:
        """The prefetched attachments if still fresh. Used up: opening the ticket again
        later asks the server, as any reopen does."""
        return self._fresh(self._items.pop(ticket_id, None), ticket)

    def _fresh(self, item: _Prefetched | None, ticket: Ticket | None) -> list[Attachment] | None:
        if item is None or item.ticket is not ticket:
            return None
        return item.attachments if self._clock() - item.at <= FRESH_SECONDS else None
