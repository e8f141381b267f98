"""Start-up's early requests: `/me` and the first page go out before the screen asks, the
screen's own reads take those answers (no second request), and once start-up is over every
read asks the server again."""

from __future__ import annotations

from pathlib import Path

from faults import counting_client

from tui.demo import DemoServer
from tui.state import HelpdeskService, QueueCache, QueueView

ME = "GET /api/v2/me"
TICKETS = "GET /api/v2/tickets"


async def read_first_page(service: HelpdeskService) -> QueueView:
    """What the queues screen does at start: who are we, then the first queue's page 1."""
    await service.lookups.identify()
    view = QueueView(service.lookups.queues()[0])
    await service.pages.load(view, 1)
    return view


async def test_the_screen_takes_the_early_answers(demo_server: DemoServer) -> None:
    seen: list[str] = []
    service = HelpdeskService(counting_client(demo_server, seen))
    service.start_early()
    view = await read_first_page(service)
    assert view.loaded and view.total
    assert seen == [ME, TICKETS]  # one of each: the screen's reads sent nothing
    await service.client.aclose()


async def test_after_start_up_reads_ask_the_server_again(demo_server: DemoServer) -> None:
    seen: list[str] = []
    service = HelpdeskService(counting_client(demo_server, seen))
    service.start_early()
    await service.lookups.identify()
    service.requests.early.close()  # start-up is over: the early page, not taken, is dropped
    view = QueueView(service.lookups.queues()[0])
    await service.pages.load(view, 1)
    await service.lookups.identify()
    assert seen.count(ME) == 2  # the second identify was not answered from start-up
    assert seen.count(TICKETS) == 2  # the early page (dropped) and a fresh one
    await service.client.aclose()


async def test_who_we_were_lets_the_first_page_go_out_with_me(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    client = counting_client(demo_server, [])
    first = HelpdeskService(client, cache=QueueCache(tmp_path, client.helpdesk_url))
    await read_first_page(first)  # leaves who we are in the cache
    await first.client.aclose()

    seen: list[str] = []
    client = counting_client(demo_server, seen)
    again = HelpdeskService(client, cache=QueueCache(tmp_path, client.helpdesk_url))
    again.start_early()
    assert seen == []  # nothing sent synchronously: both requests are tasks
    view = await read_first_page(again)
    assert sorted(seen) == [ME, TICKETS] and view.loaded
    await again.client.aclose()


async def test_a_failed_early_request_is_reported_to_whoever_takes_it() -> None:
    from tui.api import DeskproClient, DeskproConnectionError, RetryPolicy

    client = DeskproClient("http://127.0.0.1:9", "1:X", retry=RetryPolicy(attempts=1))
    service = HelpdeskService(client)
    service.start_early()
    try:
        await service.lookups.identify()
    except DeskproConnectionError:
        pass
    else:
        raise AssertionError("identify should have failed: nothing listens on port 9")
    await client.aclose()
