"""Assigning tickets: by typing part of a name, in bulk, and rolled back when refused."""

from __future__ import annotations

import asyncio

import httpx

from tui.api import DeskproClient, Person
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.assign import AssignScreen
from tui.screens.confirm import ConfirmScreen
from tui.screens.queues import QueuesScreen
from tui.state import HelpdeskService
from tui.widgets.status_bar import StatusBar

from .conftest import CreateTicket, queue_loaded, until
from .test_ticket import open_ticket


async def test_irene_is_not_on_the_first_page_of_agents(demo_server: DemoServer) -> None:
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        first_page = await dp._api.page("agents", "people.agents.list", Person, [])
        everyone = await dp.list_agents()
    assert "Irene Adler" not in {a.name for a in first_page.items}
    assert "Irene Adler" in {a.name for a in everyone}


async def test_assign_by_typing_part_of_a_name(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Who takes this?")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AssignScreen), "the assign picker")
        first = app.screen.query_one("#picker-options").get_option_at_index(0)
        assert "Me (Admin)" in str(first.prompt)
        await pilot.press(*"ire", "enter")
        irene = next(a for a in app.service.lookups.agents if a.name == "Irene Adler")
        await until(
            pilot,
            lambda: app.service.tickets.get(ticket.id).agent == irene.id,
            "the header changes at once",
        )
        await pilot.app.workers.wait_for_complete()
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        assert (await dp.get_ticket(ticket.id)).agent == irene.id


class HoldingAgents(httpx.AsyncBaseTransport):
    """Holds back the answer to `/agents` until `release` is set: the picker is opened
    while start-up is still fetching the lookups."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.release = asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/agents"):
            await self.release.wait()
        return await self.inner.handle_async_request(request)


async def test_assign_opened_before_the_agents_arrived_waits_for_them(
    demo_server: DemoServer,
) -> None:
    transport = HoldingAgents()
    client = DeskproClient(demo_server.url, demo_server.api_key, transport=transport)
    app = DeskproApp(HelpdeskService(client))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, QueuesScreen)
        await until(
            pilot, lambda: screen.browser.ticket_list.row_count > 0, "rows before the agents"
        )
        assert not app.service.lookups.loaded_all
        await pilot.press("a")
        await pilot.pause(0.1)
        assert not isinstance(app.screen, AssignScreen)  # not with an empty list of agents
        transport.release.set()
        await until(pilot, lambda: isinstance(app.screen, AssignScreen), "the assign picker")
        assert "Irene Adler" in {a.name for a in app.screen.agents}  # all pages of agents
        await pilot.press(*"ire")
        first = app.screen.query_one("#picker-options").get_option_at_index(0)
        assert "Irene Adler" in str(first.prompt)


async def test_bulk_assign_three_marked_tickets(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    created = [await create_ticket(f"Bulk {n}") for n in range(3)]
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("slash", *"agent:none", "enter")
        await until(
            pilot,
            lambda: (
                screen.browser.view.spec.api_filters().get("agent") == 0
                and screen.browser.view.loaded
            ),
            "unassigned tickets",
        )
        for ticket in created:
            index = screen.browser.view.index_of(ticket.id)
            assert index is not None
            screen.browser.ticket_list.cursor = index
            await pilot.press("space")
        assert screen.browser.ticket_list.marked == {t.id for t in created}
        assert screen.query_one(StatusBar).marked == 3
        await pilot.press("a", *"greg", "enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "one confirmation")
        await pilot.press("y")
        greg = next(a for a in app.service.lookups.agents if a.name == "Greg Lestrade")
        await until(
            pilot,
            lambda: all(app.service.tickets.get(t.id).agent == greg.id for t in created),
            "all three assigned",
        )
        await pilot.app.workers.wait_for_complete()
        assert screen.browser.ticket_list.marked == set()
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        for ticket in created:
            assert (await dp.get_ticket(ticket.id)).agent == greg.id


async def test_a_refused_assignment_rolls_back_with_a_message(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Refuse me")
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        customer = (await dp.list_people(email="pilot.tester@example.com")).items[0]
    assert not customer.is_agent
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        # A stale agent list that still offers someone who is no longer an agent.
        former = {"name": "Zed Former-Agent", "display_name": "Zed Former-Agent"}
        app.service.lookups.agents.append(customer.model_copy(update=former))
        seen: list[int | None] = []
        app.service.tickets.subscribe(
            lambda ids: (
                seen.append(app.service.tickets.get(ticket.id).agent) if ticket.id in ids else None
            )
        )
        await pilot.press("a", *"zedformer", "enter")
        await until(pilot, lambda: len(seen) >= 2, "the optimistic change and its rollback")
        assert seen[0] == customer.id and app.service.tickets.get(ticket.id).agent is None
        await pilot.app.workers.wait_for_complete()
        messages = [n.message for n in app._notifications]
        assert any("not an agent" in m for m in messages)
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        assert (await dp.get_ticket(ticket.id)).agent is None


async def test_a_name_typed_straight_after_a_goes_into_the_picker(app: DeskproApp) -> None:
    """`a` and `ire` sent at once: the letters are queued for the list before the picker
    exists; they are kept and typed into the picker's box when it opens."""
    from textual import events

    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        assert app._driver is not None
        for char in "aire":
            app._driver.send_message(events.Key(char, char))  # all at once, no waits
        await until(pilot, lambda: isinstance(app.screen, AssignScreen), "the assign picker")
        box = app.screen.query_one("#picker-filter")
        await until(pilot, lambda: box.value == "ire", "the letters in the picker's box")
        options = app.screen.query_one("#picker-options")
        await until(
            pilot,
            lambda: "Irene Adler" in str(options.get_option_at_index(0).prompt),
            "the list narrowed to Irene",
        )
