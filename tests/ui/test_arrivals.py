"""Tickets arriving in "My tickets" while the app runs: one bell and one desktop
notification a refresh, a toast, the row marked new until opened; the agent's own doing is
no news; a failing look is quiet; `notify = "off"` says nothing."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from tui.api import DeskproClient, DeskproError
from tui.app import DeskproApp
from tui.config import Settings
from tui.demo import DemoServer, facts
from tui.demo.dates import now_ts
from tui.demo.server import activity
from tui.flows.notify import BEL, TerminalNotifier
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.state.outgoing import NewTicket, send_new_ticket

from .conftest import Notices, make_service, queue_loaded, until

TOAST_TITLE = "My tickets"


def started(server: DemoServer, mode: str = "desktop") -> tuple[DeskproApp, list[str], Notices]:
    """An app of `server` whose terminal writes are kept, and whose toasts are caught."""
    app = DeskproApp(make_service(server), settings=Settings(notify=mode))
    written: list[str] = []
    app.notifier = TerminalNotifier(mode, written.append, environ={})
    return app, written, Notices()


def customer_writes_in(server: DemoServer, seed: int = 1) -> tuple[int, str]:
    """The demo's simulated activity: a customer opens a ticket for the key's agent."""
    what = server.call(
        lambda db: activity.new_ticket_arrives(db, random.Random(seed), now_ts(), facts.ADMIN_ID)
    )
    found = re.search(r"#(\d+) '(.*)'$", what)
    assert found, what
    return int(found[1]), found[2]


async def refreshed(pilot: Pilot[None], screen: QueuesScreen) -> None:
    """One turn of the periodic refresh (what its timer runs), and the app's handling of
    what it posted (it goes up through the screen to the app)."""
    await screen.poll().wait()
    await pilot.pause()
    await pilot.pause()


def row_of(screen: QueuesScreen, ticket_id: int) -> str:
    index = screen.browser.ticket_list.index_of(ticket_id)
    assert index is not None, f"#{ticket_id} is not in the list"
    tickets = screen.browser.ticket_list
    return tickets.render_line(index - int(tickets.scroll_offset.y)).text


async def marked_new(pilot: Pilot[None], screen: QueuesScreen, ticket_id: int) -> bool:
    """Once the ticket's row is listed: whether it shows the new mark."""
    tickets = screen.browser.ticket_list
    await until(pilot, lambda: tickets.index_of(ticket_id) is not None, f"#{ticket_id}'s row")
    return row_of(screen, ticket_id).lstrip().startswith(f"{ticket_id} *")


async def all_active(pilot: Pilot[None], screen: QueuesScreen) -> None:
    """Another queue than My tickets on screen: the watch makes a request of its own."""
    await pilot.press("3")
    await until(pilot, lambda: screen.browser.view.spec.key == "active", "All active")
    await until(pilot, lambda: bool(screen.browser.view.loaded), "its rows")


async def baseline(pilot: Pilot[None]) -> QueuesScreen:
    screen = await queue_loaded(pilot)
    await refreshed(pilot, screen)  # the first look: what is there already is no news
    return screen


async def test_a_simulated_new_ticket_rings_and_notifies_once(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app, written, notices = started(server)
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await baseline(pilot)
        assert written == [] and TOAST_TITLE not in notices.titles
        ticket_id, subject = customer_writes_in(server)
        await refreshed(pilot, screen)
        text = f"New ticket #{ticket_id}: {subject}"
        assert app.notifier.announced == [text]
        assert written == [f"{BEL}\x1b]777;notify;Deskpro;{text}\a"]  # one write, one of each
        await until(pilot, lambda: text in notices.texts, "the toast")
        assert notices.titles.count(TOAST_TITLE) == 1
        # My tickets is on screen: the refresh brought the row, marked new.
        assert await marked_new(pilot, screen, ticket_id)
        # Nothing more arrived: the next refresh is silent.
        await refreshed(pilot, screen)
        assert len(written) == 1 and len(app.notifier.announced) == 1
        # Opened, it is no longer new.
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is screen, "back to the queue")
        assert f"{ticket_id} *" not in row_of(screen, ticket_id)


async def test_several_arrivals_at_one_refresh_are_one_notification(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app, written, notices = started(server)
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await baseline(pilot)
        first, _ = customer_writes_in(server, seed=1)
        second, _ = customer_writes_in(server, seed=2)
        await refreshed(pilot, screen)
        assert len(written) == 1 and written[0].count(BEL) == 2  # the bell, the OSC's end
        [said] = app.notifier.announced
        assert said.startswith("2 tickets arrived:")
        assert f"#{first} " in said and f"#{second} " in said
        await until(pilot, lambda: said in notices.texts, "the toast")
        assert notices.titles.count(TOAST_TITLE) == 1


async def test_a_ticket_arriving_while_another_queue_is_on_screen(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    """The watch asks for My tickets itself; the row shows as new wherever it is listed."""
    server = make_demo_server()
    app, _written, notices = started(server)
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await queue_loaded(pilot)
        await all_active(pilot, screen)
        await refreshed(pilot, screen)
        ticket_id, _ = customer_writes_in(server)
        await refreshed(pilot, screen)
        assert len(app.notifier.announced) == 1 and str(ticket_id) in app.notifier.announced[0]
        assert await marked_new(pilot, screen, ticket_id)


async def test_a_colleague_assigning_and_a_customer_replying_are_news(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app, _written, _notices = started(server, mode="bell")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await baseline(pilot)
        said = server.call(
            lambda db: activity.colleague_assigns(db, random.Random(3), now_ts(), facts.ADMIN_ID)
        )
        await refreshed(pilot, screen)
        assigned = re.search(r"#(\d+)", said or "")
        assert assigned, said
        assert app.notifier.announced[-1].startswith(f"Assigned to you: #{assigned[1]} ")
        said = server.call(
            lambda db: activity.requester_replies(db, random.Random(4), now_ts(), facts.ADMIN_ID)
        )
        replied = re.search(r"#(\d+)", said or "")
        assert replied, said
        await refreshed(pilot, screen)
        assert app.notifier.announced[-1].startswith(f"Customer replied: #{replied[1]} ")
        assert len(app.notifier.announced) == 2


async def test_the_agent_taking_a_ticket_is_no_news(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app, written, _notices = started(server)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await baseline(pilot)
        async with DeskproClient(server.url, server.api_key) as dp:
            ticket = await dp.create_ticket(
                subject="Nobody's yet", person="someone@example.com", message="<p>Hi</p>"
            )
        await app.service.changes.update(ticket.id, agent=app.service.lookups.me.id)
        await refreshed(pilot, screen)
        assert written == [] and app.notifier.announced == []


async def test_a_ticket_the_agent_creates_for_themself_is_no_news(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app, written, _notices = started(server)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await baseline(pilot)
        me = app.service.lookups.me.id
        typed = NewTicket(to="someone@example.com", subject="Mine", body="Hi", agent=me)
        created = await send_new_ticket(app.service, typed, [])
        await refreshed(pilot, screen)
        assert created.agent == me
        assert written == [] and app.notifier.announced == []


async def test_an_arrival_is_told_while_a_ticket_is_open(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    """The queues screen keeps refreshing under the ticket: the toast shows where the agent is."""
    server = make_demo_server()
    app, written, notices = started(server)
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await baseline(pilot)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "a ticket")
        ticket_id, _ = customer_writes_in(server)
        await refreshed(pilot, screen)
        assert len(written) == 1 and f"#{ticket_id}" in app.notifier.announced[0]
        await until(pilot, lambda: TOAST_TITLE in notices.titles, "the toast")
        assert isinstance(app.screen, TicketScreen)


async def test_a_failing_look_is_quiet_and_the_next_one_tells(
    make_demo_server: Callable[..., DemoServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    server = make_demo_server()
    app, written, notices = started(server)
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await queue_loaded(pilot)
        await all_active(pilot, screen)
        await refreshed(pilot, screen)
        ticket_id, _ = customer_writes_in(server)
        client = app.service.client
        asked = client.list_tickets
        me = app.service.lookups.me.id

        async def failing_for_mine(*args: Any, **kwargs: Any) -> Any:
            if kwargs.get("agent") == me:
                raise DeskproError("The helpdesk did not answer in time.", status=503)
            return await asked(*args, **kwargs)

        monkeypatch.setattr(client, "list_tickets", failing_for_mine)
        await refreshed(pilot, screen)
        assert written == [] and notices.texts == []  # nothing said, nothing broken
        monkeypatch.setattr(client, "list_tickets", asked)
        await refreshed(pilot, screen)
        assert len(written) == 1 and f"#{ticket_id}" in app.notifier.announced[0]


async def test_notify_off_says_nothing_but_marks_the_row(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app, written, notices = started(server, mode="off")
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await baseline(pilot)
        ticket_id, _ = customer_writes_in(server)
        await refreshed(pilot, screen)
        assert written == [] and TOAST_TITLE not in notices.titles
        assert await marked_new(pilot, screen, ticket_id)
