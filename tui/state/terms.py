"""Filter terms (`status:`, `agent:`, `dept:`, `created:`, `label:`, `urgency:`) asked of a
ticket at hand rather than of the helpdesk: `/search` takes no filters, so its answers are
narrowed here, by the same terms `/` sends to `/tickets` for any other queue."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tui.api import Ticket
from tui.state.filters import FilterQuery


@dataclass(frozen=True)
class Terms:
    status: tuple[str, ...] | None = None  # None: any status (a search spans them all)
    params: tuple[tuple[str, Any], ...] = ()  # as `parse_filter` makes them

    @classmethod
    def of(cls, query: FilterQuery) -> Terms:
        return cls(query.status, tuple(query.params.items()))

    def __bool__(self) -> bool:
        return self.status is not None or bool(self.params)

    def admit(self, ticket: Ticket) -> bool:
        """Whether `ticket` meets every term, as `/tickets` would filter it. A term this
        cannot judge here (a custom field, say) is left to the helpdesk: it admits."""
        if self.status is not None and not any(_has_status(ticket, c) for c in self.status):
            return False
        return all(_meets(ticket, name, value) for name, value in self.params)


def _has_status(ticket: Ticket, code: str) -> bool:
    """`hidden.spam` is the status `hidden` with that sub-status; a ticket that does not
    say its sub-status is given the benefit of the doubt."""
    top, _, sub = code.partition(".")
    if top != ticket.status:
        return False
    return not sub or ticket.ticket_status in (None, code, sub)


def _meets(ticket: Ticket, name: str, value: Any) -> bool:
    if name == "agent":
        return (ticket.agent or 0) == value  # 0: unassigned
    if name == "department":
        return ticket.department == value
    if name == "labels":
        return str(value).casefold() in (label.casefold() for label in ticket.labels)
    if name == "urgency":
        return ticket.urgency in value
    if name == "date_created":
        return _within(ticket.date_created, *value)
    return True


def _within(when: datetime | None, start: str | None, end: str | None) -> bool:
    """Inside the bounds `created:` made (full times; None leaves that side open)."""
    if when is None:
        return False  # no date: no range can be said to hold it
    when = when if when.tzinfo else when.replace(tzinfo=UTC)
    return (start is None or _time(start) <= when) and (end is None or when <= _time(end))


def _time(text: str) -> datetime:
    moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
