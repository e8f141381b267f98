"""The queues' filter box: an Input that does not lay the whole screen out on each key."""

from __future__ import annotations

from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import Input


class FilterBox(Input):
    """Textual's Input widens its virtual (scrollable) size by a cell on every keystroke,
    and that size is declared to need a layout: each key re-arranged the whole screen
    (~4 ms at 120x36) and, through the ticket list's scrollbars, drew one more frame. The
    box's own size is fixed by CSS, so the new width only needs a repaint of the box."""

    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)
