"""Keys: help lists the screen's commands, the palette runs them, the keymap remaps."""

from __future__ import annotations

from textual.widgets import Static

from tui.app import DeskproApp
from tui.config import Settings
from tui.screens.help import HelpScreen
from tui.screens.reply import ReplyScreen
from tui.screens.ticket import TicketScreen
from tui.state import HelpdeskService

from .conftest import CreateTicket, plain_text, queue_loaded, until
from .test_ticket import open_ticket


async def test_help_lists_the_current_screens_keys(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        text = plain_text(app.screen.query_one("#help-table", Static), width=120)
        for expected in ("Filter", "Assign", "Mark", "Refresh", "ctrl+q", "?"):
            assert expected in text
        await pilot.press("escape")
        await until(pilot, lambda: not isinstance(app.screen, HelpScreen), "help closed")


async def test_keymap_remaps_by_binding_id(
    service: HelpdeskService, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Remapped keys")
    app = DeskproApp(service, settings=Settings(keymap={"ticket.reply": "R"}))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        await pilot.press("r")
        await pilot.pause()
        assert app.screen is screen  # the old key no longer replies
        await pilot.press("R")
        await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
        await pilot.press("escape")
        await pilot.press("question_mark")
        await until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        assert "R " in plain_text(app.screen.query_one("#help-table", Static), width=120)


async def test_next_and_previous_ticket_of_the_queue(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        first, second = queues.browser.ticket_list.id_at(0), queues.browser.ticket_list.id_at(1)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        assert app.screen.ticket_id == first
        await pilot.press("J")
        assert app.screen.ticket_id == second
        await pilot.press("K")
        assert app.screen.ticket_id == first
        await pilot.press("K")  # nothing before the first: stays, with a message
        assert app.screen.ticket_id == first
        await pilot.press("escape")
        assert app.screen is queues and queues.browser.ticket_list.cursor == 0


async def test_copy_ref_and_link_use_the_terminal_clipboard(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        ticket = app.service.tickets.get(queues.browser.ticket_list.current_id)
        await pilot.press("y")
        assert app.clipboard == ticket.ref
        await pilot.press("Y")
        assert app.clipboard == f"{app.service.helpdesk_url}app#/t/ticket/{ticket.id}"
