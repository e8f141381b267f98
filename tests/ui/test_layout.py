"""Layouts that show what matters: the subject gets its due, the queue is always named, the
key bar always offers help, emails are shown whole, and every list moves with j/k."""

from __future__ import annotations

from textual.command import CommandList
from textual.widgets import OptionList

from tui.app import DeskproApp
from tui.screens.queues import QueuesScreen
from tui.screens.sort import SortPicker
from tui.screens.ticket import TicketScreen
from tui.widgets.columns import fit_columns
from tui.widgets.key_footer import KeyFooter
from tui.widgets.list_header import ListHeader
from tui.widgets.queue_sidebar import QueueSidebar
from tui.widgets.status_bar import StatusBar
from tui.widgets.ticket_header import TicketHeader

from .conftest import CreateTicket, plain_text, queue_loaded, until


def rows_text(screen: QueuesScreen) -> list[str]:
    lines = range(screen.browser.ticket_list.size.height)
    return [screen.browser.ticket_list.render_line(y).text for y in lines]


def subject_width(width: int, hidden: frozenset[str] = frozenset()) -> int:
    return dict((c.key, w) for c, w in fit_columns(width, hidden))["subject"]


def test_the_subject_gets_48_cells_at_120_and_34_at_80() -> None:
    mine = frozenset({"agent"})
    assert subject_width(120 - 23, mine) >= 48  # beside the sidebar
    assert subject_width(80 - 1, mine) >= 34  # the sidebar folded away
    assert subject_width(80 - 1) >= 34  # a queue with the Agent column too


async def test_at_120x36_subjects_show_whole_and_agent_only_where_it_varies(
    app: DeskproApp, create_ticket: CreateTicket
) -> None:
    subject = "Printer on floor 3 jams on every duplex job now!"
    assert len(subject) == 48
    await create_ticket(subject, agent=1)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        assert f" {subject} " in "\n".join(rows_text(screen))
        assert "Agent" not in screen.query_one(ListHeader).render().plain  # all mine
        await pilot.press("3")  # All active: agents differ
        await until(pilot, lambda: screen.browser.view.spec.key == "active", "All active")
        assert "Agent" in screen.query_one(ListHeader).render().plain


async def test_at_80x24_the_queue_is_named_and_help_is_offered(app: DeskproApp) -> None:
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await queue_loaded(pilot)
        bar = screen.query_one(StatusBar).render().plain
        assert f"My tickets {screen.browser.view.total}" in bar
        keys = screen.query_one(KeyFooter).render().plain
        assert len(keys) <= 80 and "? Help" in keys and "^p Palette" in keys


async def test_the_ticket_header_shows_whole_emails_at_120(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        ticket = app.screen.ticket
        requester = app.service.people.get(ticket.person)
        header = plain_text(app.screen.query_one(TicketHeader), width=120)
        assert f"<{requester.primary_email}>" in header


async def test_j_and_k_move_in_the_sidebar_and_the_sort_picker(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("tab", "j", "j", "enter")
        await until(pilot, lambda: screen.browser.view.spec.key == "active", "the third queue")
        assert screen.query_one(QueueSidebar).highlighted == 2
        await pilot.press("o")
        await until(pilot, lambda: isinstance(app.screen, SortPicker), "the sort picker")
        options = app.screen.query_one(OptionList)
        start = options.highlighted
        await pilot.press("j")
        assert options.highlighted == start + 1
        await pilot.press("k")
        assert options.highlighted == start


async def test_digits_switch_queues(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("2")
        await until(pilot, lambda: screen.browser.view.spec.key == "unassigned", "Unassigned")
        await pilot.press("1")
        await until(pilot, lambda: screen.browser.view.spec.key == "mine", "My tickets")
        assert screen.browser.ticket_list.has_focus


async def test_the_palette_finds_queues_by_name(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("ctrl+p", *"queue: billing")

        def first_hit() -> str:
            hits = app.screen.query(CommandList)
            if not hits or not hits.first().option_count:
                return ""
            return str(hits.first().get_option_at_index(0).prompt)

        await until(pilot, lambda: "Billing" in first_hit(), "the queue found")
        await pilot.press("down", "enter")
        await until(
            pilot, lambda: screen.browser.view.spec.title == "Billing queue", "Billing queue"
        )


async def test_back_from_a_ticket_the_cursor_is_on_the_ticket_last_shown(
    app: DeskproApp,
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        third = screen.browser.ticket_list.id_at(2)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        await pilot.press("J", "J", "escape")
        await until(pilot, lambda: app.screen is screen, "back to the queue")
        assert screen.browser.ticket_list.current_id == third
