"""What the queues screen browses: a view for each queue looked at, the queue chosen in the
sidebar, the words narrowing its loaded rows, and which ticket was last opened. Held in
one place so the screen and its widgets only show it."""

from __future__ import annotations

from collections.abc import Collection

from tui.api import Person, Ticket
from tui.state.entities import EntityStore
from tui.state.filters import matches_words
from tui.state.pages import QueuePages
from tui.state.queues import QueueSpec, QueueView

SEARCH_ROWS = 1000  # more than any helpdesk's search answers with


class Browsing:
    def __init__(
        self, tickets: EntityStore[Ticket], people: EntityStore[Person], pages: QueuePages
    ) -> None:
        self._tickets = tickets
        self._people = people
        self._pages = pages
        self.views: dict[QueueSpec, QueueView] = {}
        self.view: QueueView | None = None  # the queue shown (the base, or it refined)
        self.base: QueueSpec | None = None  # the sidebar's queue, before filter terms
        self.words: list[str] = []  # narrow the loaded rows, without asking the helpdesk
        self.opened: int | None = None  # the ticket last opened (or moved to with J/K)
        self.stale = False  # rows left by a change the helpdesk has not confirmed yet

    def open(self, spec: QueueSpec) -> QueueView:
        """Show `spec`: its view as last seen, or a new one painted from the disk cache."""
        view = self.views.get(spec)
        if view is None:
            # A search answers in one go: its rows are one page, however many.
            size = SEARCH_ROWS if spec.search is not None else QueueView.page_size
            view = self.views[spec] = QueueView(spec, page_size=size)
            self._pages.paint_from_cache(view)
        self.view = view
        return view

    def narrowed(self) -> list[int] | None:
        """The loaded rows the words match, in order; None when no words narrow them."""
        if self.view is None or not self.words:
            return None
        tickets, people = self._tickets, self._people
        return [
            i
            for i in self.view.loaded_ids()
            if (t := tickets.get(i)) and matches_words(t, self.words, people)
        ]

    def take_out_leavers(self, changed: Collection[int]) -> bool:
        """Tickets of the queue shown that changed so they no longer belong in it (as far
        as we can tell here) leave it at once; the helpdesk's own word follows on the next
        read. True when any left."""
        view = self.view
        if view is None:
            return False
        shown = set(changed) & set(view.loaded_ids())
        leaving = [i for i in shown if self._leaves(view.spec, i)]
        if leaving:
            view.drop(leaving)
            self.stale = True
        return bool(leaving)

    def _leaves(self, spec: QueueSpec, ticket_id: int) -> bool:
        ticket = self._tickets.get(ticket_id)
        return ticket is not None and spec.admits(ticket) is False

    def title(self, matches: int | None) -> str:
        """The queue shown and its count, as the status bar names it; with the number of
        rows the words match while they narrow it."""
        view = self.view
        if view is None:
            return ""
        count = "" if view.total is None else f" {view.total}"
        if self.words and matches is not None:
            count = f" {matches} of{count or ' …'}"
        return f"{view.spec.title}{count}"

    def why_empty(self, rows: int) -> str:
        """What the list says in place of rows (nothing while it has rows)."""
        view = self.view
        if view is None or not view.loaded:
            return "Loading tickets…" if view else ""
        if rows:
            return ""
        if self.words:
            return "No loaded ticket matches the filter words."
        return f"No tickets in {view.spec.title}."
