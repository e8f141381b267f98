"""Snippets: `/snippets` and the older `/ticket_snippets`, paged, gated like any route."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Callable

import httpx
import pytest

from tui.api import DeskproClient, NotFoundError, PermissionDeniedError
from tui.demo import DemoServer

MakeServer = Callable[..., DemoServer]
ClientOf = Callable[[DemoServer], httpx.Client]
TITLES = {
    1: "Greeting",
    2: "Need more details",
    3: "Password reset steps",
    4: "Refund processed",
    5: "Escalated to engineering",
    6: "Closing the ticket",
}
PLACEHOLDERS = {
    "requester.first_name", "requester.name", "agent.name", "ticket.ref", "ticket.id",
    "ticket.subject",
}  # fmt: skip


@pytest.fixture
async def dp(demo_server: DemoServer) -> AsyncIterator[DeskproClient]:
    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        yield client


async def test_both_names_serve_the_same_snippets(dp: DeskproClient) -> None:
    snippets = await dp.list_snippets()
    assert {s.id: s.title for s in snippets} == TITLES
    assert all(s.usable and s.html.startswith("<p>") for s in snippets)
    assert await dp.list_ticket_snippets() == snippets
    used = {p for s in snippets for p in re.findall(r"{{([a-z_.]+)}}", s.html)}
    assert used == PLACEHOLDERS


def test_the_shape_and_paging(api: httpx.Client) -> None:
    first = api.get("snippets", params={"count": 4}).json()
    assert first["meta"]["pagination"] == {
        "total": 6, "count": 4, "per_page": 4, "current_page": 1, "total_pages": 2,
    }  # fmt: skip
    greeting = first["data"][0]
    assert greeting["id"] == 1 and greeting["shortcut_code"] == "hi"
    assert greeting["title"] == [{"language": 1, "value": "Greeting"}]
    [text] = greeting["snippet"]
    assert text["language"] == 1 and text["value"].startswith("<p>Hi {{requester.first_name}},")
    assert isinstance(greeting["category"], int)
    second = api.get("ticket_snippets", params={"count": 4, "page": 2}).json()["data"]
    assert [s["id"] for s in second] == [5, 6]
    picked = api.get("snippets", params={"ids": "2,4"}).json()["data"]
    assert [s["id"] for s in picked] == [2, 4]


async def test_disallowed_and_missing(make_demo_server: MakeServer) -> None:
    server = make_demo_server(disallow=("snippets.list",), missing=("tickets.snippets.*",))
    async with DeskproClient(server.url, server.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await client.list_snippets()
        with pytest.raises(NotFoundError):
            await client.list_ticket_snippets()


def test_the_generated_helpdesk_has_them_too(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    api = client_of(make_demo_server(tickets=20))
    data = api.get("snippets").json()["data"]
    assert {s["id"]: s["title"][0]["value"] for s in data} == TITLES
