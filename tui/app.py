"""DeskproApp: wires the service into the screens, global keys, palette and help."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from contextlib import suppress
from datetime import datetime
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App

from tui.commands import GLOBAL_COMMANDS, QueueCommands, ScreenCommands, bindings
from tui.config import AppPaths, ConnectionSpec, SecretStore, Settings
from tui.flows.notify import TerminalNotifier, summary, terminal_writer
from tui.key_order import KeyOrder
from tui.messages import Arrived, ComposeTicket, Neighbour, OpenTicket
from tui.startup import process
from tui.state import HelpdeskService
from tui.state.locks import HELD_KEY


def _styles() -> Path:
    """The stylesheets: inside the package once installed (setup.py copies them there), the
    top-level styles/ in a source tree or an editable install."""
    installed = Path(__file__).parent / "styles"
    return installed if installed.is_dir() else Path(__file__).parents[1] / "styles"


STYLES = _styles()

RELEASE_WAIT = 3.0  # seconds quitting waits for the ticket locks to be released

Connector = Callable[[ConnectionSpec], HelpdeskService]


class DeskproApp(App[None]):
    TITLE = "deskpro-tui"
    CSS_PATH = [
        STYLES / "app.tcss",
        STYLES / "queues.tcss",
        STYLES / "ticket.tcss",
        STYLES / "dialogs.tcss",
        STYLES / "compose.tcss",
        STYLES / "properties.tcss",
    ]
    COMMANDS = {ScreenCommands, QueueCommands}
    BINDINGS = bindings(GLOBAL_COMMANDS)
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        service: HelpdeskService | None = None,
        *,
        settings: Settings | None = None,
        paths: AppPaths | None = None,
        store: SecretStore | None = None,
        connect: Connector | None = None,
        clock: Callable[[], datetime] | None = None,
        warnings: list[str] | None = None,
        secrets: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.settings = settings or Settings()
        self.paths = paths
        self.store = store
        self.connector = connect
        self.clock = clock
        self.startup_warnings = list(warnings or []) + self.settings.warnings
        # Strings a crash report must not contain (the API key and its code part).
        self.secrets = list(secrets or [])
        self.crash_report: Path | None = None
        self.key_order = KeyOrder(self, self._deliver)  # keys in order, as if typed slowly
        self.notifier = TerminalNotifier(self.settings.notify, terminal_writer(self))

    @property
    def refresh_seconds(self) -> int:
        return self.settings.refresh_seconds

    @property
    def max_attachment_bytes(self) -> int:
        return self.settings.max_attachment_mb * 1024 * 1024

    def on_mount(self) -> None:
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
        for warning in self.startup_warnings:
            self.notify(warning, severity="warning", timeout=20)
        if self.service is not None:
            self.show_queues(self.service)
        else:
            from tui.screens.connect import ConnectScreen

            self.push_screen(ConnectScreen(), self._connected)
            process.started()

    def _connected(self, service: HelpdeskService | None) -> None:
        if service is None:
            self.exit()
            return
        self.service = service
        self.show_queues(service)

    def show_queues(self, service: HelpdeskService) -> None:
        from tui.screens.queues import QueuesScreen

        service.start_early()  # the answers travel while the screen is built (if not yet)
        screen = QueuesScreen(service, clock=self.clock, refresh_seconds=self.refresh_seconds)
        self.push_screen(screen)
        if service.drafts.exists(HELD_KEY):  # the app ended holding locks (a crash?)
            self.run_worker(service.locks.release_left_over(), group="locks", exit_on_error=False)

    def on_open_ticket(self, message: OpenTicket) -> None:
        self.open_ticket(message.ticket_id, message.neighbour)

    def on_arrived(self, message: Arrived) -> None:
        """The bell and a desktop notification as `notify` says, and a toast, for all
        that arrived at one refresh; nothing at all with `notify = "off"`."""
        if message.arrivals and self.notifier.mode != "off":
            self.notifier.announce(message.arrivals)
            self.notify(summary(message.arrivals), title="My tickets", timeout=10)

    def on_compose_ticket(self, message: ComposeTicket) -> None:
        self.open_compose(message.neighbour)

    def open_ticket(self, ticket_id: int, neighbour: Neighbour | None = None) -> None:
        from tui.screens.ticket import TicketScreen

        assert self.service is not None
        self.push_screen(TicketScreen(self.service, ticket_id, neighbour, clock=self.clock))

    def open_compose(self, neighbour: Neighbour | None = None) -> None:
        """A new ticket; once sent it opens, with `neighbour` giving J/K their tickets as
        when opened from the list."""
        from tui.screens.compose import ComposeScreen

        assert self.service is not None
        max_bytes = self.max_attachment_bytes

        def sent(ticket_id: int | None) -> None:
            if ticket_id is not None:
                self.open_ticket(ticket_id, neighbour)

        self.push_screen(ComposeScreen(self.service, max_bytes=max_bytes), sent)

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, events.Key | events.Paste) and not event.is_forwarded:
            await self.key_order.take(event)  # from the terminal: one at a time, in order
            return
        await super().on_event(event)

    async def _deliver(self, event: events.Event) -> None:
        await super().on_event(event)

    def push_screen(self, *args: Any, **kwargs: Any) -> Any:
        result = super().push_screen(*args, **kwargs)
        self.key_order.pushed()
        return result

    def action_help(self) -> None:
        from tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen, self.settings.keymap))

    def _handle_exception(self, error: Exception) -> None:
        # Textual's hook for an unhandled exception (it then exits the app): write the report
        # first, so `run_app` can say where it is once the terminal is restored.
        if self.crash_report is None:
            from tui.crash import try_write_crash_report

            self.crash_report = try_write_crash_report(error, self.paths, self.secrets)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        if self.crash_report is None:
            super()._fatal_error()
            return
        # The report has the traceback; Textual's own prints local variables, the key among
        # them, to the terminal (and so to scrollback and screen recordings).
        self.bell()
        self._close_messages_no_wait()

    async def on_unmount(self) -> None:
        if self.service is not None:
            # Quitting, however: the locks go first (a slow helpdesk may not keep us long;
            # what is not released is, at the next start).
            with suppress(TimeoutError):
                await asyncio.wait_for(self.service.locks.release_all(), RELEASE_WAIT)
            await self.service.client.aclose()
