"""A working session driven by keys, as an agent would press them, where every action
is repeated (bounded) until the app confirms it, and checked to fail visibly meanwhile."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea
from ui.conftest import until

from tui.app import DeskproApp
from tui.screens.assign import AssignScreen
from tui.screens.compose import ComposeScreen
from tui.screens.reply import ReplyScreen
from tui.screens.status import StatusPicker
from tui.screens.ticket import TicketScreen

from .conftest import settled

ATTEMPTS = 10  # at 30 % failures, ten refusals in a row would take a one-in-a-million run


def _shown(static: Static) -> str:
    return str(static.render())


def compose_failed(screen: ComposeScreen) -> bool:
    errors = screen.query(".field-error.-shown")
    return not screen.sending and any("Not sent" in _shown(e) for e in errors)


async def compose_ticket(
    pilot: Pilot[Any], email: str, subject: str, body: str, file: Path | None = None
) -> TicketScreen:
    """Write a new ticket and send it until it is created; return the ticket it opens."""
    app = pilot.app
    await pilot.press("c")
    await until(pilot, lambda: isinstance(app.screen, ComposeScreen), "compose")
    screen = app.screen
    assert isinstance(screen, ComposeScreen)
    await pilot.press(*email, "tab", *subject, "tab", *body)
    if file is not None:
        await pilot.press("ctrl+o")
        await until(pilot, lambda: app.screen is not screen, "the file dialog")
        app.screen.query_one("#attach-path", Input).value = str(file)
        await pilot.press("enter")
        await until(pilot, lambda: len(screen.files) == 1, "the file attached")
    for _ in range(ATTEMPTS):
        await pilot.press("ctrl+s")
        await settled(pilot, "send")
        await until(
            pilot,
            lambda: app.screen is not screen or compose_failed(screen),
            "the ticket created, or a clear failure",
        )
        if isinstance(app.screen, TicketScreen):
            return app.screen
        typed = screen.read_form()  # failed: everything typed is still there
        assert (typed.to, typed.subject, typed.body) == (email, subject, body)
    raise AssertionError(f"not created in {ATTEMPTS} attempts")


async def ticket_ready(pilot: Pilot[Any], screen: TicketScreen) -> None:
    await until(pilot, lambda: screen.ticket is not None, "the ticket's header")


async def write_message(pilot: Pilot[Any], key: str, text: str) -> None:
    """Reply (r) or note (n) with `text`, sending again until the composer closes."""
    app = pilot.app
    ticket_screen = app.screen
    await pilot.press(key)
    await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
    composer = app.screen
    await pilot.press(*text)
    error = composer.query_one("#send-error", Static)
    for _ in range(ATTEMPTS):
        await pilot.press("ctrl+s")
        await settled(pilot, "send")
        await until(
            pilot,
            lambda: app.screen is not composer or "Not sent" in _shown(error),
            "the message sent, or a clear failure",
        )
        if app.screen is ticket_screen:
            return
        assert composer.query_one("#body", TextArea).text == text  # the text is kept
    raise AssertionError(f"not sent in {ATTEMPTS} attempts")


async def assign(pilot: Pilot[Any], ticket_id: int, typed: str, agent_id: int) -> None:
    """Assign by typing part of a name, again until the helpdesk has it."""
    app = pilot.app
    assert isinstance(app, DeskproApp) and app.service is not None
    for _ in range(ATTEMPTS):
        await pilot.press("a")
        await until(pilot, lambda: isinstance(app.screen, AssignScreen), "the assign picker")
        await pilot.press(*typed, "enter")
        await until(pilot, lambda: not isinstance(app.screen, AssignScreen), "picker closed")
        await settled(pilot, "assign")
        ticket = app.service.tickets.get(ticket_id)
        assert ticket is not None
        if ticket.agent == agent_id:
            return
        # Refused: the optimistic change was rolled back, and the next try starts clean.
    raise AssertionError(f"not assigned in {ATTEMPTS} attempts")


async def set_status(pilot: Pilot[Any], typed: str) -> None:
    """Choose a status by typing part of its name, once (the caller checks the outcome)."""
    app = pilot.app
    await pilot.press("s")
    await until(pilot, lambda: isinstance(app.screen, StatusPicker), "the status picker")
    await pilot.press(*typed, "enter")
    await until(pilot, lambda: not isinstance(app.screen, StatusPicker), "picker closed")
    await settled(pilot, "status")
