"""Start-up and queue reads of `HelpdeskService`: who we are, the lookups every screen
needs, pages of a queue (cached first page, early first page, counts, polling)."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Hashable, Iterable
from typing import Any

from tui.api import DeskproError, Person, Ticket, TicketStatus
from tui.api.envelope import Page
from tui.state.cache import CachedPage
from tui.state.optional import LOOKUPS, is_lasting, standard_statuses
from tui.state.queues import QueueSpec, QueueView, filter_queue, standard_queues
from tui.state.service_core import ServiceCore

INCLUDE = ("person", "agent", "department")


class QueueReads(ServiceCore):
    # -- start-up ---------------------------------------------------------------------

    async def connect(self) -> Person:
        """Who we are, then the lookups (each may fail alone: see `lookup_errors`)."""
        me = await self.identify()
        await self.load_lookups()
        return me

    async def identify(self) -> Person:
        """Who requests run as (`/me`): enough to ask for the agent's own queue, so the
        first rows need not wait for the lookups."""
        me = await self._once("me", self.client.me)
        self.me = me.person
        if self.cache:
            self.cache.save_me(me.person)
        self.people.put(me.person)
        return me.person

    def start_early(self) -> None:
        """Send `/me` and the first queue's first page now, before the first screen is
        built; its own requests take these answers (see `EarlyAnswers`). Once only: the
        launcher sends them before the UI is loaded, the app when it connects itself."""
        if not self.early.begin():
            return
        me = self.early.put("me", self._call(self.client.me))
        if self.recall_me():  # who we were last time: the page need not wait for /me
            self._first_page_early(self.queues()[0])
            return

        def then_first_page(done: asyncio.Future[Any]) -> None:
            # Runs before the screen's own wait on /me resumes (callbacks run in the order
            # they were added), so its page request finds this one.
            if not (done.cancelled() or done.exception()):
                self._first_page_early(standard_queues(done.result().person.id)[0])

        me.add_done_callback(then_first_page)

    def _first_page_early(self, spec: QueueSpec) -> None:
        view = QueueView(spec)  # the order and page size a new view asks with
        key, make = self._list_request(spec, 1, view.page_size, view.order_by, view.order_dir)
        self.early.put(key, self._call(make))

    @property
    def lookups_loaded(self) -> bool:
        return self.loaded_lookups >= LOOKUPS.keys()

    async def load_lookups(self, names: Iterable[str] = LOOKUPS) -> dict[str, DeskproError]:
        """Agents, departments, filters, statuses and teams (or the `names` given), each
        fetched on its own, concurrently: one refused, missing or failing endpoint leaves
        only what it feeds without it. Returns this round's failures, which stay in
        `lookup_errors` until that lookup loads."""
        wanted = [n for n in names if n not in self.loaded_lookups]
        results = await asyncio.gather(
            *(self._load_lookup(n) for n in wanted), return_exceptions=True
        )
        failures: dict[str, DeskproError] = {}
        for name, result in zip(wanted, results, strict=True):
            if isinstance(result, DeskproError):
                failures[name] = result
            elif isinstance(result, BaseException):
                raise result  # a bug (or a cancel), not the helpdesk
            else:
                self.lookup_errors.pop(name, None)
                self.told_unavailable.discard(name)
        self.lookup_errors.update(failures)
        return failures

    async def _load_lookup(self, name: str) -> None:
        if name == "agents":
            agents = await self._once("agents", self.client.list_agents)
            self.agents = sorted(agents, key=lambda a: a.label.lower())
            self.people.put_many(agents)
        elif name == "departments":
            self.departments.put_many(await self._once("departments", self.client.list_departments))
        elif name == "filters":
            filters = await self._once("filters", self.client.list_ticket_filters)
            self.ticket_filters = sorted(filters, key=lambda f: (f.display_order, f.title))
        elif name == "statuses":
            self.statuses = await self._once("statuses", self.client.list_ticket_statuses)
        elif name == "teams":
            teams = await self._once("teams", self.client.list_agent_teams)
            self.team_names = {team.id: team.name for team in teams}
        else:
            raise ValueError(f"unknown lookup {name!r}")
        self.loaded_lookups.add(name)

    def status_choices(self) -> list[TicketStatus]:
        """The statuses to offer: the helpdesk's, or Deskpro's standard ones while its
        list is unavailable."""
        return self.statuses or standard_statuses()

    def transient_lookup_failures(self) -> list[str]:
        """Lookups that failed for a reason the next refresh may not meet again."""
        return [n for n, error in self.lookup_errors.items() if not is_lasting(error)]

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
        page = await self._once(*self._list_request(spec, page_no, count, order_by, order_dir))
        self._absorb(page)
        return page

    def _list_request(
        self,
        spec: QueueSpec,
        page_no: int,
        count: int,
        order_by: str,
        order_dir: str,
        include: tuple[str, ...] = INCLUDE,
    ) -> tuple[Hashable, Callable[[], Awaitable[Page[Ticket]]]]:
        """The coalescing key and the call for one page of a queue."""
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
        return ("page", spec, page_no, count, order_by, order_dir, include), make

    async def load_page(self, view: QueueView, page_no: int) -> None:
        page = await self.fetch_page(
            view.spec, page_no, view.page_size, view.order_by, view.order_dir
        )
        if page_no == 1:
            self._keep_first_page(view, page)
        else:
            view.set_page(page_no, [t.id for t in page.items], page.pagination.total)

    def _keep_first_page(self, view: QueueView, page: Page[Ticket]) -> None:
        view.set_page(1, [t.id for t in page.items], page.pagination.total)
        if self.cache:
            requesters = [self.people.get(t.person) for t in page.items]
            people = {p.id: p for p in requesters if p is not None}
            self.cache.save(
                view.spec.key, CachedPage(page.items, list(people.values()), page.pagination.total)
            )

    async def count(self, spec: QueueSpec) -> int:
        """How many tickets a queue holds (one ticket asked for; the total is what counts)."""
        # Nothing sideloaded and nothing stored: only the total is wanted.
        page = await self._once(*self._list_request(spec, 1, 1, "id", "asc", include=()))
        return page.pagination.total

    async def refresh(self, view: QueueView) -> frozenset[int]:
        """The one request of a periodic refresh: the first page of the queue on screen,
        asked again, so tickets that left it (resolved or reassigned by anyone) go and
        new ones come. Returns the tickets that changed, arrived or left; empty when the
        queue is as it was."""
        before, total = view.pages.get(1, []), view.total
        request = self._list_request(view.spec, 1, view.page_size, view.order_by, view.order_dir)
        page = await self._once(*request)
        self.connection.online(refreshed=True)
        changed = self._absorb(page) | (set(before) ^ {t.id for t in page.items})
        self._keep_first_page(view, page)
        if not changed and page.pagination.total != total:
            changed = set(view.pages.get(1, []))  # moved further down the queue
        return frozenset(changed)
