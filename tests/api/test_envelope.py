"""The `{"data", "meta", "linked"}` envelope: pages, pagination, sideloads, bad bodies."""

from __future__ import annotations

from typing import Any

import pytest

from tui.api import Department, Page, Pagination, Person, ResponseFormatError, Ticket
from tui.api.envelope import parse_one, parse_page, split_envelope
from tui.api.models import TicketStatus

from .conftest import load_example


def test_tickets_page_with_pagination_linked_and_fql() -> None:
    page = parse_page(load_example("tickets-page"), Ticket)
    assert [t.id for t in page.items] == [3432]
    assert page.pagination == Pagination(
        total=31, count=1, per_page=1, current_page=2, total_pages=31
    )
    assert page.has_next is True
    assert not hasattr(page.pagination, "fql")


def test_linked_people_include_agents_with_string_keys() -> None:
    page = parse_page(load_example("tickets-page"), Ticket)
    people = page.linked_people()
    assert set(people) == {61, 42}
    assert all(isinstance(k, int) for k in people)
    agent = people[page.items[0].agent or -1]
    assert isinstance(agent, Person)
    assert (agent.id, agent.name, agent.is_agent) == (42, "Phil Rigby", True)
    assert people[61].is_agent is False
    departments = page.linked_departments()
    assert list(departments) == [37]
    assert isinstance(departments[37], Department)
    assert departments[37].title == "Support"


def test_single_ticket_with_meta_and_linked_as_empty_lists() -> None:
    body = load_example("ticket")
    assert body["meta"] == [] and body["linked"] == []
    ticket = parse_one(body, Ticket)
    assert ticket.id == 3432
    _data, meta, linked = split_envelope(body)
    assert dict(meta) == {} and dict(linked) == {}


def test_page_with_empty_list_meta_and_linked() -> None:
    page = parse_page({"data": [{"id": 1}, {"id": 2}], "meta": [], "linked": []}, Ticket)
    assert [t.id for t in page.items] == [1, 2]
    assert page.pagination.total == 2
    assert page.has_next is False
    assert page.linked_people() == {}
    assert page.linked_departments() == {}


def test_linked_kind_as_empty_list() -> None:
    page = parse_page({"data": [], "linked": {"person": []}}, Ticket)
    assert page.linked_people() == {}


def test_last_page_has_no_next() -> None:
    body = {
        "data": [{"id": 9}],
        "meta": {
            "pagination": {
                "total": 21,
                "count": 1,
                "per_page": 10,
                "current_page": 3,
                "total_pages": 3,
            }
        },
    }
    page = parse_page(body, Ticket)
    assert page.has_next is False
    assert page.pagination.current_page == 3


def test_empty_collection() -> None:
    body = {
        "data": [],
        "meta": {
            "pagination": {
                "total": 0,
                "count": 0,
                "per_page": 10,
                "current_page": 1,
                "total_pages": 1,
            }
        },
        "linked": {},
    }
    page = parse_page(body, Ticket)
    assert page.items == []
    assert page.has_next is False


def test_unpaged_list_is_one_full_page() -> None:
    page = parse_page(load_example("ticket-statuses"), TicketStatus)
    assert [s.status_code for s in page.items] == ["awaiting_agent", "hidden.spam"]
    assert page.pagination == Pagination(
        total=2, count=2, per_page=2, current_page=1, total_pages=1
    )
    assert page.has_next is False


def test_data_as_dict_keyed_by_id() -> None:
    page = parse_page({"data": {"5": {"id": 5}, "7": {"id": 7}}, "meta": {}}, Ticket)
    assert [t.id for t in page.items] == [5, 7]


def test_page_is_generic_dataclass() -> None:
    page: Page[Ticket] = parse_page({"data": []}, Ticket)
    assert page.linked == {}


@pytest.mark.parametrize(
    "body",
    [
        None,
        [],
        [{"id": 1}],
        "a string",
        42,
        {"status": "ok"},
        {"items": [{"id": 1}]},
    ],
    ids=["null", "empty-list", "bare-list", "string", "number", "no-data", "other-key"],
)
def test_non_envelope_bodies_raise(body: Any) -> None:
    with pytest.raises(ResponseFormatError) as info:
        parse_page(body, Ticket)
    assert "data" in str(info.value)
    with pytest.raises(ResponseFormatError):
        parse_one(body, Ticket)


@pytest.mark.parametrize("data", ["text", 5, None, True])
def test_list_answer_whose_data_is_not_a_list(data: Any) -> None:
    with pytest.raises(ResponseFormatError, match="not a list"):
        parse_page({"data": data}, Ticket)


def test_unreadable_record_becomes_response_format_error() -> None:
    with pytest.raises(ResponseFormatError, match="Ticket") as info:
        parse_page({"data": [{"id": 1}, {"subject": "no id"}]}, Ticket)
    assert info.value.hint
    with pytest.raises(ResponseFormatError, match="Ticket"):
        parse_one({"data": "not an object"}, Ticket)
    with pytest.raises(ResponseFormatError):
        parse_one({"data": None}, Ticket)


def test_bad_pagination_becomes_response_format_error() -> None:
    with pytest.raises(ResponseFormatError, match="Pagination"):
        parse_page({"data": [], "meta": {"pagination": {"total": "many"}}}, Ticket)
