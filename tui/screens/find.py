"""Find anywhere (`ctrl+f`): words asked of the helpdesk's search (every status), with
`/` filter terms (status:, agent:, …) narrowing its answer; or a ticket's number or
reference to open it. Where the helpdesk refuses its search, a requester's email still
finds their tickets (the queues' browser decides what the text asks for)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from tui.widgets.field_error import FieldError


class FindScreen(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="find.cancel")]

    def __init__(self, text: str = "", problem: str = "") -> None:
        """`text` and `problem`: asked again after what was typed found nothing."""
        super().__init__()
        self.text = text
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Find tickets", classes="dialog-title")
            yield Input(
                self.text,
                placeholder="words or an email, status:resolved agent:me …, or #1043",
                id="find",
            )
            yield FieldError(id="find-error")
            yield Label(
                "enter search every ticket, any status (terms narrow it) · #1043 or a ref"
                " opens it · esc cancel",
                classes="hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self.set_focus(self.query_one(Input))  # at once: keys typed after ctrl+f land here
        self.query_one(FieldError).show(self.problem)

    @on(Input.Submitted)
    def _find(self, event: Input.Submitted) -> None:
        if text := event.value.strip():
            self.dismiss(text)
