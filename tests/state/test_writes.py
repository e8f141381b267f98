"""`HelpdeskService` writes when the network or the helpdesk lets them down, without Textual:
a lost answer is read back (a change) or looked for (a reply, a new ticket) rather than
sent again, a refusal rolls back, and one refused ticket of a bulk change leaves the rest."""

from __future__ import annotations

import ssl
from collections.abc import AsyncIterator
from functools import cache
from typing import Literal
from uuid import uuid4

import httpx
import pytest
from faults import Failure, answer

from tui.api import (
    DeskproClient,
    DeskproConnectionError,
    DeskproError,
    InvalidInputError,
    Message,
    NotFoundError,
    PermissionDeniedError,
    RetryPolicy,
    ServerError,
    Ticket,
)
from tui.demo import DemoServer
from tui.state import HelpdeskService
from tui.state.drafts import PENDING_SUFFIX
from tui.state.outgoing import NewTicket, send_new_ticket
from tui.state.pending import PendingWrite

API = "/api/v2"
LOSE = "lose"  # the request reaches the helpdesk, which does the work; its answer is lost
BREAK = "break"  # the connection breaks before the request reaches the helpdesk
Action = Literal["lose", "break"] | Failure


@cache
def tls() -> ssl.SSLContext:
    """One TLS context for every transport here: the demo helpdesk speaks plain HTTP, and
    building a context per transport (httpx's default) costs some 30 ms a test."""
    return ssl.create_default_context()


def plain() -> httpx.AsyncHTTPTransport:
    return httpx.AsyncHTTPTransport(verify=tls())


class Faulty(httpx.AsyncBaseTransport):
    """The real helpdesk, except for the requests named in `rules` ("METHOD /path"): each
    rule is used once, by the next such request. Records every request as "METHOD /path"
    in `seen`, and those whose answer was lost in `lost`."""

    def __init__(self) -> None:
        self.inner = plain()
        self.rules: dict[str, Action] = {}
        self.seen: list[str] = []
        self.lost: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        line = f"{request.method} {request.url.path}"
        self.seen.append(line)
        rule = self.rules.pop(line, None)
        if rule == BREAK:
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        if callable(rule):
            return rule(request)
        response = await self.inner.handle_async_request(request)
        if rule == LOSE:
            await response.aread()
            await response.aclose()
            self.lost.append(line)
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


@pytest.fixture
def transport() -> Faulty:
    return Faulty()


@pytest.fixture
async def service(demo_server: DemoServer, transport: Faulty) -> AsyncIterator[HelpdeskService]:
    client = DeskproClient(
        demo_server.url, demo_server.api_key, transport=transport, retry=RetryPolicy(attempts=1)
    )
    yield HelpdeskService(client)
    await client.aclose()


@pytest.fixture
async def other(demo_server: DemoServer) -> AsyncIterator[DeskproClient]:
    """A client of the same helpdesk that no fault touches: to set up, and to see the truth."""
    async with DeskproClient(demo_server.url, demo_server.api_key, transport=plain()) as client:
        yield client


def unique(text: str) -> str:
    """`text` made unique, so that counting on the shared helpdesk counts only this test's."""
    return f"{text} {uuid4().hex[:8]}"


async def own_tickets(
    other: DeskproClient, service: HelpdeskService, *subjects: str
) -> list[Ticket]:
    """New tickets assigned to Admin (made by the other client), read into the store."""
    created = [
        await other.create_ticket(
            subject=subject, person="x@example.com", message="<p>hi</p>", agent=1
        )
        for subject in subjects
    ]
    return [await service.threads.ticket(ticket.id) for ticket in created]


async def posted(other: DeskproClient, ticket_id: int, html: str) -> list[Message]:
    """The messages of the ticket with this very text, as the helpdesk holds them."""
    return [m for m in await other.list_messages(ticket_id) if m.message == html]


# -- a change: read back after a lost answer, rolled back when refused -----------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [
        pytest.param("agent", 42, id="assign"),
        pytest.param("agent", None, id="unassign"),
        pytest.param("status", "resolved", id="status"),
    ],
)
async def test_a_change_whose_answer_was_lost_is_read_back(
    other: DeskproClient, service: HelpdeskService, transport: Faulty, field: str, value: object
) -> None:
    (ticket,) = await own_tickets(other, service, "Lost answer, read back")
    assert getattr(ticket, field) != value
    put, get = f"PUT {API}/tickets/{ticket.id}", f"GET {API}/tickets/{ticket.id}"
    transport.rules[put] = LOSE
    transport.seen.clear()

    await service.changes.update(ticket.id, **{field: value})  # the server's word: it was made

    assert transport.seen == [put, get]  # one PUT, then one read, no second PUT
    assert transport.lost == [put]
    stored = service.tickets.get(ticket.id)
    assert stored is not None and getattr(stored, field) == value
    assert getattr(await other.get_ticket(ticket.id), field) == value
    assert service.connection.status.state == "online"  # the read back was answered


@pytest.mark.parametrize(
    "read_back",
    [pytest.param(BREAK, id="broken"), pytest.param(answer(503, "unavailable"), id="503")],
)
async def test_a_lost_answer_that_cannot_be_read_back_rolls_back_and_says_so(
    other: DeskproClient, service: HelpdeskService, transport: Faulty, read_back: Action
) -> None:
    (ticket,) = await own_tickets(other, service, "Lost answer, read fails")
    put, get = f"PUT {API}/tickets/{ticket.id}", f"GET {API}/tickets/{ticket.id}"
    transport.rules |= {put: LOSE, get: read_back}
    transport.seen.clear()
    changes: list[frozenset[int]] = []
    service.tickets.subscribe(changes.append)

    with pytest.raises(DeskproConnectionError) as caught:
        await service.changes.update(ticket.id, agent=42)

    assert caught.value.request_sent  # the error says it may have been saved
    assert transport.seen == [put, get]
    assert service.tickets.get(ticket.id) == ticket  # what we knew, not a guess
    assert changes == [frozenset({ticket.id})] * 2  # the optimistic change, then the rollback
    assert (await other.get_ticket(ticket.id)).agent == 42  # it was, in fact


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        pytest.param(BREAK, DeskproConnectionError, id="broken"),
        pytest.param(answer(502, "bad_gateway"), ServerError, id="502"),
        pytest.param(answer(504, "gateway_timeout"), ServerError, id="504"),
    ],
)
async def test_a_change_that_may_have_been_made_but_was_not_shows_the_server_version(
    other: DeskproClient,
    service: HelpdeskService,
    transport: Faulty,
    failure: Action,
    error: type[DeskproError],
) -> None:
    (ticket,) = await own_tickets(other, service, "Maybe made, was not")
    put, get = f"PUT {API}/tickets/{ticket.id}", f"GET {API}/tickets/{ticket.id}"
    transport.rules[put] = failure  # answered without the helpdesk seeing it
    transport.seen.clear()

    with pytest.raises(error):
        await service.changes.update(ticket.id, agent=42)

    assert transport.seen == [put, get]  # read back, not sent again
    stored = service.tickets.get(ticket.id)
    assert stored is not None and stored.agent == 1
    assert stored == await other.get_ticket(ticket.id)


@pytest.mark.parametrize(
    ("refusal", "error"),
    [
        pytest.param(answer(400, "invalid_input"), InvalidInputError, id="400"),
        pytest.param(answer(403, "forbidden"), PermissionDeniedError, id="403"),
        pytest.param(answer(404, "not_found"), NotFoundError, id="404"),
    ],
)
async def test_a_refused_change_rolls_back_without_reading_again(
    other: DeskproClient,
    service: HelpdeskService,
    transport: Faulty,
    refusal: Failure,
    error: type[DeskproError],
) -> None:
    (ticket,) = await own_tickets(other, service, "Refused change")
    put = f"PUT {API}/tickets/{ticket.id}"
    transport.rules[put] = refusal
    transport.seen.clear()
    changes: list[frozenset[int]] = []
    service.tickets.subscribe(changes.append)

    with pytest.raises(error):
        await service.changes.update(ticket.id, agent=42, status="pending")

    assert transport.seen == [put]  # a refusal is certain: nothing to read back
    assert service.tickets.get(ticket.id) == ticket
    assert changes == [frozenset({ticket.id})] * 2  # the optimistic change, then the rollback


async def test_one_refused_ticket_of_a_bulk_change_leaves_the_others_changed(
    other: DeskproClient, service: HelpdeskService, transport: Faulty
) -> None:
    a, b, c = await own_tickets(other, service, "Bulk a", "Bulk b", "Bulk c")
    assert "pending" not in {a.status, b.status, c.status}
    transport.rules[f"PUT {API}/tickets/{b.id}"] = answer(403, "forbidden")
    transport.seen.clear()

    failures = await service.changes.update_many([a.id, b.id, c.id], status="pending")

    assert list(failures) == [b.id]
    assert isinstance(failures[b.id], PermissionDeniedError)
    assert transport.seen == [f"PUT {API}/tickets/{t.id}" for t in (a, b, c)]
    for changed in (a, c):
        stored = service.tickets.get(changed.id)
        assert stored is not None and stored.status == "pending"
        assert (await other.get_ticket(changed.id)).status == "pending"
    assert service.tickets.get(b.id) == b
    assert (await other.get_ticket(b.id)).status == b.status


# -- a reply or a new ticket: made once, whatever became of the answer ----------------------


async def test_a_reply_whose_answer_was_lost_is_found_not_posted_again(
    other: DeskproClient, service: HelpdeskService, transport: Faulty
) -> None:
    await service.lookups.identify()  # as the app does: the look matches messages by their author
    (ticket,) = await own_tickets(other, service, "Reply, answer lost")
    await service.threads.messages(ticket.id)  # the thread the reply screen shows
    post = f"POST {API}/tickets/{ticket.id}/messages"
    transport.rules[post] = LOSE
    transport.seen.clear()
    key = f"reply-{ticket.id}"
    pending = service.pending.get(key)
    html = "<p>Sent once, though its answer was lost.</p>"

    message = await service.changes.send_message(ticket.id, html, note=False, pending=pending)

    assert transport.lost == [post]
    assert transport.seen[:2] == [post, f"GET {API}/tickets/{ticket.id}/messages"]
    assert transport.seen.count(post) == 1
    assert pending.found_after_failure
    assert [m.id for m in await posted(other, ticket.id, html)] == [message.id]
    assert message.id in [m.id for m in service.threads.cached(ticket.id) or []]

    # Confirmed: the composer settles it, and the next reply with the same words is new.
    service.pending.settle(key)
    assert service.drafts.get(key + PENDING_SUFFIX) is None
    again = service.pending.get(key)
    assert again is not pending and not again.uncertain

    second = await service.changes.send_message(ticket.id, html, note=False, pending=again)

    assert second.id != message.id
    assert not again.found_after_failure
    assert transport.seen.count(post) == 2
    assert [m.id for m in await posted(other, ticket.id, html)] == [message.id, second.id]


async def test_a_new_ticket_whose_answer_was_lost_is_found_not_created_again(
    other: DeskproClient, service: HelpdeskService, transport: Faulty
) -> None:
    email = f"{uuid4().hex[:12]}@example.com"  # a requester with no ticket yet
    new = NewTicket(to=email, subject=unique("Created once"), body="Hello **there**")
    post = f"POST {API}/tickets"
    transport.rules[post] = LOSE
    pending = service.pending.get("compose")

    created = await send_new_ticket(service, new, [], pending=pending)

    assert transport.lost == [post]
    assert transport.seen.count(post) == 1
    assert pending.found_after_failure
    assert created.subject == new.subject
    assert service.tickets.get(created.id) == created
    people = await other.list_people(email=email)
    assert len(people.items) == 1
    theirs = await other.list_tickets(person=people.items[0].id)
    assert [t.id for t in theirs.items] == [created.id]  # one ticket, the one returned


async def uncertain_reply(
    other: DeskproClient, service: HelpdeskService, subject: str
) -> tuple[Ticket, PendingWrite]:
    """A ticket whose thread the service has read (as the reply screen has), and the write
    of a reply to it left uncertain by an earlier attempt whose answer was lost."""
    await service.lookups.identify()
    (ticket,) = await own_tickets(other, service, subject)
    await service.threads.messages(ticket.id)
    pending = service.pending.get(f"reply-{ticket.id}")
    pending.begin(m.id for m in service.threads.cached(ticket.id) or [])
    pending.mark_uncertain()
    return ticket, pending


async def test_an_uncertain_reply_already_saved_is_not_posted(
    other: DeskproClient, service: HelpdeskService, transport: Faulty
) -> None:
    ticket, pending = await uncertain_reply(other, service, "Uncertain, saved")
    html = "<p>The first attempt did arrive.</p>"
    earlier = await other.add_message(ticket.id, html)  # the helpdesk had saved it
    transport.seen.clear()

    message = await service.changes.send_message(ticket.id, html, note=False, pending=pending)

    assert message.id == earlier.id
    assert pending.found_after_failure
    assert transport.seen[0] == f"GET {API}/tickets/{ticket.id}/messages"  # it looked first
    assert not [line for line in transport.seen if line.startswith("POST")]
    assert len(await posted(other, ticket.id, html)) == 1


async def test_an_uncertain_reply_not_saved_is_looked_for_then_posted_once(
    other: DeskproClient, service: HelpdeskService, transport: Faulty
) -> None:
    ticket, pending = await uncertain_reply(other, service, "Uncertain, not saved")
    html = "<p>The first attempt never arrived.</p>"
    transport.seen.clear()

    message = await service.changes.send_message(ticket.id, html, note=False, pending=pending)

    messages = f"{API}/tickets/{ticket.id}/messages"
    assert transport.seen[:2] == [f"GET {messages}", f"POST {messages}"]
    assert transport.seen.count(f"POST {messages}") == 1
    assert not pending.found_after_failure
    assert [m.id for m in await posted(other, ticket.id, html)] == [message.id]


async def test_an_uncertain_reply_is_not_sent_blind_when_the_look_fails(
    other: DeskproClient, service: HelpdeskService, transport: Faulty
) -> None:
    ticket, pending = await uncertain_reply(other, service, "Uncertain, look fails")
    html = "<p>Not sent while unknown.</p>"
    messages = f"{API}/tickets/{ticket.id}/messages"
    transport.rules[f"GET {messages}"] = answer(503, "unavailable")
    transport.seen.clear()

    with pytest.raises(ServerError):
        await service.changes.send_message(ticket.id, html, note=False, pending=pending)

    assert transport.seen == [f"GET {messages}"]
    assert pending.uncertain  # the next attempt looks again
    assert await posted(other, ticket.id, html) == []
