"""`ctrl+f`: words asked of the helpdesk's search show as a queue ("Search: words", every
status), openable like any queue; escape goes back to the sidebar's queue; a number opens
that ticket. Where the helpdesk refuses (403) or lacks (404) its search, a requester's email
shows their tickets and other words say why search is unavailable, with one notice; jump
and requester history work on. Filter terms narrow a search's answer, in ctrl+f or `/`."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.widgets import Input, OptionList, Static

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.find import FindScreen
from tui.screens.requester import RequesterScreen
from tui.screens.ticket import TicketScreen
from tui.widgets.field_error import FieldError
from tui.widgets.queue_filter import QueueFilter
from tui.widgets.status_bar import StatusBar

from .conftest import Notices, burst, make_service, plain_text, queue_loaded, until
from .test_jump import resolved_ticket

LUCIUS = "lucius.fairbanks@wayne.example"  # six tickets, of several statuses
LUCIUS_TICKETS = {146, 145, 111, 90, 53, 47}


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


@pytest.mark.parametrize(
    ("gate", "status"),
    [({"disallow": ("search.search.get",)}, "403"), ({"missing": ("search.search.get",)}, "404")],
)
async def test_without_search_an_email_words_a_number_and_history_still_work(
    make_demo_server: Callable[..., DemoServer], gate: dict[str, tuple[str, ...]], status: str
) -> None:
    notices = Notices()
    app = DeskproApp(make_service(make_demo_server(**gate)))
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        queues = await queue_loaded(pilot)
        browser = queues.browser
        note = browser.query_one("#queue-note", FieldError)
        # A requester's email: their tickets, all statuses, and the note saying so.
        await burst(pilot, "ctrl+f", *LUCIUS, "enter")  # in one read, as over SSH
        await until(pilot, lambda: set(browser.view.loaded_ids()) == LUCIUS_TICKETS, "theirs")
        assert browser.view.spec.search == LUCIUS
        assert f"/api/v2/search ({status})" in plain_text(note)
        assert f"showing the tickets of {LUCIUS} instead" in plain_text(note)
        await until(pilot, lambda: any("/api/v2/search" in t for t in notices.texts), "notice")
        # Other words: the list says why, and what works instead; no second notice.
        await burst(pilot, "ctrl+f", *"printer", "enter")
        await until(pilot, lambda: browser.view.spec.search == "printer", "the next search")
        message = lambda: browser.ticket_list.message  # noqa: E731
        await until(pilot, lambda: "Search is unavailable" in message(), "why, in the list")
        assert f"({status})" in message() and "number or ref" in message()
        assert "email" in message() and "ctrl+r" not in message()  # not a passing failure
        assert sum("/api/v2/search" in t for t in notices.texts) == 1  # once a session
        # A number still jumps, and the requester's history still shows.
        await burst(pilot, "ctrl+f", *"#145", "enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        assert app.screen.ticket_id == 145
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, RequesterScreen), "the panel")
        history = app.screen.query_one(OptionList)
        await until(pilot, lambda: history.option_count == len(LUCIUS_TICKETS), "their tickets")


async def test_terms_in_find_narrow_the_search(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        browser = queues.browser
        await burst(pilot, "ctrl+f", *"Lucius status:resolved", "enter")
        await until(pilot, lambda: browser.view.spec.search == "Lucius", "the search")
        await until(pilot, lambda: browser.view.loaded, "its answer")
        shown = [browser.ticket_list.id_at(i) for i in range(browser.ticket_list.row_count)]
        statuses = {app.service.tickets.get(i).status for i in shown if i is not None}
        assert statuses == {"resolved"}
        assert "Search: Lucius status:resolved" in queues.query_one(StatusBar).render().plain


async def test_slash_terms_on_a_search_narrow_its_rows_here(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        browser = queues.browser
        await burst(pilot, "ctrl+f", *"Lucius", "enter")
        await until(pilot, lambda: browser.view.spec.search == "Lucius", "the search")
        await until(pilot, lambda: browser.view.loaded, "its answer")
        view, every = browser.view, browser.ticket_list.row_count
        await pilot.press("slash", *"status:resolved", "enter")
        await until(pilot, lambda: 0 < browser.ticket_list.row_count < every, "narrowed")
        assert browser.view is view  # the same answer, not asked again nor the sidebar's queue
        shown = [browser.ticket_list.id_at(i) for i in range(browser.ticket_list.row_count)]
        assert {app.service.tickets.get(i).status for i in shown if i is not None} == {"resolved"}
        await pilot.press("escape")  # the filter goes: every result again
        await until(pilot, lambda: browser.ticket_list.row_count == every, "all the results")
        assert browser.view is view


async def test_terms_alone_in_find_filter_the_queue_as_slash_would(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        browser = queues.browser
        await burst(pilot, "ctrl+f", *"status:resolved", "enter")
        await until(pilot, lambda: browser.view.spec.status == ("resolved",), "refined")
        assert browser.view.spec.search is None
        assert queues.query_one(QueueFilter).box.value == "status:resolved"  # as if typed


async def test_a_wrong_term_or_an_unknown_number_in_find_is_said_and_kept(
    app: DeskproApp,
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        queues = await queue_loaded(pilot)
        first = queues.browser.view

        def said() -> str:
            screen = app.screen
            if not isinstance(screen, FindScreen) or not screen.is_mounted:
                return ""
            return plain_text(screen.query_one("#find-error", Static))

        await burst(pilot, "ctrl+f", *"printer agent:zzzz", "enter")
        await until(pilot, lambda: "agent:zzzz" in said(), "the term said under the box")
        box = app.screen.query_one("#find", Input)
        assert box.value == "printer agent:zzzz"  # asked again with what was typed
        await burst(pilot, "ctrl+u", *"#999999", "enter")
        await until(pilot, lambda: "No ticket #999999" in said(), "none said under the box")
        assert app.screen.query_one("#find", Input).value == "#999999"
        await pilot.press("escape")
        assert queues.browser.view is first  # nothing searched, nothing opened
