"""Where the queue list's cursor goes as tickets are opened from it: J/K in a ticket walk
the list (the cursor follows), so coming back lands on the ticket last shown."""

from __future__ import annotations

from tui.state.browsing import Browsing
from tui.widgets.ticket_list import TicketList


class ListCursor:
    """Owned by the queue browser, given its list and what it browses."""

    def __init__(self, ticket_list: TicketList, browsing: Browsing) -> None:
        self._list = ticket_list
        self._browsing = browsing

    def neighbour(self, ticket_id: int, delta: int) -> int | None:
        """The ticket after (or before) `ticket_id` in this list; moves the cursor there,
        so coming back to the queue lands on the ticket last opened."""
        index = self._list.index_of(ticket_id)
        if index is None:  # it left the queue (assigned away, say): the rows after it moved up
            index = self._list.cursor - (1 if delta > 0 else 0)
        next_id = self._list.id_at(index + delta)
        if next_id is not None:
            self._list.cursor = index + delta
            self._browsing.opened = next_id
        return next_id

    def restore(self) -> None:
        """On the ticket last shown, wherever it moved meanwhile."""
        opened = self._browsing.opened
        index = self._list.index_of(opened) if opened is not None else None
        if index is not None:
            self._list.cursor = index
