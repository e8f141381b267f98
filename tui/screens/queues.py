"""The queues screen: queues on the left, the queue being browsed on the right
(`QueueBrowser`), the status bar below. Here: start-up, the sidebar and its counts,
background refresh, and the actions that open other screens."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from contextlib import suppress

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import OptionList
from textual.worker import WorkerCancelled, WorkerFailed

from tui.api import DeskproError
from tui.commands import bindings
from tui.commands.queues import QUEUES_COMMANDS
from tui.flows.changing import ChangesTickets
from tui.flows.failures import ReportsWorkerFailures
from tui.flows.lookups import tell_unavailable
from tui.key_order import opens_screen
from tui.messages import Arrived, ComposeTicket
from tui.startup import process
from tui.state import HelpdeskService, QueueView
from tui.state.backoff import RefreshBackoff
from tui.state.optional import STARTUP_LOOKUPS
from tui.widgets.key_footer import KeyFooter
from tui.widgets.queue_browser import QueueBrowser
from tui.widgets.queue_sidebar import QueueSidebar
from tui.widgets.status_bar import StatusBar
from tui.widgets.ticket_list import Clock

NARROW = 100  # below this width the sidebar folds away (tab shows it)
FIRST_FRAME_WAIT = 0.5  # seconds the lookups wait, at most, for the rows to be drawn


class QueuesScreen(ChangesTickets, ReportsWorkerFailures, Screen[None]):
    COMMANDS_LIST = QUEUES_COMMANDS
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
        self.starting = False
        self.started = False  # who we are is known; the first page and lookups were asked for
        self.browser = QueueBrowser(service, busy=lambda: self.starting, clock=clock, id="main")
        self._backoff = RefreshBackoff()

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"):
            yield QueueSidebar(id="sidebar")
            yield self.browser
        yield StatusBar(clock=self.clock, id="status-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        bar = self.query_one(StatusBar)
        bar.helpdesk = self.service.label
        bar.status = self.service.connection.status  # start-up's requests may be done already
        self.watch(self.browser, "marked", lambda marked: setattr(bar, "marked", len(marked)))
        self.watch(self.browser, "title", lambda title: setattr(bar, "queue", title))
        self._unsubscribe = self.service.connection.subscribe(
            lambda status: setattr(bar, "status", status)
        )
        self.start()
        # Polling also retries a start that failed, so the app recovers on its own.
        self.set_interval(self.refresh_seconds, self.poll)
        if self.service.drafts.get("compose"):
            self.notify("An unsent new ticket was kept: press c to continue it.", timeout=15)

    def on_unmount(self) -> None:
        self._unsubscribe()

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
            self.service.requests.early.close()  # from now on every read asks the server
            process.started()

    async def _start(self, quiet: bool) -> None:
        lookups = self.service.lookups
        first = lookups.queues()[0] if lookups.recall_me() else None
        if first is not None:
            self.browser.show_queue(first)
        try:
            me = await lookups.identify()
        except DeskproError as exc:
            if not quiet:
                self.app.notify(str(exc), title="Could not connect", severity="error", timeout=30)
            self.browser.not_connected(f"Not connected: {exc}. Press ctrl+r to try again.")
            return
        self.query_one(StatusBar).agent = me.label
        self.query_one(QueueSidebar).set_queues(lookups.queues())
        if first != lookups.queues()[0]:  # nothing cached, or we are someone else now
            with suppress(WorkerFailed, WorkerCancelled):  # reported by the worker itself
                await self.browser.show_queue(lookups.queues()[0]).wait()
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
        # Priorities and custom fields too: the first ticket opened then shows them at once.
        await self.service.lookups.load(STARTUP_LOOKUPS if only is None else only)
        self.query_one(QueueSidebar).set_queues(self.service.lookups.queues())
        tell_unavailable(self, self.service)

    def load_counts(self) -> None:
        self.query_one(QueueSidebar).load_counts(self.service.pages, self.service.lookups.queues())

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
        view = self.browser.view
        try:
            if failed := self.service.lookups.transient_failures():
                await self._load_lookups(failed)
            changed = await self.service.pages.refresh(view) if view is not None else frozenset()
        except DeskproError:
            self._backoff.failed()  # quietly: the status bar says what is wrong
            return
        self._backoff.succeeded()
        if changed and view is self.browser.view:
            self.browser.show_rows(changed)
            self.load_counts()
        await self._look_for_arrivals(view)

    async def _look_for_arrivals(self, refreshed: QueueView | None) -> None:
        """What arrived in "My tickets" since the last refresh: announced once, its rows
        marked new until opened. A failed look is quiet: the next refresh looks again."""
        with suppress(DeskproError):
            if arrivals := await self.service.watch.look(refreshed):
                self.post_message(Arrived(arrivals))
                self.browser.ticket_list.refresh()  # the marks
                self.load_counts()

    def on_screen_resume(self) -> None:
        """Back from a ticket: the cursor on the ticket last shown, and the helpdesk's
        word on what the agent changed meanwhile; the tickets opened no longer new."""
        self.browser.restore_cursor()
        self.browser.ticket_list.refresh()
        if self.browser.browsing.stale:
            self._reload_after_change()

    def _reload_after_change(self) -> None:
        """The agent changed tickets: the helpdesk's word on the queue and its counts
        (a change refused and rolled back brings its row back)."""
        self.browser.browsing.stale = False
        if self.started:
            self.browser.reload()
            self.load_counts()

    # -- the sidebar ------------------------------------------------------------------

    @on(OptionList.OptionHighlighted, "#sidebar")
    def _queue_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        spec = self.query_one(QueueSidebar).specs.get(event.option.id or "")
        if spec is not None and spec != self.browser.browsing.base:
            self.browser.show_queue(spec)

    @on(OptionList.OptionSelected, "#sidebar")
    def _queue_selected(self) -> None:
        self.remove_class("-show-sidebar")
        self.browser.ticket_list.focus()

    def queue_choices(self) -> list[tuple[int, str]]:
        """Every queue by its number in the sidebar (for the palette)."""
        return [(n, spec.title) for n, spec in enumerate(self.service.lookups.queues(), 1)]

    def action_queue(self, number: int) -> None:
        """The sidebar's `number`-th queue, from anywhere on the screen."""
        self.query_one(QueueSidebar).highlight_choice(number)  # its highlight shows the queue

    def action_toggle_focus(self) -> None:
        sidebar = self.query_one(QueueSidebar)
        if sidebar.has_focus:
            self.remove_class("-show-sidebar")
            self.browser.ticket_list.focus()
        else:
            self.add_class("-show-sidebar")
            sidebar.focus()

    # -- actions ----------------------------------------------------------------------

    def action_refresh(self) -> None:
        if not self.started:
            self.start()
            return
        if self.service.lookups.errors:
            self.retry_lookups()
        self.browser.reset()
        self.load_counts()

    @work(group="lookups", exclusive=True, exit_on_error=False)
    async def retry_lookups(self) -> None:
        """ctrl+r asks again for the lookups that failed, refused ones included."""
        self.service.lookups.told.clear()  # the agent asked: say again what is missing
        await self._load_lookups(list(self.service.lookups.errors))

    def action_compose(self) -> None:
        self.post_message(ComposeTicket(self.browser.neighbour))

    def action_copy(self, link: bool) -> None:
        from tui.flows.actions import copy_ticket

        copy_ticket(self, self.service, self.browser.ticket_list.current_id, link=link)

    def action_mark(self) -> None:
        self.browser.mark()

    def action_mark_all(self) -> None:
        self.browser.mark_all()

    def action_filter(self) -> None:
        self.browser.open_filter()

    def action_clear_filter(self) -> None:
        self.browser.escape(self.query_one(QueueSidebar).spec_at_cursor())

    @opens_screen
    @work(exclusive=True, group="find", exit_on_error=False)
    async def action_find(self) -> None:
        from tui.screens.find import FindScreen

        text, problem = "", ""
        while text := await self.app.push_screen_wait(FindScreen(text, problem)):
            if not (problem := await self.browser.find(text)):
                return  # else asked again, with what was typed and what was wrong

    def change_targets(self) -> list[int]:
        return self.browser.targets()

    def changed(self, done: bool) -> None:
        """The changed tickets are unmarked; the queue and counts asked for again."""
        if done:
            self.browser.unmark()
        self._reload_after_change()

    @work(group="sort", exclusive=True, exit_on_error=False)
    async def action_sort(self) -> None:
        from tui.screens.sort import SortPicker

        view = self.browser.view
        if view is not None and (
            choice := await self.app.push_screen_wait(SortPicker(view.order_by))
        ):
            self.browser.reorder(choice)

    def action_reverse(self) -> None:
        if (view := self.browser.view) is not None:
            self.browser.reorder(view.order_by, "asc" if view.order_dir == "desc" else "desc")
