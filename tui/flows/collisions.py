"""Before answering: who else is on the ticket. The header names the people copied and the
agent holding the ticket's lock; `r` and `n` read the ticket afresh and, when another
agent is answering it, ask before going on."""

from __future__ import annotations

import asyncio
from datetime import datetime

from textual.screen import Screen

from tui.api import DeskproError, Ticket
from tui.state import HelpdeskService
from tui.state.locks import Holder, lock_holder
from tui.text import long_time


def person_name(service: HelpdeskService, person_id: int) -> str:
    person = service.people.get(person_id)
    return person.label if person is not None else f"person #{person_id}"


def holder_of(service: HelpdeskService, ticket: Ticket) -> Holder | None:
    me = service.lookups.me
    return lock_holder(ticket, me.id if me else None)


def _answering(service: HelpdeskService, holder: Holder, now: datetime) -> str:
    since = f" since {long_time(holder.since, now)}" if holder.since else ""
    return f"{person_name(service, holder.agent)} is answering it{since}"


def collision_lines(
    service: HelpdeskService, ticket: Ticket, now: datetime
) -> list[tuple[str, str]]:
    """The header's lines for the people copied and another agent's lock."""
    lines = []
    if ticket.cc:
        lines.append(("CC", ", ".join(person_name(service, i) for i in ticket.cc)))
    if (holder := holder_of(service, ticket)) is not None:
        lines.append(("Locked", _answering(service, holder, now)))
    return lines


async def load_copied(service: HelpdeskService, people: list[int]) -> bool:
    """Read people copied (so they show by name); whether any could be read."""
    found = await asyncio.gather(*(service.threads.person(i) for i in people))
    return any(person is not None for person in found)


async def may_answer(
    screen: Screen[object], service: HelpdeskService, ticket_id: int, now: datetime, note: bool
) -> Ticket | None:
    """The ticket, read afresh, when the agent may go on answering it; None when another
    agent holds its lock and the agent chose not to. Unreadable, the ticket as last read
    goes on (a lock is a courtesy, not a gate)."""
    from tui.screens.confirm import ConfirmScreen

    try:
        ticket = await service.threads.ticket(ticket_id)
    except DeskproError:
        ticket = service.tickets.get(ticket_id)
    if ticket is None or (holder := holder_of(service, ticket)) is None:
        return ticket
    question = (
        f"{_answering(service, holder, now)} (the ticket is locked): your "
        f"{'note' if note else 'reply'} may cross theirs. "
        f"{'Add a note' if note else 'Reply'} anyway?"
    )
    return ticket if await screen.app.push_screen_wait(ConfirmScreen(question)) else None
