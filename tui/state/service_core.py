"""The plumbing under `HelpdeskService`: its stores, every request through one place
(keeping the connection state true and coalescing identical reads), and writes that must
not happen twice."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from tui.api import (
    Department,
    DeskproClient,
    DeskproConnectionError,
    DeskproError,
    Message,
    Person,
    RateLimitedError,
    RetryNotice,
    ServerError,
    Ticket,
    TicketFilter,
    TicketStatus,
)
from tui.api.envelope import Page
from tui.state.cache import QueueCache
from tui.state.connection import ConnectionTracker
from tui.state.drafts import DraftStore
from tui.state.early import EarlyAnswers
from tui.state.entities import EntityStore
from tui.state.pending import PendingWrite, may_have_been_saved
from tui.state.prefetch import PrefetchedThreads

T = TypeVar("T")


class ServiceCore:
    def __init__(
        self,
        client: DeskproClient,
        cache: QueueCache | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        self.client = client
        self.cache = cache
        self.drafts = drafts or DraftStore(None)
        self.tickets: EntityStore[Ticket] = EntityStore()
        self.people: EntityStore[Person] = EntityStore()
        self.departments: EntityStore[Department] = EntityStore()
        self.connection = ConnectionTracker()
        self.me: Person | None = None
        self.agents: list[Person] = []
        self.statuses: list[TicketStatus] = []
        self.ticket_filters: list[TicketFilter] = []
        self.team_names: dict[int, str] = {}
        self.loaded_lookups: set[str] = set()  # names of LOOKUPS fetched
        self.lookup_errors: dict[str, DeskproError] = {}  # why the others are missing
        self.told_unavailable: set[str] = set()  # lookups the agent was told are missing
        self._label: str | None = None
        self.noted: set[int] = set()  # tickets whose thread we have seen holds a note
        self._messages: dict[int, list[Message]] = {}
        self.prefetched = PrefetchedThreads()  # threads fetched before they were opened
        self._inflight: dict[Hashable, asyncio.Future[Any]] = {}
        self.early = EarlyAnswers()
        self._pending: dict[str, PendingWrite] = {}
        client.on_retry = self._on_retry

    @property
    def helpdesk_url(self) -> str:
        return self.client.helpdesk_url

    @property
    def label(self) -> str:
        """How the status bar names this helpdesk (host, or a name given to it)."""
        return self._label or self.helpdesk_url.split("//", 1)[-1].rstrip("/")

    @label.setter
    def label(self, value: str | None) -> None:
        self._label = value

    # -- plumbing ---------------------------------------------------------------------

    def _on_retry(self, notice: RetryNotice) -> None:
        if isinstance(notice.error, RateLimitedError):
            # The transport sits out the Retry-After; background refresh waits with it.
            self.connection.rate_limited(notice.delay)
            return
        seconds = max(1, round(notice.delay))  # "in 0s" reads as stuck
        self.connection.retrying(f"{notice.error.message} Retrying in {seconds}s.")

    async def _call(self, make: Callable[[], Awaitable[T]], *, refreshed: bool = False) -> T:
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

    async def _once(self, key: Hashable, make: Callable[[], Awaitable[T]]) -> T:
        """Coalesce: callers asking for the same thing at once share one request (or the
        answer start-up asked for early)."""
        if (early := self.early.take(key)) is not None:
            return await asyncio.shield(early)
        if key in self._inflight:
            return await asyncio.shield(self._inflight[key])
        future: asyncio.Future[T] = asyncio.ensure_future(self._call(make))
        self._inflight[key] = future
        future.add_done_callback(lambda _f: self._inflight.pop(key, None))
        return await asyncio.shield(future)

    def pending_write(self, key: str) -> PendingWrite:
        """The write a composer (by its draft key) is trying to make; kept here and beside
        the draft on disk, so it outlives the composer being closed and the app restarted."""
        if key not in self._pending:
            self._pending[key] = PendingWrite.load(self.drafts, key)
        return self._pending[key]

    def settle(self, key: str) -> None:
        """The composer's write was confirmed (or its draft discarded): the next one starts
        afresh."""
        self._pending.pop(key, None)
        PendingWrite.forget(self.drafts, key)

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
            return await self._call(send)
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

    def _absorb(self, page: Page[Ticket]) -> frozenset[int]:
        """Store a page's tickets and what it sideloaded; the tickets that changed."""
        self.people.put_many(page.linked_people().values())
        self.departments.put_many(page.linked_departments().values())
        return self.tickets.put_many(page.items)
