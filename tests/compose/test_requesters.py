"""Requester emails: completion from known people, one lookup per address, the hint."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from tui.api import DeskproClient, Person
from tui.state import HelpdeskService
from tui.state.outgoing import Requesters

JO = {"id": 40, "name": "Jo Bloggs", "primary_email": "Jo.Bloggs@example.com"}


@pytest.fixture
async def asked() -> AsyncIterator[tuple[Requesters, list[str]]]:
    """Requesters over a helpdesk that knows only Jo; the emails asked about are kept."""
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        email = request.url.params["primary_email"]
        seen.append(email)
        if email == "broken@example.com":
            return httpx.Response(500, json={"status": 500, "message": "down"})
        found = [JO] if email.casefold() == JO["primary_email"].casefold() else []
        pagination = {"total": len(found), "count": len(found), "total_pages": 1}
        return httpx.Response(200, json={"data": found, "meta": {"pagination": pagination}})

    transport = httpx.MockTransport(handler)
    client = DeskproClient("https://help.example.com", "1:K", transport=transport)
    service = HelpdeskService(client)
    agent = Person(id=1, name="Agent", primary_email="agent@help.example.com", is_agent=True)
    service.people.put_many([agent, Person(id=2, name="Amy", primary_email="amy@customer.org")])
    yield Requesters(service), seen
    await client.aclose()


async def test_completes_known_people_customers_first(asked: tuple[Requesters, list]) -> None:
    requesters, _ = asked
    assert requesters.complete("a") == "amy@customer.org"
    assert requesters.complete("AG") == "agent@help.example.com"
    assert requesters.complete("") is None
    assert requesters.complete("zed") is None


async def test_looks_up_a_full_email_once(asked: tuple[Requesters, list]) -> None:
    requesters, seen = asked
    assert requesters.hint("jo.bloggs@example.com") == ""  # not asked yet
    await requesters.look_up("jo.bloggs@example.com")
    await requesters.look_up("JO.BLOGGS@example.com ")
    assert seen == ["jo.bloggs@example.com"]
    assert requesters.hint("jo.bloggs@example.com") == "Existing person: Jo Bloggs"
    await requesters.look_up("new@example.com")
    assert requesters.hint("new@example.com") == "New person: created when the ticket is sent."


async def test_partial_emails_and_errors_ask_nothing_or_stay_quiet(
    asked: tuple[Requesters, list],
) -> None:
    requesters, seen = asked
    await requesters.look_up("jo@exa")
    assert seen == []
    await requesters.look_up("broken@example.com")  # no exception
    assert requesters.hint("broken@example.com") == ""  # unknown: say nothing
    assert requesters.hint("amy@customer.org") == "Existing person: Amy"
