"""Issue 7's "done when": a compose + reply + note + assign session against a helpdesk
that fails 30 % of requests ends with every action confirmed, the text kept while it was
not, and nothing created twice. A second session loses the answers to writes the server
did make (the case a blind retry duplicates) and checks they are recognised, not resent."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
from ui.conftest import Notices, queue_loaded

from tui.app import DeskproApp
from tui.demo import DemoServer

from .conftest import LosingAnswers, db_rows, patient_service
from .session import assign, compose_ticket, ticket_ready, write_message

SAVED_AFTER_ALL = "It had been saved after all: not sent twice."


def assert_each_once(db: Path, subject: str, texts: list[str]) -> int:
    """Exactly one ticket with `subject`, and each text in exactly one of its messages."""
    tickets = db_rows(db, "SELECT id FROM tickets WHERE subject = ?", subject)
    assert len(tickets) == 1, f"{len(tickets)} tickets named {subject!r}"
    ticket_id = tickets[0][0]
    for text in texts:
        found = db_rows(db, "SELECT id FROM messages WHERE html LIKE ?", f"%{text}%")
        assert len(found) == 1, f"{text!r} stored {len(found)} times"
    return ticket_id


async def test_a_session_at_30_percent_failures_is_confirmed_once(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    db = tmp_path / "helpdesk.sqlite3"
    server = make_demo_server(db=str(db), fail_rate=0.3, fail_seed=7)
    (tmp_path / "trace.txt").write_text("stack trace here\n")
    app = DeskproApp(patient_service(server))
    subject, first = "Scanner jams at 30 percent", "The scanner jams on page two"
    reply, note = "Try the rear tray please", "Customer has the old firmware"
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
        screen = await compose_ticket(
            pilot, "faulty.session@example.com", subject, first, tmp_path / "trace.txt"
        )
        await ticket_ready(pilot, screen)
        await write_message(pilot, "r", reply)
        await write_message(pilot, "n", note)
        irene = next(a for a in app.service.lookups.agents if a.name == "Irene Adler")
        await assign(pilot, screen.ticket_id, "ire", irene.id)
    ticket_id = assert_each_once(db, subject, [first, reply, note])
    assert db_rows(db, "SELECT agent FROM tickets WHERE id = ?", ticket_id) == [(irene.id,)]
    files = db_rows(db, "SELECT COUNT(*) FROM attachments WHERE ticket = ?", ticket_id)
    assert files == [(1,)]


def _first_time_per_write() -> Callable[[httpx.Request], bool]:
    """Lose the answer to the first attempt of each distinct write (not uploads)."""
    seen: set[tuple[str, str, bytes]] = set()

    def lose(request: httpx.Request) -> bool:
        if request.method == "GET" or request.url.path.endswith("/blobs/temp"):
            return False
        key = (request.method, request.url.path, request.content)
        first = key not in seen
        seen.add(key)
        return first

    return lose


async def test_writes_whose_answer_was_lost_are_found_not_resent(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    db = tmp_path / "helpdesk.sqlite3"
    server = make_demo_server(db=str(db))
    losing = LosingAnswers(_first_time_per_write(), times=100)
    app = DeskproApp(patient_service(server, transport=losing))
    notices = Notices()
    subject, first = "Lost answers", "The first message of it"
    reply, note = "A reply whose answer is lost", "A note whose answer is lost"
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        await queue_loaded(pilot)
        screen = await compose_ticket(pilot, "lost.answers@example.com", subject, first)
        await ticket_ready(pilot, screen)
        await write_message(pilot, "r", reply)
        await write_message(pilot, "n", note)
        irene = next(a for a in app.service.lookups.agents if a.name == "Irene Adler")
        await assign(pilot, screen.ticket_id, "ire", irene.id)
        assert app.service.tickets.get(screen.ticket_id).agent == irene.id  # not rolled back
    # The create, the reply, its status change, the note, the assignment: all lost once
    # (and the composers' locks, which are not checked: a lost lock is only not held).
    writes = [lost.split()[0] for lost in losing.lost if "/actions/" not in lost]
    assert writes == ["POST", "POST", "PUT", "POST", "PUT"]
    assert notices.texts.count(SAVED_AFTER_ALL) == 3  # the ticket, the reply, the note
    ticket_id = assert_each_once(db, subject, [first, reply, note])
    assert db_rows(db, "SELECT agent FROM tickets WHERE id = ?", ticket_id) == [(irene.id,)]
