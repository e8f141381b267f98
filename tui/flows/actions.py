"""Assign, status and property changes, for one ticket or many: shared by the list and
detail screens.

Each asks with a picker, confirms when several tickets are involved, applies the change
through the service (optimistic, rolled back on refusal) and reports every failure.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from textual.screen import Screen

from tui.api import DeskproError
from tui.flows.lookups import lookups_ready
from tui.screens.assign import AssignScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.status import StatusPicker
from tui.state import HelpdeskService

PROPERTY_NEEDS = ("departments", "teams", "priorities", "fields", "labels")


# A change of tickets a screen offers: True when at least one ticket changed.
TicketsChange = Callable[[Screen[object], HelpdeskService, list[int]], Awaitable[bool]]


def _sentence(text: str) -> str:
    """`text` with a capital first letter, the rest as written (names keep theirs)."""
    return text[:1].upper() + text[1:]


def _refusal(error: DeskproError) -> bool:
    """The helpdesk said no (4xx), rather than failed to answer (5xx, the network)."""
    return error.status is not None and 400 <= error.status < 500


def _what(ticket_ids: list[int]) -> str:
    return f"#{ticket_ids[0]}" if len(ticket_ids) == 1 else f"{len(ticket_ids)} tickets"


async def _apply(
    screen: Screen[object],
    service: HelpdeskService,
    ticket_ids: list[int],
    done: str,
    **changes: object,
) -> bool:
    if len(ticket_ids) > 1 and not await screen.app.push_screen_wait(
        ConfirmScreen(f"{_sentence(done)}: {len(ticket_ids)} tickets?")
    ):
        return False
    failures = await service.changes.update_many(ticket_ids, **changes)
    if not failures:
        screen.notify(f"{_what(ticket_ids)}: {done}.")
        return True
    lines = [f"#{tid}: {exc}" for tid, exc in failures.items()]
    ok = len(ticket_ids) - len(failures)
    if len(lines) > 5:
        lines = [*lines[:5], f"… and {len(lines) - 5} more"]
    refused = all(_refusal(exc) for exc in failures.values())
    screen.notify(
        "\n".join(lines),
        title=f"{ok} of {len(ticket_ids)} changed; these {'were refused' if refused else 'failed'}",
        severity="error",
        timeout=30,
    )
    return ok > 0


async def assign_tickets(
    screen: Screen[object], service: HelpdeskService, ticket_ids: list[int]
) -> bool:
    """Ask whom to assign to, then assign. True when at least one ticket changed."""
    if not ticket_ids or not await lookups_ready(
        screen, service, needs=("agents",), wants=("teams",)
    ):
        return False
    choice = await screen.app.push_screen_wait(
        AssignScreen(
            service.lookups.agents,
            service.lookups.me,
            service.lookups.team_names,
            title=f"Assign {_what(ticket_ids)} to",
        )
    )
    if choice is None:
        return False
    return await _apply(
        screen, service, ticket_ids, f"assigned to {choice.label}", agent=choice.agent_id
    )


async def set_status_of(
    screen: Screen[object], service: HelpdeskService, ticket_ids: list[int]
) -> bool:
    if not ticket_ids or not await lookups_ready(screen, service, wants=("statuses",)):
        return False
    current = service.tickets.get(ticket_ids[0])
    status = await screen.app.push_screen_wait(
        StatusPicker(
            service.lookups.status_choices(),
            current.status if current and len(ticket_ids) == 1 else None,
            title=f"Set the status of {_what(ticket_ids)}",
        )
    )
    if not status:
        return False
    return await _apply(
        screen, service, ticket_ids, f"status set to {status.replace('_', ' ')}", status=status
    )


async def edit_properties(
    screen: Screen[object], service: HelpdeskService, ticket_ids: list[int]
) -> bool:
    """The properties form for the tickets; it sends what changed itself, so the
    helpdesk's field errors show beside their fields."""
    from tui.screens.properties import PropertiesScreen

    if not ticket_ids:
        return False
    await lookups_ready(screen, service, wants=PROPERTY_NEEDS)
    return bool(await screen.app.push_screen_wait(PropertiesScreen(service, ticket_ids)))


def ticket_link(service: HelpdeskService, ticket_id: int) -> str:
    """The ticket in Deskpro's agent interface (what a colleague would click)."""
    return f"{service.helpdesk_url}app#/t/ticket/{ticket_id}"


def copy_ticket(
    screen: Screen[object], service: HelpdeskService, ticket_id: int | None, *, link: bool
) -> None:
    """Copy the ticket's link or reference with the terminal's clipboard escape (OSC 52),
    which reaches the agent's own machine even over SSH."""
    ticket = service.tickets.get(ticket_id)
    if ticket is None:
        screen.notify("No ticket to copy.")
        return
    text = ticket_link(service, ticket.id) if link else (ticket.ref or f"#{ticket.id}")
    screen.app.copy_to_clipboard(text)
    screen.notify(f"Copied {text}")
