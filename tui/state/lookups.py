"""What the helpdesk tells about itself and us: who we are (`/me`), its agents, departments,
saved filters, statuses and teams; and, when a ticket's properties are shown or edited,
its priorities, custom fields and labels. Each list loads on its own: one refused, missing or
failing endpoint leaves only what it feeds without it (see `tui.state.optional`)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable

from tui.api import DeskproError, Person, TicketFilter, TicketStatus
from tui.api.properties import CustomField, TicketPriority
from tui.state.cache import QueueCache
from tui.state.entities import Stores
from tui.state.filters import FilterNames
from tui.state.optional import LOOKUPS, is_lasting, standard_statuses
from tui.state.queues import QueueSpec, filter_queue, standard_queues
from tui.state.requests import Requests


class Lookups:
    def __init__(self, requests: Requests, stores: Stores, cache: QueueCache | None = None) -> None:
        self._requests = requests
        self._client = requests.client
        self._people = stores.people
        self._departments = stores.departments
        self._cache = cache
        self.me: Person | None = None
        self.agents: list[Person] = []
        self.statuses: list[TicketStatus] = []
        self.ticket_filters: list[TicketFilter] = []
        self.team_names: dict[int, str] = {}
        self.priorities: list[TicketPriority] = []
        self.custom_fields: list[CustomField] = []  # disabled ones too: old values show
        self.label_names: list[str] = []
        self.loaded: set[str] = set()  # names of LOOKUPS fetched
        self.errors: dict[str, DeskproError] = {}  # why the others are missing
        self.told: set[str] = set()  # the unavailable ones the agent was told of

    # -- who we are -------------------------------------------------------------------

    async def identify(self) -> Person:
        """Who requests run as (`/me`): enough to ask for the agent's own queue, so the
        first rows need not wait for the other lookups."""
        me = await self._requests.once("me", self._client.me)
        self.me = me.person
        if self._cache:
            self._cache.save_me(me.person)
        self._people.put(me.person)
        return me.person

    def recall_me(self) -> bool:
        """Who we were last time (from the cache), so the first queue can paint before
        `/me` answers. True when known; `identify` then confirms or corrects it."""
        if self.me is None and self._cache is not None:
            self.me = self._cache.load_me()
        return self.me is not None

    # -- the helpdesk's lists ---------------------------------------------------------

    @property
    def loaded_all(self) -> bool:
        return self.loaded >= LOOKUPS.keys()

    async def load(self, names: Iterable[str] = LOOKUPS) -> dict[str, DeskproError]:
        """Agents, departments, filters, statuses and teams (or the `names` given), each
        fetched on its own, concurrently. Returns this round's failures, which stay in
        `errors` until that lookup loads."""
        wanted = [n for n in names if n not in self.loaded]
        results = await asyncio.gather(*(self._load(n) for n in wanted), return_exceptions=True)
        failures: dict[str, DeskproError] = {}
        for name, result in zip(wanted, results, strict=True):
            if isinstance(result, DeskproError):
                failures[name] = result
            elif isinstance(result, BaseException):
                raise result  # a bug (or a cancel), not the helpdesk
            else:
                self.errors.pop(name, None)
                self.told.discard(name)
        self.errors.update(failures)
        return failures

    async def _load(self, name: str) -> None:
        once, client = self._requests.once, self._client
        if name == "agents":
            agents = await once("agents", client.list_agents)
            self.agents = sorted(agents, key=lambda a: a.label.lower())
            self._people.put_many(agents)
        elif name == "departments":
            self._departments.put_many(await once("departments", client.list_departments))
        elif name == "filters":
            filters = await once("filters", client.list_ticket_filters)
            self.ticket_filters = sorted(filters, key=lambda f: (f.display_order, f.title))
        elif name == "statuses":
            self.statuses = await once("statuses", client.list_ticket_statuses)
        elif name == "teams":
            teams = await once("teams", client.list_agent_teams)
            self.team_names = {team.id: team.name for team in teams}
        elif name == "priorities":
            priorities = await once("priorities", client.list_ticket_priorities)
            self.priorities = sorted(priorities, key=lambda p: (p.display_order, p.id))
        elif name == "fields":
            fields = await once("fields", client.list_ticket_custom_fields)
            self.custom_fields = sorted(fields, key=lambda f: (f.display_order, f.id))
        elif name == "labels":
            labels = {label.label for label in await once("labels", client.list_labels)}
            self.label_names = sorted(labels - {""}, key=str.casefold)
        else:
            raise ValueError(f"unknown lookup {name!r}")
        self.loaded.add(name)

    def transient_failures(self) -> list[str]:
        """Lookups that failed for a reason the next refresh may not meet again."""
        return [n for n, error in self.errors.items() if not is_lasting(error)]

    # -- what they make -----------------------------------------------------------------

    def status_choices(self) -> list[TicketStatus]:
        """The statuses to offer: the helpdesk's, or Deskpro's standard ones while its
        list is unavailable."""
        return self.statuses or standard_statuses()

    def queues(self) -> list[QueueSpec]:
        """The sidebar's queues: the standard ones, then the saved filters."""
        me_id = self.me.id if self.me else 0
        return standard_queues(me_id) + [filter_queue(f) for f in self.ticket_filters]

    def filter_names(self) -> FilterNames:
        """What `/` filter terms resolve names against."""
        codes = [s.status_code for s in self.statuses]
        me_id = self.me.id if self.me else 0
        return FilterNames(me_id, self.agents, self._departments.values(), codes)
