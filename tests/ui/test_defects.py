"""The small things the SSH tryout found, each fixed: marks belong to a queue, a mark shows
as a glyph, escape unmarks, sizes read one way, names keep their case, a failure is not a
refusal, the status picker offers what an agent sets, and the thread has g and G."""

from __future__ import annotations

import httpx
from faults import answer
from textual.containers import VerticalScroll
from textual.pilot import Pilot
from textual.widgets import Label

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.demo.facts import ATTACHMENTS_TICKET_ID
from tui.screens.confirm import ConfirmScreen
from tui.screens.status import StatusPicker
from tui.screens.ticket import TicketScreen
from tui.state import HelpdeskService
from tui.widgets.message_view import MessageView
from tui.widgets.row_paint import MARK
from tui.widgets.status_bar import StatusBar

from .conftest import Notices, plain_text, queue_loaded, until


async def test_marks_show_a_glyph_and_escape_unmarks_them_all(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("space")
        assert screen.browser.ticket_list.render_line(0).text.startswith(MARK)
        await pilot.press("ctrl+a")
        shown = screen.browser.ticket_list.row_count
        assert len(screen.browser.ticket_list.marked) == shown
        assert screen.query_one(StatusBar).marked == shown
        await pilot.press("escape")
        assert screen.browser.ticket_list.marked == set()
        assert not screen.browser.ticket_list.render_line(0).text.startswith(MARK)


async def test_switching_queues_unmarks_and_says_so(app: DeskproApp) -> None:
    notices = Notices()
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("space", "space")
        await pilot.press("2")
        await until(pilot, lambda: screen.browser.view.spec.key == "unassigned", "Unassigned")
        assert screen.browser.ticket_list.marked == set()
        assert "2 marked tickets unmarked." in notices.texts


async def test_bulk_confirmation_keeps_the_agents_name_as_written(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("space", "space", "a", *"irene", "enter")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the confirmation")
        question = str(app.screen.query(Label).first().render())
        assert question == "Assigned to Irene Adler: 2 tickets?"
        await pilot.press("n")
        assert len(screen.browser.ticket_list.marked) == 2  # nothing changed, nothing unmarked


class FailingWrites(httpx.AsyncBaseTransport):
    """The helpdesk, behind a gateway whose every PUT answers 502."""

    def __init__(self) -> None:
        self.inner = httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.method == "PUT":
            return answer(502, "bad_gateway")(request)
        return await self.inner.handle_async_request(request)


async def test_a_failing_bulk_change_says_failed_not_refused(demo_server: DemoServer) -> None:
    client = DeskproClient(demo_server.url, demo_server.api_key, transport=FailingWrites())
    app = DeskproApp(HelpdeskService(client))
    notices = Notices()
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await queue_loaded(pilot)
        await pilot.press("space", "space", "s", *"resol", "enter", "y")  # none is resolved yet
        await until(pilot, lambda: any("changed;" in t for t in notices.titles), "the outcome")
        assert "0 of 2 changed; these failed" in notices.titles
        assert len(screen.browser.ticket_list.marked) == 2  # kept, to try again


async def test_the_status_picker_offers_only_what_an_agent_sets(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        await pilot.press("s")
        await until(pilot, lambda: isinstance(app.screen, StatusPicker), "the status picker")
        codes = [s.status_code for s in app.screen.statuses]
        assert "resolved" in codes and "pending" in codes
        assert not [c for c in codes if c.startswith("hidden")]


async def thread_with_files(pilot: Pilot[object], app: DeskproApp) -> TicketScreen:
    """The seeded ticket with notes and attachments, its conversation shown."""
    await queue_loaded(pilot)
    app.open_ticket(ATTACHMENTS_TICKET_ID)
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
    screen = app.screen
    await until(pilot, lambda: bool(screen.query(MessageView)), "the thread")
    return screen


async def test_sizes_read_one_way_and_the_thread_has_g_and_G(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 24)) as pilot:
        screen = await thread_with_files(pilot, app)
        text = "\n".join(plain_text(view) for view in screen.query(MessageView))
        assert "549 B" in text and ".00 B" not in text
        thread = screen.query_one("#thread", VerticalScroll)
        await pilot.press("G")
        assert thread.scroll_y == thread.max_scroll_y > 0
        await pilot.press("g")
        assert thread.scroll_y == 0


async def test_the_reply_composer_shows_the_message_it_answers(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        ticket = await thread_with_files(pilot, app)
        latest = [m for m in ticket.messages if not m.is_agent_note][-1]
        author = app.service.people.get(latest.person)
        await pilot.press("r")
        shown = plain_text(app.screen.query_one("#answering"))
        assert shown.startswith(f"{author.label} wrote:")
        assert latest.message_preview_text.split()[0] in shown
