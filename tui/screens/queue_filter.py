"""The queues screen's `/` filter and the rows it shows: words narrow the loaded rows once
typing pauses; terms (status:, agent:, …) become API filters on enter; the empty state says
why nothing shows. Mixed into `QueuesScreen`."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.timer import Timer
from textual.widgets import Input, Static

from tui.state import HelpdeskService, Lookups, QueueSpec, QueueView, matches_words, parse_filter
from tui.widgets.ticket_list import TicketList

if TYPE_CHECKING:
    from textual.screen import Screen
    from textual.worker import Worker

    _Base = Screen[None]
else:
    _Base = object

# Narrowing waits for a pause in typing: a key then costs only the box's own repaint, and
# the list (redrawn whole, with a layout for its new length) is redrawn once per pause
# rather than once per key, so it never holds up the echo of the next key.
NARROW_AFTER = 0.1  # seconds


class FiltersRows(_Base):
    service: HelpdeskService
    ticket_list: TicketList
    view: QueueView | None
    base: QueueSpec | None  # the sidebar's queue, before filter terms
    words: list[str]
    _narrowing: Timer | None = None  # narrows the rows once typing pauses
    _shown_error = ""

    if TYPE_CHECKING:

        def _open_view(self, spec: QueueSpec) -> Worker[None]: ...

        def _unmark(self) -> int: ...

        def _name_queue(self) -> None: ...

    @property
    def narrowing(self) -> bool:
        """Whether words typed are still to narrow the rows (typing has not paused yet)."""
        return self._narrowing is not None

    def _show_rows(self) -> None:
        self._stop_narrowing()
        view = self.view
        narrowed = None
        if view is not None and self.words:
            people = self.service.people
            narrowed = [
                i
                for i in view.loaded_ids()
                if (t := self.service.tickets.get(i)) and matches_words(t, self.words, people)
            ]
        self.ticket_list.show(view, narrowed)
        self._name_queue()
        self._update_empty()

    def _update_empty(self) -> None:
        view = self.view
        if view is None or not view.loaded:
            self._set_empty("Loading tickets…" if view else "")
        elif self.ticket_list.row_count == 0:
            why = (
                "No loaded ticket matches the filter words."
                if self.words
                else (f"No tickets in {view.spec.title}.")
            )
            self._set_empty(why)
        else:
            self._set_empty("")

    def _set_empty(self, message: str) -> None:
        self.ticket_list.show_message(message)

    def _set_filter_error(self, message: str) -> None:
        if message != self._shown_error:
            self._shown_error = message
            self.query_one("#filter-error", Static).update(message)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "filter":
            return
        words = parse_filter(event.value, self._lookups()).words
        if words == self.words:
            return  # a term being typed (status:…) narrows nothing until enter
        self.words = words
        self._stop_narrowing()
        self._narrowing = self.set_timer(NARROW_AFTER, self._show_rows)

    def _stop_narrowing(self) -> None:
        if self._narrowing is not None:
            self._narrowing.stop()
            self._narrowing = None

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != "filter":
            return
        query = parse_filter(event.value, self._lookups())
        self._set_filter_error("\n".join(query.errors))
        if query.errors:
            return
        spec = self.base
        if spec is not None and query.has_terms:
            spec = spec.refined(query.status, query.params)
        if spec is not None and spec != (self.view.spec if self.view else None):
            self._open_view(spec)
        elif self._narrowing is not None:
            self._show_rows()  # enter does not wait for the pause
        self.ticket_list.focus()

    def _lookups(self) -> Lookups:
        me = self.service.me
        codes = [s.status_code for s in self.service.statuses]
        return Lookups(
            me.id if me else 0, self.service.agents, self.service.departments.values(), codes
        )

    def action_filter(self) -> None:
        self.add_class("-filtering")
        # At once, not on the next turn as `focus()` does: keys typed right after `/`
        # (a fast typist, a paste) are already queued and must reach the box.
        self.set_focus(self.query_one("#filter", Input))

    def action_clear_filter(self) -> None:
        filter_input = self.query_one("#filter", Input)
        if filter_input.has_focus and filter_input.value:
            self.ticket_list.focus()
            return
        if self.ticket_list.marked and not filter_input.has_focus:
            self._unmark()  # escape first lets go of the marks, then of the filter
            return
        filter_input.value = ""
        self._set_filter_error("")
        self.remove_class("-filtering")
        self.words = []
        if self.base is not None and self.view is not None and self.view.spec != self.base:
            self._open_view(self.base)
        else:
            self._show_rows()
        self.ticket_list.focus()
