"""What the queues screen browses: a view for each queue looked at, the queue chosen in the
sidebar (or searched for), the words (and, on a search, the terms) narrowing its loaded
rows, and which ticket was last opened. Held in one place so the screen and its widgets
only show it."""

from __future__ import annotations

from collections.abc import Collection

from tui.api import Person, Ticket
from tui.state.entities import EntityStore
from tui.state.filters import FilterQuery, matches_words
from tui.state.pages import QueuePages
from tui.state.queues import QueueSpec, QueueView
from tui.state.terms import Terms

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
        self.base: QueueSpec | None = None  # the sidebar's queue (or a search), before `/`
        self.words: list[str] = []  # narrow the loaded rows, without asking the helpdesk
        self.terms = Terms()  # `/` terms on a search: they narrow its rows here too
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

    def browse(self, spec: QueueSpec) -> None:
        """The sidebar's queue (or a search) is `spec` now: terms that narrowed another
        search go with it."""
        if spec != self.base:
            self.terms = Terms()
        self.base = spec

    def refine(self, query: FilterQuery) -> QueueSpec | None:
        """`/` + enter: the queue to show for `query`, None when the one shown stays and
        only its rows are narrowed. Its words narrow the loaded rows; its terms ask the
        helpdesk for the sidebar's queue refined, but narrow a search's rows here (the
        search endpoint takes no filters: asking it again would answer the same)."""
        self.words = query.words
        base = self.base
        if base is not None and base.search is not None:
            self.terms = Terms.of(query)
            return None
        spec = base.refined(query.status, query.params) if base and query.has_terms else base
        return spec if spec != (self.view.spec if self.view else None) else None

    def clear_filter(self) -> None:
        self.words, self.terms = [], Terms()

    @property
    def narrowing(self) -> bool:
        return bool(self.words or self.terms)

    def narrowed(self) -> list[int] | None:
        """The loaded rows the words (and terms) match, in order; None when nothing
        narrows them."""
        if self.view is None or not self.narrowing:
            return None
        tickets, people, terms = self._tickets, self._people, self.terms
        return [
            i
            for i in self.view.loaded_ids()
            if (t := tickets.get(i)) and matches_words(t, self.words, people) and terms.admit(t)
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
        if self.narrowing and matches is not None:
            count = f" {matches} of{count or ' …'}"
        return f"{view.spec.title}{count}"

    def why_empty(self, rows: int) -> str:
        """What the list says in place of rows (nothing while it has rows): a search that
        could not be asked says why, and what works instead."""
        view = self.view
        if view is None or not view.loaded:
            return "Loading tickets…" if view else ""
        if rows:
            return ""
        if self.words:
            return "No loaded ticket matches the filter words."
        if self.terms:
            return "No ticket found matches the filter terms."
        return view.note or f"No tickets in {view.spec.title}."

    def note(self, message: str) -> str:
        """The line above the rows: how the view's rows were found, when not as asked
        (nothing when the list itself says it, in place of rows)."""
        note = self.view.note if self.view is not None else ""
        return "" if note == message else note
