"""Prefetch: the conversation of the ticket the queue's cursor rests on is fetched in the
background, so opening it needs no request; a held `j` fetches only the row it stops on."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from textual import events
from textual.pilot import Pilot

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.state import HelpdeskService
from tui.widgets.message_view import MessageView

from .conftest import make_service, queue_loaded, until


def record_requests(service: HelpdeskService) -> list[str]:
    """Paths of every request the app's client sends from now on."""
    paths: list[str] = []

    async def hook(request: httpx.Request) -> None:
        paths.append(request.url.path)

    service.client._t.http.event_hooks["request"].append(hook)
    return paths


def thread_requests(paths: list[str]) -> list[str]:
    return [p for p in paths if p.endswith(("/messages", "/attachments"))]


async def rested_on_prefetched(pilot: Pilot[object], screen: QueuesScreen) -> int:
    """The id under the cursor, once its conversation has been prefetched."""
    service = screen.service
    ticket_id = screen.browser.ticket_list.current_id
    assert ticket_id is not None
    await until(
        pilot,
        lambda: (
            service.threads.prefetched.holds(ticket_id, service.tickets.get(ticket_id))
            and service.threads.cached(ticket_id) is not None
        ),
        f"ticket {ticket_id}'s conversation prefetched",
    )
    return ticket_id


async def test_a_ticket_the_cursor_rested_on_opens_with_no_request(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("j", "j")
        ticket_id = await rested_on_prefetched(pilot, screen)
        await app.workers.wait_for_complete()
        paths = record_requests(app.service)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket screen")
        ticket_screen = app.screen
        assert isinstance(ticket_screen, TicketScreen) and ticket_screen.ticket_id == ticket_id
        shown = app.service.threads.cached(ticket_id) or []
        await until(
            pilot, lambda: len(ticket_screen.query(MessageView)) == len(shown), "the thread"
        )
        await app.workers.wait_for_complete()
        assert thread_requests(paths) == []  # messages and attachments were at hand


async def test_holding_j_prefetches_only_the_row_it_stops_on(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await rested_on_prefetched(pilot, screen)  # the cursor starts resting on the first row
        await app.workers.wait_for_complete()
        paths = record_requests(app.service)
        start = screen.browser.ticket_list.cursor
        # A held key: the terminal's key repeat delivers them faster than the pause.
        for _ in range(10):
            app.post_message(events.Key("j", "j"))
        await until(pilot, lambda: screen.browser.ticket_list.cursor == start + 10, "ten rows down")
        stopped_on = await rested_on_prefetched(pilot, screen)
        await app.workers.wait_for_complete()
        assert sorted(thread_requests(paths)) == [
            f"/api/v2/tickets/{stopped_on}/attachments",
            f"/api/v2/tickets/{stopped_on}/messages",
        ]


async def test_no_prefetch_while_rate_limited_retrying_or_offline(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        ticket_id = screen.browser.ticket_list.id_at(3)
        assert ticket_id is not None and screen.browser.prefetch.worth_it(ticket_id)
        connection = app.service.connection
        connection.rate_limited(60)
        assert not screen.browser.prefetch.worth_it(ticket_id)
        connection.online()
        connection.retrying("The helpdesk did not answer. Retrying in 2s.")
        assert not screen.browser.prefetch.worth_it(ticket_id)
        connection.offline("The helpdesk did not answer.")
        assert not screen.browser.prefetch.worth_it(ticket_id)
        connection.online()
        assert screen.browser.prefetch.worth_it(ticket_id)


async def test_a_failing_prefetch_tells_nobody(make_demo_server: Callable[..., DemoServer]) -> None:
    server = make_demo_server(disallow=("tickets.messages.list",))
    service = make_service(server)
    answered: list[int] = []

    async def hook(response: httpx.Response) -> None:
        if response.request.url.path.endswith("/messages"):
            answered.append(response.status_code)

    service.client._t.http.event_hooks["response"].append(hook)
    app = DeskproApp(service)
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("j")
        await until(pilot, lambda: 403 in answered, "the prefetch refused")
        await app.workers.wait_for_complete()
        assert not app._notifications  # a background fetch nobody asked for: no notice
    await service.client.aclose()
