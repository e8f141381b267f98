"""`HelpdeskService.refresh`: the one request of a periodic refresh, and what it reports;
`RefreshBackoff`: a failing helpdesk is asked ever more rarely."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from faults import counting_client

from tui.api import DeskproClient, Ticket
from tui.demo import DemoServer
from tui.state import HelpdeskService, QueueView
from tui.state.backoff import RefreshBackoff


async def mine_loaded(server: DemoServer, seen: list[str]) -> tuple[HelpdeskService, QueueView]:
    """A service showing the first page of the agent's own queue; `seen` then cleared."""
    service = HelpdeskService(counting_client(server, seen))
    await service.lookups.identify()
    view = QueueView(service.lookups.queues()[0])
    assert view.spec.key == "mine"
    await service.pages.load(view, 1)
    seen.clear()
    return service, view


async def my_new_ticket(other: DeskproClient, subject: str) -> Ticket:
    return await other.create_ticket(
        subject=subject, person="x@example.com", message="<p>hi</p>", agent=1
    )


async def test_an_idle_refresh_is_one_request_and_reports_no_change(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    seen: list[str] = []
    service, view = await mine_loaded(server, seen)
    rows = list(view.pages[1])

    changed = await service.pages.refresh(view)

    assert changed == frozenset()
    assert seen == ["GET /api/v2/tickets"]
    assert view.pages[1] == rows
    await service.client.aclose()


@pytest.mark.parametrize(
    "change",
    [pytest.param({"status": "resolved"}, id="resolved"), pytest.param({"agent": 42}, id="moved")],
)
async def test_a_ticket_changed_elsewhere_leaves_mine_within_one_refresh(
    make_demo_server: Callable[..., DemoServer], change: dict[str, Any]
) -> None:
    server = make_demo_server()
    async with DeskproClient(server.url, server.api_key) as other:
        created = await my_new_ticket(other, "Leaves my queue")
        seen: list[str] = []
        service, view = await mine_loaded(server, seen)
        assert created.id in view.pages[1]
        total = view.total
        assert service.connection.status.last_refresh is None  # a page load is no refresh
        await other.update_ticket(created.id, **change)

    changed = await service.pages.refresh(view)

    assert created.id in changed
    assert created.id not in view.pages[1] and view.index_of(created.id) is None
    assert total is not None and view.total == total - 1
    assert len(seen) == 1
    assert service.connection.status.last_refresh is not None
    await service.client.aclose()


async def test_a_ticket_assigned_elsewhere_arrives_within_one_refresh(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    seen: list[str] = []
    service, view = await mine_loaded(server, seen)
    async with DeskproClient(server.url, server.api_key) as other:
        created = await my_new_ticket(other, "Arrives in my queue")

    changed = await service.pages.refresh(view)

    assert created.id in changed
    assert created.id in view.pages[1]
    assert service.tickets.get(created.id) is not None
    await service.client.aclose()


# -- RefreshBackoff -------------------------------------------------------------------


def skipped(backoff: RefreshBackoff, turns: int = 50) -> int:
    """How many turns in a row are skipped before one asks."""
    for n in range(turns):
        if backoff.due():
            return n
    raise AssertionError(f"no turn asked in {turns}")


def test_every_turn_asks_until_a_failure() -> None:
    backoff = RefreshBackoff()
    assert all(backoff.due() for _ in range(10))


def test_failures_in_a_row_double_the_turns_skipped() -> None:
    backoff = RefreshBackoff(most=8)
    waits = []
    for _ in range(5):
        backoff.failed()
        waits.append(skipped(backoff))
    assert waits == [1, 2, 4, 8, 8]


def test_the_wait_is_capped_at_most() -> None:
    backoff = RefreshBackoff(most=3)
    waits = []
    for _ in range(4):
        backoff.failed()
        waits.append(skipped(backoff))
    assert waits == [1, 2, 3, 3]


def test_a_success_asks_at_every_turn_again_and_starts_over() -> None:
    backoff = RefreshBackoff()
    for _ in range(3):
        backoff.failed()
        skipped(backoff)
    backoff.failed()
    backoff.succeeded()  # e.g. the agent refreshed by hand during the wait
    assert all(backoff.due() for _ in range(5))
    backoff.failed()
    assert skipped(backoff) == 1
