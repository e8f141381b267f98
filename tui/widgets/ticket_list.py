"""A virtual ticket list: draws only the visible rows, asks for pages as they come into view.

It reads ticket ids from a `QueueView` (or a narrowed list of ids while words filter the
loaded rows) and tickets from the store, so 100,000 rows cost no more than the screenful
being looked at.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Collection
from datetime import UTC, datetime

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from tui.api import Person, Ticket
from tui.commands import bindings
from tui.commands.lists import LIST_COMMANDS
from tui.state import EntityStore, HelpdeskService, QueueView
from tui.text import fit
from tui.widgets.columns import RowContext, fit_columns, is_compact
from tui.widgets.row_paint import MARK, PAINTED, Paint, row_text

Clock = Callable[[], datetime]
ROW_CACHE = 512  # drawn rows kept: a few screens' worth


class TicketList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {
        "ticket-list--cursor",
        "ticket-list--marked",
        "ticket-list--changed",
        "ticket-list--loading",
        "ticket-list--urgent",
        "ticket-list--new",
    }
    BINDINGS = bindings(LIST_COMMANDS)

    # No repaint of the whole list: `watch_cursor` refreshes just the two lines that change.
    cursor: reactive[int] = reactive(0, repaint=False)
    marked: reactive[frozenset[int]] = reactive(frozenset())  # bound to the queue browser's
    # The list's size is fixed by CSS and its scrollbar always shown: a new row count only
    # moves the thumb. Textual declares this size to need a screen layout (~8 ms at 120x36
    # on every page that loads, twice when the scrollbar appears), so it is redeclared.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def watch_virtual_size(self, size: Size) -> None:
        if self.is_mounted:
            self._scroll_update(size)  # Textual's own update of the scrollbars

    class NeedPages(Message):
        """Rows in view are not loaded yet: fetch these pages."""

        def __init__(self, pages: list[int]) -> None:
            self.pages = pages
            super().__init__()

    class Highlighted(Message):
        def __init__(self, ticket_id: int | None) -> None:
            self.ticket_id = ticket_id
            super().__init__()

    class Opened(Message):
        def __init__(self, ticket_id: int) -> None:
            self.ticket_id = ticket_id
            super().__init__()

    def __init__(
        self,
        tickets: EntityStore[Ticket],
        people: EntityStore[Person],
        noted: Collection[int] = (),
        fresh: Collection[int] = (),
        clock: Clock | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.tickets = tickets
        self.people = people
        self.clock = clock or (lambda: datetime.now(UTC))
        self.view: QueueView | None = None
        self.narrowed: list[int] | None = None
        self.changed: set[int] = set()
        self.hidden_columns: frozenset[str] = frozenset()  # saying the same on every row
        self.noted = noted  # ids of tickets known to hold an internal note (live view)
        self.fresh = fresh  # ids of tickets arrived and not opened yet (live view)
        self._requested: set[int] = set()
        self.message = ""  # shown in place of the rows while there are none
        self._paint: Paint | None = None  # set while a repaint is drawing its lines
        # Drawn rows by (ticket id, state, paint key), each with the ticket record it was
        # drawn from: scrolling by a row redraws every line, but only one is new.
        self._rows: dict[tuple[object, ...], tuple[Ticket, Strip]] = {}

    @classmethod
    def of(cls, service: HelpdeskService, clock: Clock | None, **kwargs: object) -> TicketList:
        """The list of `service`'s tickets, its rows marking (live) the tickets known to
        hold a note and those newly arrived in My tickets."""
        noted, fresh = service.threads.noted, service.arrivals.marked
        return cls(service.tickets, service.people, noted, fresh, clock, **kwargs)

    # -- data -------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        if self.narrowed is not None:
            return len(self.narrowed)
        return self.view.total or 0 if self.view else 0

    def id_at(self, index: int) -> int | None:
        if self.narrowed is not None:
            return self.narrowed[index] if 0 <= index < len(self.narrowed) else None
        return self.view.id_at(index) if self.view else None

    def index_of(self, ticket_id: int) -> int | None:
        if self.narrowed is not None:
            return self.narrowed.index(ticket_id) if ticket_id in self.narrowed else None
        return self.view.index_of(ticket_id) if self.view else None

    @property
    def current_id(self) -> int | None:
        return self.id_at(self.cursor)

    def show(self, view: QueueView | None, narrowed: list[int] | None = None) -> None:
        """Point the list at a queue (or a narrowed set of its loaded rows)."""
        if view is not self.view:
            self.cursor = 0
            self.scroll_to(y=0, animate=False)
        self.view, self.narrowed = view, narrowed
        self._requested.clear()
        self.data_changed()

    def data_changed(self) -> None:
        self.virtual_size = Size(self.size.width, self.row_count)
        if self.row_count:
            self.cursor = min(self.cursor, self.row_count - 1)
        self.refresh()
        self.post_message(self.Highlighted(self.current_id))

    def visible_ids(self) -> set[int]:
        top = int(self.scroll_offset.y)
        ids = (self.id_at(i) for i in range(top, top + self.size.height))
        return {i for i in ids if i is not None}

    def page_loaded(self) -> None:
        self._requested.clear()
        self.data_changed()

    # -- drawing ----------------------------------------------------------------------

    def render_lines(self, crop: Region) -> list[Strip]:
        # A repaint draws many lines with the same styles, columns and clock: work them out
        # once per repaint, not once per line (style look-ups were a third of a repaint).
        self._paint = self._paint_context()
        try:
            return super().render_lines(crop)
        finally:
            self._paint = None

    def _paint_context(self) -> Paint:
        width = self.size.width
        style = self.get_component_rich_style
        now = self.clock()
        styles = [style(f"ticket-list--{name}") for name in PAINTED]
        ctx = RowContext(self.people.get, now, self.noted, self.fresh, is_compact(width))
        columns = fit_columns(width, self.hidden_columns)
        shown = {column.key for column, _width in columns}
        return Paint(
            width,
            self.rich_style,
            columns,
            ctx,
            *styles,
            # Relative times ("5m") change by the minute at most.
            key=(width, self.hidden_columns, self.rich_style, *styles, now.timestamp() // 60),
            urgent_column="urgency" if "urgency" in shown else "ref",
        )

    def render_line(self, y: int) -> Strip:
        paint = self._paint or self._paint_context()
        index = int(self.scroll_offset.y) + y
        width = paint.width
        if index >= self.row_count:
            return self._message_line(y, paint)
        ticket_id = self.id_at(index)
        ticket = self.tickets.get(ticket_id)
        if ticket is None:
            self._ask_for(index)
            return Strip([Segment(fit("  loading…", width), paint.base + paint.loading)], width)
        state = (ticket.id in self.changed, ticket.id in self.marked, index == self.cursor)
        fresh = ticket.id in self.fresh
        key = (ticket.id, *state, ticket.id in self.noted, fresh, paint.key)
        if (drawn := self._rows.get(key)) is not None and drawn[0] is ticket:
            return drawn[1]
        changed, marked, cursor = state
        text = row_text(ticket, paint)
        if marked:  # a glyph, not colour alone: not every terminal shows the colour
            text = Text(MARK) + text[len(MARK) :]
        text.stylize(paint.base)
        styles = (fresh, paint.new), (changed, paint.changed), (marked, paint.marked)
        for on, style in (*styles, (cursor, paint.cursor)):
            if on:
                text.stylize(style)
        strip = Strip(text.render(self.app.console), width)
        if len(self._rows) > ROW_CACHE:
            self._rows.clear()
        self._rows[key] = (ticket, strip)
        return strip

    def people_changed(self) -> None:
        """Names shown in the rows may have changed: draw every row anew."""
        self._rows.clear()
        self.refresh()

    def show_message(self, message: str) -> None:
        """Why there are no rows ("Loading tickets…", "No tickets in …"), drawn where the
        rows would be: a widget of its own below the list would lay the screen out each
        time it came and went."""
        if message != self.message:
            self.message = message
            self.refresh()

    def _message_line(self, y: int, paint: Paint) -> Strip:
        lines = textwrap.wrap(self.message, max(10, paint.width - 4)) if not self.row_count else []
        if not 1 <= y <= len(lines):  # a blank line above it, as padding
            return Strip.blank(paint.width, paint.base)
        return Strip([Segment(fit(f"  {lines[y - 1]}", paint.width), paint.base + paint.loading)])

    def _ask_for(self, index: int) -> None:
        if self.view is None or self.narrowed is not None:
            return
        page = self.view.page_of(index)
        if page not in self._requested:
            self._requested.add(page)
            self.call_later(self.post_message, self.NeedPages([page]))

    # -- movement ---------------------------------------------------------------------

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_region_y(new)
        self.post_message(self.Highlighted(self.current_id))

    def refresh_line(self, index: int) -> None:
        top = int(self.scroll_offset.y)
        if top <= index < top + self.size.height:
            self.refresh(Region(0, index - top, self.size.width, 1))

    def scroll_to_region_y(self, index: int) -> None:
        top, height = int(self.scroll_offset.y), max(1, self.size.height)
        if index < top:
            self.scroll_to(y=index, animate=False)
        elif index >= top + height:
            self.scroll_to(y=index - height + 1, animate=False)

    def action_cursor(self, delta: int) -> None:
        if self.row_count:
            self.cursor = max(0, min(self.row_count - 1, self.cursor + delta))

    def action_jump(self, index: int) -> None:
        if self.row_count:
            self.cursor = index if index >= 0 else self.row_count - 1

    def action_page(self, direction: int) -> None:
        self.action_cursor(direction * max(1, self.size.height - 1))

    def action_open(self) -> None:
        if (ticket_id := self.current_id) is not None:
            self.post_message(self.Opened(ticket_id))

    async def _on_click(self, event: events.Click) -> None:
        index = int(self.scroll_offset.y) + event.y
        if 0 <= index < self.row_count:
            if index == self.cursor and event.chain >= 2:
                self.action_open()
            self.cursor = index

    def on_resize(self) -> None:
        self.virtual_size = Size(self.size.width, self.row_count)
