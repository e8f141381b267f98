"""The ticket detail header: subject, ref, people, status, labels, dates, SLA, priority,
custom fields, the people copied, and who else is answering (the ticket's lock)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime

from rich.console import Group
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from tui.api import Department, Person, Ticket
from tui.text import long_time, safe

Lookup = Callable[[int | None], Person | None]


def _person(person: Person | None, fallback: str) -> Text:
    if person is None:
        return Text(safe(fallback) or "-")
    text = Text(safe(person.label))
    if person.primary_email:
        text.append(f" <{safe(person.primary_email)}>", "dim")
    return text


def header_table(
    ticket: Ticket,
    person: Lookup,
    department: Department | None,
    team: str | None,
    now: datetime,
    extra: Sequence[tuple[str, str]] = (),
    collision: Sequence[tuple[str, str]] = (),
) -> Table:
    """A two-column grid of the ticket's facts; every value is plain text, never markup.
    `collision`: (title, text) lines worth noticing before answering (CC, a lock)."""
    grid = Table.grid(padding=(0, 2), expand=True)
    # One line a fact, cut with an ellipsis: the conversation needs the room more.
    # People with their emails need more room than statuses and dates.
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True, overflow="ellipsis", ratio=3)
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(no_wrap=True, overflow="ellipsis", ratio=2)
    status = safe(ticket.status.replace("_", " "))
    if ticket.is_hold:
        status += " (on hold)"
    agent = person(ticket.agent)
    grid.add_row(
        "Requester",
        _person(person(ticket.person), ticket.person_email or ""),
        "Status",
        Text(status),
    )
    grid.add_row(
        "Agent",
        _person(agent, "unassigned") if ticket.agent else Text("unassigned"),
        "Urgency",
        Text(str(ticket.urgency or "-")),
    )
    grid.add_row(
        "Department",
        Text(safe(department.title) if department else "-"),
        "Team",
        Text(safe(team) if team else "-"),
    )
    grid.add_row(
        "Created",
        Text(long_time(ticket.date_created, now)),
        "Updated",
        Text(long_time(ticket.last_activity, now)),
    )
    labels = ", ".join(safe(label) for label in ticket.labels) or "-"
    sla = safe(ticket.worst_sla_status) if ticket.worst_sla_status else "-"
    grid.add_row("Labels", Text(labels), "SLA", Text(sla))
    # Priority and the custom fields, two a row: (title, text), already worded.
    for i in range(0, len(extra), 2):
        (left, left_text), *right = extra[i : i + 2]
        right_title, right_text = right[0] if right else ("", "")
        grid.add_row(
            Text(safe(left)), Text(safe(left_text)), Text(safe(right_title)), Text(safe(right_text))
        )
    for title, text in collision:
        grid.add_row(title, Text(safe(text), "bold" if title == "Locked" else ""), "", "")
    return grid


class TicketHeader(Static):
    def show(
        self,
        ticket: Ticket,
        person: Lookup,
        department: Department | None,
        team: str | None,
        now: datetime,
        extra: Sequence[tuple[str, str]] = (),
        collision: Sequence[tuple[str, str]] = (),
    ) -> None:
        title = Text(safe(ticket.subject, max_len=500) or "(no subject)", "bold")
        ref = Text(f"#{ticket.id}  {safe(ticket.ref)}", "dim")
        table = header_table(ticket, person, department, team, now, extra, collision)
        self.update(Group(title, ref, table))
