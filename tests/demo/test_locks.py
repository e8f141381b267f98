"""Ticket locks: taken, taken over, released, expired; and the colleague's seeded lock."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest

from tui.api import DeskproClient
from tui.demo import DemoServer, facts
from tui.demo.dates import fmt, to_ts
from tui.demo.server.locks import LOCK_SECONDS, current

MakeTicket = Callable[..., dict[str, Any]]
MakeServer = Callable[..., DemoServer]
ClientOf = Callable[[DemoServer], httpx.Client]
ALESIA = facts.ALESIA_BURVIN_ID


@pytest.fixture
async def dp(demo_server: DemoServer) -> AsyncIterator[DeskproClient]:
    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        yield client


def ago(seconds: int) -> datetime:
    return datetime.now(UTC) - timedelta(seconds=seconds)


async def test_lock_and_unlock(dp: DeskproClient, make_ticket: MakeTicket) -> None:
    ticket_id = make_ticket()["id"]
    await dp.lock_ticket(ticket_id)
    locked = await dp.get_ticket(ticket_id)
    assert locked.locked_by_agent == facts.ADMIN_ID and locked.date_locked is not None
    await dp.unlock_ticket(ticket_id)
    unlocked = await dp.get_ticket(ticket_id)
    assert unlocked.locked_by_agent is None and unlocked.date_locked is None


async def test_locking_takes_over_a_colleagues_lock(
    dp: DeskproClient, demo_server: DemoServer, make_ticket: MakeTicket
) -> None:
    ticket_id = make_ticket()["id"]
    demo_server.lock_as(ticket_id, ALESIA)
    assert (await dp.get_ticket(ticket_id)).locked_by_agent == ALESIA
    await dp.lock_ticket(ticket_id)
    assert (await dp.get_ticket(ticket_id)).locked_by_agent == facts.ADMIN_ID


async def test_unlocking_clears_anyones_lock(
    dp: DeskproClient, demo_server: DemoServer, make_ticket: MakeTicket
) -> None:
    ticket_id = make_ticket()["id"]
    demo_server.lock_as(ticket_id, ALESIA)
    await dp.unlock_ticket(ticket_id)
    assert (await dp.get_ticket(ticket_id)).locked_by_agent is None


def test_an_old_lock_is_served_as_none(
    api: httpx.Client, demo_server: DemoServer, make_ticket: MakeTicket
) -> None:
    fresh, stale = make_ticket()["id"], make_ticket()["id"]
    demo_server.lock_as(fresh, ALESIA, at=ago(LOCK_SECONDS - 60))
    demo_server.lock_as(stale, ALESIA, at=ago(LOCK_SECONDS + 1))
    listed = api.get("tickets", params={"ids": f"{fresh},{stale}"}).json()["data"]
    by_id = {t["id"]: t for t in listed}
    assert by_id[fresh]["locked_by_agent"] == ALESIA and by_id[fresh]["date_locked"]
    assert (by_id[stale]["locked_by_agent"], by_id[stale]["date_locked"]) == (None, None)
    one = api.get(f"tickets/{stale}").json()["data"]
    assert (one["locked_by_agent"], one["date_locked"]) == (None, None)


def test_expiry_boundary() -> None:
    row = {"locked_by_agent": ALESIA, "date_locked": 1_000_000}
    assert current(row, 1_000_000 + LOCK_SECONDS) == (ALESIA, 1_000_000)
    assert current(row, 1_000_000 + LOCK_SECONDS + 1) == (None, None)
    assert current({"locked_by_agent": None, "date_locked": None}, 0) == (None, None)


async def test_a_colleague_holds_one_of_my_tickets(dp: DeskproClient) -> None:
    mine = await dp.list_tickets_of("ticket_filters", facts.FILTER_MY_TICKETS, count=200)
    locked = [t for t in mine.items if t.locked_by_agent not in (None, facts.ADMIN_ID)]
    expected = [(facts.COLLEAGUE_LOCKED_TICKET_ID, ALESIA)]
    assert [(t.id, t.locked_by_agent) for t in locked] == expected
    assert (await dp.get_ticket(facts.LOCKED_TICKET_ID)).locked_by_agent == 8


def test_seeded_locks_are_taken_at_seeding_time(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    seeded = ago(300).replace(microsecond=0)
    api = client_of(make_demo_server(now=seeded))
    for ticket_id, agent in ((facts.COLLEAGUE_LOCKED_TICKET_ID, ALESIA),
                             (facts.LOCKED_TICKET_ID, 8)):  # fmt: skip
        ticket = api.get(f"tickets/{ticket_id}").json()["data"]
        assert ticket["locked_by_agent"] == agent
        assert ticket["date_locked"] == fmt(to_ts(seeded))


def test_a_demo_seeded_long_ago_shows_no_locks(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    api = client_of(make_demo_server(now=ago(LOCK_SECONDS + 60)))
    ids = f"{facts.COLLEAGUE_LOCKED_TICKET_ID},{facts.LOCKED_TICKET_ID}"
    tickets = api.get("tickets", params={"ids": ids}).json()["data"]
    assert len(tickets) == 2
    assert {t["locked_by_agent"] for t in tickets} == {None}


def test_lock_as_needs_a_running_server() -> None:
    with pytest.raises(RuntimeError):
        DemoServer().lock_as(1, ALESIA)
