"""Ticket locks: the sign other agents see while one is answering a ticket.

The composer takes the ticket's lock when it opens and releases it when it sends or
closes; quitting releases every lock still held. The locks held are written down (beside
the drafts), so after a crash or a lost connection the next start releases them; Deskpro's
own locks expire besides. A lock is a courtesy, never a gate: a helpdesk that refuses or
lacks the lock endpoint is asked no more, and replying works as before.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from tui.api import DeskproError, NotFoundError, Ticket
from tui.state.drafts import DraftStore
from tui.state.entities import EntityStore
from tui.state.optional import Part, is_lasting
from tui.state.requests import Requests

log = logging.getLogger("tui.state")
HELD_KEY = "locks-held"  # in the draft store: {"helpdesk": url, "tickets": [ids]}
LOCKS = Part(
    "the ticket's lock",
    "/api/v2/tickets/{id}/actions/lock",
    "you can reply as usual, but other agents are not warned that you are answering",
    method="PUT",
    verb="take",
)


@dataclass(frozen=True)
class Holder:
    """Another agent answering a ticket: who (an agent id) and since when."""

    agent: int
    since: datetime | None


def lock_holder(ticket: Ticket, me: int | None) -> Holder | None:
    """Who else holds `ticket`'s lock, as the helpdesk last said (it drops expired ones)."""
    agent = ticket.locked_by_agent
    if agent is None or agent == me:
        return None
    return Holder(agent, ticket.date_locked)


class Locks:
    def __init__(
        self,
        requests: Requests,
        tickets: EntityStore[Ticket],
        drafts: DraftStore,
        helpdesk: str,
    ) -> None:
        self._requests = requests
        self._client = requests.client
        self._tickets = tickets
        self._drafts = drafts
        self._helpdesk = helpdesk
        self.held: set[int] = set()
        self._left: set[int] = set()  # held when the app last ended, or not released since
        self.unavailable: DeskproError | None = None  # refused or missing: not asked again

    async def take(self, ticket_id: int, me: int | None) -> DeskproError | None:
        """Lock the ticket for `me`; the error when it could not be (replying goes on)."""
        if self.unavailable is not None:
            return None  # said once already
        try:
            await self._requests.call(lambda: self._client.lock_ticket(ticket_id))
        except DeskproError as exc:
            if is_lasting(exc):
                self.unavailable = exc
            return exc
        self.held.add(ticket_id)
        self._write_down()
        if self._tickets.get(ticket_id) is not None:
            self._tickets.patch(ticket_id, locked_by_agent=me)
        return None

    async def release(self, ticket_id: int) -> None:
        """Unlock a ticket this app locked; one that cannot be is released next start."""
        if ticket_id not in self.held:
            return
        self.held.discard(ticket_id)
        if not await self._unlock(ticket_id):
            self._left.add(ticket_id)
        elif (ticket := self._tickets.get(ticket_id)) is not None and ticket.locked_by_agent:
            self._tickets.patch(ticket_id, locked_by_agent=None, date_locked=None)
        self._write_down()

    async def release_all(self) -> None:
        """Every lock still held (the app is quitting)."""
        for ticket_id in sorted(self.held):
            await self.release(ticket_id)

    async def release_left_over(self) -> None:
        """Locks the app held when it last ended (a crash, a lost connection): released."""
        record = self._drafts.get(HELD_KEY) or {}
        if record.get("helpdesk") != self._helpdesk:
            return
        left = {t for t in record.get("tickets", []) if isinstance(t, int)} - self.held
        self._left = {t for t in left if not await self._unlock(t)}
        self._write_down()

    async def _unlock(self, ticket_id: int) -> bool:
        """Whether the lock is gone (a ticket deleted since counts as gone)."""
        try:
            await self._requests.call(lambda: self._client.unlock_ticket(ticket_id))
        except NotFoundError:
            return True
        except DeskproError as exc:
            log.info("Could not unlock ticket %s: %s", ticket_id, exc)
            return is_lasting(exc)  # a refusal will not change: do not try every start
        return True

    def _write_down(self) -> None:
        tickets = sorted(self.held | self._left)
        if tickets:
            self._drafts.save(HELD_KEY, {"helpdesk": self._helpdesk, "tickets": tickets})
        else:
            self._drafts.discard(HELD_KEY)
