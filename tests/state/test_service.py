"""HelpdeskService against the demo helpdesk: coalescing, rollback, cache, limits."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from faults import counting_client

from tui.api import DeskproClient, DeskproConnectionError, InvalidInputError, RateLimitedError
from tui.demo import DemoServer
from tui.state import HelpdeskService, QueueCache, QueueView, standard_queues


async def test_identical_concurrent_requests_share_one_call(demo_server: DemoServer) -> None:
    seen: list[str] = []
    service = HelpdeskService(counting_client(demo_server, seen))
    first, second = await asyncio.gather(service.threads.messages(1), service.threads.messages(1))
    assert first == second
    assert seen.count("GET /api/v2/tickets/1/messages") == 1
    await service.client.aclose()


async def test_a_refused_change_rolls_back(demo_server: DemoServer) -> None:
    service = HelpdeskService(DeskproClient(demo_server.url, demo_server.api_key))
    ticket = await service.threads.ticket(1)
    changes: list[frozenset[int]] = []
    service.tickets.subscribe(changes.append)
    try:
        await service.changes.update(ticket.id, agent=ticket.person)  # a customer, not an agent
    except InvalidInputError as exc:
        assert "agent" in exc.field_errors
    else:
        raise AssertionError("the server should refuse a non-agent")
    assert service.tickets.get(ticket.id) == ticket
    assert len(changes) == 2  # the optimistic change, then the rollback
    await service.client.aclose()


async def test_first_page_paints_from_the_cache_before_the_network(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    client = DeskproClient(demo_server.url, demo_server.api_key)
    service = HelpdeskService(client, cache=QueueCache(tmp_path, client.helpdesk_url))
    spec = standard_queues(1)[2]
    await service.pages.load(QueueView(spec), 1)
    await client.aclose()

    seen: list[str] = []
    later = counting_client(demo_server, seen)
    fresh = HelpdeskService(later, cache=QueueCache(tmp_path, later.helpdesk_url))
    view = QueueView(spec)
    assert fresh.pages.paint_from_cache(view)
    assert seen == [] and view.total is not None and len(view.pages[1]) == 50
    assert all(fresh.tickets.get(i) is not None for i in view.pages[1])
    await later.aclose()


async def test_rate_limit_pauses_refresh_and_is_reported(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(hourly_limit=2)
    service = HelpdeskService(DeskproClient(server.url, server.api_key))
    states: list[str] = []
    service.connection.subscribe(lambda status: states.append(status.state))
    await service.threads.ticket(1)
    await service.threads.ticket(2)
    try:
        await service.pages.refresh(QueueView(standard_queues(1)[0]))
    except RateLimitedError as exc:
        assert exc.retry_after is not None and exc.retry_after > 0
    else:
        raise AssertionError("the third request should be over the hourly limit")
    assert states[-1] == "rate_limited"
    assert service.connection.status.paused
    await service.client.aclose()


async def test_connection_loss_shows_offline() -> None:
    service = HelpdeskService(DeskproClient("http://127.0.0.1:9", "1:X"))
    service.client._t.policy = type(service.client._t.policy)(attempts=1)
    with pytest.raises(DeskproConnectionError):
        await service.threads.ticket(1)
    assert service.connection.status.state == "offline"
    await service.client.aclose()
