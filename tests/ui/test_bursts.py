"""Keys that arrive together (SSH, tmux, a paste) act as if typed one by one: each is
handled by the screen and widget focused once the keys before it have taken effect."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, TextArea

from tui.app import DeskproApp
from tui.screens.assign import AssignScreen
from tui.screens.compose import ComposeScreen
from tui.screens.queues import QueuesScreen
from tui.screens.reply import ReplyScreen
from tui.screens.status import StatusPicker
from tui.screens.ticket import TicketScreen

from .conftest import CreateTicket, burst, plain_text, queue_loaded, until


async def open_ticket(pilot, app: DeskproApp) -> TicketScreen:
    await burst(pilot, "enter")
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
    return app.screen


async def test_note_key_and_text_in_one_burst_all_go_into_the_note(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        ticket = await open_ticket(pilot, app)
        await burst(pilot, "n", *"Thanks, done")
        assert isinstance(app.screen, ReplyScreen) and app.screen.note
        assert app.screen.query_one("#body", TextArea).text == "Thanks, done"
        assert not any(isinstance(s, StatusPicker | AssignScreen) for s in app.screen_stack)
        assert ticket.ticket_id == app.screen_stack[-2].ticket_id


async def test_reply_key_and_text_in_one_burst(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await open_ticket(pilot, app)
        await burst(pilot, "r", *"Thanks, done")
        assert isinstance(app.screen, ReplyScreen) and not app.screen.note
        assert app.screen.query_one("#body", TextArea).text == "Thanks, done"


async def test_status_typed_and_chosen_in_one_burst(
    app: DeskproApp, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Burst status", agent=1)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await until(pilot, lambda: ticket.id in screen.browser.view.loaded_ids(), "the new ticket")
        screen.browser.ticket_list.cursor = screen.browser.ticket_list.index_of(ticket.id)
        await burst(pilot, "s", *"pend", "enter")
        await until(
            pilot,
            lambda: not any(w.group == "status" and not w.is_finished for w in app.workers),
            "the status set",
        )
        assert isinstance(app.screen, QueuesScreen)  # nothing was opened instead
        assert app.service.tickets.get(ticket.id).status == "pending"


async def test_new_ticket_form_with_tab_between_fields_in_one_burst(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await burst(pilot, "c", *"monica.hall@hooli.example", "tab", *"Subject", "tab", *"Body")
        form = app.screen
        assert isinstance(form, ComposeScreen)
        assert form.query_one("#to", Input).value == "monica.hall@hooli.example"
        assert form.query_one("#subject", Input).value == "Subject"
        assert form.query_one("#message", TextArea).text == "Body"


async def test_escape_then_a_key_quickly_is_not_read_as_alt(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await burst(pilot, "slash", "e")
        screen = app.screen
        await burst(pilot, "alt+j", "j")  # how a terminal sends Escape and j typed quickly
        assert screen.query_one("#filter", Input).value == "e"
        assert screen.browser.ticket_list.row_count > 2
        assert screen.browser.ticket_list.has_focus and screen.browser.ticket_list.cursor == 2


async def test_escape_then_a_capital_quickly_leaves_the_reply_and_runs_the_key(
    app: DeskproApp,
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        second = queues.browser.ticket_list.id_at(1)
        screen = await open_ticket(pilot, app)
        escape_j = events.Key("alt+shift+j", "J")  # Escape then J, as a terminal reads them
        await burst(pilot, "r", *"Later", escape_j)
        assert app.screen is screen and screen.ticket_id == second


async def test_next_ticket_twice_in_one_burst(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        third = queues.browser.ticket_list.id_at(2)
        screen = await open_ticket(pilot, app)
        await burst(pilot, "J", "J")
        assert screen.ticket_id == third
        await until(pilot, lambda: bool(screen.messages), "the third ticket's thread")


async def test_a_part_of_a_name_in_to_becomes_the_one_person_it_matches(
    app: DeskproApp,
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await burst(pilot, "c", *"monica", "tab", *"Subject")
        form = app.screen
        assert form.query_one("#to", Input).value == "monica.hall@hooli.example"
        assert form.query_one("#subject", Input).value == "Subject"


async def test_tab_takes_the_completion_shown_then_moves_on(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("c", *"monica.h")
        to = app.screen.query_one("#to", Input)
        await until(pilot, lambda: to._suggestion == "monica.hall@hooli.example", "the completion")
        await pilot.press("tab")
        assert to.value == "monica.hall@hooli.example"
        assert app.screen.query_one("#subject", Input).has_focus


async def test_leaving_to_with_a_part_that_matches_several_lists_them(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("c", *"sc", "tab")  # no email starts so: nothing to complete
        form = app.screen
        assert form.query_one("#to", Input).value == "sc"  # kept: nothing silently chosen
        error = plain_text(form.query_one("#to-error"))
        assert "2 people match 'sc'" in error and "Hannah Scott" in error
