"""Queues: what the sidebar lists, and the paged id lists the ticket table shows."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field, replace
from typing import Any

from tui.api import Ticket, TicketFilter
from tui.state.terms import Terms

INACTIVE_STATUSES = ("resolved", "archived", "hidden")
ACTIVE_STATUSES = ("live", "awaiting_agent", "awaiting_user", "pending")


@dataclass(frozen=True)
class QueueSpec:
    """A question to ask `/tickets` (or a saved filter's endpoint, or `/search`)."""

    key: str
    title: str
    status: tuple[str, ...] | None = None  # None: Deskpro's default, active tickets only
    params: tuple[tuple[str, Any], ...] = ()
    filter_id: int | None = None
    search: str | None = None  # the words asked of `/search`: tickets of any status
    # On a search, `status` and `params` are not sent (the endpoint takes no filters):
    # they narrow its answer here (see `terms`).

    def refined(self, status: tuple[str, ...] | None, params: dict[str, Any]) -> QueueSpec:
        """This queue narrowed by filter terms (the terms' status wins)."""
        merged = dict(self.params) | params
        return replace(self, status=status or self.status, params=tuple(merged.items()))

    def api_filters(self) -> dict[str, Any]:
        return dict(self.params)

    @property
    def terms(self) -> Terms:
        return Terms(self.status, self.params)

    @property
    def one_agent(self) -> bool:
        """Whether every ticket of the queue has the same agent (or none): "My tickets",
        "Unassigned", `agent:` terms."""
        return isinstance(dict(self.params).get("agent"), int)

    def admits(self, ticket: Ticket) -> bool | None:
        """Whether `ticket`, as it now is, belongs in this queue; None when only the
        helpdesk can tell (a saved filter, or terms other than status and agent)."""
        params = dict(self.params)
        if self.filter_id is not None or self.search is not None or params.keys() - {"agent"}:
            return None
        statuses = self.status or ACTIVE_STATUSES
        if not any(code.split(".")[0] == ticket.status for code in statuses):
            return False
        return "agent" not in params or (ticket.agent or 0) == params["agent"]


def standard_queues(me_id: int) -> list[QueueSpec]:
    """The built-in queues. Inactive ones name their status: the API hides them otherwise."""
    return [
        QueueSpec("mine", "My tickets", params=(("agent", me_id),)),
        QueueSpec("unassigned", "Unassigned", params=(("agent", 0),)),
        QueueSpec("active", "All active"),
        QueueSpec("awaiting_agent", "Awaiting agent", status=("awaiting_agent",)),
        QueueSpec("awaiting_user", "Awaiting user", status=("awaiting_user",)),
        QueueSpec("pending", "Pending", status=("pending",)),
        QueueSpec("resolved", "Resolved", status=("resolved",)),
        QueueSpec("archived", "Archived", status=("archived",)),
    ]


def search_queue(words: str, terms: Terms | None = None, text: str = "") -> QueueSpec:
    """`words` asked of `/search`, its answer narrowed by `terms`; named by the `text`
    typed (words and terms), or by the words."""
    shown = " ".join((text or words).split())
    terms = terms or Terms()
    return QueueSpec(
        f"search:{shown}", f"Search: {shown}", terms.status, terms.params, search=words
    )


def filter_queue(ticket_filter: TicketFilter) -> QueueSpec:
    return QueueSpec(
        f"filter:{ticket_filter.id}",
        ticket_filter.title or f"Filter {ticket_filter.id}",
        filter_id=ticket_filter.id,
    )


@dataclass(eq=False)  # two views of one queue are two views
class QueueView:
    """The rows of one queue as ticket ids, a page at a time; pages load on demand.

    Only pages that were looked at are held, so memory follows what was viewed, not the
    size of the queue.
    """

    spec: QueueSpec
    page_size: int = 50
    order_by: str = "date_status"
    order_dir: str = "desc"
    total: int | None = None
    pages: dict[int, list[int]] = field(default_factory=dict)
    note: str = ""  # how the rows were found when not as asked (a search fallen back)

    @property
    def loaded(self) -> bool:
        return self.total is not None

    def page_of(self, index: int) -> int:
        return index // self.page_size + 1

    def id_at(self, index: int) -> int | None:
        ids = self.pages.get(self.page_of(index))
        offset = index % self.page_size
        return ids[offset] if ids is not None and offset < len(ids) else None

    def index_of(self, ticket_id: int) -> int | None:
        for page_no, ids in self.pages.items():
            if ticket_id in ids:
                return (page_no - 1) * self.page_size + ids.index(ticket_id)
        return None

    def missing_pages(self, first: int, last: int) -> list[int]:
        """Pages needed to show rows `first..last` that are not loaded yet."""
        if self.total is not None:
            last = min(last, self.total - 1)
        wanted = range(self.page_of(max(first, 0)), self.page_of(max(last, 0)) + 1)
        return [p for p in wanted if p not in self.pages]

    def set_page(self, page_no: int, ids: list[int], total: int) -> None:
        if total != self.total and self.total is not None:
            # The queue grew or shrank: other pages' offsets moved, so forget them.
            self.pages = {}
        self.total = total
        self.pages[page_no] = ids

    def drop(self, ticket_ids: Collection[int]) -> None:
        """Take tickets that left the queue out of it at once. The pages after the first
        one touched are forgotten: their offsets moved."""
        leaving = set(ticket_ids)
        touched = sorted(n for n, ids in self.pages.items() if leaving & set(ids))
        if not touched or self.total is None:
            return
        gone = sum(len(leaving & set(self.pages[n])) for n in touched)
        first = [i for i in self.pages[touched[0]] if i not in leaving]
        self.pages = {n: ids for n, ids in self.pages.items() if n < touched[0]}
        self.pages[touched[0]] = first
        self.total = max(0, self.total - gone)

    def loaded_ids(self) -> list[int]:
        return [i for page_no in sorted(self.pages) for i in self.pages[page_no]]

    def reorder(self, order_by: str, order_dir: str) -> None:
        self.order_by, self.order_dir = order_by, order_dir
        self.reset()

    def reset(self) -> None:
        self.pages = {}
        self.total = None
