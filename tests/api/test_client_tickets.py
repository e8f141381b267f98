"""Ticket endpoints: the exact paths, query strings and JSON bodies sent, and the parsing."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from typing import Any
from urllib.parse import unquote

import httpx
import pytest

from tui.api import Blob, Message, Page, Ticket

from .conftest import API_ROOT, ClientFactory, Recorder, json_response, load_example, query


def respond(name: str, status: int = 200) -> Recorder:
    return Recorder(lambda _request: json_response(load_example(name), status))


def body_of(request: httpx.Request) -> Any:
    assert request.headers["Content-Type"] == "application/json"
    return json.loads(request.content)


# -- list / iterate -------------------------------------------------------------------


async def test_list_tickets_defaults(make_client: ClientFactory) -> None:
    rec = respond("tickets-page")
    page = await make_client(rec).list_tickets()
    assert isinstance(page, Page)
    assert [t.id for t in page.items] == [3432]
    assert page.items[0].labels == ["vip"]
    assert page.pagination.total == 31 and page.has_next
    assert page.linked_people()[42].name == "Phil Rigby"
    (req,) = rec.requests
    assert req.method == "GET"
    assert str(req.url).startswith(f"{API_ROOT}tickets?")
    assert query(req) == [("page", "1"), ("count", "50")]
    assert req.headers["Accept"] == "application/json"
    assert req.content == b""


async def test_list_tickets_all_parameters(make_client: ClientFactory) -> None:
    rec = respond("tickets-page")
    await make_client(rec).list_tickets(
        status=["awaiting_agent", "resolved"],
        page=2,
        count=25,
        order_by="date_status",
        order_dir="desc",
        include=["person", "department"],
        date_created=(datetime(2019, 6, 16, 23, 1, 13, tzinfo=UTC), date(2020, 4, 7)),
        agent=42,
        labels=["vip", "billing"],
        ids=[1, 2],
    )
    assert query(rec.last) == [
        ("status[]", "awaiting_agent"),
        ("status[]", "resolved"),
        ("page", "2"),
        ("count", "25"),
        ("order_by", "date_status"),
        ("order_dir", "desc"),
        ("include", "person,department"),
        ("date_created", "2019-06-16T23:01:13Z--2020-04-07"),
        ("agent", "42"),
        ("labels[]", "vip"),
        ("labels[]", "billing"),
        ("ids", "1,2"),
    ]


async def test_list_tickets_single_status_and_count_clamped(make_client: ClientFactory) -> None:
    rec = respond("tickets-page")
    await make_client(rec).list_tickets(status="resolved", count=500, page=0)
    assert query(rec.last) == [("status", "resolved"), ("page", "1"), ("count", "200")]


async def test_one_status_in_a_list_is_sent_plain(make_client: ClientFactory) -> None:
    # Queues name their status as a one-item tuple; Deskpro's article sends `status=resolved`.
    rec = respond("tickets-page")
    client = make_client(rec)
    await client.list_tickets(status=("resolved",))
    await client.list_tickets_of("ticket_filters", 3, status=["resolved"])
    async for _ticket in client.iter_tickets(status=("resolved",)):
        break
    assert [r.url.params.get_list("status") for r in rec.requests] == [["resolved"]] * 3
    assert all("status[]" not in r.url.params for r in rec.requests)


async def test_list_tickets_open_date_range_is_closed(make_client: ClientFactory) -> None:
    rec = respond("tickets-page")
    await make_client(rec).list_tickets(date_created=("2020-01-01", None))
    assert ("date_created", "2020-01-01--2099-12-31T23:59:59Z") in query(rec.last)


async def test_list_tickets_bad_order_dir_sends_nothing(make_client: ClientFactory) -> None:
    rec = respond("tickets-page")
    with pytest.raises(ValueError, match="order_dir"):
        await make_client(rec).list_tickets(order_dir="sideways")
    assert rec.requests == []


def _ticket_pages(total: int, per_page: int) -> Recorder:
    def handler(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        ids = list(range(1, total + 1))[(page - 1) * per_page : page * per_page]
        return json_response(
            {
                "data": [{"id": i, "subject": f"T{i}"} for i in ids],
                "meta": {
                    "pagination": {
                        "total": total,
                        "count": len(ids),
                        "per_page": per_page,
                        "current_page": page,
                        "total_pages": -(-total // per_page),
                    },
                    "fql": "ticket.status IN (...)",
                },
                "linked": [],
            }
        )

    return Recorder(handler)


async def test_iter_tickets_reads_every_page_200_at_a_time(make_client: ClientFactory) -> None:
    rec = _ticket_pages(total=7, per_page=3)
    client = make_client(rec)
    tickets = [t async for t in client.iter_tickets("awaiting_agent", order_by="id")]
    assert [t.id for t in tickets] == [1, 2, 3, 4, 5, 6, 7]
    assert all(isinstance(t, Ticket) for t in tickets)
    assert [query(r) for r in rec.requests] == [
        [("status", "awaiting_agent"), ("count", "200"), ("order_by", "id"), ("page", str(n))]
        for n in (1, 2, 3)
    ]


async def test_iter_tickets_stops_early_when_the_loop_does(make_client: ClientFactory) -> None:
    rec = _ticket_pages(total=9, per_page=3)
    async for ticket in make_client(rec).iter_tickets():
        if ticket.id == 2:
            break
    assert len(rec.requests) == 1


async def test_iter_tickets_never_sends_count_above_200(make_client: ClientFactory) -> None:
    rec = _ticket_pages(total=2, per_page=3)
    _ = [t async for t in make_client(rec).iter_tickets(count=500)]
    counts = [int(v) for r in rec.requests for k, v in query(r) if k == "count"]
    assert counts and max(counts) <= 200


async def test_list_tickets_of_a_filter(make_client: ClientFactory) -> None:
    rec = respond("tickets-page")
    page = await make_client(rec).list_tickets_of(
        "ticket_filters",
        105,
        status="awaiting_agent",
        count=20,
        order_by="date_status",
        order_dir="asc",
    )
    assert [t.id for t in page.items] == [3432]
    assert rec.last.url.path == "/api/v2/ticket_filters/105/tickets"
    assert query(rec.last) == [
        ("status", "awaiting_agent"),
        ("page", "1"),
        ("count", "20"),
        ("order_by", "date_status"),
        ("order_dir", "asc"),
    ]


# -- get ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "path"),
    [
        (3432, "/api/v2/tickets/3432"),
        ("3432", "/api/v2/tickets/3432"),
        ("SDST-2025XON927", "/api/v2/tickets/ref:SDST-2025XON927"),
        ("ref:SDST-2025XON927", "/api/v2/tickets/ref:SDST-2025XON927"),
    ],
)
async def test_get_ticket_by_id_or_ref(
    make_client: ClientFactory, key: int | str, path: str
) -> None:
    rec = respond("ticket")
    ticket = await make_client(rec).get_ticket(key)
    assert ticket.id == 3432 and ticket.labels == []  # meta/linked [] and labels null
    (req,) = rec.requests
    assert (req.method, req.url.path, req.url.query) == ("GET", path, b"")


@pytest.mark.parametrize("ref", ["AB?C", "AB#C", "AB/../../people/1"])
async def test_get_ticket_reference_stays_in_its_path_segment(
    make_client: ClientFactory, ref: str
) -> None:
    rec = respond("ticket")
    await make_client(rec).get_ticket(ref)
    raw_path = rec.last.url.raw_path.decode()  # still percent-encoded
    assert rec.last.url.query == b""
    assert raw_path.startswith("/api/v2/tickets/ref:")
    assert raw_path.count("/") == 4  # /api/v2/tickets/<one segment>
    assert unquote(raw_path.rsplit("/", 1)[1]) == f"ref:{ref}"


# -- create ---------------------------------------------------------------------------


async def test_create_ticket_minimal_body(make_client: ClientFactory) -> None:
    rec = respond("ticket", 201)
    ticket = await make_client(rec).create_ticket(
        subject="My First Ticket",
        person="joanne.bloggs@example.com",
        message="<p>This is a rich <b>HTML</b> message</p>",
    )
    assert isinstance(ticket, Ticket) and ticket.id == 3432
    (req,) = rec.requests
    assert (req.method, req.url.path) == ("POST", "/api/v2/tickets")
    assert body_of(req) == {
        "subject": "My First Ticket",
        "person": "joanne.bloggs@example.com",
        "message": {"message": "<p>This is a rich <b>HTML</b> message</p>", "format": "html"},
    }


async def test_create_ticket_with_attachments_inline_and_not(make_client: ClientFactory) -> None:
    rec = respond("ticket", 201)
    blob = Blob.model_validate(load_example("blob")["data"])
    await make_client(rec).create_ticket(
        subject="With files",
        person={"name": "Jo", "email": "jo@example.com"},
        message="see attached",
        format="text",
        is_note=True,
        attachments=[blob, ("INLINEAUTH", True), ("PLAINAUTH", False), "BAREAUTH"],
        agent=42,
        department=None,  # None extras are not sent
        labels=["vip"],
        urgency=5,
    )
    assert body_of(rec.last) == {
        "subject": "With files",
        "person": {"name": "Jo", "email": "jo@example.com"},
        "message": {
            "message": "see attached",
            "format": "text",
            "is_note": True,
            "attachments": [
                {"blob_auth": "26854KPJHXXQWRNRQHBQ0", "is_inline": False},
                {"blob_auth": "INLINEAUTH", "is_inline": True},
                {"blob_auth": "PLAINAUTH", "is_inline": False},
                {"blob_auth": "BAREAUTH", "is_inline": False},
            ],
        },
        "agent": 42,
        "labels": ["vip"],
        "urgency": 5,
    }


# -- update / delete ------------------------------------------------------------------


async def test_update_ticket_204_unassign_sends_agent_zero(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _request: httpx.Response(204))
    result = await make_client(rec).update_ticket(3432, agent=None, status="resolved")
    assert result is None
    (req,) = rec.requests
    assert (req.method, req.url.path) == ("PUT", "/api/v2/tickets/3432")
    assert body_of(req) == {"agent": 0, "status": "resolved"}


async def test_update_ticket_assign(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _request: httpx.Response(204))
    await make_client(rec).update_ticket(321, agent=42)
    assert body_of(rec.last) == {"agent": 42}


async def test_update_ticket_200_with_body_is_accepted(make_client: ClientFactory) -> None:
    rec = respond("ticket")
    assert await make_client(rec).update_ticket(3432, urgency=3) is None
    assert body_of(rec.last) == {"urgency": 3}


async def test_delete_ticket(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _request: json_response({"data": None, "meta": [], "linked": []}))
    assert await make_client(rec).delete_ticket(3432) is None
    (req,) = rec.requests
    assert (req.method, req.url.path, req.content) == ("DELETE", "/api/v2/tickets/3432", b"")


# -- messages (writes) ----------------------------------------------------------------


async def test_add_message_reply(make_client: ClientFactory) -> None:
    raw = load_example("messages-page")["data"][0]
    rec = Recorder(lambda _request: json_response({"data": raw, "meta": {}, "linked": {}}, 201))
    message = await make_client(rec).add_message(3432, "<p>Hello</p>")
    assert isinstance(message, Message) and message.id == 3698
    (req,) = rec.requests
    assert (req.method, req.url.path) == ("POST", "/api/v2/tickets/3432/messages")
    assert body_of(req) == {"message": "<p>Hello</p>", "format": "html"}


async def test_add_message_note_with_person_and_attachment(make_client: ClientFactory) -> None:
    raw = load_example("messages-page")["data"][1]
    rec = Recorder(lambda _request: json_response({"data": raw, "meta": [], "linked": []}, 201))
    message = await make_client(rec).add_message(
        3432, "internal", note=True, format="text", person=61, attachments=[("AUTH1", True)]
    )
    assert message.is_agent_note is True
    assert body_of(rec.last) == {
        "message": "internal",
        "format": "text",
        "is_note": True,
        "person": 61,
        "attachments": [{"blob_auth": "AUTH1", "is_inline": True}],
    }
