"""`ctrl+f`: words asked of the helpdesk's search show as a queue ("Search: words", every
status), openable like any queue; escape goes back to the sidebar's queue; a number opens
that ticket; where the helpdesk refuses its search, the agent is told why."""

from __future__ import annotations

from collections.abc import Callable

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.find import FindScreen
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.widgets.status_bar import StatusBar

from .conftest import Notices, burst, make_service, queue_loaded, until
from .test_jump import resolved_ticket


async def test_a_search_finds_a_resolved_ticket_no_queue_shows(
    app: DeskproApp, demo_server: DemoServer
) -> None:
    ticket = await resolved_ticket(demo_server)
    words = ticket.subject
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        first = queues.browser.view.spec
        assert ticket.id not in queues.browser.view.loaded_ids()
        await burst(pilot, "ctrl+f", *words, "enter")  # in one read, as over SSH
        await until(pilot, lambda: queues.browser.view.spec.search == words, "the search")
        await until(pilot, lambda: ticket.id in queues.browser.view.loaded_ids(), "the result")
        bar = queues.query_one(StatusBar).render().plain
        assert f"Search: {words}" in bar
        queues.browser.ticket_list.cursor = queues.browser.ticket_list.index_of(ticket.id)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        assert app.screen.ticket_id == ticket.id
        await pilot.press("escape", "escape")  # back to the results, then out of the search
        assert app.screen is queues
        await until(pilot, lambda: queues.browser.view.spec == first, "the sidebar's queue")


async def test_a_number_in_find_opens_that_ticket(app: DeskproApp, demo_server: DemoServer) -> None:
    ticket = await resolved_ticket(demo_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("ctrl+f")
        await until(pilot, lambda: isinstance(app.screen, FindScreen), "the find box")
        await pilot.press(*f"#{ticket.id}", "enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        assert app.screen.ticket_id == ticket.id


async def test_a_refused_search_is_said_and_the_queue_stays(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("search.search.get",))
    notices = Notices()
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        queues = await queue_loaded(pilot)
        await pilot.press("ctrl+f", *"printer", "enter")
        message = lambda: queues.browser.ticket_list.message  # noqa: E731
        await until(pilot, lambda: "search.search.get" in message(), "why, in the list")
        assert "ctrl+r tries again" in message()
        assert any("search" in text for text in notices.texts)
        assert isinstance(app.screen, QueuesScreen) and app.is_running
