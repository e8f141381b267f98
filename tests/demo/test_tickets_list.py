"""`GET /tickets`: status modes, paging, ordering, sideloading, filters and queues."""

from __future__ import annotations

import httpx
import pytest

from tui.demo import facts
from tui.demo.statuses import ACTIVE


def tickets(api: httpx.Client, **params: object) -> dict:
    response = api.get("tickets", params=params)
    assert response.status_code == 200, response.text
    return response.json()


def all_ids(api: httpx.Client, **params: object) -> list[int]:
    ids: list[int] = []
    page = 1
    while True:
        body = tickets(api, count=200, page=page, **params)
        ids += [t["id"] for t in body["data"]]
        if page >= body["meta"]["pagination"]["total_pages"]:
            return ids
        page += 1


def test_without_status_only_active_tickets(api: httpx.Client) -> None:
    body = tickets(api, count=200)
    assert body["data"]
    assert {t["status"] for t in body["data"]} <= set(ACTIVE)
    assert body["meta"]["fql"].startswith("ticket.status IN")


def test_naming_an_inactive_status_switches_to_all_mode(api: httpx.Client) -> None:
    resolved = tickets(api, status="resolved", count=200)["data"]
    assert resolved
    assert {t["status"] for t in resolved} == {"resolved"}
    both = tickets(api, status="resolved,awaiting_agent", count=200)["meta"]["pagination"]
    only_agent = tickets(api, status="awaiting_agent")["meta"]["pagination"]
    assert both["total"] == len(resolved) + only_agent["total"]


def test_status_repeats_as_array(api: httpx.Client) -> None:
    comma = tickets(api, status="resolved,archived")["meta"]["pagination"]["total"]
    response = api.get("tickets?status[]=resolved&status[]=archived")
    assert response.json()["meta"]["pagination"]["total"] == comma


def test_hidden_sub_statuses(api: httpx.Client) -> None:
    spam = tickets(api, status="hidden.spam", count=200)["data"]
    assert spam
    assert all(t["status"] == "hidden" and t["ticket_status"] == "hidden.spam" for t in spam)
    hidden = tickets(api, status="hidden")["meta"]["pagination"]["total"]
    assert hidden >= len(spam)


def test_unknown_status_is_a_bad_request(api: httpx.Client) -> None:
    response = api.get("tickets", params={"status": "nonsense"})
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"


def test_default_page_is_ten_with_pagination_meta(api: httpx.Client) -> None:
    body = tickets(api)
    pagination = body["meta"]["pagination"]
    assert len(body["data"]) == 10
    assert pagination["per_page"] == 10
    assert pagination["count"] == 10
    assert pagination["current_page"] == 1
    assert pagination["total_pages"] == -(-pagination["total"] // 10)


def test_paging_walks_every_ticket_once(api: httpx.Client) -> None:
    total = tickets(api, status="resolved")["meta"]["pagination"]["total"]
    pages = [tickets(api, status="resolved", count=7, page=p)["data"] for p in (1, 2, 3)]
    ids = [t["id"] for page in pages for t in page]
    assert len(ids) == len(set(ids)) == min(21, total)


def test_page_past_the_end_is_empty(api: httpx.Client) -> None:
    body = tickets(api, page=999)
    assert body["data"] == []
    assert body["meta"]["pagination"]["count"] == 0


def test_count_above_200_is_refused(api: httpx.Client) -> None:
    assert api.get("tickets", params={"count": 200}).status_code == 200
    response = api.get("tickets", params={"count": 201})
    assert response.status_code == 400
    assert response.json() == {
        "status": 400,
        "code": "bad_request",
        "message": "You can select maximum 200 entities",
    }


@pytest.mark.parametrize("params", [{"count": "ten"}, {"page": "x"}, {"page": 0}])
def test_bad_paging_values(api: httpx.Client, params: dict) -> None:
    assert api.get("tickets", params=params).status_code == 400


@pytest.mark.parametrize(
    "field",
    ["id", "urgency", "date_created", "date_last_agent_reply", "date_last_user_reply",
     "date_last_reply", "date_status", "subject", "status"],
)  # fmt: skip
def test_order_by_each_field_both_ways(api: httpx.Client, field: str) -> None:
    def key(ticket: dict) -> object:
        if field == "date_last_reply":  # not a ticket field: the later of the two replies
            replies = (ticket["date_last_agent_reply"], ticket["date_last_user_reply"])
            return max((r for r in replies if r), default=None)
        return ticket[field]

    for direction in ("asc", "desc"):
        # A whole page of 200: tickets other tests made on the shared server have no
        # replies, and sort first (nulls) ascending.
        data = tickets(api, order_by=field, order_dir=direction, count=200)["data"]
        keys = [key(t) for t in data if key(t) is not None]
        assert len(keys) > 10
        assert keys == sorted(keys, reverse=direction == "desc"), field


def test_default_order_is_id_ascending(api: httpx.Client) -> None:
    ids = [t["id"] for t in tickets(api, count=50)["data"]]
    assert ids == sorted(ids)


def test_unknown_order_by(api: httpx.Client) -> None:
    response = api.get("tickets", params={"order_by": "x"})
    assert response.status_code == 400
    assert response.json()["message"] == "Unknown order by option value: x"
    assert api.get("tickets", params={"order_dir": "sideways"}).status_code == 400


def test_include_sideloads_with_string_keys_and_agents_under_person(api: httpx.Client) -> None:
    include = "person,agent,department,organization,agent_team"
    body = tickets(api, include=include, count=50)
    linked = body["linked"]
    people = linked["person"]
    assert all(isinstance(key, str) for key in people)
    for ticket in body["data"]:
        assert isinstance(ticket["person"], int)
        assert str(ticket["person"]) in people
        if ticket["agent"]:
            assert people[str(ticket["agent"])]["is_agent"] is True
        assert str(ticket["department"]) in linked["department"]
        if ticket["organization"]:
            assert str(ticket["organization"]) in linked["organization"]


def test_without_include_linked_is_empty(api: httpx.Client) -> None:
    assert tickets(api)["linked"] in ({}, [])


@pytest.mark.parametrize(
    ("name", "value"),
    [("agent", facts.AGENT_ID), ("department", 3), ("urgency", 7), ("person", 113),
     ("organization", 5), ("agent_team", 2)],
)  # fmt: skip
def test_id_filters(api: httpx.Client, name: str, value: int) -> None:
    data = tickets(api, status="resolved,awaiting_agent,awaiting_user", count=200, **{name: value})
    assert data["data"], name
    assert all(t[name] == value for t in data["data"])


def test_agent_zero_means_unassigned(api: httpx.Client) -> None:
    data = tickets(api, agent=0, count=200)["data"]
    assert data
    assert all(t["agent"] is None for t in data)


def test_labels_and_ids_filters(api: httpx.Client) -> None:
    vip = tickets(api, labels="vip", count=200)["data"]
    assert vip and all("vip" in t["labels"] for t in vip)
    picked = tickets(api, ids="141,142,145", status="awaiting_agent,awaiting_user")["data"]
    assert sorted(t["id"] for t in picked) == [141, 142, 145]


def test_ticket_filter_queues(api: httpx.Client) -> None:
    mine = api.get(f"ticket_filters/{facts.FILTER_MY_TICKETS}/tickets", params={"count": 200})
    assert mine.status_code == 200
    data = mine.json()["data"]
    assert len(data) >= 3, "the demo key's agent must have tickets in 'My tickets'"
    assert all(t["agent"] == facts.ADMIN_ID and t["status"] in ACTIVE for t in data)
    same = tickets(api, filter=facts.FILTER_MY_TICKETS, count=200)["data"]
    assert [t["id"] for t in same] == [t["id"] for t in data]
    urgent = api.get(f"ticket_filters/{facts.FILTER_URGENT}/tickets", params={"count": 200})
    assert all(t["urgency"] >= 8 for t in urgent.json()["data"])
    unassigned = api.get(f"ticket_filters/{facts.FILTER_UNASSIGNED}/tickets?count=200").json()
    assert all(t["agent"] is None for t in unassigned["data"])


def test_filter_queue_takes_extra_params(api: httpx.Client) -> None:
    path = f"ticket_filters/{facts.FILTER_MY_TICKETS}/tickets"
    resolved = api.get(path, params={"status": "resolved", "count": 200}).json()["data"]
    assert resolved and all(t["status"] == "resolved" and t["agent"] == 1 for t in resolved)
    ordered = api.get(path, params={"order_by": "id", "order_dir": "desc"}).json()["data"]
    assert [t["id"] for t in ordered] == sorted((t["id"] for t in ordered), reverse=True)


def test_unknown_filter(api: httpx.Client) -> None:
    assert api.get("ticket_filters/9999/tickets").status_code == 404
    assert api.get("tickets", params={"filter": 9999}).status_code == 400


def test_custom_field_sla_and_email_filters(api: httpx.Client) -> None:
    product = tickets(api, count=200, **{"ticket_field.7": "703"})["data"]  # Mobile app
    assert product and all(t["fields"]["7"]["value"] == [703] for t in product)
    order = product[0]["fields"].get("8") or tickets(api, department=3)["data"][0]["fields"]["8"]
    same_order = tickets(api, count=200, **{"ticket_field.8": order["value"]})["data"]
    assert same_order and all(t["fields"]["8"] == order for t in same_order)
    failing = tickets(api, sla_status="fail", count=200)["data"]
    assert failing and all(t["worst_sla_status"] == "fail" for t in failing)
    by_email = tickets(api, email="LUCIUS.Fairbanks@wayne.example", status="resolved,pending")
    assert by_email["data"] and all(t["person"] == 113 for t in by_email["data"])


@pytest.mark.parametrize(
    "params",
    [{"is_hold": "1"}, {"is_hold": "0"}, {"date_status": "<2000-01-01"},
     {"date_last_reply": ">2999-01-01"}, {"q": "printer"}, {"subject": "nothing like this"}],
)  # fmt: skip
def test_undocumented_parameters_are_ignored(api: httpx.Client, params: dict) -> None:
    """Deskpro ignores parameters it does not document; a client relying on one sees all."""
    plain = all_ids(api)
    assert facts.HOLD_TICKET_ID in plain and len(plain) > 1  # held and not held alike
    assert all_ids(api, **params) == plain


def test_a_saved_filter_still_applies_its_own_hold_term(api: httpx.Client) -> None:
    path = f"ticket_filters/{facts.FILTER_ON_HOLD}/tickets"
    held = api.get(path, params={"count": 200}).json()["data"]
    assert facts.HOLD_TICKET_ID in {t["id"] for t in held}
    assert all(t["is_hold"] is True for t in held)
    ignored = api.get(path, params={"count": 200, "is_hold": "0"}).json()["data"]
    assert ignored == held
