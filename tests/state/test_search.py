"""A search as a queue: `/search` asked once, its tickets of any status the one page of the
view, nothing kept in the disk cache, and only the helpdesk can tell what belongs in it."""

from __future__ import annotations

from pathlib import Path

from faults import counting_client

from tui.api import DeskproClient, Ticket
from tui.demo import DemoServer
from tui.state import HelpdeskService, QueueCache, search_queue
from tui.state.browsing import Browsing


async def resolved(server: DemoServer) -> Ticket:
    async with DeskproClient(server.url, server.api_key) as dp:
        return (await dp.list_tickets(status="resolved", count=1, order_by="id")).items[0]


async def test_a_search_finds_a_resolved_ticket_in_one_request(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    ticket = await resolved(demo_server)
    seen: list[str] = []
    client = counting_client(demo_server, seen)
    service = HelpdeskService(client, cache=QueueCache(tmp_path, client.helpdesk_url))
    state = Browsing(service.tickets, service.people, service.pages)
    view = state.open(search_queue(ticket.subject))

    await service.pages.load(view, 1)

    assert ticket.id in view.loaded_ids() and view.total == len(view.loaded_ids())
    assert service.tickets.get(ticket.id) is not None
    assert seen == ["GET /api/v2/search"]
    assert QueueCache(tmp_path, client.helpdesk_url).load(view.spec.key) is None
    await client.aclose()


async def test_a_refresh_of_a_search_asks_it_again(demo_server: DemoServer) -> None:
    ticket = await resolved(demo_server)
    seen: list[str] = []
    client = counting_client(demo_server, seen)
    service = HelpdeskService(client)
    view = Browsing(service.tickets, service.people, service.pages).open(
        search_queue(ticket.subject)
    )
    await service.pages.load(view, 1)
    assert await service.pages.refresh(view) == frozenset()  # nothing changed
    assert seen == ["GET /api/v2/search"] * 2
    await client.aclose()


def test_only_the_helpdesk_can_tell_what_a_search_holds() -> None:
    spec = search_queue("printer")
    assert spec.title == "Search: printer" and not spec.one_agent
    assert spec.admits(Ticket(id=1, status="resolved")) is None
