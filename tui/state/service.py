"""`HelpdeskService`: the one way the UI reads and changes helpdesk data.

It owns the normalised stores (tickets, people, departments), fills them from the API,
applies changes optimistically (rolling back when the server refuses), coalesces
identical concurrent requests, and keeps the connection state for the status bar. Split in
three files by purpose: `service_core` (stores, requests, writes that must not happen
twice), `service_queues` (start-up and queue pages), and this one.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
from typing import Any

from tui.api import (
    Attachment,
    DeskproError,
    Message,
    Person,
    Ticket,
)
from tui.state.pending import PendingWrite, StatusNotSetError, may_have_been_saved
from tui.state.service_queues import QueueReads

log = logging.getLogger("tui.state")


class HelpdeskService(QueueReads):
    """Start-up, lookups and queue pages come from `QueueReads`, requests and write
    safety from `ServiceCore`; here: one ticket's thread, and changes."""

    # -- one ticket -------------------------------------------------------------------

    async def ticket(self, ticket_id: int) -> Ticket:
        ticket = await self._once(("ticket", ticket_id), lambda: self.client.get_ticket(ticket_id))
        self.tickets.put(ticket)
        return ticket

    def cached_messages(self, ticket_id: int) -> list[Message] | None:
        return self._messages.get(ticket_id)

    def forget_thread(self, ticket_id: int) -> None:
        """Drop the cached conversation so the next read asks the server."""
        self._messages.pop(ticket_id, None)

    async def messages(self, ticket_id: int) -> list[Message]:
        messages = await self._once(
            ("messages", ticket_id), lambda: self.client.list_messages(ticket_id)
        )
        self._messages[ticket_id] = messages
        if any(m.is_agent_note for m in messages):
            self.noted.add(ticket_id)
        missing = {m.person for m in messages if m.person and m.person not in self.people}
        await asyncio.gather(*(self.person(person_id) for person_id in missing))
        return messages

    async def attachments(self, ticket_id: int) -> list[Attachment]:
        return await self._once(
            ("attachments", ticket_id), lambda: self.client.list_attachments(ticket_id)
        )

    async def prefetch(self, ticket_id: int) -> None:
        """Fetch what opening a ticket shows (messages and attachments, one round trip)
        before it is opened; `prefetched.take` then hands it over with no request."""
        ticket = self.tickets.get(ticket_id)  # as it is now: a later change makes it stale
        _messages, attachments = await asyncio.gather(
            self.messages(ticket_id), self.attachments(ticket_id)
        )
        self.prefetched.put(ticket_id, ticket, attachments)

    async def person(self, person_id: int) -> Person | None:
        try:
            person = await self._once(
                ("person", person_id), lambda: self.client.get_person(person_id)
            )
        except DeskproError:
            return None  # a deleted author shows as an id rather than failing the thread
        self.people.put(person)
        return person

    # -- changes ----------------------------------------------------------------------

    async def update(self, ticket_id: int, **changes: Any) -> None:
        """Change a ticket: shown everywhere at once, rolled back if the server refuses.
        When the answer was lost, the ticket is read again and the server's word stands."""
        undo = self.tickets.patch(ticket_id, **changes)
        try:
            await self._call(lambda: self.client.update_ticket(ticket_id, **changes))
        except DeskproError as exc:
            if not may_have_been_saved(exc):
                self.tickets.restore(undo)
                raise
            truth = await self._read_back(ticket_id)
            if truth is None:
                self.tickets.restore(undo)  # still unknown: show what we knew; the error
                raise  # says it may have been saved
            self.tickets.put(truth)  # the server's version, whatever it says
            if not self._shows(truth, changes):
                raise

    async def _read_back(self, ticket_id: int) -> Ticket | None:
        try:
            return await self._call(lambda: self.client.get_ticket(ticket_id))
        except DeskproError:
            return None

    @staticmethod
    def _shows(ticket: Ticket, changes: dict[str, Any]) -> bool:
        """Whether the ticket already carries `changes` (so a lost answer was a success)."""
        # An unassigned ticket reads back as agent None; `agent=0` also means unassign.
        wanted = {k: (None if k == "agent" and not v else v) for k, v in changes.items()}
        return all(getattr(ticket, k, object()) == v for k, v in wanted.items())

    async def assign(self, ticket_id: int, agent_id: int | None) -> None:
        await self.update(ticket_id, agent=agent_id)

    async def set_status(self, ticket_id: int, status: str) -> None:
        await self.update(ticket_id, status=status)

    async def update_many(self, ticket_ids: list[int], **changes: Any) -> dict[int, DeskproError]:
        """Apply one change to several tickets, one at a time (gentle on rate limits);
        a failure is recorded and the rest still go ahead."""
        failures: dict[int, DeskproError] = {}
        for ticket_id in ticket_ids:
            try:
                await self.update(ticket_id, **changes)
            except DeskproError as exc:
                failures[ticket_id] = exc
        return failures

    async def send_message(
        self,
        ticket_id: int,
        html: str,
        *,
        note: bool,
        status: str | None = None,
        pending: PendingWrite | None = None,
    ) -> Message:
        """Post a reply or note, then set `status` if asked (after the server's own
        reply transition, so the agent's choice wins). Refreshes ticket and thread.

        Give the composer's `pending` to make sending again safe: after an answer was
        lost, the thread is read first and a message already saved is not posted twice."""
        pending = pending or PendingWrite()
        pending.begin(m.id for m in self._messages.get(ticket_id, []))
        message = await self.write_once(
            pending,
            lambda: self.client.add_message(ticket_id, html, note=note),
            lambda: self._find_message(ticket_id, html, note, pending),
        )
        thread = self._messages.setdefault(ticket_id, [])
        if all(m.id != message.id for m in thread):
            thread.append(message)
        if note:
            self.noted.add(ticket_id)
        if status:
            try:
                await self.update(ticket_id, status=status)
            except DeskproError as exc:
                raise StatusNotSetError(
                    f"The message was sent, but the status was not set: {exc}"
                ) from exc
        await self._read_quietly(self.ticket(ticket_id))
        return message

    async def _read_quietly(self, read: Awaitable[object]) -> None:
        """A read that follows a confirmed write: its failure changes nothing of the write
        (the 201 said it was made), so it must not reach a composer as "not sent"."""
        try:
            await read
        except DeskproError as exc:
            log.info("Refreshing after a write failed: %s", exc)

    async def _find_message(
        self, ticket_id: int, html: str, note: bool, pending: PendingWrite
    ) -> Message | None:
        """Our message with this very text, posted since the first attempt, if any."""
        messages = await self._call(lambda: self.client.list_messages(ticket_id))
        self._messages[ticket_id] = messages
        me = self.me.id if self.me else None
        return next(
            (
                m
                for m in reversed(messages)
                if m.id not in pending.known_ids
                and m.is_agent_note == note
                and (me is None or m.person == me)
                and " ".join(m.message.split()) == " ".join(html.split())
                and pending.made_since(m.date_created)
            ),
            None,
        )
