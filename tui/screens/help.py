"""Help: every key of the screen you came from, and the global ones (keymap applied)."""

from __future__ import annotations

from collections.abc import Mapping

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Label, Static

from tui.commands import screen_commands

KEY_NAMES = {"question_mark": "?", "slash": "/", "escape": "esc", "enter": "enter"}


def pretty_keys(keys: str) -> str:
    return " / ".join(KEY_NAMES.get(k.strip(), k.strip()) for k in keys.split(","))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close")]

    def __init__(self, about: Screen[object], keymap: Mapping[str, str]) -> None:
        super().__init__()
        self.about = about
        self.keymap = keymap

    def compose(self) -> ComposeResult:
        table = Table(box=None, show_header=True, header_style="bold", expand=True)
        table.add_column("Key", no_wrap=True)
        table.add_column("Action", no_wrap=True)
        table.add_column("What it does")
        for command in screen_commands(self.about):
            table.add_row(pretty_keys(command.keys_with(self.keymap)), command.title, command.help)
        with VerticalScroll(classes="dialog help"):
            yield Label(
                f"Keys: {self.about.__class__.__name__.removesuffix('Screen')}",
                classes="dialog-title",
            )
            yield Static(table, id="help-table")
            yield Label(
                'Remap any key in the config file: [keymap] "ticket.reply" = "R"',
                classes="hint",
                markup=False,
            )
