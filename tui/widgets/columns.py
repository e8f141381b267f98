"""The ticket table's columns, and which of them fit a given width.

The subject matters most: columns drop out by priority until it has `MIN_SUBJECT` cells,
and below `COMPACT_BELOW` the others take their compact widths (short status names). A
queue can hide a column that would say the same on every row (Agent in "My tickets").
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import datetime

from tui.api import Person, Ticket
from tui.text import relative_time, safe

MIN_SUBJECT = 34
FULL_SUBJECT = 48  # most subjects: the urgency column gives way for them
COMPACT_BELOW = 90  # list widths under this use the columns' compact widths
SHORT_STATUS = {"awaiting_agent": "wait agent", "awaiting_user": "wait user"}


@dataclass(frozen=True)
class RowContext:
    person: Callable[[int | None], Person | None]
    now: datetime
    noted: Collection[int] = ()  # tickets known to carry an internal note
    fresh: Collection[int] = ()  # tickets that arrived in "My tickets", not opened since
    compact: bool = False  # narrow: short forms where there are some

    def name(self, person_id: int | None, fallback: str = "") -> str:
        person = self.person(person_id) if person_id else None
        return person.label if person else fallback


def _flags(ticket: Ticket, ctx: RowContext) -> str:
    """*: arrived, not opened yet; L: locked; H: on hold; A: attachments; N: internal notes
    (once the thread was read). The first two that apply."""
    marks = [
        ("*", ticket.id in ctx.fresh),
        ("L", bool(ticket.locked_by_agent)),
        ("H", ticket.is_hold),
        ("A", ticket.has_attachments),
        ("N", ticket.id in ctx.noted),
    ]
    return "".join(mark for mark, on in marks if on)[:2]


def _status(ticket: Ticket, ctx: RowContext) -> str:
    if ctx.compact and ticket.status in SHORT_STATUS:
        return SHORT_STATUS[ticket.status]
    return safe(ticket.status.replace("_", " "))


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    width: int  # 0: flexible (the subject)
    priority: int  # lower survives longer when space is short
    value: Callable[[Ticket, RowContext], str]
    order_by: str | None = None
    right: bool = False
    compact: int | None = None  # the width below COMPACT_BELOW, if narrower


COLUMNS: tuple[Column, ...] = (
    Column("ref", "Ref", 6, 1, lambda t, _c: str(t.id), "id", right=True),
    Column("flags", "", 2, 4, _flags),
    Column("subject", "Subject", 0, 0, lambda t, _c: safe(t.subject, max_len=300), "subject"),
    Column(
        "requester",
        "Requester",
        14,
        5,
        lambda t, c: safe(c.name(t.person, t.person_email or "")),
        compact=12,
    ),
    Column("agent", "Agent", 12, 6, lambda t, c: safe(c.name(t.agent, "-")) if t.agent else "-"),
    Column("status", "Status", 14, 2, _status, "status", compact=10),
    Column("urgency", "Urg", 3, 7, lambda t, _c: str(t.urgency or ""), "urgency", right=True),
    Column(
        "activity",
        "Updated",
        8,
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


def is_compact(width: int) -> bool:
    return width < COMPACT_BELOW


def fit_columns(width: int, hidden: Collection[str] = ()) -> list[tuple[Column, int]]:
    """The columns to show at `width` cells (one space between each), with widths; the
    `hidden` ones never."""
    compact = is_compact(width)
    chosen = [c for c in COLUMNS if c.key not in hidden]

    def size(column: Column) -> int:
        return (column.compact or column.width) if compact else column.width

    def needed(cols: list[Column]) -> int:
        return sum(size(c) for c in cols) + len(cols) - 1 + MIN_SUBJECT

    while needed(chosen) > width and len(chosen) > 2:
        chosen.remove(max(chosen, key=lambda c: c.priority))
    urgency = next((c for c in chosen if c.key == "urgency"), None)
    if urgency is not None and needed(chosen) - MIN_SUBJECT + FULL_SUBJECT > width:
        chosen.remove(urgency)  # colour marks urgent rows; the ticket view says how urgent
    fixed = sum(size(c) for c in chosen) + len(chosen) - 1
    subject = max(MIN_SUBJECT, width - fixed)
    return [(c, size(c) or subject) for c in chosen]
