"""The queues screen fetches the conversation of the ticket its cursor rests on, so `enter`
then opens it with no round trip."""

from __future__ import annotations

import logging
from collections.abc import Callable

from textual.timer import Timer
from textual.widget import Widget

from tui.api import DeskproError
from tui.state import HelpdeskService

REST_SECONDS = 0.3  # how long the cursor stays on a row before its thread is fetched
QUIET_STATES = ("offline", "retrying", "rate_limited")  # no requests of ours then

log = logging.getLogger("tui")


class ConversationPrefetch:
    """Owned by a widget: its timers and its worker (group "prefetch") end with it."""

    def __init__(self, host: Widget, service: HelpdeskService, busy: Callable[[], bool]) -> None:
        self._host = host
        self._service = service
        self._busy = busy  # start-up's own requests go first
        self._timer: Timer | None = None
        self._wanted: int | None = None  # the rested-on ticket the worker is to fetch
        self._running = False

    def rest_on(self, ticket_id: int | None) -> None:
        """The cursor moved to `ticket_id`. Holding `j` moves it every few ms: each move
        restarts the wait, so only the row it stops on is fetched."""
        self.stop()
        if ticket_id is not None and self._host.screen.is_current:
            self._timer = self._host.set_timer(REST_SECONDS, lambda: self._rested(ticket_id))

    def stop(self) -> None:
        """Forget the ticket waited on (the cursor moved, or the ticket is being opened)."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._wanted = None

    def _rested(self, ticket_id: int) -> None:
        self._timer = None
        if self._busy():  # ask again once start-up is done
            self._timer = self._host.set_timer(REST_SECONDS, lambda: self._rested(ticket_id))
            return
        if not self._host.screen.is_current or not self.worth_it(ticket_id):
            return
        self._wanted = ticket_id
        if not self._running:
            # The function, not a coroutine: a worker that never starts (the app closing)
            # leaves no coroutine unawaited.
            self._host.run_worker(
                self._fetch, group="prefetch", exclusive=True, exit_on_error=False
            )

    def worth_it(self, ticket_id: int) -> bool:
        """Not while rate-limited, retrying or offline, nor when a fresh copy is at hand."""
        status = self._service.connection.status
        if status.paused or status.state in QUIET_STATES:
            return False  # never add to a limit, nor load a failing helpdesk
        ticket = self._service.tickets.get(ticket_id)
        return not self._service.threads.prefetched.holds(ticket_id, ticket)

    async def _fetch(self) -> None:
        """One request wave at a time: a cursor that moved on while a thread was being
        fetched gets its own fetched next, rather than a second wave alongside."""
        self._running = True
        try:
            while (ticket_id := self._wanted) is not None:
                self._wanted = None
                if self.worth_it(ticket_id):
                    await self._quietly(ticket_id)
        finally:
            self._running = False

    async def _quietly(self, ticket_id: int) -> None:
        # Nobody asked for it, so a failure tells nobody: opening the ticket asks again
        # and says what went wrong then.
        try:
            await self._service.threads.prefetch(ticket_id)
        except DeskproError:
            pass
        except Exception:  # a bug, not the helpdesk: for the log, still not a notice
            log.warning("Prefetching ticket %s failed", ticket_id, exc_info=True)
