"""`HelpdeskService`: the one way the UI reads and changes helpdesk data.

It owns the normalised stores (tickets, people, departments), fills them from the API,
applies changes optimistically (rolling back when the server refuses), coalesces
identical concurrent requests, and keeps the connection state for the status bar.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable
from typing import Any, TypeVar

from tui.api import (
    Attachment,
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
from tui.state.cache import CachedPage, QueueCache
from tui.state.connection import ConnectionTracker
from tui.state.drafts import DraftStore
from tui.state.entities import EntityStore
from tui.state.pending import PendingWrite, StatusNotSetError, may_have_been_saved
from tui.state.prefetch import PrefetchedThreads
from tui.state.queues import QueueSpec, QueueView, filter_queue, standard_queues

T = TypeVar("T")


INCLUDE = ("person", "agent", "department")


class HelpdeskService:
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
        self.lookups_loaded = False
        self._label: str | None = None
        self.noted: set[int] = set()  # tickets whose thread we have seen holds a note
        self._messages: dict[int, list[Message]] = {}
        self.prefetched = PrefetchedThreads()  # threads fetched before they were opened
        self._inflight: dict[Hashable, asyncio.Future[Any]] = {}
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
        """Coalesce: callers asking for the same thing at once share one request."""
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

    def _absorb(self, page: Page[Ticket]) -> None:
        self.people.put_many(page.linked_people().values())
        self.departments.put_many(page.linked_departments().values())
        self.tickets.put_many(page.items)

    # -- start-up ---------------------------------------------------------------------

    async def connect(self) -> Person:
        """Who we are, then the lookups every screen needs."""
        me = await self.identify()
        await self.load_lookups()
        return me

    async def identify(self) -> Person:
        """Who requests run as (`/me`): enough to ask for the agent's own queue, so the
        first rows need not wait for the lookups."""
        me = await self._call(self.client.me)
        self.me = me.person
        if self.cache:
            self.cache.save_me(me.person)
        self.people.put(me.person)
        return me.person

    async def load_lookups(self) -> None:
        """Agents, departments, filters, statuses and teams, fetched concurrently."""
        agents, departments, filters, statuses, teams = await asyncio.gather(
            self._once("agents", self.client.list_agents),
            self._once("departments", self.client.list_departments),
            self._once("filters", self.client.list_ticket_filters),
            self._once("statuses", self.client.list_ticket_statuses),
            self._once("teams", self.client.list_agent_teams),
        )
        self.team_names = {team.id: team.name for team in teams}
        self.agents = sorted(agents, key=lambda a: a.label.lower())
        self.people.put_many(agents)
        self.departments.put_many(departments)
        self.ticket_filters = sorted(filters, key=lambda f: (f.display_order, f.title))
        self.statuses = statuses
        self.lookups_loaded = True

    async def ensure_lookups(self) -> None:
        """The lookups, for a picker opened before start-up fetched them (shares the
        requests already in flight)."""
        if not self.lookups_loaded:
            await self.load_lookups()

    def queues(self) -> list[QueueSpec]:
        me_id = self.me.id if self.me else 0
        return standard_queues(me_id) + [filter_queue(f) for f in self.ticket_filters]

    # -- queues -----------------------------------------------------------------------

    def recall_me(self) -> bool:
        """Who we were last time (from the cache), so the first queue can paint before
        `/me` answers. True when known; `connect` then confirms or corrects it."""
        if self.me is None and self.cache is not None:
            self.me = self.cache.load_me()
        return self.me is not None

    def paint_from_cache(self, view: QueueView) -> bool:
        """Fill the view's first page from disk, if cached. True when it did."""
        cached = self.cache.load(view.spec.key) if self.cache else None
        if cached is None or view.loaded:
            return False
        self.people.put_many(cached.people)
        self.tickets.put_many(cached.tickets)
        view.set_page(1, [t.id for t in cached.tickets], cached.total)
        return True

    async def fetch_page(
        self, spec: QueueSpec, page_no: int, count: int, order_by: str, order_dir: str
    ) -> Page[Ticket]:
        page = await self._list(spec, page_no, count, order_by, order_dir, INCLUDE)
        self._absorb(page)
        return page

    def _list(
        self,
        spec: QueueSpec,
        page_no: int,
        count: int,
        order_by: str,
        order_dir: str,
        include: tuple[str, ...],
    ) -> Awaitable[Page[Ticket]]:
        args: dict[str, Any] = dict(
            status=spec.status,
            page=page_no,
            count=count,
            order_by=order_by,
            order_dir=order_dir,
            include=include,
            **spec.api_filters(),
        )
        if spec.filter_id is not None:
            make = lambda: self.client.list_filter_tickets(spec.filter_id, **args)  # noqa: E731
        else:
            make = lambda: self.client.list_tickets(**args)  # noqa: E731
        return self._once(("page", spec, page_no, count, order_by, order_dir, include), make)

    async def load_page(self, view: QueueView, page_no: int) -> None:
        page = await self.fetch_page(
            view.spec, page_no, view.page_size, view.order_by, view.order_dir
        )
        view.set_page(page_no, [t.id for t in page.items], page.pagination.total)
        if page_no == 1 and self.cache:
            requesters = [self.people.get(t.person) for t in page.items]
            people = {p.id: p for p in requesters if p is not None}
            self.cache.save(
                view.spec.key, CachedPage(page.items, list(people.values()), page.pagination.total)
            )

    async def count(self, spec: QueueSpec) -> int:
        """How many tickets a queue holds (one ticket asked for; the total is what counts)."""
        # Nothing sideloaded and nothing stored: only the total is wanted.
        page = await self._list(spec, 1, 1, "id", "asc", ())
        return page.pagination.total

    async def poll_changes(self, count: int = 50) -> set[int]:
        """Ids of tickets that changed or arrived since we last saw them (newest changes
        first, so one cheap page catches what a person would notice)."""
        page = await self._call(
            lambda: self.client.list_tickets(
                order_by="date_status", order_dir="desc", count=count, include=INCLUDE
            ),
            refreshed=True,
        )
        self.people.put_many(page.linked_people().values())
        return set(self.tickets.put_many(page.items))

    # -- one ticket -------------------------------------------------------------------

    async def ticket(self, ticket_id: int) -> Ticket:
        ticket = await self._once(("ticket", ticket_id), lambda: self.client.get_ticket(ticket_id))
        self.tickets.put(ticket)
        return ticket

    def cached_messages(self, ticket_id: int) -> list[Message] | None:
        return self._messages.get(ticket_id)

    def forget_thread(self, ticket_id: int) -> None:
        """Drop the cached conversation so the next read asks the server."""
        self._messages.pop(ticket_id, None)

    async def messages(self, ticket_id: int) -> list[Message]:
        messages = await self._once(
            ("messages", ticket_id), lambda: self.client.list_messages(ticket_id)
        )
        self._messages[ticket_id] = messages
        if any(m.is_agent_note for m in messages):
            self.noted.add(ticket_id)
        missing = {m.person for m in messages if m.person and m.person not in self.people}
        await asyncio.gather(*(self.person(person_id) for person_id in missing))
        return messages

    async def attachments(self, ticket_id: int) -> list[Attachment]:
        return await self._once(
            ("attachments", ticket_id), lambda: self.client.list_attachments(ticket_id)
        )

    async def prefetch(self, ticket_id: int) -> None:
        """Fetch what opening a ticket shows (messages and attachments, one round trip)
        before it is opened; `prefetched.take` then hands it over with no request."""
        ticket = self.tickets.get(ticket_id)  # as it is now: a later change makes it stale
        _messages, attachments = await asyncio.gather(
            self.messages(ticket_id), self.attachments(ticket_id)
        )
        self.prefetched.put(ticket_id, ticket, attachments)

    async def person(self, person_id: int) -> Person | None:
        try:
            person = await self._once(
                ("person", person_id), lambda: self.client.get_person(person_id)
            )
        except DeskproError:
            return None  # a deleted author shows as an id rather than failing the thread
        self.people.put(person)
        return person

    # -- changes ----------------------------------------------------------------------

    async def update(self, ticket_id: int, **changes: Any) -> None:
        """Change a ticket: shown everywhere at once, rolled back if the server refuses.
        When the answer was lost, the ticket is read again and the server's word stands."""
        undo = self.tickets.patch(ticket_id, **changes)
        try:
            await self._call(lambda: self.client.update_ticket(ticket_id, **changes))
        except DeskproError as exc:
            if not may_have_been_saved(exc):
                self.tickets.restore(undo)
                raise
            truth = await self._read_back(ticket_id)
            if truth is None:
                self.tickets.restore(undo)  # still unknown: show what we knew; the error
                raise  # says it may have been saved
            self.tickets.put(truth)  # the server's version, whatever it says
            if not self._shows(truth, changes):
                raise

    async def _read_back(self, ticket_id: int) -> Ticket | None:
        try:
            return await self._call(lambda: self.client.get_ticket(ticket_id))
        except DeskproError:
            return None

    @staticmethod
    def _shows(ticket: Ticket, changes: dict[str, Any]) -> bool:
        """Whether the ticket already carries `changes` (so a lost answer was a success)."""
        # An unassigned ticket reads back as agent None; `agent=0` also means unassign.
        wanted = {k: (None if k == "agent" and not v else v) for k, v in changes.items()}
        return all(getattr(ticket, k, object()) == v for k, v in wanted.items())

    async def assign(self, ticket_id: int, agent_id: int | None) -> None:
        await self.update(ticket_id, agent=agent_id)

    async def set_status(self, ticket_id: int, status: str) -> None:
        await self.update(ticket_id, status=status)

    async def update_many(self, ticket_ids: list[int], **changes: Any) -> dict[int, DeskproError]:
        """Apply one change to several tickets, one at a time (gentle on rate limits);
        a failure is recorded and the rest still go ahead."""
        failures: dict[int, DeskproError] = {}
        for ticket_id in ticket_ids:
            try:
                await self.update(ticket_id, **changes)
            except DeskproError as exc:
                failures[ticket_id] = exc
        return failures

    async def send_message(
        self,
        ticket_id: int,
        html: str,
        *,
        note: bool,
        status: str | None = None,
        pending: PendingWrite | None = None,
    ) -> Message:
        """Post a reply or note, then set `status` if asked (after the server's own
        reply transition, so the agent's choice wins). Refreshes ticket and thread.

        Give the composer's `pending` to make sending again safe: after an answer was
        lost, the thread is read first and a message already saved is not posted twice."""
        pending = pending or PendingWrite()
        pending.begin(m.id for m in self._messages.get(ticket_id, []))
        message = await self.write_once(
            pending,
            lambda: self.client.add_message(ticket_id, html, note=note),
            lambda: self._find_message(ticket_id, html, note, pending),
        )
        thread = self._messages.setdefault(ticket_id, [])
        if all(m.id != message.id for m in thread):
            thread.append(message)
        if note:
            self.noted.add(ticket_id)
        if status:
            try:
                await self.update(ticket_id, status=status)
            except DeskproError as exc:
                raise StatusNotSetError(
                    f"The message was sent, but the status was not set: {exc}"
                ) from exc
        await self.ticket(ticket_id)
        return message

    async def _find_message(
        self, ticket_id: int, html: str, note: bool, pending: PendingWrite
    ) -> Message | None:
        """Our message with this very text, posted since the first attempt, if any."""
        messages = await self._call(lambda: self.client.list_messages(ticket_id))
        self._messages[ticket_id] = messages
        me = self.me.id if self.me else None
        return next(
            (
                m
                for m in reversed(messages)
                if m.id not in pending.known_ids
                and m.is_agent_note == note
                and (me is None or m.person == me)
                and " ".join(m.message.split()) == " ".join(html.split())
                and pending.made_since(m.date_created)
            ),
            None,
        )
