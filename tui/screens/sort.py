"""A small picker for the ticket list's order (the orders Deskpro can sort by)."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.widgets.columns import SORTABLE
from tui.widgets.key_list import KeyList


class SortPicker(ModalScreen[str | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="sort.cancel")]

    def __init__(self, current: str) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Sort tickets by", classes="dialog-title")
            yield KeyList(*[Option(title, id=key) for key, title in SORTABLE.items()])

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        keys = list(SORTABLE)
        options.highlighted = keys.index(self.current) if self.current in keys else 0

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)
