"""The ticket list's column titles, laid out exactly as the rows are, with the sort mark."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.text import fit
from tui.widgets.columns import fit_columns


class ListHeader(Static):
    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.order_by = "date_status"
        self.order_dir = "desc"
        self.hidden_columns: frozenset[str] = frozenset()

    def set_order(self, order_by: str, order_dir: str) -> None:
        self.order_by, self.order_dir = order_by, order_dir
        self.refresh()

    def set_hidden(self, columns: frozenset[str]) -> None:
        self.hidden_columns = columns
        self.refresh()

    def render(self) -> Text:
        # One column less than our width: the list below always shows its scrollbar.
        text = Text(no_wrap=True, overflow="crop")
        arrow = "↓" if self.order_dir == "desc" else "↑"
        for n, (column, width) in enumerate(fit_columns(self.size.width - 1, self.hidden_columns)):
            if n:
                text.append(" ")
            title = column.title
            if column.order_by == self.order_by:
                title = f"{title}{arrow}"
            text.append(fit(title, width), "bold" if column.order_by == self.order_by else "")
        return text
