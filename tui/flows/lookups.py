"""What the pickers list (agents, departments), waiting for it when a picker opens before
start-up fetched it, and saying what is unavailable."""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual.screen import Screen

from tui.api import DeskproError
from tui.state import HelpdeskService
from tui.state.optional import PARTS, Part, is_lasting, unavailable_notice
from tui.text import safe


async def lookups_ready(
    screen: Screen[object],
    service: HelpdeskService,
    needs: Collection[str] = (),
    wants: Collection[str] = (),
) -> bool:
    """Load the lookups a picker `needs` (it cannot work without them) and `wants` (it
    works without them, less well), unless already loaded. A lookup the helpdesk refused
    or lacks is asked for again only when needed. False, said why, if a needed one is
    unavailable; an unavailable wanted one is told once."""
    lasting = {n for n, error in service.lookups.errors.items() if is_lasting(error)}
    await service.lookups.load([*needs, *(n for n in wants if n not in lasting)])
    for name in needs:
        if (error := service.lookups.errors.get(name)) is not None:
            notice = unavailable_notice([(PARTS[name], error)])
            screen.notify(notice, title="Not available", severity="error")
            return False
    tell_unavailable(screen, service)
    return True


def tell_unavailable(screen: Screen[object], service: HelpdeskService) -> None:
    """Say once (until it loads) which lookup the helpdesk refused or lacks, and what
    works meanwhile. Passing failures (an outage, a timeout) are the status bar's."""
    failures = {n: (PARTS[n], error) for n, error in service.lookups.errors.items()}
    tell_once(screen, service, failures)


def tell_once(
    screen: Screen[object], service: HelpdeskService, failures: dict[str, tuple[Part, DeskproError]]
) -> None:
    """One notice for the parts (by name) the helpdesk refused or lacks that the agent was
    not told of yet; passing failures are left out."""
    untold = {
        name: failure
        for name, failure in failures.items()
        if is_lasting(failure[1]) and name not in service.lookups.told
    }
    if untold:
        service.lookups.told.update(untold)
        notice = unavailable_notice(list(untold.values()))
        screen.notify(notice, title="Working without it", severity="warning", timeout=20)


def department_options(service: HelpdeskService) -> list[tuple[Text, int]]:
    departments = sorted(
        (d for d in service.departments.values() if d.is_tickets_enabled),
        key=lambda d: (d.display_order, d.title.casefold()),
    )
    return [(Text(safe(d.title or d.user_title or f"#{d.id}")), d.id) for d in departments]


def agent_options(service: HelpdeskService) -> list[tuple[Text, int]]:
    return [(Text(safe(a.label)), a.id) for a in service.lookups.agents if not a.is_disabled]
