"""A write is confirmed by its own answer: once the helpdesk said 201 or 204, no failure of
the reads that follow may make the app send that write again, nor say it was not sent.
Each write kind is made once, with one key press each."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from faults import ReadsFailAfterWrites, answer
from textual.pilot import Pilot
from ui.conftest import Notices, queue_loaded, until

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.compose import ComposeScreen
from tui.screens.reply import ReplyScreen
from tui.screens.ticket import TicketScreen

from .conftest import db_rows, patient_service, settled
from .session import set_status


async def _send(pilot: Pilot[Any], composer: Any) -> None:
    """One ctrl+s: the composer must close on it (confirmed by the write's own answer)."""
    await pilot.press("ctrl+s")
    await settled(pilot, "send")
    await until(pilot, lambda: pilot.app.screen is not composer, "the composer closed")


async def test_no_write_is_sent_twice_when_every_read_after_it_fails(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    """The whole loop, one key press a write, every read after a write failing (503). Each
    kind of read failure (403, 429, 503, time-out) is tried on every write kind directly in
    tests/state/test_write_confirmed.py."""
    db = tmp_path / "helpdesk.sqlite3"
    server = make_demo_server(db=str(db))
    transport = ReadsFailAfterWrites(answer(503, "service_unavailable"))
    app = DeskproApp(patient_service(server, transport=transport))
    notices = Notices()
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        await queue_loaded(pilot)
        irene = next(a for a in app.service.lookups.agents if a.name == "Irene Adler")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ComposeScreen), "compose")
        await pilot.press(*"reads.fail@example.com", "tab", *"Reads fail", "tab", *"Hello")
        await _send(pilot, app.screen)
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the new ticket")
        ticket_screen = app.screen
        for key, text in (("r", "The reply"), ("n", "The note")):
            await pilot.press(key)
            await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
            await pilot.press(*text)
            await _send(pilot, app.screen)
            assert app.screen is ticket_screen
            await pilot.press("ctrl+s")  # a second press lands on the ticket, sends nothing
        await set_status(pilot, "pend")
        await pilot.press("a")
        await pilot.press(*"irene", "enter")
        await settled(pilot, "assign")
    rows = db_rows(db, "SELECT id, status, agent FROM tickets WHERE subject = 'Reads fail'")
    assert [(status, agent) for _id, status, agent in rows] == [("pending", irene.id)]
    ticket = f"/api/v2/tickets/{rows[0][0]}"
    assert transport.writes == [
        "POST /api/v2/tickets",
        f"PUT {ticket}/actions/lock",  # the composer opens
        f"POST {ticket}/messages",  # the reply
        f"PUT {ticket}",  # the reply's status
        f"PUT {ticket}/actions/unlock",  # sent: the composer closes
        f"PUT {ticket}/actions/lock",
        f"POST {ticket}/messages",  # the note
        f"PUT {ticket}/actions/unlock",
        f"PUT {ticket}",  # status
        f"PUT {ticket}",  # assign
    ]
    assert db_rows(db, "SELECT COUNT(*) FROM messages WHERE ticket = ?", rows[0][0]) == [(3,)]
    assert not any("Not sent" in text for text in notices.texts)
