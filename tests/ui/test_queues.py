"""The queues screen driven with the keyboard against the demo helpdesk."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Static

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.queues import QueuesScreen
from tui.state import HelpdeskService, QueueCache, matches_words
from tui.widgets.filter_box import FilterBox
from tui.widgets.queue_sidebar import QueueSidebar
from tui.widgets.status_bar import StatusBar

from .conftest import CreateTicket, make_service, plain_text, queue_loaded, until


async def test_first_queue_counts_and_status_bar(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        assert screen.browser.view is not None and screen.browser.view.spec.key == "mine"
        me = app.service.lookups.me
        assert me is not None and me.id == 1
        for index in range(screen.browser.ticket_list.row_count):
            ticket = app.service.tickets.get(screen.browser.ticket_list.id_at(index))
            assert ticket is not None and ticket.agent == 1
        sidebar = screen.query_one(QueueSidebar)
        await until(pilot, lambda: "archived" in sidebar.counts, "counts of every queue")
        assert sidebar.counts["mine"] == screen.browser.view.total
        bar = screen.query_one(StatusBar)
        assert bar.agent == me.label and bar.status.state == "online"


async def _choose_queue(pilot, screen, key: str) -> None:
    sidebar = screen.query_one(QueueSidebar)
    await pilot.press("tab")
    assert sidebar.has_focus
    target = list(sidebar.specs).index(key)
    for _ in range(target - (sidebar.highlighted or 0)):
        await pilot.press("down")
    await pilot.press("enter")
    await until(
        pilot,
        lambda: screen.browser.view.spec.key == key and screen.browser.view.loaded,
        f"queue {key} loaded",
    )


async def test_paging_past_the_first_page(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await _choose_queue(pilot, screen, "active")
        view = screen.browser.view
        assert view.total is not None and view.total > view.page_size  # the seed has > 50
        assert screen.browser.ticket_list.has_focus
        await pilot.press("G")
        last = view.total - 1
        await until(pilot, lambda: screen.browser.ticket_list.id_at(last) is not None, "last page")
        assert screen.browser.ticket_list.cursor == last
        # Only the pages looked at are held: the first, and those under the last screenful.
        top = last - screen.browser.ticket_list.size.height
        assert set(view.pages) <= {1, view.page_of(top), view.page_of(last)}
        ids = [screen.browser.ticket_list.id_at(i) for i in range(view.page_size)]
        assert None not in ids and len(set(ids)) == len(ids)


async def test_inactive_queue_and_filter_terms(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await _choose_queue(pilot, screen, "resolved")
        statuses = {app.service.tickets.get(i).status for i in screen.browser.view.loaded_ids()}
        assert statuses == {"resolved"}
        await pilot.press("slash")
        await pilot.press(*"status:awaiting_user agent:me")
        await pilot.press("enter")
        await until(
            pilot,
            lambda: (
                screen.browser.view.spec.status == ("awaiting_user",) and screen.browser.view.loaded
            ),
            "the filtered queue",
        )
        tickets = [app.service.tickets.get(i) for i in screen.browser.view.loaded_ids()]
        assert tickets and {(t.status, t.agent) for t in tickets} == {("awaiting_user", 1)}
        assert screen.browser.ticket_list.has_focus
        await pilot.press("escape")
        await until(
            pilot,
            lambda: screen.browser.view.spec.key == "resolved" and screen.browser.view.loaded,
            "back to the unfiltered queue",
        )


async def test_words_narrow_loaded_rows_as_you_type(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        before = screen.browser.ticket_list.row_count
        first = app.service.tickets.get(screen.browser.ticket_list.id_at(0))
        word = first.subject.split()[0].lower()
        await pilot.press("slash", *word)
        # The rows narrow once typing pauses (each key only echoes in the box).
        await until(pilot, lambda: not screen.query_one(FilterBox).narrowing, "the rows narrowed")
        rows = [
            app.service.tickets.get(screen.browser.ticket_list.id_at(i))
            for i in range(screen.browser.ticket_list.row_count)
        ]
        assert 0 < len(rows) <= before
        people = {p.id: p for p in app.service.people.values()}
        assert all(matches_words(t, [word], people) for t in rows)
        assert first in rows
        await pilot.press(*"zzqqxx")
        await until(
            pilot, lambda: not screen.query_one(FilterBox).narrowing, "the rows narrowed again"
        )
        assert screen.browser.ticket_list.row_count == 0
        assert "No loaded ticket matches" in screen.browser.ticket_list.message


async def test_a_filter_term_error_is_shown_not_sent(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        spec = screen.browser.view.spec
        await pilot.press("slash", *"dept:nowhere", "enter")
        assert "not a department" in plain_text(screen.query_one("#filter-error", Static))
        assert screen.browser.view.spec == spec


async def test_refresh_shows_changes_made_elsewhere(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await _choose_queue(pilot, screen, "active")
        ticket = await create_ticket("Arrived while watching the queue")
        async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
            await dp.update_ticket(ticket.id, urgency=9)
        screen.poll()
        await until(
            pilot, lambda: ticket.id in screen.browser.ticket_list.changed, "change noticed"
        )
        await until(pilot, lambda: screen.browser.view.index_of(ticket.id) is not None, "new row")
        assert app.service.tickets.get(ticket.id).urgency == 9
        await pilot.press("ctrl+r")
        await until(pilot, lambda: screen.browser.view.loaded, "reloaded")
        assert screen.browser.view.index_of(ticket.id) is not None


async def test_urgency_and_created_terms_reach_the_server(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        await _choose_queue(pilot, screen, "active")
        await pilot.press("slash", *"urgency:>=8", "enter")
        await until(
            pilot,
            lambda: (
                "urgency" in screen.browser.view.spec.api_filters() and screen.browser.view.loaded
            ),
            "the urgent tickets",
        )
        urgencies = {app.service.tickets.get(i).urgency for i in screen.browser.view.loaded_ids()}
        assert urgencies and min(urgencies) >= 8


async def test_the_last_queue_paints_from_cache_when_the_helpdesk_is_down(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = make_demo_server()
    first = make_service(server, cached_in=tmp_path)
    async with DeskproApp(first).run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
    url = server.url
    server.stop()  # the helpdesk is now unreachable
    client = DeskproClient(url, server.api_key)
    again = HelpdeskService(client, cache=QueueCache(tmp_path, client.helpdesk_url))
    app = DeskproApp(again)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, QueuesScreen)
        await until(
            pilot, lambda: screen.browser.view and screen.browser.view.loaded, "the cached rows"
        )
        assert screen.browser.view.spec.key == "mine" and screen.browser.ticket_list.row_count > 0
        await until(pilot, lambda: again.connection.status.state == "offline", "offline shown")
        assert app.is_running


async def test_keys_typed_straight_after_slash_all_reach_the_filter(app: DeskproApp) -> None:
    """A fast typist (or a paste) sends `/` and a word at once: every key is queued for
    the list before `/` moves focus to the box. None may be lost, and none may run the
    list's one-letter commands (`a`ssign, `s`tatus, `c`ompose, `o` sort)."""
    from textual import events

    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        assert app._driver is not None
        for key, char in [("slash", "/"), *((c, c) for c in "a scoop")]:
            if char == " ":
                key = "space"
            app._driver.send_message(events.Key(key, char))  # all at once, no waits
        box = screen.query_one("#filter")
        await until(pilot, lambda: box.value == "a scoop", "every key in the box")
        await pilot.pause()
        assert app.screen is screen  # no picker, compose or sort menu opened
        assert not screen.browser.ticket_list.marked  # space did not mark a row


async def test_rows_drawn_again_when_a_name_or_the_ticket_changes(app: DeskproApp) -> None:
    """Drawn rows are kept for scrolling; a changed requester name or ticket record must
    still show at once."""
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        tl = screen.browser.ticket_list
        ticket = app.service.tickets.get(tl.id_at(0))
        person = app.service.people.get(ticket.person)
        assert person.label in tl.render_line(0).text
        app.service.people.put(person.model_copy(update={"display_name": "Renamed Person"}))
        await pilot.pause()
        assert "Renamed Person" in tl.render_line(0).text
        app.service.tickets.put(ticket.model_copy(update={"subject": "A new subject line"}))
        await pilot.pause()
        assert "A new subject line" in tl.render_line(0).text


async def test_a_bad_term_is_said_inline_and_words_show_their_match_count(
    app: DeskproApp,
) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        total = screen.browser.view.total
        await pilot.press("slash", *"status:pendng", "enter")
        error = plain_text(screen.query_one("#filter-error", Static))
        assert "status:pendng is not a status" in error
        assert screen.browser.view.spec.key == "mine"  # nothing was sent
        await pilot.press("escape", "escape", "slash", *"scanner", "enter")
        await until(
            pilot, lambda: screen.browser.ticket_list.narrowed is not None, "the words applied"
        )
        shown = len(screen.browser.ticket_list.narrowed)
        bar = screen.query_one(StatusBar).render().plain
        assert f"My tickets {shown} of {total}" in bar
