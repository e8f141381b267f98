"""The requester (`p` in a ticket): who they are, and their other tickets, all statuses,
newest first; `enter` opens one."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList, Static
from textual.widgets.option_list import Option

from tui.api import DeskproError, Person, Ticket
from tui.state import HelpdeskService
from tui.state.optional import REQUESTER_TICKETS, why_failed
from tui.text import relative_time, safe
from tui.widgets.key_list import KeyList


def ticket_line(ticket: Ticket, now: datetime, current: bool) -> Text:
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(f"#{ticket.id:<6} ", "bold" if current else "")
    text.append(f"{ticket.status.replace('_', ' '):<15} ", "dim")
    created = relative_time(ticket.date_created, now) if ticket.date_created else ""
    text.append(f"{created:>8}  ", "dim")
    if current:
        text.append("(this ticket) ", "italic")
    text.append(safe(ticket.subject) or "(no subject)")
    return text


class RequesterScreen(ModalScreen[int | None]):
    BINDINGS = [Binding("escape,q", "dismiss(None)", "Back", id="requester.back")]

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

    def compose(self) -> ComposeResult:
        person = self.requester
        with Vertical(classes="dialog requester"):
            yield Label(safe(person.label), classes="dialog-title", markup=False)
            yield Static(safe(person.primary_email or "no email known"), markup=False)
            yield Static("Their tickets, newest first: loading…", id="history-state")
            yield KeyList(id="history")
            yield Label("enter open · j/k move · esc back", classes="hint", markup=False)

    def on_mount(self) -> None:
        self.query_one(KeyList).focus()
        self.load()

    @work(exclusive=True, group="history", exit_on_error=False)
    async def load(self) -> None:
        state = self.query_one("#history-state", Static)
        try:
            tickets = await self.service.history.of_requester(self.requester.id)
        except DeskproError as exc:
            state.update(
                f"Their other tickets are not shown: {why_failed(REQUESTER_TICKETS, exc)}."
            )
            return
        state.update(f"Their tickets, newest first ({len(tickets)}):" if tickets else "No tickets.")
        now = self.clock()
        options = self.query_one(KeyList)
        options.add_options(
            [Option(ticket_line(t, now, t.id == self.current), id=str(t.id)) for t in tickets]
        )
        others = [i for i, t in enumerate(tickets) if t.id != self.current]
        options.highlighted = others[0] if others else (0 if tickets else None)

    @on(OptionList.OptionSelected)
    def _open(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)
