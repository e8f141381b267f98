"""The queues' `/` filter: its box, and the line under it that says what is wrong with
what was typed. Shown while open; closing empties it."""

from __future__ import annotations

from collections.abc import Callable

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from tui.state.filters import FilterNames
from tui.widgets.filter_box import FilterBox


class QueueFilter(Vertical):
    def __init__(self, names: Callable[[], FilterNames], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.box = FilterBox(
            names, placeholder="filter: words, status:resolved agent:me label:vip …", id="filter"
        )
        self._said = ""

    def compose(self) -> ComposeResult:
        yield self.box
        yield Static("", id="filter-error")

    def open(self, text: str | None = None) -> None:
        """Show the box (with `text` in it, as if typed: terms from ctrl+f)."""
        self.add_class("-open")
        if text is not None:
            self.box.value = text
            self.box.cursor_position = len(text)
        # At once, not on the next turn as `focus()` does: keys typed right after `/`
        # (a fast typist, a paste) are already queued and must reach the box.
        self.screen.set_focus(self.box)

    def close(self) -> None:
        self.box.clear()
        self.say("")
        self.remove_class("-open")

    def say(self, problem: str) -> None:
        """What is wrong with the text typed (nothing: the line is emptied)."""
        if problem != self._said:
            self._said = problem
            self.query_one("#filter-error", Static).update(problem)
