"""`p` in a ticket: the requester and their other tickets (all statuses, newest first);
`enter` opens one over the ticket, `escape` comes back. Where the helpdesk refuses the
list, the panel says why and the ticket works on."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import OptionList, Static

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.requester import RequesterScreen
from tui.screens.ticket import TicketScreen

from .conftest import make_service, plain_text, queue_loaded, until

LUCIUS_TICKET = 145  # Lucius Fairbanks has six tickets, resolved ones among them


async def open_ticket(app: DeskproApp, pilot: object, ticket_id: int) -> TicketScreen:
    await queue_loaded(pilot)  # type: ignore[arg-type]
    app.open_ticket(ticket_id)
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")  # type: ignore[arg-type]
    return app.screen  # type: ignore[return-value]


async def test_the_requesters_other_tickets_open_from_the_panel(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    app = DeskproApp(make_service(make_demo_server()))
    async with app.run_test(size=(120, 36)) as pilot:
        ticket_screen = await open_ticket(app, pilot, LUCIUS_TICKET)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, RequesterScreen), "the panel")
        panel = app.screen
        history = panel.query_one(OptionList)
        await until(pilot, lambda: history.option_count > 1, "their tickets")
        lines = [
            plain_text(Static(history.get_option_at_index(i).prompt))
            for i in range(history.option_count)
        ]
        assert any("resolved" in line for line in lines)  # all statuses
        assert sum("this ticket" in line for line in lines) == 1
        chosen = int(history.get_option_at_index(history.highlighted or 0).id or 0)
        assert chosen != LUCIUS_TICKET  # the cursor starts on another ticket
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, TicketScreen) and app.screen is not ticket_screen,
            "the other ticket",
        )
        assert app.screen.ticket_id == chosen
        await pilot.press("escape")
        assert app.screen is ticket_screen  # back where the agent was


async def test_a_refused_history_is_said_and_the_ticket_works_on(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("people.tickets.list",))
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        ticket_screen = await open_ticket(app, pilot, LUCIUS_TICKET)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, RequesterScreen), "the panel")
        state = app.screen.query_one("#history-state", Static)
        await until(pilot, lambda: "403" in plain_text(state), "why it is not shown")
        assert "/api/v2/people/{id}/tickets" in plain_text(state)
        await pilot.press("escape")
        assert app.screen is ticket_screen
