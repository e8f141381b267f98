"""Watching "My tickets" for what arrives in it while the app runs (see `Arrivals`).

At each refresh the first page of the agent's own queue is compared with the one before.
When that queue is on screen, in its usual order, the refresh has just read that very page:
it is taken from the store and nothing more is asked. Otherwise it is one more request.
"""

from __future__ import annotations

from tui.api import Ticket
from tui.state.arrivals import Arrival, Arrivals
from tui.state.entities import EntityStore
from tui.state.lookups import Lookups
from tui.state.pages import QueuePages
from tui.state.queues import QueueSpec, QueueView, standard_queues


class MyTicketsWatch:
    def __init__(
        self, pages: QueuePages, lookups: Lookups, tickets: EntityStore[Ticket], arrivals: Arrivals
    ) -> None:
        self._pages = pages
        self._lookups = lookups
        self._tickets = tickets
        self.arrivals = arrivals

    def _spec(self) -> QueueSpec | None:
        me = self._lookups.me
        return standard_queues(me.id)[0] if me is not None else None

    async def look(self, refreshed: QueueView | None = None) -> list[Arrival]:
        """What arrived since the last look (nothing at the first: it sets the baseline,
        nor before who we are is known). `refreshed`: the view the refresh just read
        afresh, used when it is "My tickets" in the order the comparison needs."""
        spec = self._spec()
        if spec is None:
            return []
        watched = QueueView(spec)  # the order and page size a view starts with
        if (
            refreshed is not None
            and refreshed.spec == spec
            and (refreshed.order_by, refreshed.order_dir) == (watched.order_by, watched.order_dir)
            and refreshed.loaded
            and 1 in refreshed.pages
        ):
            watched = refreshed
        else:
            await self._pages.load(watched, 1)
        ids = watched.pages.get(1, [])
        tickets = [t for i in ids if (t := self._tickets.get(i)) is not None]
        return self.arrivals.take(tickets, more=(watched.total or 0) > len(ids))
