"""The project's own client (`tui.api.DeskproClient`) against the demo helpdesk."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest

from tui.api import (
    AuthenticationError,
    DeskproClient,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
)
from tui.demo import DemoServer, facts


@pytest.fixture
async def dp(demo_server: DemoServer) -> AsyncIterator[DeskproClient]:
    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        yield client


async def test_identity_and_lookups(dp: DeskproClient) -> None:
    assert (await dp.discover()).is_deskpro
    assert (await dp.me()).person_id == facts.ADMIN_ID
    agents = await dp.list_agents()
    assert len(agents) == facts.AGENT_COUNT
    assert facts.IRENE_ADLER_ID in {a.id for a in agents}
    assert {d.title for d in await dp.list_departments()} >= {"Support", "Sales", "Billing"}
    assert await dp.list_agent_teams()
    assert "hidden.spam" in {s.status_code for s in await dp.list_ticket_statuses()}
    assert "vip" in {label.label for label in await dp.list_labels()}
    filters = {f.id: f for f in await dp.list_ticket_filters()}
    assert filters[facts.FILTER_MY_TICKETS].title == "My tickets"
    found = await dp.list_people(email="LUCIUS.FAIRBANKS@wayne.example")
    assert [p.id for p in found.items] == [113]


async def test_ticket_lists(dp: DeskproClient) -> None:
    page = await dp.list_tickets(count=20, include=("person", "agent"))
    assert len(page.items) == 20
    assert {t.status for t in page.items} <= {"live", "awaiting_agent", "awaiting_user", "pending"}
    assert page.linked_people()
    resolved = await dp.list_tickets(status="resolved", count=5)
    assert {t.status for t in resolved.items} == {"resolved"}
    mine = await dp.list_tickets_of("ticket_filters", facts.FILTER_MY_TICKETS, count=50)
    assert mine.items and all(t.agent == facts.ADMIN_ID for t in mine.items)
    cjk = await dp.get_ticket(facts.CJK_TICKET_ID)
    assert (await dp.get_ticket(f"ref:{cjk.ref}")).id == cjk.id


async def test_ticket_life_cycle(dp: DeskproClient, tmp_path: Path) -> None:
    upload = tmp_path / "report.csv"
    upload.write_bytes(b"a,b\n1,2\n")
    blob = await dp.upload_blob(upload)
    ticket = await dp.create_ticket(
        subject="Client contract", person="client.contract@example.org",
        message="<p>Hello</p>", attachments=[blob],
    )  # fmt: skip
    assert ticket.has_attachments and ticket.status == "awaiting_agent"
    await dp.update_ticket(ticket.id, agent=facts.AGENT_ID, urgency=6)
    updated = await dp.get_ticket(ticket.id)
    assert (updated.agent, updated.urgency) == (facts.AGENT_ID, 6)
    await dp.add_message(ticket.id, "<p>Looking now.</p>")
    await dp.add_message(ticket.id, "<p>internal</p>", note=True)
    messages = await dp.list_messages(ticket.id)
    assert [m.is_agent_note for m in messages] == [False, False, True]
    assert (await dp.get_ticket(ticket.id)).status == "awaiting_user"
    [attachment] = await dp.list_attachments(ticket.id)
    saved = await dp.download(attachment, tmp_path / "out")
    assert Path(saved).read_bytes() == b"a,b\n1,2\n"
    await dp.update_ticket(ticket.id, agent=None)
    assert (await dp.get_ticket(ticket.id)).agent is None
    await dp.delete_ticket(ticket.id)
    assert (await dp.get_ticket(ticket.id)).status == "hidden"


async def test_errors_map_to_the_clients_exceptions(
    dp: DeskproClient, make_demo_server: Callable[..., DemoServer]
) -> None:
    with pytest.raises(NotFoundError):
        await dp.get_ticket(99_999_999)
    with pytest.raises(InvalidInputError):
        await dp.update_ticket(1, agent=113)
    async with DeskproClient(dp.helpdesk_url, "1:WRONGKEY") as wrong:
        with pytest.raises(AuthenticationError):
            await wrong.me()
    limited = make_demo_server(disallow=("*.delete",), hourly_limit=2)
    async with DeskproClient(limited.url, limited.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await client.delete_ticket(1)
        await client.me()
        with pytest.raises(RateLimitedError) as raised:
            await client.me()
        assert raised.value.retry_after
