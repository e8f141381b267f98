"""Issue 7's "writes are never silently duplicated" across a restart: when the answer to a
create or a reply was lost and the app is then quit (or crashes, or is quit mid-request),
the next run's send looks for the write on the helpdesk before making it again."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from ui.conftest import Notices, until

from tui.api import DeskproClient, DeskproError
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.compose import ComposeScreen
from tui.screens.ticket import TicketScreen
from tui.state import DraftStore, HelpdeskService
from tui.state.outgoing import DRAFT_KEY, NewTicket, send_new_ticket
from tui.state.pending import UNKNOWN_START, PendingWrite

from .conftest import PATIENT, db_rows
from .test_fault_session import SAVED_AFTER_ALL


class LoseThenCut(httpx.AsyncBaseTransport):
    """Lets the chosen write reach the helpdesk and loses its answer; from then on nothing
    gets through, as a network gone just then. The look for the write fails too, so the
    run ends with the write uncertain: the case a restart must not forget."""

    def __init__(self, lose: Callable[[httpx.Request], bool]) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.lose, self.cut = lose, False

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if self.cut:
            raise httpx.ConnectError("Network is unreachable", request=request)
        response = await self.inner.handle_async_request(request)
        if self.lose(request):
            self.cut = True
            await response.aread()
            await response.aclose()
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


class HangsAfterWrite(httpx.AsyncBaseTransport):
    """Lets the chosen write reach the helpdesk, then never hands back its answer: the
    app is quit while the request is in flight."""

    def __init__(self, hang: Callable[[httpx.Request], bool]) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.hang, self.reached = hang, asyncio.Event()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if self.hang(request):
            await response.aclose()
            self.reached.set()
            await asyncio.Event().wait()  # until cancelled
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def a_run(
    server: DemoServer, drafts: Path, transport: httpx.AsyncBaseTransport | None = None
) -> HelpdeskService:
    """One run of the app's state: a fresh service and draft store on the drafts folder."""
    client = DeskproClient(server.url, server.api_key, retry=PATIENT, transport=transport)
    return HelpdeskService(client, drafts=DraftStore(drafts))


def creates_ticket(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/tickets")


def posts_message(request: httpx.Request) -> bool:
    return request.method == "POST" and request.url.path.endswith("/messages")


def tickets_named(db: Path, subject: str) -> list[tuple[int]]:
    return db_rows(db, "SELECT id FROM tickets WHERE subject = ?", subject)


def messages_holding(db: Path, text: str) -> list[tuple[int]]:
    return db_rows(db, "SELECT id FROM messages WHERE html LIKE ?", f"%{text}%")


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "helpdesk.sqlite3"


NEW = NewTicket(to="restart.case@example.com", subject="Lost, then restarted", body="Hello")


async def a_lost_create(server: DemoServer, drafts: Path) -> PendingWrite:
    """The first run: its create reaches the helpdesk, the answer is lost, the app quits."""
    first = a_run(server, drafts, LoseThenCut(creates_ticket))
    first.drafts.save(DRAFT_KEY, NEW.to_draft())
    pending = first.pending.get(DRAFT_KEY)
    with pytest.raises(DeskproError):
        await send_new_ticket(first, NEW, [], pending=pending)
    await first.client.aclose()
    return pending


async def found_not_created_again(
    run: HelpdeskService, db: Path, pending: PendingWrite, ticket: NewTicket = NEW
) -> None:
    """A later run sends the ticket again: the one made earlier is found, no second one."""
    created = await send_new_ticket(run, ticket, [], pending=pending)
    assert pending.found_after_failure
    assert [(created.id,)] == tickets_named(db, NEW.subject)


async def test_a_lost_create_is_found_after_a_restart_not_created_again(
    make_demo_server: Callable[..., DemoServer], db: Path, tmp_path: Path
) -> None:
    server = make_demo_server(db=str(db))
    drafts = tmp_path / "drafts"
    assert (await a_lost_create(server, drafts)).uncertain
    assert len(tickets_named(db, NEW.subject)) == 1

    again = a_run(server, drafts)
    draft = NewTicket.from_draft(again.drafts.get(DRAFT_KEY) or {})
    pending = again.pending.get(DRAFT_KEY)
    assert pending.uncertain  # remembered from the first run
    await found_not_created_again(again, db, pending, draft)

    # Confirmed: settling forgets the record, so the next new ticket starts afresh.
    record = drafts / f"{DRAFT_KEY}.pending.json"
    assert record.exists() and again.drafts.keys() == [DRAFT_KEY]  # a record, not a draft
    again.pending.settle(DRAFT_KEY)
    assert not record.exists()
    fresh = a_run(server, drafts).pending.get(DRAFT_KEY)
    assert (fresh.started, fresh.uncertain) == (None, False)
    await again.client.aclose()


async def test_a_lost_reply_is_found_after_a_restart_not_posted_again(
    make_demo_server: Callable[..., DemoServer], db: Path, tmp_path: Path
) -> None:
    server = make_demo_server(db=str(db))
    drafts = tmp_path / "drafts"
    async with DeskproClient(server.url, server.api_key) as dp:
        ticket = await dp.create_ticket(
            subject="Reply across a restart", person="reply.restart@example.com", message="Hi"
        )
    key, text = f"reply-{ticket.id}", "The reply whose answer was lost"
    first = a_run(server, drafts, LoseThenCut(posts_message))
    await first.lookups.identify()
    with pytest.raises(DeskproError):
        await first.changes.send_message(
            ticket.id, text, note=False, pending=first.pending.get(key)
        )
    await first.client.aclose()
    assert len(messages_holding(db, text)) == 1

    again = a_run(server, drafts)
    await again.lookups.identify()
    pending = again.pending.get(key)
    message = await again.changes.send_message(ticket.id, text, note=False, pending=pending)
    assert pending.found_after_failure
    assert [(message.id,)] == messages_holding(db, text)
    await again.client.aclose()


async def test_quit_while_a_create_is_in_flight_is_found_after_a_restart(
    make_demo_server: Callable[..., DemoServer], db: Path, tmp_path: Path
) -> None:
    server = make_demo_server(db=str(db))
    drafts = tmp_path / "drafts"
    hanging = HangsAfterWrite(creates_ticket)
    first = a_run(server, drafts, hanging)
    sending = asyncio.create_task(
        send_new_ticket(first, NEW, [], pending=first.pending.get(DRAFT_KEY))
    )
    await asyncio.wait_for(hanging.reached.wait(), timeout=10)
    sending.cancel()  # quit: the app's workers are cancelled mid-request
    with pytest.raises(asyncio.CancelledError):
        await sending
    assert first.pending.get(DRAFT_KEY).uncertain  # and so is a send in this same run
    await first.client.aclose()

    again = a_run(server, drafts)
    await found_not_created_again(again, db, again.pending.get(DRAFT_KEY))
    await again.client.aclose()


@pytest.mark.parametrize("content", ["{not json", '{"uncertain": "yes"}', "[1, 2]"])
async def test_an_unreadable_record_is_taken_as_uncertain(
    make_demo_server: Callable[..., DemoServer],
    db: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
    content: str,
) -> None:
    """Safety over speed: whether the earlier run made the write is unknown, so the send
    looks for it first (one request) rather than risk a duplicate."""
    server = make_demo_server(db=str(db))
    drafts = tmp_path / "drafts"
    async with DeskproClient(server.url, server.api_key) as dp:
        made = await dp.create_ticket(subject=NEW.subject, person=NEW.to, message=NEW.body)
    drafts.mkdir()
    (drafts / f"{DRAFT_KEY}.pending.json").write_text(content)

    run = a_run(server, drafts)
    with caplog.at_level(logging.WARNING, logger="tui.state"):
        pending = run.pending.get(DRAFT_KEY)
    assert (pending.uncertain, pending.started) == (True, UNKNOWN_START)
    assert "Unreadable pending write compose" in caplog.text
    await found_not_created_again(run, db, pending)
    assert tickets_named(db, NEW.subject) == [(made.id,)]
    await run.client.aclose()


async def test_the_composer_after_a_restart_says_it_was_saved_and_creates_nothing(
    make_demo_server: Callable[..., DemoServer], db: Path, tmp_path: Path
) -> None:
    """Through the UI: the first run's create is lost and the app quit; the next run
    offers the draft, and ctrl+s finds the ticket instead of creating a second."""
    server = make_demo_server(db=str(db))
    drafts = tmp_path / "drafts"
    await a_lost_create(server, drafts)

    app = DeskproApp(a_run(server, drafts))
    notices = Notices()
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        await until(pilot, lambda: app.screen.__class__.__name__ == "QueuesScreen", "queues")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ComposeScreen), "compose")
        compose = app.screen
        assert isinstance(compose, ComposeScreen)
        await until(pilot, lambda: compose.read_form().subject == NEW.subject, "the draft")
        await pilot.press("ctrl+s")
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket opened")
    assert SAVED_AFTER_ALL in notices.texts
    assert len(tickets_named(db, NEW.subject)) == 1
    assert not (drafts / f"{DRAFT_KEY}.pending.json").exists()


async def test_discarding_the_draft_forgets_its_write(
    make_demo_server: Callable[..., DemoServer], db: Path, tmp_path: Path
) -> None:
    """The agent throws the draft away: the next new ticket is a new write, not looked
    for as the old one."""
    server = make_demo_server(db=str(db))
    drafts = tmp_path / "drafts"
    await a_lost_create(server, drafts)
    record = drafts / f"{DRAFT_KEY}.pending.json"
    assert record.exists()

    app = DeskproApp(a_run(server, drafts))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: app.screen.__class__.__name__ == "QueuesScreen", "queues")
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, ComposeScreen), "compose")
        compose = app.screen
        await pilot.press("escape")
        await until(pilot, lambda: app.screen is not compose, "keep or discard?")
        await pilot.press("d")
        await until(pilot, lambda: not isinstance(app.screen, ComposeScreen), "compose closed")
        assert not record.exists()
        assert not app.service.pending.get(DRAFT_KEY).uncertain
