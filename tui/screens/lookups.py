"""What the pickers list (agents, departments), and waiting for it when a picker opens
before start-up has fetched it."""

from __future__ import annotations

from rich.text import Text
from textual.screen import Screen

from tui.api import DeskproError
from tui.state import HelpdeskService
from tui.text import safe


async def lookups_ready(screen: Screen[object], service: HelpdeskService) -> bool:
    """Agents, statuses and departments: loaded at start just after the first rows; a
    picker opened before then waits for them here. False (and says why) if they failed."""
    try:
        await service.ensure_lookups()
    except DeskproError as exc:
        screen.notify(str(exc), title="Could not load agents and statuses", severity="error")
        return False
    return True


def department_options(service: HelpdeskService) -> list[tuple[Text, int]]:
    departments = sorted(
        (d for d in service.departments.values() if d.is_tickets_enabled),
        key=lambda d: (d.display_order, d.title.casefold()),
    )
    return [(Text(safe(d.title or d.user_title or f"#{d.id}")), d.id) for d in departments]


def agent_options(service: HelpdeskService) -> list[tuple[Text, int]]:
    return [(Text(safe(a.label)), a.id) for a in service.agents if not a.is_disabled]
