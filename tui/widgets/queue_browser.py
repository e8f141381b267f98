"""The queues screen's right-hand side: the `/` filter, the column header, a note on how a
search's rows were found, and the list of the queue browsed. It shows what `Browsing`
holds, loads the pages its rows need, prefetches the thread the cursor rests on, and owns
the marks (bound into the list)."""

from __future__ import annotations

from collections.abc import Callable

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.reactive import reactive
from textual.worker import Worker

from tui.api import DeskproError, Ticket
from tui.flows.cursor import ListCursor
from tui.flows.finding import TicketJump, tell_if_search_unavailable
from tui.flows.prefetch import ConversationPrefetch
from tui.key_order import opens_screen
from tui.messages import OpenTicket
from tui.state import HelpdeskService, QueueSpec, QueueView, search_queue
from tui.state.browsing import Browsing
from tui.state.filters import FilterQuery, free_words, parse_filter
from tui.state.jump import jump_target
from tui.state.terms import Terms
from tui.widgets.field_error import FieldError
from tui.widgets.filter_box import FilterBox
from tui.widgets.list_header import ListHeader
from tui.widgets.queue_filter import QueueFilter
from tui.widgets.ticket_list import Clock, TicketList


class QueueBrowser(Vertical):
    marked: reactive[frozenset[int]] = reactive(frozenset())  # for bulk assign and status
    title: reactive[str] = reactive("")  # the queue shown and its count

    def __init__(
        self,
        service: HelpdeskService,
        busy: Callable[[], bool],
        clock: Clock | None = None,
        **kwargs: object,
    ) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.service = service
        self.browsing = Browsing(service.tickets, service.people, service.pages)
        self.prefetch = ConversationPrefetch(self, service, busy)
        self._jump = TicketJump(self, service, self._jumped, lambda why: self._filter.say(why))
        # Held, not queried: store notifications may arrive while the screen tears down.
        self.ticket_list = TicketList.of(service, clock, id="tickets")
        cursor = ListCursor(self.ticket_list, self.browsing)
        self.neighbour = cursor.neighbour  # J/K from a ticket opened here
        self.restore_cursor = cursor.restore  # back from it: on the ticket last shown

    @property
    def view(self) -> QueueView | None:
        return self.browsing.view

    def compose(self) -> ComposeResult:
        yield QueueFilter(self.service.lookups.filter_names)
        yield FieldError(id="queue-note")  # how a search's rows were found, when not as asked
        yield ListHeader(id="list-header")
        yield self.ticket_list.data_bind(QueueBrowser.marked)

    @property
    def _filter(self) -> QueueFilter:
        return self.query_one(QueueFilter)

    def on_mount(self) -> None:
        self._unsubscribe = [
            self.service.tickets.subscribe(self._tickets_changed),
            self.service.people.subscribe(lambda _ids: self.ticket_list.people_changed()),
        ]

    def on_unmount(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    # -- what is shown ----------------------------------------------------------------

    def show_queue(self, spec: QueueSpec) -> Worker[None]:
        """The sidebar's queue `spec`, as it was last seen, asked for again."""
        if spec != self.browsing.base and (count := self.unmark()):
            # Marks belong to the queue they were made in: none act unseen in another.
            self.notify(f"{count} marked {'ticket' if count == 1 else 'tickets'} unmarked.")
        self.browsing.browse(spec)
        return self._open_view(spec)

    def _open_view(self, spec: QueueSpec) -> Worker[None]:
        view = self.browsing.open(spec)
        hidden = frozenset({"agent"}) if spec.one_agent else frozenset()
        self.ticket_list.hidden_columns = hidden
        header = self.query_one(ListHeader)
        header.set_hidden(hidden)
        header.set_order(view.order_by, view.order_dir)
        self.show_rows()
        return self.load_pages(view, [1])

    def show_rows(self, changed: frozenset[int] = frozenset()) -> None:
        """The list shows the queue, narrowed by the words; `changed` rows stand out."""
        self.ticket_list.changed |= changed
        self.ticket_list.show(self.view, self.browsing.narrowed())
        self._name_queue()

    def _name_queue(self) -> None:
        """The title names the queue and its count; the list says why it is empty, and
        the note how a search's rows were found when not as asked."""
        matches = self.ticket_list.narrowed
        self.title = self.browsing.title(None if matches is None else len(matches))
        message = self.browsing.why_empty(self.ticket_list.row_count)
        self.ticket_list.show_message(message)
        self.query_one("#queue-note", FieldError).show(self.browsing.note(message))

    def not_connected(self, why: str) -> None:
        if self.view is None or not self.view.loaded:
            self.ticket_list.show_message(why)

    def _tickets_changed(self, ids: frozenset[int]) -> None:
        """Tickets changed (by the agent, or read again): rows that left the queue on
        screen go at once; the helpdesk's own answer follows on the next read."""
        if self.view is None:
            return
        if not self.screen.is_current:
            self.browsing.stale = True  # changed from a ticket: counts and order to read again
        if self.browsing.take_out_leavers(ids):
            self.show_rows()
        elif ids & self.ticket_list.visible_ids():
            self.ticket_list.refresh()

    # -- pages ------------------------------------------------------------------------

    @work(group="pages", exit_on_error=False)
    async def load_pages(self, view: QueueView, pages: list[int]) -> None:
        why = ""  # for the list, after a failure: not "Loading…" for ever
        try:
            for page_no in pages:
                await self.service.pages.load(view, page_no)
        except DeskproError as exc:
            self.app.notify(str(exc), title="Could not load tickets", severity="error")
            why = f"{exc} ctrl+r tries again."
        if view is self.view:
            tell_if_search_unavailable(self.screen, self.service, view)
            if self.browsing.narrowing:
                self.show_rows()  # newly loaded rows may match the words
            else:
                self.ticket_list.page_loaded()
                self._name_queue()
            if why:
                self.not_connected(why)

    def reload(self) -> None:  # the first page again; the rows stay until it answers
        if self.view is not None:
            self.load_pages(self.view, [1])

    def reset(self) -> None:  # ctrl+r: every page again, the rows forgotten meanwhile
        if self.view is not None:
            self.view.reset()
            self.show_rows()
            self.load_pages(self.view, [1])

    @on(TicketList.NeedPages)
    def _need_pages(self) -> None:
        if self.view is None:
            return
        top = int(self.ticket_list.scroll_offset.y)
        missing = self.view.missing_pages(top, top + self.ticket_list.size.height)
        if missing:
            self.load_pages(self.view, missing)

    # -- the cursor -------------------------------------------------------------------

    @on(TicketList.Highlighted)
    def _highlighted(self, event: TicketList.Highlighted) -> None:
        self.prefetch.rest_on(event.ticket_id)

    @on(TicketList.Opened)
    def _opened(self, event: TicketList.Opened) -> None:
        event.stop()
        self.prefetch.stop()  # opening asks for the thread itself (sharing one in flight)
        self.browsing.opened = event.ticket_id
        self.post_message(OpenTicket(event.ticket_id, self.neighbour))

    # -- marks ------------------------------------------------------------------------

    def mark(self) -> None:
        """Mark or unmark the highlighted ticket, and move on to the next."""
        if (ticket_id := self.ticket_list.current_id) is not None:
            self.marked ^= {ticket_id}
        self.ticket_list.action_cursor(1)

    def mark_all(self) -> None:
        shown = (self.ticket_list.id_at(i) for i in range(self.ticket_list.row_count))
        self.marked = frozenset(i for i in shown if i is not None)

    def unmark(self) -> int:
        """Unmark every ticket; how many were marked."""
        count, self.marked = len(self.marked), frozenset()
        return count

    def targets(self) -> list[int]:
        """What a bulk action acts on: the marked tickets, or else the highlighted one."""
        if self.marked:
            return sorted(self.marked)
        current = self.ticket_list.current_id
        return [current] if current is not None else []

    # -- filter and order -------------------------------------------------------------

    def open_filter(self) -> None:
        self.query_one(QueueFilter).open()

    def escape(self, sidebar: QueueSpec | None) -> None:
        """Leave the box, else unmark, else clear the filter, else leave a search for `sidebar`."""
        box = self.query_one(FilterBox)
        if box.has_focus and box.value:
            self.ticket_list.focus()
        elif self.marked and not box.has_focus:
            self.unmark()
        elif self._filter.has_class("-open") or self.browsing.narrowing:
            self._close_filter()
        elif sidebar is not None and self.view is not None and self.view.spec.search:
            self.show_queue(sidebar)
        else:
            self._close_filter()

    async def find(self, text: str) -> str:
        """ctrl+f: a ticket's number or reference opens it; words search every ticket,
        the terms typed with them narrowing the answer; terms alone filter the queue
        shown, as they would typed in `/`. Returns what is wrong with `text`, if anything."""
        if (target := jump_target(text)) is not None:
            return await self._jump.look_up(target)
        query = parse_filter(text, self.service.lookups.filter_names())
        if query.errors:
            return "\n".join(query.errors)
        if words := free_words(text):
            self.show_queue(search_queue(words, Terms.of(query), text))
        else:
            self._filter.open(text)
            self._refine(text, query)
        return ""

    def _close_filter(self) -> None:
        """The box emptied and put away, the sidebar's queue shown whole again."""
        self._filter.close()
        self.browsing.clear_filter()
        base = self.browsing.base
        if base is not None and self.view is not None and self.view.spec != base:
            self._open_view(base)
        else:
            self.show_rows()
        self.ticket_list.focus()

    @on(FilterBox.Narrowed)
    def _narrowed(self, event: FilterBox.Narrowed) -> None:
        self.browsing.words = event.words
        self.show_rows()

    @on(FilterBox.Refined)
    def _refined(self, event: FilterBox.Refined) -> None:
        self._refine(event.text, event.query)

    def _refine(self, text: str, query: FilterQuery) -> None:
        """`enter` in the filter box: a ticket's number or reference opens it; terms
        become a question for the helpdesk (on a search, they narrow its rows here)."""
        if (target := jump_target(text)) is not None:
            self.jump(target)
            return
        self._filter.say("\n".join(query.errors))
        if query.errors:
            return
        if (spec := self.browsing.refine(query)) is not None:
            self._open_view(spec)
        else:
            self.show_rows()
        self.ticket_list.focus()

    @opens_screen
    def jump(self, target: int | str) -> Worker[None]:
        """Open the ticket `target` names, whatever queue it is in (see `TicketJump`)."""
        return self._jump.go(target)

    def _jumped(self, ticket: Ticket) -> None:
        self._close_filter()
        self.browsing.opened = ticket.id
        in_list = self.ticket_list.index_of(ticket.id) is not None
        self.post_message(OpenTicket(ticket.id, self.neighbour if in_list else None))

    def reorder(self, order_by: str, order_dir: str | None = None) -> None:
        """Sort by `order_by`; `order_dir` None keeps the direction."""
        if self.view is None:
            return
        self.view.reorder(order_by, order_dir or self.view.order_dir)
        self.query_one(ListHeader).set_order(self.view.order_by, self.view.order_dir)
        self.show_rows()
        self.load_pages(self.view, [1])
