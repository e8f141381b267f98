"""The shape every picker shares: a filter input over an option list, arrows to move,
enter to choose, escape to cancel. Subclasses say what the options are."""

from __future__ import annotations

from typing import Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList

R = TypeVar("R")


class FilterPicker(ModalScreen[R | None], Generic[R]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="picker.cancel"),
        Binding("down", "move(1)", "Down", show=False, id="picker.down"),
        Binding("up", "move(-1)", "Up", show=False, id="picker.up"),
    ]
    TITLE_TEXT = "Choose"
    PLACEHOLDER = "type to narrow"

    def hint(self) -> str:
        return "enter choose · esc cancel"

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.TITLE_TEXT, classes="dialog-title", markup=False)
            yield Input(placeholder=self.PLACEHOLDER, id="picker-filter")
            yield OptionList(id="picker-options")
            yield Label(self.hint(), classes="hint", markup=False)

    def on_mount(self) -> None:
        self.refill("")
        self.query_one("#picker-filter", Input).focus()

    def refill(self, query: str) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        self.fill(options, query.strip())
        options.highlighted = 0 if options.option_count else None

    def fill(self, options: OptionList, query: str) -> None:
        raise NotImplementedError

    def choose(self, option_id: str) -> None:
        raise NotImplementedError

    @on(Input.Changed, "#picker-filter")
    def _narrow(self, event: Input.Changed) -> None:
        self.refill(event.value)

    @on(Input.Submitted, "#picker-filter")
    def _submit(self) -> None:
        options = self.query_one(OptionList)
        if options.highlighted is not None:
            self.choose(options.get_option_at_index(options.highlighted).id or "")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.choose(event.option.id or "")

    def action_move(self, delta: int) -> None:
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + delta))
