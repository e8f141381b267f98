"""How the ticket list paints a row: the styles and columns one repaint shares, and a
ticket's row as text."""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from rich.text import Text

from tui.api import Ticket
from tui.text import cell_width, fit
from tui.widgets.columns import Column, RowContext

# The component styles a repaint looks up, in `Paint`'s order.
PAINTED = ("cursor", "marked", "changed", "loading", "urgent", "new")
MARK = "✓"  # over the first cell of a marked row (the number is right-aligned)


@dataclass(frozen=True)
class Paint:
    """What every line of one repaint shares."""

    width: int
    base: Style
    columns: list[tuple[Column, int]]
    ctx: RowContext
    cursor: Style
    marked: Style
    changed: Style
    loading: Style
    urgent: Style
    new: Style  # arrived in "My tickets", not opened since
    key: tuple[object, ...]  # all of the above a drawn row depends on, for the row cache
    # An urgent ticket's urgency is coloured, or its number when urgency has no room.
    urgent_column: str = "urgency"


def row_text(ticket: Ticket, paint: Paint) -> Text:
    """One ticket's row: its columns, fitted to their widths."""
    text = Text(no_wrap=True, overflow="crop")
    for n, (column, col_width) in enumerate(paint.columns):
        if n:
            text.append(" ")
        value = column.value(ticket, paint.ctx)
        if column.right:
            value = " " * max(0, col_width - cell_width(value)) + value
        cell = fit(value, col_width)
        urgent = column.key == paint.urgent_column and ticket.urgency >= 8
        text.append(cell, paint.urgent if urgent else Style())
    return text
