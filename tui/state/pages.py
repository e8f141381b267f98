"""Pages of a queue: the first page from the disk cache (or asked for early at start-up),
pages on demand, counts for the sidebar, and the periodic refresh."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Hashable
from typing import Any

from tui.api import Ticket
from tui.api.envelope import Page
from tui.state.cache import CachedPage, QueueCache
from tui.state.entities import Stores
from tui.state.finding import Finder
from tui.state.queues import QueueSpec, QueueView
from tui.state.requests import Requests

INCLUDE = ("person", "agent", "department")


class QueuePages:
    def __init__(self, requests: Requests, stores: Stores, cache: QueueCache | None = None) -> None:
        self._requests = requests
        self._client = requests.client
        self._stores = stores
        self._cache = cache
        self.finder = Finder(self._client)

    def ask_early(self, spec: QueueSpec) -> None:
        """Send the first page of `spec` now, for a new view of it to take (start-up)."""
        view = QueueView(spec)  # the order and page size a new view asks with
        key, make = self._request(spec, 1, view.page_size, view.order_by, view.order_dir)
        self._requests.early.put(key, self._requests.call(make))

    def paint_from_cache(self, view: QueueView) -> bool:
        """Fill the view's first page from disk, if cached. True when it did."""
        cached = self._cache.load(view.spec.key) if self._cache else None
        if cached is None or view.loaded:
            return False
        self._stores.people.put_many(cached.people)
        self._stores.tickets.put_many(cached.tickets)
        view.set_page(1, [t.id for t in cached.tickets], cached.total)
        return True

    async def load(self, view: QueueView, page_no: int) -> None:
        page = await self._page(view, page_no)
        self._absorb(page)
        if page_no == 1:
            self._keep_first_page(view, page)
        else:
            view.set_page(page_no, [t.id for t in page.items], page.pagination.total)

    async def count(self, spec: QueueSpec) -> int:
        """How many tickets a queue holds (one ticket asked for; the total is what counts)."""
        # Nothing sideloaded and nothing stored: only the total is wanted.
        page = await self._requests.once(*self._request(spec, 1, 1, "id", "asc", include=()))
        return page.pagination.total

    async def refresh(self, view: QueueView) -> frozenset[int]:
        """The one request of a periodic refresh: the first page of the queue on screen,
        asked again, so tickets that left it (resolved or reassigned by anyone) go and
        new ones come. Returns the tickets that changed, arrived or left; empty when the
        queue is as it was."""
        before, total = view.pages.get(1, []), view.total
        page = await self._page(view, 1)
        self._requests.connection.online(refreshed=True)
        changed = self._absorb(page) | (set(before) ^ {t.id for t in page.items})
        self._keep_first_page(view, page)
        if not changed and page.pagination.total != total:
            changed = set(view.pages.get(1, []))  # moved further down the queue
        return frozenset(changed)

    async def _page(self, view: QueueView, page_no: int) -> Page[Ticket]:
        """One page of the view's queue. A search's one page is what finding answered,
        narrowed by its terms here; how it was found (a fallback) is the view's note."""
        spec = view.spec
        if (words := spec.search) is None:
            request = self._request(spec, page_no, view.page_size, view.order_by, view.order_dir)
            return await self._requests.once(*request)
        found = await self._requests.once(("search", words), lambda: self.finder.find(words))
        view.note = found.note
        return found.page(spec.terms)

    def _request(
        self,
        spec: QueueSpec,
        page_no: int,
        count: int,
        order_by: str,
        order_dir: str,
        include: tuple[str, ...] = INCLUDE,
    ) -> tuple[Hashable, Callable[[], Awaitable[Page[Ticket]]]]:
        """The coalescing key and the call for one page of a queue (not a search's: its
        answer is not a page of `/tickets`, and a count of it is not asked for)."""
        if spec.search is not None:
            raise ValueError(f"{spec.title} is a search, not a page of /tickets")
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
            make = lambda: self._client.list_tickets_of("ticket_filters", spec.filter_id, **args)  # noqa: E731
        else:
            make = lambda: self._client.list_tickets(**args)  # noqa: E731
        return ("page", spec, page_no, count, order_by, order_dir, include), make

    def _absorb(self, page: Page[Ticket]) -> frozenset[int]:
        """Store a page's tickets and what it sideloaded; the tickets that changed."""
        self._stores.people.put_many(page.linked_people().values())
        self._stores.departments.put_many(page.linked_departments().values())
        return self._stores.tickets.put_many(page.items)

    def _keep_first_page(self, view: QueueView, page: Page[Ticket]) -> None:
        view.set_page(1, [t.id for t in page.items], page.pagination.total)
        if self._cache and view.spec.search is None:  # a search is asked again, not kept
            requesters = [self._stores.people.get(t.person) for t in page.items]
            people = {p.id: p for p in requesters if p is not None}
            self._cache.save(
                view.spec.key, CachedPage(page.items, list(people.values()), page.pagination.total)
            )
