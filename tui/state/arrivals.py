"""What newly arrived in the agent's "My tickets" between two refreshes: a new ticket given
to them, a ticket someone else assigned to them, a customer's reply on one of theirs.

The helpdesk has no push and no `since` (see the API notes, "Change detection"), so each
refresh's first page is compared with the one before. Dates are compared only with other
helpdesk dates, never with our own clock, which may be minutes off the helpdesk's.
"""

from __future__ import annotations

from collections.abc import Iterable, KeysView
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from tui.api import Ticket
from tui.text.sanitize import safe

Why = Literal["new", "assigned", "reply"]

SUBJECT_CHARS = 60
EXPECT_TAKES = 2  # the refresh maybe already asked before the agent's change, and the next
MAX_EXPECTED = 100
MAX_MARKED = 500


@dataclass(frozen=True)
class Arrival:
    """One ticket that arrived, and why it counts as news."""

    ticket: Ticket
    why: Why

    @property
    def subject(self) -> str:
        """The subject made inert and short: one line, fit for a notification."""
        return safe(self.ticket.subject, max_len=SUBJECT_CHARS) or "(no subject)"

    @property
    def label(self) -> str:
        """`#150 Printer on fire`: the ticket, for a summary of several."""
        return f"#{self.ticket.id} {self.subject}"

    @property
    def text(self) -> str:
        """The notification's line, saying why the ticket is news."""
        if self.why == "new":
            return f"New ticket #{self.ticket.id}: {self.subject}"
        lead = "Assigned to you" if self.why == "assigned" else "Customer replied"
        return f"{lead}: {self.label}"


def _utc(date: datetime | None) -> datetime | None:
    """Dates from the API carry an offset; a naive one (built by hand) is taken as UTC so
    the two can be compared at all."""
    return date.replace(tzinfo=UTC) if date is not None and date.tzinfo is None else date


def _later(date: datetime | None, than: datetime | None) -> bool:
    date, than = _utc(date), _utc(than)
    return date is not None and than is not None and date > than


def _dates(ticket: Ticket) -> list[datetime]:
    found = (
        ticket.date_created,
        ticket.date_status,
        ticket.date_last_agent_reply,
        ticket.date_last_user_reply,
    )
    return [d for d in map(_utc, found) if d is not None]


def _replied(before: Ticket, after: Ticket) -> bool:
    if after.count_user_replies > before.count_user_replies:
        return True
    moved = after.date_last_user_reply is not None and before.date_last_user_reply is None
    return moved or _later(after.date_last_user_reply, before.date_last_user_reply)


class Arrivals:
    """Watches the agent's tickets across refreshes; see `take`, `expect` and `seen`."""

    def __init__(self) -> None:
        self._last: dict[int, Ticket] | None = None  # None until the baseline is taken
        self._horizon: datetime | None = None  # the newest helpdesk date known at the last look
        self._floor: datetime | None = None  # the bottom of the last look, when it was cut
        self._cut = False
        self._expected: dict[int, int] = {}  # ticket id -> looks left to wait for it
        self._new: dict[int, None] = {}  # ordered, so the oldest marks go first

    def take(
        self, tickets: Iterable[Ticket], *, now: datetime | None = None, more: bool = False
    ) -> list[Arrival]:
        """What arrived since the last call, given the agent's tickets as they are now
        (the first call sets the baseline and returns nothing).

        `more`: the tickets are the first page of a longer "My tickets" ordered by
        date_status, newest first; a ticket sliding up from below the cut (one above it
        was resolved) is then not taken for an assignment. `now`: the helpdesk's time of
        this look if known (never a later time, never our clock): it sharpens telling a
        new ticket from an old one assigned next time."""
        current = {t.id: t for t in tickets}
        found = [] if self._last is None else self._compare(current)
        mine = self._settle_expected(current)
        arrivals = [a for a in found if a.ticket.id not in mine]
        self._remember(current, now, more)
        self._mark(arrivals, current, more)
        return arrivals

    def expect(self, ticket_id: int) -> None:
        """The agent's own doing (they took the ticket, or created it for themselves): its
        next arrival is not news. Forgotten after a couple of looks without it."""
        self._expected.pop(ticket_id, None)
        self._expected[ticket_id] = EXPECT_TAKES
        while len(self._expected) > MAX_EXPECTED:
            del self._expected[next(iter(self._expected))]

    def seen(self, ticket_id: int) -> None:
        """The agent opened the ticket: no longer shown as new."""
        self._new.pop(ticket_id, None)

    def is_new(self, ticket_id: int) -> bool:
        """Whether the queue should mark this ticket's row as new."""
        return ticket_id in self._new

    @property
    def marked(self) -> KeysView[int]:
        """The tickets shown as new (arrived, not opened since): a live, read-only view,
        for the ticket list to read at each repaint."""
        return self._new.keys()

    def _compare(self, current: dict[int, Ticket]) -> list[Arrival]:
        arrivals = []
        for ticket in current.values():
            why = self._why(ticket)
            if why is not None:
                arrivals.append(Arrival(ticket, why))
        return arrivals

    def _why(self, ticket: Ticket) -> Why | None:
        before = (self._last or {}).get(ticket.id)
        if before is not None:
            return "reply" if _replied(before, ticket) else None
        if _later(ticket.date_created, self._horizon):
            return "new"
        if _later(ticket.date_last_user_reply, self._horizon):
            return "reply"  # back on the page (or given to us) after a customer wrote
        if self._cut and not _later(ticket.date_status, self._floor):
            return None  # it was below the cut all along and slid up
        return "assigned"  # with nothing to compare to, the word that is never false

    def _settle_expected(self, current: dict[int, Ticket]) -> set[int]:
        """The expected tickets present now (their arrival is the agent's own); the others
        wait one look less."""
        present = self._expected.keys() & current.keys()
        for ticket_id in list(self._expected):
            self._expected[ticket_id] -= 1
            if ticket_id in present or self._expected[ticket_id] <= 0:
                del self._expected[ticket_id]
        return present

    def _remember(self, current: dict[int, Ticket], now: datetime | None, more: bool) -> None:
        known = [d for t in current.values() for d in _dates(t)]
        known += [d for d in (_utc(now), self._horizon) if d is not None]
        self._horizon = max(known, default=None)
        statuses = [d for t in current.values() if (d := _utc(t.date_status)) is not None]
        self._floor = min(statuses, default=None)
        self._cut = more
        self._last = current

    def _mark(self, arrivals: list[Arrival], current: dict[int, Ticket], more: bool) -> None:
        if not more:  # a complete list: a marked ticket missing from it left the queue
            for ticket_id in self._new.keys() - current.keys():
                del self._new[ticket_id]  # in place: `marked` is a view of it
        for arrival in arrivals:
            self._new.pop(arrival.ticket.id, None)
            self._new[arrival.ticket.id] = None
        while len(self._new) > MAX_MARKED:
            del self._new[next(iter(self._new))]
