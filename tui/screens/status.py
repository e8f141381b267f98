"""Pick a ticket status from a list that narrows as you type."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from tui.api import TicketStatus
from tui.screens.picker import FilterPicker
from tui.text import safe


class StatusPicker(FilterPicker[str]):
    TITLE_TEXT = "Set status"

    def __init__(
        self, statuses: list[TicketStatus], current: str | None, title: str = "Set status"
    ) -> None:
        super().__init__()
        # What an agent sets: not hidden ones (deleted, spam, validating) nor their parent.
        self.statuses = [s for s in statuses if s.status_code.split(".")[0] != "hidden"]
        self.current = current
        self.TITLE_TEXT = title

    def fill(self, options: OptionList, query: str) -> None:
        for status in self.statuses:
            label = f"{safe(status.title or status.status_code)}  ({status.status_code})"
            if status.status_code == self.current:
                label += "  current"
            if query.lower() in label.lower():
                options.add_option(Option(label, id=status.status_code))

    def choose(self, option_id: str) -> None:
        self.dismiss(option_id)
