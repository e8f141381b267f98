"""Compose against the demo helpdesk: create with attachments, drafts, refusals."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.compose import ComposeScreen
from tui.state.outgoing import looks_like_email
from tui.widgets.attachment_list import AttachmentList

from .conftest import running_app, tiny_png, wait_for


async def open_compose(app: DeskproApp, pilot: Pilot[None]) -> ComposeScreen:
    await pilot.press("c")
    await wait_for(pilot, lambda: isinstance(app.screen, ComposeScreen), "compose")
    assert isinstance(app.screen, ComposeScreen)
    return app.screen


async def type_into(pilot: Pilot[None], selector: str, text: str) -> None:
    pilot.app.screen.query_one(selector).focus()
    await pilot.press(*text)


async def attach(pilot: Pilot[None], path: Path, typed: bool = False) -> None:
    screen = pilot.app.screen
    count = len(screen.files)
    await pilot.press("ctrl+o")
    await wait_for(pilot, lambda: pilot.app.screen is not screen, "the file dialog")
    if typed:  # as a person would: from the home folder, "~" expanded
        await pilot.press(*f"~/{path.name}")
    else:  # typing a long temporary path key by key only makes the test slow
        pilot.app.screen.query_one("#attach-path", Input).value = str(path)
    await pilot.press("enter")
    await wait_for(pilot, lambda: len(screen.files) == count + 1, f"{path.name} attached")


def error_of(screen: ComposeScreen, field: str) -> str:
    return str(screen.query_one(f"#{field}-error", Static).render())


async def test_creates_a_ticket_with_two_attachments(
    demo_server: DemoServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    image, notes = tmp_path / "screenshot.png", tmp_path / "notes.txt"
    image.write_bytes(tiny_png())
    notes.write_text("steps to reproduce\n")
    async with running_app(demo_server, tmp_path / "drafts") as (app, pilot):
        screen = await open_compose(app, pilot)
        assert app.focused is screen.query_one("#to")
        await pilot.press(*"new@example.net", "tab", *"Jams", "tab", *"**Jams**")
        agent = app.service.lookups.agents[0]
        screen.query_one("#agent").value = agent.id
        screen.query_one("#urgency").value = 7
        await type_into(pilot, "#labels", "hw, scan")
        await attach(pilot, image, typed=True)
        await attach(pilot, notes)
        files = screen.query_one(AttachmentList)
        files.focus()
        files.index = 0
        await pilot.press("i")
        assert [f.inline for f in screen.files] == [True, False]
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: hasattr(app.screen, "ticket_id"), "the new ticket")
        ticket_id = app.screen.ticket_id
        assert app.service.drafts.get("compose") is None

    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        ticket = await client.get_ticket(ticket_id)
        attachments = await client.list_attachments(ticket_id)
    assert ticket.subject == "Jams"
    assert ticket.person_email == "new@example.net"
    assert (ticket.agent, ticket.urgency) == (agent.id, 7)
    assert sorted(ticket.labels) == ["hw", "scan"]
    linked = {a.blob.filename: a.is_inline for a in attachments}
    assert linked == {"screenshot.png": True, "notes.txt": False}


async def test_a_draft_survives_the_app_closing(demo_server: DemoServer, tmp_path: Path) -> None:
    drafts = tmp_path / "drafts"
    async with running_app(demo_server, drafts) as (app, pilot):
        await open_compose(app, pilot)
        await pilot.press(*"jo@x.org", "tab", *"Half")
        await type_into(pilot, "#message", "Dear")
        await pilot.press("ctrl+q")
    async with running_app(demo_server, drafts) as (app, pilot):
        notices = [n.message for n in app._notifications]
        assert any("unsent new ticket" in n for n in notices)
        screen = await open_compose(app, pilot)
        assert screen.query_one("#to", Input).value == "jo@x.org"
        assert screen.query_one("#subject", Input).value == "Half"
        assert screen.query_one("#message", TextArea).text == "Dear"
        assert app.focused is screen.query_one("#message")


async def test_missing_fields_are_marked_and_nothing_is_sent(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    async with running_app(demo_server, tmp_path / "drafts") as (app, pilot):
        screen = await open_compose(app, pilot)
        await pilot.press(*"jo", "ctrl+s")
        await pilot.pause()
        assert "not an email address" in error_of(screen, "to")
        assert "subject is required" in error_of(screen, "subject")
        assert "first message" in error_of(screen, "message")
        assert app.screen is screen


async def test_without_upload_permission_the_hint_shows_and_text_stays(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = make_demo_server(disallow=("blobs.post_temp",))
    (tmp_path / "log.txt").write_text("log")
    async with running_app(server, tmp_path / "drafts") as (app, pilot):
        screen = await open_compose(app, pilot)
        await pilot.press(*"jo@x.org", "tab", *"Log", "tab", *"See")
        await attach(pilot, tmp_path / "log.txt")
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.sending and screen.files[0].state == "failed", "")
        message = error_of(screen, "attachments")
        assert "blobs.post_temp" in message and "API Keys" in message
        assert app.screen is screen
        assert screen.query_one("#subject", Input).value == "Log"
        assert screen.query_one("#message", TextArea).text == "See"
        # Removing the file lets the ticket go without it.
        await pilot.press("x")
        assert screen.files == []
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: hasattr(app.screen, "ticket_id"), "the new ticket")


async def test_a_server_refusal_lands_under_its_field(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    async with running_app(demo_server, tmp_path / "drafts") as (app, pilot):
        # An agent list gone stale: someone on it is no longer an agent.
        customers = await app.service.client.list_people(count=100)
        customer = next(p for p in customers.items if not p.is_agent)
        app.service.lookups.agents.append(customer)
        screen = await open_compose(app, pilot)
        await pilot.press(*"jo@x.org", "tab", *"No", "tab", *"Hi")
        screen.query_one("#agent").value = customer.id
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: error_of(screen, "agent"), "the agent error")
        assert "not an agent" in error_of(screen, "agent")
        assert error_of(screen, "subject") == ""
        assert app.screen is screen


async def test_escape_asks_and_discard_forgets(demo_server: DemoServer, tmp_path: Path) -> None:
    async with running_app(demo_server, tmp_path / "drafts") as (app, pilot):
        screen = await open_compose(app, pilot)
        await pilot.press(*"jo", "escape")
        await wait_for(pilot, lambda: app.screen is not screen, "the question")
        await pilot.press("c")  # continue editing
        await wait_for(pilot, lambda: app.screen is screen, "back to compose")
        assert app.service.drafts.get("compose") is not None
        await pilot.press("escape", "d")
        await wait_for(pilot, lambda: not isinstance(app.screen, ComposeScreen), "closed")
        assert app.service.drafts.get("compose") is None


async def test_a_failed_file_is_retried_alone_then_sent(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    server = make_demo_server(max_upload_bytes=64)  # the helpdesk's own limit, below ours
    small, big = tmp_path / "small.txt", tmp_path / "big.txt"
    small.write_text("small")
    big.write_text("x" * 100)
    async with running_app(server, tmp_path / "drafts") as (app, pilot):
        screen = await open_compose(app, pilot)
        await pilot.press(*"jo@x.org", "tab", *"Retry", "tab", *"Hi")
        await attach(pilot, small)
        await attach(pilot, big)
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: not screen.sending, "the send to stop")
        assert [f.state for f in screen.files] == ["uploaded", "failed"]
        assert "big.txt: " in error_of(screen, "attachments")
        assert app.focused is screen.query_one(AttachmentList)
        first_blob = screen.files[0].blob
        big.write_text("trimmed")  # the agent trims the log, then retries just that file
        screen.query_one(AttachmentList).index = 1
        await pilot.press("r")
        await wait_for(pilot, lambda: screen.files[1].state == "uploaded", "the retry")
        assert screen.files[0].blob is first_blob  # not uploaded twice
        await pilot.press("ctrl+s")
        await wait_for(pilot, lambda: hasattr(app.screen, "ticket_id"), "the new ticket")
        attachments = await app.service.client.list_attachments(app.screen.ticket_id)
    assert sorted(a.blob.filename for a in attachments) == ["big.txt", "small.txt"]


async def test_the_requester_is_suggested_and_checked(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    async with running_app(demo_server, tmp_path / "drafts") as (app, pilot):
        customer = next(p for p in app.service.people.values() if not p.is_agent)
        email = customer.primary_email or ""
        screen = await open_compose(app, pilot)
        await pilot.press(*email[:3])
        await wait_for(pilot, lambda: screen.query_one("#to", Input)._suggestion, "a suggestion")
        await pilot.press("right")  # accept it
        to = screen.query_one("#to", Input)
        assert to.value.casefold().startswith(email[:3].casefold())
        assert looks_like_email(to.value)
        await wait_for(pilot, lambda: "Existing person" in hint_of(screen), "the hint")
        to.value = "brand.new.person@example.org"
        await wait_for(pilot, lambda: "New person" in hint_of(screen), "the new-person hint")


def hint_of(screen: ComposeScreen) -> str:
    return str(screen.query_one("#to-hint", Static).render())


async def test_ctrl_e_in_the_message_asks_for_the_editor(
    demo_server: DemoServer, tmp_path: Path
) -> None:
    async with running_app(demo_server, tmp_path / "drafts") as (app, pilot):
        screen = await open_compose(app, pilot)
        await type_into(pilot, "#message", "abc")
        await pilot.press("ctrl+e")
        await pilot.pause()
        # The headless test terminal cannot hand over; a real one runs $EDITOR here.
        notices = [n.message for n in app._notifications]
        assert any("external editor" in n for n in notices)
        assert screen.query_one("#message", TextArea).text == "abc"
