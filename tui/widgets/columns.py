"""The ticket table's columns, and which of them fit a given width.

Columns have a priority: at 80 columns the low-priority ones drop out, and the subject
takes whatever width is left.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from tui.api import Person, Ticket
from tui.text import relative_time, safe

MIN_SUBJECT = 24


@dataclass(frozen=True)
class RowContext:
    person: Callable[[int | None], Person | None]
    now: datetime
    noted: Collection[int] = ()  # tickets known to carry an internal note

    def name(self, person_id: int | None, fallback: str = "") -> str:
        person = self.person(person_id) if person_id else None
        return person.label if person else fallback


def _flags(ticket: Ticket, ctx: RowContext) -> str:
    """A: attachments, N: internal notes (once the thread was read), L: locked, H: on hold."""
    marks = [
        ("A", ticket.has_attachments),
        ("N", ticket.id in ctx.noted),
        ("L", bool(ticket.locked_by_agent)),
        ("H", ticket.is_hold),
    ]
    return "".join(mark if on else " " for mark, on in marks)


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int  # 0: flexible (the subject)
    priority: int  # lower survives longer when space is short
    value: Callable[[Ticket, RowContext], str]
    order_by: str | None = None
    right: bool = False


COLUMNS: tuple[Column, ...] = (
    Column("ref", "Ref", 6, 1, lambda t, _c: str(t.id), "id", right=True),
    Column("flags", "    ", 4, 6, _flags),
    Column("subject", "Subject", 0, 0, lambda t, _c: safe(t.subject, max_len=300), "subject"),
    Column(
        "requester", "Requester", 16, 4, lambda t, c: safe(c.name(t.person, t.person_email or ""))
    ),
    Column("agent", "Agent", 12, 5, lambda t, c: safe(c.name(t.agent, "-")) if t.agent else "-"),
    Column("status", "Status", 14, 2, lambda t, _c: safe(t.status.replace("_", " ")), "status"),
    Column("urgency", "Urg", 3, 7, lambda t, _c: str(t.urgency or ""), "urgency", right=True),
    Column(
        "activity",
        "Updated",
        9,
        3,
        lambda t, c: relative_time(t.last_activity, c.now),
        "date_status",
    ),
)

SORTABLE = {c.order_by: c.title for c in COLUMNS if c.order_by} | {
    "date_created": "Created",
    "date_last_user_reply": "Last user reply",
    "date_last_agent_reply": "Last agent reply",
}


def fit_columns(width: int) -> list[tuple[Column, int]]:
    """The columns to show at `width` cells (one space between each), with widths."""
    chosen = list(COLUMNS)

    def needed(cols: list[Column]) -> int:
        return sum(c.width for c in cols) + len(cols) - 1 + MIN_SUBJECT

    while needed(chosen) > width and len(chosen) > 2:
        chosen.remove(max(chosen, key=lambda c: c.priority))
    fixed = sum(c.width for c in chosen) + len(chosen) - 1
    subject = max(MIN_SUBJECT, width - fixed)
    return [(c, c.width or subject) for c in chosen]
