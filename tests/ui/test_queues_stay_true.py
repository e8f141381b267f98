"""Queues stay true: a ticket that leaves the queue on screen (resolved or reassigned by
anyone) goes within one refresh, the agent's own changes apply to the list at once, and
an idle refresh costs one request."""

from __future__ import annotations

from collections.abc import Callable

from faults import count_requests
from textual.pilot import Pilot

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.demo.facts import ADMIN_ID, AGENT_ID
from tui.screens.assign import AssignScreen
from tui.screens.queues import QueuesScreen
from tui.state import HelpdeskService

from .conftest import make_service, queue_loaded, until


def counting(server: DemoServer, seen: list[str]) -> HelpdeskService:
    service = make_service(server)
    count_requests(service.client, seen)
    return service


async def colleague(server: DemoServer, ticket_id: int, **changes: object) -> None:
    """Another client (a colleague in Deskpro's web UI) changes a ticket."""
    async with DeskproClient(server.url, server.api_key) as dp:
        await dp.update_ticket(ticket_id, **changes)


async def new_ticket_of_mine(server: DemoServer, subject: str) -> int:
    async with DeskproClient(server.url, server.api_key) as dp:
        ticket = await dp.create_ticket(
            subject=subject, person="stay.true@example.com", message="<p>Hi</p>", agent=ADMIN_ID
        )
    return ticket.id


def working(screen: QueuesScreen, group: str) -> bool:
    return any(w.group == group and not w.is_finished for w in screen.app.workers)


async def refreshed(screen: QueuesScreen) -> None:
    """One turn of the periodic refresh (what its timer runs)."""
    await screen.poll().wait()


async def mine_showing(pilot: Pilot[object], ticket_id: int) -> QueuesScreen:
    screen = await queue_loaded(pilot)
    assert screen.browser.view is not None and screen.browser.view.spec.key == "mine"
    assert ticket_id in screen.browser.view.loaded_ids()
    return screen


async def test_a_ticket_resolved_elsewhere_leaves_my_tickets_within_one_refresh(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    ticket_id = await new_ticket_of_mine(server, "Resolved by a colleague")
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await mine_showing(pilot, ticket_id)
        total = screen.browser.view.total
        await colleague(server, ticket_id, status="resolved")
        await refreshed(screen)
        assert ticket_id not in screen.browser.view.loaded_ids()
        assert screen.browser.view.total == total - 1


async def test_a_ticket_reassigned_elsewhere_leaves_my_tickets_within_one_refresh(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    ticket_id = await new_ticket_of_mine(server, "Taken by a colleague")
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await mine_showing(pilot, ticket_id)
        await colleague(server, ticket_id, agent=AGENT_ID)
        await refreshed(screen)
        assert ticket_id not in screen.browser.view.loaded_ids()


async def test_an_idle_refresh_sends_one_request_and_counts_only_after_a_change(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    seen: list[str] = []
    app = DeskproApp(counting(server, seen))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await until(pilot, lambda: not working(screen, "counts"), "the first counts")
        screen.browser.prefetch.stop()  # the cursor rests on a row: not the refresh's fetch
        await until(pilot, lambda: not working(screen, "prefetch"), "the prefetch")
        seen.clear()
        for _ in range(3):
            await refreshed(screen)
        assert seen == ["GET /api/v2/tickets"] * 3
        seen.clear()
        ticket_id = await new_ticket_of_mine(server, "Something changed")
        await refreshed(screen)
        await until(pilot, lambda: not working(screen, "counts"), "the counts")
        assert ticket_id in screen.browser.view.loaded_ids()
        # One a queue, after the refresh that saw the change. The cursor resting on the new
        # ticket may fetch its thread meanwhile: the prefetch's doing, not the refresh's.
        counts = [r for r in seen[1:] if not r.endswith(("/messages", "/attachments"))]
        assert len(counts) == len(app.service.lookups.queues())


async def test_my_own_assignment_takes_the_row_out_of_my_tickets_at_once(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(latency_ms=300)  # the PUT is still on its way when we look
    ticket_id = await new_ticket_of_mine(server, "Handed to Irene")
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await mine_showing(pilot, ticket_id)
        screen.browser.ticket_list.cursor = screen.browser.ticket_list.index_of(ticket_id)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AssignScreen), "the assign picker")
        await pilot.press(*"irene", "enter")
        await until(
            pilot, lambda: ticket_id not in screen.browser.view.loaded_ids(), "the row gone"
        )
        assert working(screen, "assign"), "gone before the helpdesk answered"
        await until(pilot, lambda: not working(screen, "assign"), "the assignment made")
        await until(pilot, lambda: not working(screen, "pages"), "the queue read again")
        assert ticket_id not in screen.browser.view.loaded_ids()


async def test_a_refused_change_brings_the_row_back(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("tickets.tickets.put",))
    ticket_id = await new_ticket_of_mine(server, "Cannot be resolved here")
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await mine_showing(pilot, ticket_id)
        screen.browser.ticket_list.cursor = screen.browser.ticket_list.index_of(ticket_id)
        await pilot.press("s", *"resolved", "enter")
        await until(pilot, lambda: not working(screen, "status"), "the change refused")
        await until(pilot, lambda: ticket_id in screen.browser.view.loaded_ids(), "the row back")
        assert app.service.tickets.get(ticket_id).status != "resolved"
