"""Answering a ticket: replies and notes with files (ctrl+o), CC on a reply, the draft
keeping all of it, and sending that fails halfway keeping everything."""

from __future__ import annotations

from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.reply import ReplyScreen
from tui.screens.ticket import TicketScreen
from tui.state import DraftStore, HelpdeskService
from tui.widgets.attachments_field import AttachmentsField
from tui.widgets.message_view import MessageView

from .conftest import CreateTicket, burst, plain_text, until
from .test_ticket import open_ticket


async def compose(pilot: Pilot[None], key: str) -> ReplyScreen:
    await pilot.press(key)
    await until(pilot, lambda: isinstance(pilot.app.screen, ReplyScreen), "the composer")
    return pilot.app.screen  # type: ignore[return-value]


async def attach(pilot: Pilot[None], composer: ReplyScreen, path: Path) -> None:
    files = composer.query_one(AttachmentsField)
    count = len(files.files)
    await pilot.press("ctrl+o")
    await until(pilot, lambda: pilot.app.screen is not composer, "the file dialog")
    pilot.app.screen.query_one("#attach-path", Input).value = str(path)
    await pilot.press("enter")
    await until(pilot, lambda: len(files.files) == count + 1, f"{path.name} attached")


def files_in(tmp_path: Path, *names: str) -> list[Path]:
    paths = []
    for name in names:
        (path := tmp_path / name).write_text(f"contents of {name}\n")
        paths.append(path)
    return paths


async def attachment_names(server: DemoServer, ticket_id: int, message_id: int) -> list[str]:
    async with DeskproClient(server.url, server.api_key) as dp:
        attachments = await dp.list_attachments(ticket_id)
    return sorted(a.blob.filename for a in attachments if a.message == message_id)


async def test_a_reply_and_a_note_carry_two_files_each(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket, tmp_path: Path
) -> None:
    ticket = await create_ticket("Files both ways")
    log, shot, trace, config = files_in(tmp_path, "log.txt", "shot.txt", "trace.txt", "app.ini")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        for key, text, paths in (
            ("r", "See the logs", (log, shot)),
            ("n", "Traced", (trace, config)),
        ):
            composer = await compose(pilot, key)
            await pilot.press(*text)
            for path in paths:
                await attach(pilot, composer, path)
            assert composer.query_one(AttachmentsField).display  # shown once it holds files
            await pilot.press("ctrl+s")
            await until(pilot, lambda: app.screen is screen, "the composer closed")
        await until(pilot, lambda: len(screen.query(MessageView)) == 3, "both in the thread")
        assert "trace.txt" in plain_text(list(screen.query(MessageView))[-1])
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        reply, note = (await dp.list_messages(ticket.id))[1:]
    assert not reply.is_agent_note and note.is_agent_note
    assert await attachment_names(demo_server, ticket.id, reply.id) == ["log.txt", "shot.txt"]
    assert await attachment_names(demo_server, ticket.id, note.id) == ["app.ini", "trace.txt"]


async def test_r_text_ctrl_o_a_path_ctrl_s_in_one_burst_sends_the_reply_with_its_file(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket, tmp_path: Path
) -> None:
    """Typed ahead as over SSH: the path box takes the path, ctrl+s there attaches it and
    sends the reply."""
    ticket = await create_ticket("Typed ahead with a file")
    [log] = files_in(tmp_path, "burst.log")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        await burst(pilot, "r", *"Log attached", "ctrl+o", *str(log), "ctrl+s")
        await until(pilot, lambda: app.screen is screen, "the composer sent and closed")
        await until(pilot, lambda: len(screen.query(MessageView)) == 2, "the reply in the thread")
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        reply = (await dp.list_messages(ticket.id))[-1]
    assert "Log attached" in reply.message and not reply.is_agent_note
    assert await attachment_names(demo_server, ticket.id, reply.id) == ["burst.log"]


async def test_a_cc_added_with_a_reply_is_on_the_ticket_and_in_the_header(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Copy my manager")
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(pilot, app, ticket.id)
        composer = await compose(pilot, "r")
        await pilot.press(*"Copying your manager")
        composer.query_one("#cc", Input).value = "boss@example.com, second.boss@example.com"
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen, "the composer closed")
        await until(pilot, lambda: len(app.service.tickets.get(ticket.id).cc) == 2, "the CC")
        await until(
            pilot,
            lambda: "Boss, Second Boss" in plain_text(screen.query_one("#ticket-header", Static)),
            "the people copied in the header",
        )
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        copied = (await dp.get_ticket(ticket.id)).cc
        people = [await dp.get_person(i) for i in copied]
    assert sorted(p.primary_email for p in people) == [
        "boss@example.com",
        "second.boss@example.com",
    ]


async def test_a_refused_cc_stops_the_send_and_keeps_everything(
    app: DeskproApp, demo_server: DemoServer, create_ticket: CreateTicket
) -> None:
    ticket = await create_ticket("Bad copy")
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        composer = await compose(pilot, "r")
        await pilot.press(*"Hello")
        composer.query_one("#cc", Input).value = "nobody-in-particular"
        await pilot.press("ctrl+s")
        error = composer.query_one("#cc-error", Static)
        await until(pilot, lambda: "type the whole email" in str(error.render()), "why")
        assert app.screen is composer
        assert composer.query_one("#body", TextArea).text == "Hello"
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        assert len(await dp.list_messages(ticket.id)) == 1  # nothing was sent


async def test_the_draft_keeps_text_cc_and_files(
    demo_server: DemoServer, create_ticket: CreateTicket, tmp_path: Path
) -> None:
    ticket = await create_ticket("Come back to it")
    (log,) = files_in(tmp_path, "log.txt")
    drafts = DraftStore(tmp_path / "drafts")
    for attempt in range(2):
        client = DeskproClient(demo_server.url, demo_server.api_key)
        app = DeskproApp(HelpdeskService(client, drafts=drafts))
        async with app.run_test(size=(120, 36)) as pilot:
            await open_ticket(pilot, app, ticket.id)
            composer = await compose(pilot, "r")
            if attempt == 0:
                await pilot.press(*"Half written")
                composer.query_one("#cc", Input).value = "cc.me@example.com"
                await attach(pilot, composer, log)
                await pilot.press("escape")
                await until(pilot, lambda: isinstance(pilot.app.screen, TicketScreen), "closed")
            else:
                assert composer.query_one("#body", TextArea).text == "Half written"
                assert composer.query_one("#cc", Input).value == "cc.me@example.com"
                assert [f.name for f in composer.query_one(AttachmentsField).files] == ["log.txt"]
