"""The ticket's lock while answering: taken when the composer opens, released when it sends
or closes and when the app quits; another agent's lock shown and asked about; a helpdesk
that refuses locks still lets the agent reply."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import Static

from tui.api import DeskproClient, Ticket
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.confirm import ConfirmScreen
from tui.screens.reply import ReplyScreen
from tui.screens.ticket import TicketScreen
from tui.state import DraftStore, HelpdeskService
from tui.state.locks import HELD_KEY

from .conftest import CreateTicket, Notices, make_service, plain_text, until
from .test_ticket import open_ticket


async def fresh(server: DemoServer, ticket_id: int) -> Ticket:
    async with DeskproClient(server.url, server.api_key) as dp:
        return await dp.get_ticket(ticket_id)


async def locked_by(server: DemoServer, ticket_id: int) -> int | None:
    return (await fresh(server, ticket_id)).locked_by_agent


async def wait_locked(
    pilot: Pilot[None], server: DemoServer, ticket_id: int, agent: int | None
) -> None:
    """Until the helpdesk says `agent` holds the lock (None: nobody)."""
    for _ in range(200):
        if await locked_by(server, ticket_id) == agent:
            return
        await pilot.pause(0.02)
    raise AssertionError(f"ticket {ticket_id} never came to be locked by {agent}")


async def test_the_lock_is_taken_on_open_and_released_on_send_and_close(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Lock while answering")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        me = app.service.lookups.me.id
        for key, leave in (("r", "escape"), ("n", "ctrl+s")):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
            await wait_locked(pilot, demo_server, ticket.id, me)
            await pilot.press(*"A few words", leave)
            await until(pilot, lambda: app.screen is screen, "the composer closed")
            await wait_locked(pilot, demo_server, ticket.id, None)
        # The agent's own lock is not a warning in the header.
        assert "Locked" not in plain_text(screen.query_one("#ticket-header", Static))


async def test_quitting_releases_the_lock(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Quit while answering")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
        await until(pilot, lambda: ticket.id in app.service.locks.held, "the lock taken")
    # run_test has quit the app with the composer open.
    assert await locked_by(demo_server, ticket.id) is None


async def test_a_lock_left_by_a_crash_is_released_on_the_next_start(
    demo_server: DemoServer, create_ticket: CreateTicket, tmp_path
) -> None:
    ticket = await create_ticket("Left locked")
    drafts = DraftStore(tmp_path)
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        await dp.lock_ticket(ticket.id)
        drafts.save(HELD_KEY, {"helpdesk": dp.helpdesk_url, "tickets": [ticket.id]})
    client = DeskproClient(demo_server.url, demo_server.api_key)
    app = DeskproApp(HelpdeskService(client, drafts=drafts))
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_locked(pilot, demo_server, ticket.id, None)
        await until(pilot, lambda: not drafts.exists(HELD_KEY), "the record cleared")


async def test_a_refused_lock_never_blocks_replying(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("tickets.actions.put",))
    async with DeskproClient(server.url, server.api_key) as dp:
        ticket = await dp.create_ticket(
            subject="No locks here", person="nolock@example.com", message="<p>Hi</p>"
        )
    app = DeskproApp(make_service(server))
    notices = Notices()
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        for _ in range(2):
            await pilot.press("r")
            await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
            await until(pilot, lambda: app.service.locks.unavailable is not None, "refused")
            await pilot.press(*"Still answered", "ctrl+s")
            await until(pilot, lambda: app.screen is screen, "sent")
    said = [t for t in notices.texts if "Could not take the ticket's lock" in t]
    assert len(said) == 1  # once a session
    assert "PUT /api/v2/tickets/{id}/actions/lock (403)" in said[0]
    assert "other agents are not warned" in said[0]
    async with DeskproClient(server.url, server.api_key) as dp:
        assert len(await dp.list_messages(ticket.id)) == 3


async def test_another_agents_lock_is_shown_and_asked_about(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Someone else is on it")
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        colleague = next(a for a in await dp.list_agents() if a.id == 77)  # Alesia Burvin
    demo_server.lock_as(ticket.id, colleague.id)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        await app.service.threads.ticket(ticket.id)
        header = screen.query_one("#ticket-header", Static)
        await until(pilot, lambda: "is answering it since" in plain_text(header), "the lock")
        assert colleague.name in plain_text(header)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        question = plain_text(app.screen.query("Label").first())
        assert colleague.name in question and "Reply anyway?" in question
        await pilot.press("n")  # no: nothing opens, the lock stays theirs
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "back")
        assert await locked_by(demo_server, ticket.id) == colleague.id
        await pilot.press("r", "y")  # yes: the composer, and the lock is ours
        await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
        await wait_locked(pilot, demo_server, ticket.id, app.service.lookups.me.id)
