"""The requester (`p` in a ticket): who they are (name, emails), their other tickets, and
their organization's recent tickets, all statuses, newest first; `enter` opens one, `tab`
moves between the two lists. An organization the helpdesk refuses or lacks is said in its
own section; the requester's tickets work on."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import TypeVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.api import DeskproError, Organization, Person, Ticket
from tui.state import HelpdeskService
from tui.state.optional import (
    ORGANIZATION,
    ORGANIZATION_TICKETS,
    REQUESTER_TICKETS,
    why_failed,
)
from tui.text import relative_time, safe
from tui.widgets.key_list import KeyList

T = TypeVar("T")
Outcome = T | DeskproError  # an answer, or why there is none
SETTLE_S = 1.0  # both lists appear together (no jump) unless the organization is slow
WHO_WIDTH = 12  # the "who asked" column of the organization's list


def ticket_line(ticket: Ticket, now: datetime, current: bool, who: str | None = None) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"#{ticket.id:<6} ", "bold" if current else "")
    text.append(f"{ticket.status.replace('_', ' '):<15} ", "dim")
    created = relative_time(ticket.date_created, now) if ticket.date_created else ""
    text.append(f"{created:>8}  ", "dim")
    if who is not None:
        text.append(f"{who[:WHO_WIDTH]:<{WHO_WIDTH}} ", "italic")
    if current:
        text.append("(this ticket) ", "italic")
    text.append(safe(ticket.subject) or "(no subject)")
    return text


def keys_hint(two_lists: bool) -> str:
    return f"enter open · {'tab other list · ' if two_lists else ''}j/k move · esc back"


def who(person: Person | None) -> str:
    """Who asked, short enough for a column: "Selina K."."""
    if person is None:
        return "someone"
    if person.first_name and person.last_name:
        return safe(f"{person.first_name} {person.last_name[0]}.")
    return safe(person.label)


def first_other(tickets: list[Ticket], current: int) -> int | None:
    """Where the cursor starts: the newest ticket that is not the one open behind."""
    others = [i for i, t in enumerate(tickets) if t.id != current]
    return others[0] if others else (0 if tickets else None)


def contact_line(person: Person) -> str:
    """Every address, the primary one first, each once."""
    emails = dict.fromkeys(e for e in (person.primary_email, *person.emails) if e)
    return " · ".join(safe(e) for e in emails) or "no email known"


def organization_heading(
    org_id: int, found: Outcome[Organization], tickets: Outcome[list[Ticket]]
) -> str:
    """The organization section in one line: whose tickets, or why they are not shown."""
    owner = safe(found.label) if isinstance(found, Organization) else f"Organization #{org_id}"
    if isinstance(tickets, DeskproError):
        return f"{owner}'s tickets are not shown: {why_failed(ORGANIZATION_TICKETS, tickets)}."
    if isinstance(found, DeskproError):
        why = why_failed(ORGANIZATION, found)
        return f"{owner}'s recent tickets ({len(tickets)}); its name is not shown: {why}."
    if not tickets:
        return f"{owner} has no tickets yet."
    return f"{owner}'s recent tickets, newest first ({len(tickets)}):"


async def attempt(call: Awaitable[T]) -> Outcome[T]:
    try:
        return await call
    except DeskproError as exc:
        return exc


class RequesterScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape,q", "dismiss(None)", "Back", id="requester.back")]
    # Classes the styles use to fit two lists in a small terminal.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (30, "-tall")]

    def __init__(
        self,
        service: HelpdeskService,
        requester: Person,
        current: int,
        clock: Callable[[], datetime],
    ) -> None:
        super().__init__()
        self.service = service
        self.requester = requester
        self.current = current
        self.clock = clock
        ticket = service.tickets.get(current)
        self.organization_id = service.history.organization_of(requester, ticket)

    def compose(self) -> ComposeResult:
        person = self.requester
        with Vertical(classes="dialog requester"):
            yield Label(safe(person.label), classes="dialog-title", markup=False)
            yield Static(contact_line(person), id="requester-contact", markup=False)
            yield Static("Their tickets, newest first: loading…", id="history-state")
            yield KeyList(id="history")
            if self.organization_id is not None:
                yield Static(
                    "Their organization's recent tickets: loading…",
                    id="organization-state",
                    markup=False,
                )
                yield KeyList(id="organization-history")
            two_lists = self.organization_id is not None
            yield Label(keys_hint(two_lists), id="requester-keys", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one("#history", KeyList).focus()
        self.load()

    @work(exclusive=True, group="history", exit_on_error=False)
    async def load(self) -> None:
        org_id = self.organization_id
        # A task group: leaving the panel cancels the organization's requests too.
        async with asyncio.TaskGroup() as tasks:
            theirs = tasks.create_task(self._organization(org_id)) if org_id else None
            mine = await attempt(self.service.history.of_requester(self.requester.id))
            if theirs is not None:
                await asyncio.wait([theirs], timeout=SETTLE_S)
            self._show_requester(mine)
            if theirs is not None:
                self._show_organization(org_id, *(await theirs))

    async def _organization(
        self, org_id: int
    ) -> tuple[Outcome[Organization], Outcome[list[Ticket]]]:
        history = self.service.history
        return await asyncio.gather(
            attempt(history.organization(org_id)), attempt(history.of_organization(org_id))
        )

    def _show_requester(self, tickets: Outcome[list[Ticket]]) -> None:
        state = self.query_one("#history-state", Static)
        options = self.query_one("#history", KeyList)
        if isinstance(tickets, DeskproError):
            state.update(
                f"Their other tickets are not shown: {why_failed(REQUESTER_TICKETS, tickets)}."
            )
            options.display = False
            return
        state.update(f"Their tickets, newest first ({len(tickets)}):" if tickets else "No tickets.")
        now = self.clock()
        options.add_options(
            [Option(ticket_line(t, now, t.id == self.current), id=str(t.id)) for t in tickets]
        )
        options.display = bool(tickets)
        options.highlighted = first_other(tickets, self.current)

    def _show_organization(
        self, org_id: int, found: Outcome[Organization], tickets: Outcome[list[Ticket]]
    ) -> None:
        self.query_one("#organization-state", Static).update(
            organization_heading(org_id, found, tickets)
        )
        options = self.query_one("#organization-history", KeyList)
        listed = [] if isinstance(tickets, DeskproError) else tickets
        now, people = self.clock(), self.service.people
        options.add_options(
            [
                Option(
                    ticket_line(t, now, t.id == self.current, who(people.get(t.person))),
                    id=str(t.id),
                )
                for t in listed
            ]
        )
        options.display = bool(listed)
        options.highlighted = first_other(listed, self.current)
        mine = self.query_one("#history", KeyList)
        self.query_one("#requester-keys", Label).update(keys_hint(bool(listed) and mine.display))
        if listed and not mine.display:
            options.focus()  # the only list there is

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)
