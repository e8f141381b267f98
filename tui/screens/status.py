"""Pick a ticket status from a list that narrows as you type."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option
from tui.text import safe

from tui.api import TicketStatus

FALLBACK = ("awaiting_agent", "awaiting_user", "pending", "resolved")


class StatusPicker(ModalScreen[str | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="status.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="status.down"),
        Binding("up", "move(-1)", "Up", show=False, id="status.up"),
    ]

    def __init__(self, statuses: list[TicketStatus], current: str) -> None:
        super().__init__()
        known = statuses or [TicketStatus(status_code=s, title=s) for s in FALLBACK]
        self.statuses = [s for s in known if s.status_code != "hidden"]
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Set status", classes="dialog-title")
            yield Input(placeholder="type to narrow", id="status-filter")
            yield OptionList(id="status-options")

    def on_mount(self) -> None:
        self._fill("")

    def _fill(self, text: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        needle = text.lower().strip()
        for status in self.statuses:
            label = f"{safe(status.title or status.status_code)}  ({status.status_code})"
            if status.status_code == self.current:
                label += "  current"
            if needle in label.lower():
                options.add_option(Option(label, id=status.status_code))
        options.highlighted = 0 if options.option_count else None

    @on(Input.Changed, "#status-filter")
    def _narrow(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#status-filter")
    def _submit(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.dismiss(options.get_option_at_index(options.highlighted).id)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + delta))
