"""Find anywhere (`ctrl+f`): words asked of the helpdesk's search (every status), or a
ticket's number or reference to open it."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class FindScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="find.cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Find tickets", classes="dialog-title")
            yield Input(placeholder="words, or a ticket's number or reference", id="find")
            yield Label(
                "enter search every ticket, any status · #1043 or a ref opens it · esc cancel",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: keys typed after ctrl+f land here

    @on(Input.Submitted)
    def _find(self, event: Input.Submitted) -> None:
        if text := event.value.strip():
            self.dismiss(text)
