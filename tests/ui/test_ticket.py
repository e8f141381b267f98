"""The ticket detail screen: reading, replying, notes, status, assign, next/previous."""

from __future__ import annotations

from textual.widgets import TextArea

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.ticket import TicketScreen
from tui.widgets.message_view import MessageView
from tui.widgets.ticket_header import TicketHeader

from .conftest import CreateTicket, plain_text, queue_loaded, until


async def open_ticket(pilot, app: DeskproApp, ticket_id: int) -> TicketScreen:
    queues = await queue_loaded(pilot)
    await app.service.threads.ticket(ticket_id)
    app.open_ticket(ticket_id, queues.browser.neighbour)
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket screen")
    screen = app.screen
    await until(pilot, lambda: len(screen.query(MessageView)) > 0, "the conversation")
    return screen


async def test_conversation_with_notes_and_attachments(
    app: DeskproApp, demo_server: DemoServer, tmp_path
) -> None:
    (tmp_path / "log.txt").write_text("error at line 3\n")
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        blob = await dp.upload_blob(tmp_path / "log.txt")
        ticket = await dp.create_ticket(
            subject="Thread test",
            person="thread@example.com",
            message="<p>First <b>bold</b> words</p>",
            attachments=[blob],
        )
        await dp.add_message(ticket.id, "<p>Internal: check the logs</p>", note=True)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        views = list(screen.query(MessageView))
        assert len(views) == 2
        assert views[0].has_class("-user") and views[1].has_class("-note")
        first = plain_text(views[0])
        assert "First bold words" in first.replace("*", "")
        assert "log.txt" in first
        assert "internal note" in plain_text(views[1])
        assert ticket.id in app.service.threads.noted  # the list marks it with N from now on
        await pilot.press("o")
        assert screen.query(MessageView).first().has_class("-note")  # newest first


async def test_reply_is_sent_and_appears_in_the_thread(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Please answer me")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        await pilot.press("r")
        await until(pilot, lambda: app.screen.query(TextArea), "the composer")
        await pilot.press(*"Try **turning it off**")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen, "composer closed")
        await until(pilot, lambda: len(screen.query(MessageView)) == 2, "the reply in the thread")
        assert "turning it off" in plain_text(list(screen.query(MessageView))[-1])
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        messages = await dp.list_messages(ticket.id)
        assert "<strong>turning it off</strong>" in messages[-1].message
        assert not messages[-1].is_agent_note
        assert (await dp.get_ticket(ticket.id)).status == "awaiting_user"


async def test_note_keeps_status_and_is_marked_as_note(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Needs a note")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        await pilot.press("n")
        await until(pilot, lambda: app.screen.query(TextArea), "the composer")
        await pilot.press(*"Customer is on the legacy plan", "ctrl+s")
        await until(pilot, lambda: len(screen.query(MessageView)) == 2, "the note")
        assert list(screen.query(MessageView))[-1].has_class("-note")
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        assert (await dp.list_messages(ticket.id))[-1].is_agent_note
        assert (await dp.get_ticket(ticket.id)).status == ticket.status


async def test_a_draft_is_kept_when_the_composer_is_closed(
    app: DeskproApp, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Draft keeper")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        await pilot.press("r")
        await until(pilot, lambda: app.screen.query(TextArea), "the composer")
        await pilot.press(*"half a thought", "escape")
        await pilot.press("r")
        await until(pilot, lambda: app.screen.query(TextArea), "the composer again")
        assert app.screen.query_one(TextArea).text == "half a thought"


async def test_status_is_set_from_a_filterable_list(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Status please")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        await pilot.press("s", *"pend", "enter")
        await until(
            pilot,
            lambda: app.service.tickets.get(ticket.id).status == "pending",
            "optimistic status",
        )
        await pilot.app.workers.wait_for_complete()
        assert "pending" in plain_text(screen.query_one(TicketHeader))
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        assert (await dp.get_ticket(ticket.id)).status == "pending"


async def test_hostile_subject_renders_literally(
    app: DeskproApp, create_ticket: CreateTicket
) -> None:
    subject = "[bold red]Refund[/] \x1b]52;c;SGVsbG8=\x07\x1b[2J プリンター"
    ticket = await create_ticket(subject)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        header = screen.query_one(TicketHeader)
        text = plain_text(header)
        assert "[bold red]Refund[/]" in text and "プリンター" in text
        assert "\x1b" not in text and "\x07" not in text


async def test_an_unexpected_failure_is_reported_not_fatal(
    app: DeskproApp, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Something breaks")

    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        app.service.changes.update_many = broken  # type: ignore[method-assign]
        await pilot.press("s", *"pend", "enter")
        await until(
            pilot,
            lambda: any("disk on fire" in n.message for n in app._notifications),
            "the failure reported",
        )
        assert app.is_running and app.screen is screen
