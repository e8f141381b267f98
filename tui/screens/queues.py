"""The queues screen: queues on the left, their tickets on the right, a filter on `/`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from contextlib import suppress
from dataclasses import replace

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from tui.api import DeskproConnectionError, DeskproError, RateLimitedError, ServerError
from tui.commands import Command, bindings
from tui.flows.failures import ReportsWorkerFailures
from tui.flows.lookups import tell_unavailable
from tui.key_order import opens_screen
from tui.messages import ComposeTicket, OpenTicket
from tui.screens.prefetch import PrefetchesConversation
from tui.screens.queue_filter import FiltersRows
from tui.startup import process
from tui.state import HelpdeskService, QueueSpec, QueueView
from tui.state.backoff import RefreshBackoff
from tui.state.optional import LOOKUPS
from tui.widgets.filter_box import FilterBox
from tui.widgets.key_footer import KeyFooter
from tui.widgets.list_header import ListHeader
from tui.widgets.queue_sidebar import QueueSidebar
from tui.widgets.status_bar import StatusBar
from tui.widgets.ticket_list import LIST_COMMANDS, Clock, TicketList

NARROW = 100  # below this width the sidebar folds away (tab shows it)
FIRST_FRAME_WAIT = 0.5  # seconds the lookups wait, at most, for the rows to be drawn
UNREACHABLE = (DeskproConnectionError, ServerError, RateLimitedError)  # no use asking on


class QueuesScreen(ReportsWorkerFailures, FiltersRows, PrefetchesConversation, Screen[None]):
    COMMANDS_LIST = (
        *(replace(command, bind=False) for command in LIST_COMMANDS),
        Command(
            "queues.assign",
            "a",
            "assign",
            "Assign",
            "Assign the marked tickets (or the highlighted one)",
        ),
        Command(
            "queues.status",
            "s",
            "status",
            "Status",
            "Set the status of the marked tickets (or the highlighted one)",
        ),
        Command("queues.mark", "space", "mark", "Mark", "Mark or unmark a ticket for bulk actions"),
        Command(
            "queues.mark_all",
            "ctrl+a,V",
            "mark_all",
            "Mark all",
            "Mark every ticket shown (escape unmarks them all)",
            show=False,
        ),
        Command(
            "queues.filter",
            "slash",
            "filter",
            "Filter",
            "Filter: words narrow rows; status:, agent:, dept:, created:, label:, urgency:",
        ),
        Command(
            "queues.copy_ref",
            "y",
            "copy(False)",
            "Copy ref",
            "Copy the highlighted ticket's reference (works over SSH)",
            show=False,
        ),
        Command(
            "queues.copy_link",
            "Y",
            "copy(True)",
            "Copy link",
            "Copy the highlighted ticket's link in Deskpro's agent interface",
            show=False,
        ),
        Command("queues.refresh", "ctrl+r", "refresh", "Refresh", "Reload the queue now"),
        Command(
            "queues.number",
            "1",
            "queue(1)",
            "Queue 1-9",
            "Digits 1 to 9 switch to the sidebar's queues, in order",
            show=False,
        ),
        Command("queues.sidebar", "tab", "toggle_focus", "Queues", "Move between queues and list"),
        Command("queues.sort", "o", "sort", "Sort", "Choose the order of the list"),
        Command("queues.compose", "c", "compose", "New ticket", "Write a new ticket"),
        Command("queues.reverse", "O", "reverse", "Reverse", "Flip the sort direction", show=False),
        Command(
            "queues.back",
            "escape",
            "clear_filter",
            "Clear filter",
            "Unmark every marked ticket, or else clear the filter (or leave the filter box)",
            show=False,
        ),
    )
    BINDINGS = [
        *bindings(COMMANDS_LIST),
        *(Binding(str(n), f"queue({n})", show=False) for n in range(2, 10)),
    ]
    # Focused from the first frame: Textual's default (the first focusable widget, the
    # sidebar) would build the footer's keys once for it and again for the list.
    AUTO_FOCUS = "#tickets"

    def __init__(
        self, service: HelpdeskService, clock: Clock | None = None, refresh_seconds: float = 30
    ) -> None:
        super().__init__()
        self.service = service
        self.clock = clock
        self.refresh_seconds = refresh_seconds
        self.views: dict[QueueSpec, QueueView] = {}
        self.view: QueueView | None = None
        self.base: QueueSpec | None = None  # the sidebar's queue, before filter terms
        self.words: list[str] = []
        self.starting = False
        self.started = False  # who we are is known; the first page and lookups were asked for
        self.stale = False  # rows left the queue by a change the helpdesk has not confirmed
        self._opened: int | None = None  # the ticket last opened (or moved to with J/K)
        self._backoff = RefreshBackoff()
        # Held, not queried: store notifications may arrive while the screen tears down.
        self.ticket_list = TicketList(
            service.tickets, service.people, noted=service.noted, clock=clock, id="tickets"
        )

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield QueueSidebar(id="sidebar")
            with Vertical(id="main"):
                yield FilterBox(
                    placeholder="filter: words, status:resolved agent:me label:vip …", id="filter"
                )
                yield Static("", id="filter-error")
                yield ListHeader(id="list-header")
                yield self.ticket_list
        yield StatusBar(clock=self.clock, id="status-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        bar = self.query_one(StatusBar)
        bar.helpdesk = self.service.label
        bar.status = self.service.connection.status  # start-up's requests may be done already
        self._unsubscribe = [
            self.service.connection.subscribe(lambda s: setattr(bar, "status", s)),
            self.service.tickets.subscribe(self._tickets_changed),
            self.service.people.subscribe(lambda _ids: self.ticket_list.people_changed()),
        ]
        self.start()
        # Polling also retries a start that failed, so the app recovers on its own.
        self.set_interval(self.refresh_seconds, self.poll)
        if self.service.drafts.get("compose"):
            self.notify("An unsent new ticket was kept: press c to continue it.", timeout=15)

    def on_unmount(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # -- loading ----------------------------------------------------------------------

    @work(exclusive=True, group="connect", exit_on_error=False)
    async def start(self, quiet: bool = False) -> None:
        """Paint the cached first queue at once, then connect and load for real: who we
        are, the first page, and only then the lookups and counts, so they do not compete
        with the rows an agent is waiting for. `quiet`: a background retry, which leaves
        saying why to the status bar rather than raising a notification each time."""
        self.starting = True
        try:
            await self._start(quiet)
        finally:
            self.starting = False
            self.service.early.close()  # from now on every read asks the server
            process.started()

    async def _start(self, quiet: bool) -> None:
        first = self.service.queues()[0] if self.service.recall_me() else None
        if first is not None:
            self.show_queue(first)
        try:
            me = await self.service.identify()
        except DeskproError as exc:
            self._not_connected(exc, quiet)
            return
        self.query_one(StatusBar).agent = me.label
        sidebar = self.query_one(QueueSidebar)
        sidebar.set_queues(self.service.queues())
        if first != self.service.queues()[0]:  # nothing cached, or we are someone else now
            with suppress(WorkerFailed, WorkerCancelled):  # reported by the worker itself
                await self.show_queue(self.service.queues()[0]).wait()
        # The lookups wait for the frame with the rows: reading their answers (and building
        # their models) would otherwise hold that frame up.
        with suppress(TimeoutError):
            await asyncio.wait_for(self.wait_for_refresh(), FIRST_FRAME_WAIT)
        # Each lookup may fail alone (said once): the queues work without them.
        await self._load_lookups()
        self.started = True
        self.load_counts()

    async def _load_lookups(self, only: Iterable[str] | None = None) -> None:
        """The lookups (or those named), then the sidebar's saved filters and the news
        of any the helpdesk refused or lacks."""
        await self.service.load_lookups(LOOKUPS if only is None else only)
        self.query_one(QueueSidebar).set_queues(self.service.queues())
        tell_unavailable(self, self.service)

    def _not_connected(self, exc: DeskproError, quiet: bool) -> None:
        if not quiet:
            self.app.notify(str(exc), title="Could not connect", severity="error", timeout=30)
        if self.view is None or not self.view.loaded:
            self._set_empty(f"Not connected: {exc}. Press ctrl+r to try again.")

    def show_queue(self, spec: QueueSpec) -> Worker[None]:
        if spec != self.base and (count := self._unmark()):
            # Marks belong to the queue they were made in: none act unseen in another.
            self.notify(f"{count} marked {'ticket' if count == 1 else 'tickets'} unmarked.")
        self.base = spec
        return self._open_view(spec)

    def _open_view(self, spec: QueueSpec) -> Worker[None]:
        view = self.views.get(spec)
        if view is None:
            view = self.views[spec] = QueueView(spec)
            self.service.paint_from_cache(view)
        self.view = view
        self._name_queue()
        hidden = frozenset({"agent"}) if spec.one_agent else frozenset()
        self.ticket_list.hidden_columns = hidden
        self.query_one(ListHeader).set_hidden(hidden)
        self.query_one(ListHeader).set_order(view.order_by, view.order_dir)
        self._show_rows()
        return self.load_pages(view, [1])

    @work(group="pages", exit_on_error=False)
    async def load_pages(self, view: QueueView, pages: list[int]) -> None:
        try:
            for page_no in pages:
                await self.service.load_page(view, page_no)
        except DeskproError as exc:
            self.app.notify(str(exc), title="Could not load tickets", severity="error")
        if view is self.view:
            self._name_queue()
            self.ticket_list.page_loaded()
            if self.words:
                self._show_rows()  # newly loaded rows may match the words
            else:
                self._update_empty()

    @work(group="counts", exclusive=True, exit_on_error=False)
    async def load_counts(self) -> None:
        sidebar = self.query_one(QueueSidebar)
        for spec in self.service.queues():
            try:
                sidebar.set_count(spec.key, await self.service.count(spec))
            except UNREACHABLE:
                return  # the status bar says why; counts come back next refresh
            except DeskproError:
                continue  # this queue's own endpoint refused or missing: the others still count

    @work(group="poll", exclusive=True, exit_on_error=False)
    async def poll(self) -> None:
        """One request a turn when idle: the queue on screen, asked again. Lookups that
        failed in passing are asked again too; counts only when something changed."""
        if self.service.connection.status.paused or not self._backoff.due():
            return
        if not self.started:
            if not self.starting:
                self.start(quiet=True)
            return
        view = self.view
        try:
            if failed := self.service.transient_lookup_failures():
                await self._load_lookups(failed)
            changed = await self.service.refresh(view) if view is not None else frozenset()
        except DeskproError:
            self._backoff.failed()  # quietly: the status bar says what is wrong
            return
        self._backoff.succeeded()
        if changed and view is self.view:
            self.ticket_list.changed |= changed
            self._show_rows()
            self.load_counts()

    def _tickets_changed(self, ids: frozenset[int]) -> None:
        """Tickets changed (by the agent, or read again): rows that left the queue on
        screen go at once; the helpdesk's own answer follows on the next read."""
        view = self.view
        if view is None:
            return
        if not self.is_current:
            self.stale = True  # changed from a ticket: counts and order to read again
        shown = ids & set(view.loaded_ids())
        leaving = [i for i in shown if self._leaves(view.spec, i)]
        if leaving:
            view.drop(leaving)
            self.stale = True
            self._name_queue()
            self._show_rows()
        elif ids & self.ticket_list.visible_ids():
            self.ticket_list.refresh()

    def _name_queue(self) -> None:
        """The status bar names the queue shown and its count (always visible, also when
        the sidebar is folded away)."""
        view = self.view
        if view is not None:
            count = "" if view.total is None else f" {view.total}"
            if self.words and self.ticket_list.narrowed is not None:
                count = f" {len(self.ticket_list.narrowed)} of{count or ' …'}"  # the matches
            self.query_one(StatusBar).queue = f"{view.spec.title}{count}"

    def _leaves(self, spec: QueueSpec, ticket_id: int) -> bool:
        ticket = self.service.tickets.get(ticket_id)
        return ticket is not None and spec.admits(ticket) is False

    def on_screen_resume(self) -> None:
        """Back from a ticket: the cursor on the ticket last shown, wherever it moved, and
        the helpdesk's word on what the agent changed meanwhile."""
        index = self.ticket_list.index_of(self._opened) if self._opened is not None else None
        if index is not None:
            self.ticket_list.cursor = index
        if self.stale:
            self._reload_after_change()

    def _reload_after_change(self) -> None:
        """The agent changed tickets: the helpdesk's word on the queue and its counts
        (a change refused and rolled back brings its row back)."""
        self.stale = False
        if self.view is not None and self.started:
            self.load_pages(self.view, [1])
            self.load_counts()

    # -- events -----------------------------------------------------------------------

    @on(TicketList.NeedPages)
    def _need_pages(self) -> None:
        if self.view is None:
            return
        top = int(self.ticket_list.scroll_offset.y)
        missing = self.view.missing_pages(top, top + self.ticket_list.size.height)
        if missing:
            self.load_pages(self.view, missing)

    @on(OptionList.OptionHighlighted, "#sidebar")
    def _queue_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        spec = self.query_one(QueueSidebar).specs.get(event.option.id or "")
        if spec is not None and spec != self.base:
            self.show_queue(spec)

    @on(OptionList.OptionSelected, "#sidebar")
    def _queue_selected(self) -> None:
        self.remove_class("-show-sidebar")
        self.ticket_list.focus()

    @on(TicketList.Opened)
    def _open(self, event: TicketList.Opened) -> None:
        self.stop_prefetch()  # opening asks for the thread itself (sharing one in flight)
        self._opened = event.ticket_id
        self.post_message(OpenTicket(event.ticket_id, self.neighbour))

    def neighbour(self, ticket_id: int, delta: int) -> int | None:
        """The ticket after (or before) `ticket_id` in this list; moves the cursor there,
        so coming back to the queue lands on the ticket last opened."""
        index = self.ticket_list.index_of(ticket_id)
        if index is None:  # it left the queue (assigned away, say): the rows after it moved up
            index = self.ticket_list.cursor - (1 if delta > 0 else 0)
        next_id = self.ticket_list.id_at(index + delta)
        if next_id is not None:
            self.ticket_list.cursor = index + delta
            self._opened = next_id
        return next_id

    # -- actions ----------------------------------------------------------------------

    def queue_choices(self) -> list[tuple[int, str]]:
        """Every queue by its number in the sidebar (for the palette)."""
        return [(n, spec.title) for n, spec in enumerate(self.service.queues(), 1)]

    def action_queue(self, number: int) -> None:
        """The sidebar's `number`-th queue, from anywhere on the screen."""
        sidebar = self.query_one(QueueSidebar)
        index = sidebar.index_of_choice(number)
        if index is not None:
            sidebar.highlighted = index  # its highlight shows the queue

    def action_compose(self) -> None:
        self.post_message(ComposeTicket(self.neighbour))

    def action_refresh(self) -> None:
        if not self.started:
            self.start()
            return
        if self.service.lookup_errors:
            self.retry_lookups()
        if self.view is not None:
            self.view.reset()
            self._show_rows()
            self.load_pages(self.view, [1])
        self.load_counts()

    @work(group="lookups", exclusive=True, exit_on_error=False)
    async def retry_lookups(self) -> None:
        """ctrl+r asks again for the lookups that failed, refused ones included."""
        self.service.told_unavailable.clear()  # the agent asked: say again what is missing
        await self._load_lookups(list(self.service.lookup_errors))

    def action_copy(self, link: bool) -> None:
        from tui.flows.actions import copy_ticket

        copy_ticket(self, self.service, self.ticket_list.current_id, link=link)

    def action_mark(self) -> None:
        self.ticket_list.toggle_mark()
        self.ticket_list.action_cursor(1)
        self.query_one(StatusBar).marked = len(self.ticket_list.marked)

    def _targets(self) -> list[int]:
        marked = self.ticket_list.marked
        if marked:
            return sorted(marked)
        current = self.ticket_list.current_id
        return [current] if current is not None else []

    def action_mark_all(self) -> None:
        list_ = self.ticket_list
        shown = (list_.id_at(i) for i in range(list_.row_count))
        list_.marked = {i for i in shown if i is not None}
        list_.refresh()
        self.query_one(StatusBar).marked = len(list_.marked)

    def _unmark(self) -> int:
        """Unmark every ticket; how many were marked."""
        count = len(self.ticket_list.marked)
        self.ticket_list.marked.clear()
        self.ticket_list.refresh()
        self.query_one(StatusBar).marked = 0
        return count

    @opens_screen
    @work(exclusive=True, group="assign", exit_on_error=False)
    async def action_assign(self) -> None:
        from tui.flows.actions import assign_tickets

        if await assign_tickets(self, self.service, self._targets()):
            self._unmark()
        self._reload_after_change()

    @opens_screen
    @work(exclusive=True, group="status", exit_on_error=False)
    async def action_status(self) -> None:
        from tui.flows.actions import set_status_of

        if await set_status_of(self, self.service, self._targets()):
            self._unmark()
        self._reload_after_change()

    def action_toggle_focus(self) -> None:
        sidebar = self.query_one(QueueSidebar)
        if sidebar.has_focus:
            self.remove_class("-show-sidebar")
            self.ticket_list.focus()
        else:
            self.add_class("-show-sidebar")
            sidebar.focus()

    @work(group="sort", exclusive=True, exit_on_error=False)
    async def action_sort(self) -> None:
        from tui.screens.sort import SortPicker

        if self.view is None:
            return
        choice = await self.app.push_screen_wait(SortPicker(self.view.order_by))
        if choice:
            self._reorder(choice, self.view.order_dir)

    def action_reverse(self) -> None:
        if self.view is not None:
            self._reorder(self.view.order_by, "asc" if self.view.order_dir == "desc" else "desc")

    def _reorder(self, order_by: str, order_dir: str) -> None:
        assert self.view is not None
        self.view.reorder(order_by, order_dir)
        self.query_one(ListHeader).set_order(order_by, order_dir)
        self._show_rows()
        self.load_pages(self.view, [1])
