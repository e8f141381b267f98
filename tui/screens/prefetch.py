"""The queues screen fetches the conversation of the ticket its cursor rests on, so `enter`
then opens it with no round trip. Mixed into `QueuesScreen`."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from textual import work
from textual.timer import Timer

from tui.api import DeskproError
from tui.state import HelpdeskService
from tui.widgets.ticket_list import TicketList

if TYPE_CHECKING:
    from textual.screen import Screen

    _Base = Screen[None]
else:
    _Base = object

REST_SECONDS = 0.3  # how long the cursor stays on a row before its thread is fetched
QUIET_STATES = ("offline", "retrying", "rate_limited")  # no requests of ours then

log = logging.getLogger("tui")


class PrefetchesConversation(_Base):
    service: HelpdeskService
    starting: bool
    _rest_timer: Timer | None = None
    _wanted: int | None = None  # the rested-on ticket the prefetch worker is to fetch
    _prefetching = False

    def on_ticket_list_highlighted(self, event: TicketList.Highlighted) -> None:
        # Holding `j` moves the cursor every few ms: each move restarts the wait, so only
        # the row it stops on is fetched.
        self.stop_prefetch()
        ticket_id = event.ticket_id
        if ticket_id is not None and self.is_current:
            self._rest_timer = self.set_timer(REST_SECONDS, lambda: self._rested(ticket_id))

    def stop_prefetch(self) -> None:
        """Forget the ticket waited on (the cursor moved, or the ticket is being opened)."""
        if self._rest_timer is not None:
            self._rest_timer.stop()
            self._rest_timer = None
        self._wanted = None

    def _rested(self, ticket_id: int) -> None:
        self._rest_timer = None
        if self.starting:  # start-up's own requests first; ask again when they are done
            self._rest_timer = self.set_timer(REST_SECONDS, lambda: self._rested(ticket_id))
            return
        if not self.is_current or not self.worth_prefetching(ticket_id):
            return
        self._wanted = ticket_id
        if not self._prefetching:
            self.prefetch_conversations()

    def worth_prefetching(self, ticket_id: int) -> bool:
        """Not while rate-limited, retrying or offline, nor when a fresh copy is at hand."""
        status = self.service.connection.status
        if status.paused or status.state in QUIET_STATES:
            return False  # never add to a limit, nor load a failing helpdesk
        ticket = self.service.tickets.get(ticket_id)
        return not self.service.prefetched.holds(ticket_id, ticket)

    @work(exclusive=True, group="prefetch", exit_on_error=False)
    async def prefetch_conversations(self) -> None:
        """One request wave at a time: a cursor that moved on while a thread was being
        fetched gets its own fetched next, rather than a second wave alongside."""
        self._prefetching = True
        try:
            while (ticket_id := self._wanted) is not None:
                self._wanted = None
                if self.worth_prefetching(ticket_id):
                    await self._prefetch_quietly(ticket_id)
        finally:
            self._prefetching = False

    async def _prefetch_quietly(self, ticket_id: int) -> None:
        # Nobody asked for it, so a failure tells nobody: opening the ticket asks again
        # and says what went wrong then.
        try:
            await self.service.prefetch(ticket_id)
        except DeskproError:
            pass
        except Exception:  # a bug, not the helpdesk: for the log, still not a notice
            log.warning("Prefetching ticket %s failed", ticket_id, exc_info=True)
