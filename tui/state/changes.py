"""Changes to tickets: a status, agent or any property shown everywhere at once and rolled
back if the server refuses; replies and notes posted once even when an answer is lost."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from tui.api import AttachmentSpec, DeskproError, Message, Ticket
from tui.state.arrivals import Arrivals
from tui.state.entities import Stores
from tui.state.lookups import Lookups
from tui.state.pending import PendingWrite, StatusNotSetError, may_have_been_saved
from tui.state.properties import carries, store_patch
from tui.state.requests import Requests
from tui.state.threads import Threads


class Changes:
    def __init__(
        self,
        requests: Requests,
        stores: Stores,
        threads: Threads,
        lookups: Lookups,
        arrivals: Arrivals,
    ) -> None:
        self._requests = requests
        self._client = requests.client
        self._tickets = stores.tickets
        self._threads = threads
        self._lookups = lookups
        self._arrivals = arrivals

    async def update(self, ticket_id: int, **changes: Any) -> None:
        """Change a ticket: shown everywhere at once, rolled back if the server refuses.
        When the answer was lost, the ticket is read again and the server's word stands."""
        if self._lookups.me is not None and changes.get("agent") == self._lookups.me.id:
            self._arrivals.expect(ticket_id)  # taking it is no news to announce
        current = self._tickets.get(ticket_id)
        undo = self._tickets.patch(ticket_id, **(store_patch(current, changes) if current else {}))
        try:
            await self._requests.call(lambda: self._client.update_ticket(ticket_id, **changes))
        except DeskproError as exc:
            if not may_have_been_saved(exc):
                self._tickets.restore(undo)
                raise
            truth = await self._read_back(ticket_id)
            if truth is None:
                self._tickets.restore(undo)  # still unknown: show what we knew; the error
                raise  # says it may have been saved
            self._tickets.put(truth)  # the server's version, whatever it says
            if not carries(truth, changes):
                raise

    async def _read_back(self, ticket_id: int) -> Ticket | None:
        try:
            return await self._requests.call(lambda: self._client.get_ticket(ticket_id))
        except DeskproError:
            return None

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
        attachments: Sequence[AttachmentSpec] = (),
    ) -> Message:
        """Post a reply or note (with `attachments`, uploaded blobs), then set `status` if
        asked (after the server's own reply transition, so the agent's choice wins).
        Refreshes ticket and thread.

        Give the composer's `pending` to make sending again safe: after an answer was
        lost, the thread is read first and a message already saved is not posted twice."""
        pending = pending or PendingWrite()
        pending.begin(m.id for m in self._threads.cached(ticket_id) or [])
        message = await self._requests.write_once(
            pending,
            lambda: self._client.add_message(ticket_id, html, note=note, attachments=attachments),
            lambda: self._find_message(ticket_id, html, note, pending),
        )
        self._threads.add(ticket_id, message, note=note)
        if status:
            try:
                await self.update(ticket_id, status=status)
            except DeskproError as exc:
                raise StatusNotSetError(
                    f"The message was sent, but the status was not set: {exc}"
                ) from exc
        await self._requests.after_write(self._threads.ticket(ticket_id))
        return message

    async def _find_message(
        self, ticket_id: int, html: str, note: bool, pending: PendingWrite
    ) -> Message | None:
        """Our message with this very text, posted since the first attempt, if any."""
        messages = await self._requests.call(lambda: self._client.list_messages(ticket_id))
        self._threads.keep(ticket_id, messages)
        me = self._lookups.me.id if self._lookups.me else None
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
