"""Identity and lookup endpoints; lookups must read every page, 200 at a time."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tui.api import (
    AgentTeam,
    Attachment,
    Department,
    Discover,
    Label,
    Me,
    Message,
    Person,
    TicketFilter,
    TicketStatus,
)

from .conftest import (
    ClientFactory,
    Recorder,
    envelope,
    json_response,
    load_example,
    paged_handler,
    query,
)


def respond(body: Any) -> Recorder:
    return Recorder(lambda _request: json_response(body))


def only_counts(rec: Recorder) -> list[str]:
    return [v for r in rec.requests for k, v in query(r) if k == "count"]


async def test_me(make_client: ClientFactory) -> None:
    rec = respond(load_example("me"))
    me = await make_client(rec).me()
    assert isinstance(me, Me)
    assert (me.person_id, me.person.display_name) == (42, "Phil Rigby")
    assert (rec.last.method, rec.last.url.path) == ("GET", "/api/v2/me")


async def test_discover(make_client: ClientFactory) -> None:
    rec = respond(load_example("discover"))
    found = await make_client(rec).discover()
    assert isinstance(found, Discover)
    assert found.is_deskpro is True and found.build_name == "2026.1.2"
    assert rec.last.url.path == "/api/v2/helpdesk/discover"


def _agents(n: int) -> list[dict[str, Any]]:
    template = load_example("agents-page")["data"][0]
    return [
        {**template, "id": 100 + i, "name": f"Agent {i}", "display_name": f"Agent {i}"}
        for i in range(n)
    ]


async def test_list_agents_reads_every_page_with_count_200(make_client: ClientFactory) -> None:
    rec = paged_handler(_agents(23), server_max=10, path_suffix="/api/v2/agents")
    agents = await make_client(rec).list_agents()
    assert [a.id for a in agents] == list(range(100, 123))
    assert all(isinstance(a, Person) and a.is_agent for a in agents)
    assert [dict(query(r)) for r in rec.requests] == [
        {"count": "200", "page": "1"},
        {"count": "200", "page": "2"},
        {"count": "200", "page": "3"},
    ]


async def test_list_agents_example_page_then_stops(make_client: ClientFactory) -> None:
    # The example claims 14 pages of 1; the client must ask for page 2, 3... until the end.
    served = _agents(14)

    def handler(request: httpx.Request) -> httpx.Response:
        n = int(request.url.params["page"])
        body = load_example("agents-page")
        body["data"] = [served[n - 1]]
        body["meta"]["pagination"]["current_page"] = n
        return json_response(body)

    rec = Recorder(handler)
    agents = await make_client(rec).list_agents()
    assert len(agents) == 14 and len(rec.requests) == 14
    assert set(only_counts(rec)) == {"200"}


async def test_paging_stops_on_an_empty_page(make_client: ClientFactory) -> None:
    rec = respond(envelope([], total=5, count=0, per_page=10, current_page=1, total_pages=3))
    assert await make_client(rec).list_agents() == []
    assert len(rec.requests) == 1


async def test_paging_terminates_if_server_ignores_page(make_client: ClientFactory) -> None:
    calls = 0

    def handler(_request: httpx.Request) -> httpx.Response:
        nonlocal calls
        calls += 1
        if calls > 10:  # a correct client stops after total_pages (3) requests
            raise AssertionError("client keeps asking for pages past total_pages")
        return json_response(
            envelope([{"id": 1}], total=3, count=1, per_page=1, current_page=1, total_pages=3)
        )

    agents = await make_client(handler).list_agents()
    assert calls == 3 and len(agents) == 3


async def test_list_agent_teams(make_client: ClientFactory) -> None:
    teams = [{"id": i, "name": f"Team {i}", "members": [42]} for i in range(1, 13)]
    rec = paged_handler(teams, server_max=5, path_suffix="/api/v2/agent_teams")
    result = await make_client(rec).list_agent_teams()
    assert [t.id for t in result] == list(range(1, 13))
    assert isinstance(result[0], AgentTeam) and result[0].members == [42]
    assert only_counts(rec) == ["200", "200", "200"]


async def test_list_people_with_email_filter(make_client: ClientFactory) -> None:
    person = load_example("person")["data"]
    rec = respond(envelope([person], total=1, count=1, per_page=10, current_page=1, total_pages=1))
    page = await make_client(rec).list_people(email="dave@example.com", count=300)
    assert [p.primary_email for p in page.items] == ["dave@example.com"]
    assert rec.last.url.path == "/api/v2/people"
    assert query(rec.last) == [
        ("primary_email", "dave@example.com"),
        ("page", "1"),
        ("count", "200"),
    ]


async def test_list_people_without_filter(make_client: ClientFactory) -> None:
    rec = respond(envelope([{"id": 1, "primary_email": None}]))
    page = await make_client(rec).list_people(page=2)
    assert page.items[0].primary_email is None
    assert page.items[0].label == "#1"
    assert query(rec.last) == [("page", "2"), ("count", "50")]


async def test_get_person(make_client: ClientFactory) -> None:
    rec = respond(load_example("person"))
    person = await make_client(rec).get_person(82)
    assert (person.id, person.name) == (82, "dave testerson")
    assert rec.last.url.path == "/api/v2/people/82"


async def test_list_departments(make_client: ClientFactory) -> None:
    rec = respond(load_example("departments-page"))
    departments = await make_client(rec).list_departments()
    assert [(d.id, d.title) for d in departments] == [(1, "Support")]
    assert isinstance(departments[0], Department)
    assert rec.last.url.path == "/api/v2/ticket_departments"
    assert query(rec.last) == [("count", "200"), ("page", "1")]


async def test_list_ticket_statuses_objects_unpaged(make_client: ClientFactory) -> None:
    rec = respond(load_example("ticket-statuses"))
    statuses = await make_client(rec).list_ticket_statuses()
    assert [(s.status_code, s.status_type) for s in statuses] == [
        ("awaiting_agent", "awaiting_agent"),
        ("hidden.spam", "hidden"),
    ]
    assert len(rec.requests) == 1
    assert rec.last.url.path == "/api/v2/ticket_statuses"


async def test_list_ticket_statuses_plain_strings(make_client: ClientFactory) -> None:
    rec = respond({"data": ["awaiting_agent", "resolved", "hidden.spam"], "meta": []})
    statuses = await make_client(rec).list_ticket_statuses()
    assert all(isinstance(s, TicketStatus) for s in statuses)
    assert [(s.status_code, s.status_type) for s in statuses] == [
        ("awaiting_agent", "awaiting_agent"),
        ("resolved", "resolved"),
        ("hidden.spam", "hidden"),
    ]


async def test_list_ticket_filters(make_client: ClientFactory) -> None:
    rec = respond(load_example("ticket-filters-page"))
    filters = await make_client(rec).list_ticket_filters()
    assert isinstance(filters[0], TicketFilter)
    assert [(f.id, f.sys_name) for f in filters] == [(105, "all")]
    assert rec.last.url.path == "/api/v2/ticket_filters"


@pytest.mark.parametrize(
    "data",
    [
        ["vip", "billing"],
        [{"id": 1, "label": "vip"}, {"id": 2, "label": "billing"}],
        {"1": {"id": 1, "title": "vip"}, "2": {"id": 2, "title": "billing"}},
    ],
    ids=["strings", "objects", "keyed-objects"],
)
async def test_list_labels_strings_or_objects(make_client: ClientFactory, data: Any) -> None:
    rec = respond({"data": data, "meta": {}, "linked": {}})
    labels = await make_client(rec).list_labels()
    assert all(isinstance(label, Label) for label in labels)
    assert [label.label for label in labels] == ["vip", "billing"]
    assert rec.last.url.path == "/api/v2/ticket_labels"


async def test_list_messages_every_page_oldest_first(make_client: ClientFactory) -> None:
    template = load_example("messages-page")["data"]
    messages = [{**template[i % 2], "id": 3000 + i} for i in range(5)]
    rec = paged_handler(messages, server_max=2, path_suffix="/api/v2/tickets/3432/messages")
    result = await make_client(rec).list_messages(3432)
    assert [m.id for m in result] == [3000, 3001, 3002, 3003, 3004]
    assert [m.is_agent_note for m in result] == [False, True, False, True, False]
    assert all(isinstance(m, Message) for m in result)
    assert [query(r) for r in rec.requests] == [
        [("order_dir", "asc"), ("count", "200"), ("page", str(n))] for n in (1, 2, 3)
    ]


async def test_list_messages_example_and_desc(make_client: ClientFactory) -> None:
    rec = respond(load_example("messages-page"))
    result = await make_client(rec).list_messages(3432, order_dir="desc")
    assert [m.id for m in result] == [3698, 3699]
    assert result[0].attachments == [60]
    assert ("order_dir", "desc") in query(rec.last)


async def test_list_attachments(make_client: ClientFactory) -> None:
    rec = respond(load_example("attachments-page"))
    result = await make_client(rec).list_attachments(3432)
    assert isinstance(result[0], Attachment)
    assert [(a.id, a.blob.filename, a.is_agent_note) for a in result] == [(83, "panic.txt", False)]
    assert rec.last.url.path == "/api/v2/tickets/3432/attachments"
    assert query(rec.last) == [("count", "200"), ("page", "1")]
