"""`/` with a ticket's number or reference, then enter: that ticket opens, whatever queue it
is in and whatever its status; one that does not exist is said under the box, the text
kept."""

from __future__ import annotations

from textual.widgets import Input, Static

from tui.api import DeskproClient, Ticket
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.widgets.queue_filter import QueueFilter

from .conftest import burst, plain_text, queue_loaded, until


async def resolved_ticket(server: DemoServer) -> Ticket:
    """A resolved ticket: in none of the queues loaded at start (they show active ones)."""
    async with DeskproClient(server.url, server.api_key) as dp:
        page = await dp.list_tickets(status=("resolved",), count=1, order_by="id")
    return page.items[0]


async def test_a_number_opens_a_resolved_ticket_no_queue_shows(
    app: DeskproApp, demo_server: DemoServer
) -> None:
    ticket = await resolved_ticket(demo_server)
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        assert ticket.id not in queues.browser.view.loaded_ids()
        await pilot.press("slash", *f"#{ticket.id}", "enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        assert app.screen.ticket_id == ticket.id
        await until(pilot, lambda: bool(app.screen.messages), "its conversation")
        await pilot.press("escape")
        assert app.screen is queues
        # A jump, not a filter: the box is put away, emptied.
        assert not queues.query_one(QueueFilter).display
        assert queues.query_one("#filter", Input).value == ""
        assert queues.browser.ticket_list.narrowed is None


async def test_a_reference_typed_in_lower_case_opens_its_ticket(
    app: DeskproApp, demo_server: DemoServer
) -> None:
    ticket = await resolved_ticket(demo_server)
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        # In one read, as over SSH; `o` after enter is the ticket's (newest first), not the
        # queue's (the sort picker).
        await burst(pilot, "slash", *ticket.ref.lower(), "enter", "o")
        assert isinstance(app.screen, TicketScreen) and app.screen.ticket_id == ticket.id
        assert app.screen.newest_first


async def test_a_number_with_no_ticket_is_said_and_the_text_kept(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        await pilot.press("slash", *"#999999", "enter")
        error = queues.query_one("#filter-error", Static)
        await until(pilot, lambda: "No ticket #999999" in plain_text(error), "the reason")
        assert isinstance(app.screen, QueuesScreen)
        assert queues.query_one("#filter", Input).value == "#999999"
