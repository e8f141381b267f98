"""A write is confirmed by its own answer: once the helpdesk said 201 or 204, reads that
fail after it (refused, rate-limited, failing, timing out) neither fail the write nor make
it be sent again."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from faults import ReadsFailAfterWrites, answer, time_out

from tui.api import DeskproClient, RetryPolicy, Ticket
from tui.demo import DemoServer
from tui.state import HelpdeskService
from tui.state.outgoing import NewTicket, send_new_ticket


@pytest.fixture(
    params=[
        answer(403, "forbidden"),
        answer(429, "too_many_requests"),
        answer(503, "service_unavailable"),
        time_out,
    ],
    ids=["403", "429", "503", "timeout"],
)
def transport(request: pytest.FixtureRequest) -> ReadsFailAfterWrites:
    return ReadsFailAfterWrites(request.param)


@pytest.fixture
async def service(
    demo_server: DemoServer, transport: ReadsFailAfterWrites
) -> AsyncIterator[HelpdeskService]:
    client = DeskproClient(
        demo_server.url, demo_server.api_key, transport=transport, retry=RetryPolicy(attempts=1)
    )
    yield HelpdeskService(client)
    await client.aclose()


async def own_ticket(server: DemoServer, service: HelpdeskService) -> Ticket:
    """A new ticket (made by another client, so reads still work), read into the store."""
    async with DeskproClient(server.url, server.api_key) as other:
        created = await other.create_ticket(
            subject="Write confirmed", person="x@example.com", message="<p>hi</p>", agent=1
        )
    return await service.threads.ticket(created.id)


async def test_a_reply_with_a_status_is_sent_once_and_does_not_fail(
    demo_server: DemoServer, service: HelpdeskService, transport: ReadsFailAfterWrites
) -> None:
    ticket = await own_ticket(demo_server, service)

    message = await service.changes.send_message(
        ticket.id, "<p>x</p>", note=False, status="pending"
    )

    assert message.id and not message.is_agent_note
    assert transport.writes == [
        f"POST /api/v2/tickets/{ticket.id}/messages",
        f"PUT /api/v2/tickets/{ticket.id}",
    ]
    assert transport.failed_reads  # the read after it did fail
    stored = service.tickets.get(ticket.id)
    assert stored is not None and stored.status == "pending"
    assert [m.id for m in service.threads.cached(ticket.id) or []][-1:] == [message.id]


@pytest.mark.parametrize(
    ("changes", "field", "value"),
    [
        pytest.param({"agent": 42}, "agent", 42, id="assign"),
        pytest.param({"status": "resolved"}, "status", "resolved", id="status"),
    ],
)
async def test_a_change_is_one_put_and_does_not_fail(
    demo_server: DemoServer,
    service: HelpdeskService,
    transport: ReadsFailAfterWrites,
    changes: dict[str, object],
    field: str,
    value: object,
) -> None:
    ticket = await own_ticket(demo_server, service)

    await service.changes.update(ticket.id, **changes)

    assert transport.writes == [f"PUT /api/v2/tickets/{ticket.id}"]
    stored = service.tickets.get(ticket.id)
    assert stored is not None and getattr(stored, field) == value


async def test_a_new_ticket_is_one_post(
    service: HelpdeskService, transport: ReadsFailAfterWrites
) -> None:
    new = NewTicket(to="confirmed@example.com", subject="Created once", body="Hello **there**")

    created = await send_new_ticket(service, new, [])

    assert transport.writes == ["POST /api/v2/tickets"]
    assert created.subject == "Created once"
    assert service.tickets.get(created.id) == created
