"""One ticket as the ticket screen shows it: its record, its conversation (the one copy of
each thread, kept here), its attachments, the authors, and what was fetched before the
ticket was opened."""

from __future__ import annotations

import asyncio

from tui.api import Attachment, DeskproError, Message, Person, Ticket
from tui.state.entities import Stores
from tui.state.prefetch import PrefetchedThreads
from tui.state.requests import Requests


class Threads:
    def __init__(self, requests: Requests, stores: Stores) -> None:
        self._requests = requests
        self._client = requests.client
        self._tickets = stores.tickets
        self._people = stores.people
        self._messages: dict[int, list[Message]] = {}
        self.noted: set[int] = set()  # tickets whose thread we have seen holds a note
        self.prefetched = PrefetchedThreads()  # threads fetched before they were opened

    async def ticket(self, ticket_id: int | str) -> Ticket:
        """A ticket by id, or by reference (`"SDST-1043-XQ"`), read again."""
        ticket = await self._requests.once(
            ("ticket", ticket_id), lambda: self._client.get_ticket(ticket_id)
        )
        self._tickets.put(ticket)
        return ticket

    def cached(self, ticket_id: int) -> list[Message] | None:
        """The thread as last read (or written), without asking the server."""
        return self._messages.get(ticket_id)

    def forget(self, ticket_id: int) -> None:
        """Drop the cached conversation so the next read asks the server."""
        self._messages.pop(ticket_id, None)

    async def messages(self, ticket_id: int) -> list[Message]:
        messages = await self._requests.once(
            ("messages", ticket_id), lambda: self._client.list_messages(ticket_id)
        )
        self.keep(ticket_id, messages)
        missing = {m.person for m in messages if m.person and m.person not in self._people}
        await asyncio.gather(*(self.person(person_id) for person_id in missing))
        return messages

    def keep(self, ticket_id: int, messages: list[Message]) -> None:
        """The thread as the server just gave it."""
        self._messages[ticket_id] = messages
        if any(m.is_agent_note for m in messages):
            self.noted.add(ticket_id)

    def add(self, ticket_id: int, message: Message, *, note: bool) -> None:
        """A reply or note we posted, unless the thread already holds it."""
        thread = self._messages.setdefault(ticket_id, [])
        if all(m.id != message.id for m in thread):
            thread.append(message)
        if note:
            self.noted.add(ticket_id)

    async def attachments(self, ticket_id: int) -> list[Attachment]:
        return await self._requests.once(
            ("attachments", ticket_id), lambda: self._client.list_attachments(ticket_id)
        )

    async def prefetch(self, ticket_id: int) -> None:
        """Fetch what opening a ticket shows (messages and attachments, one round trip)
        before it is opened; `prefetched.take` then hands it over with no request."""
        ticket = self._tickets.get(ticket_id)  # as it is now: a later change makes it stale
        _messages, attachments = await asyncio.gather(
            self.messages(ticket_id), self.attachments(ticket_id)
        )
        self.prefetched.put(ticket_id, ticket, attachments)

    async def person(self, person_id: int) -> Person | None:
        try:
            person = await self._requests.once(
                ("person", person_id), lambda: self._client.get_person(person_id)
            )
        except DeskproError:
            return None  # a deleted author shows as an id rather than failing the thread
        self._people.put(person)
        return person
