"""`/ticket_priorities`, `/ticket_custom_fields`, the values tickets carry, and writing them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import httpx
import pytest

from .test_seed import EVERY_STATUS, every_ticket

PRODUCT, ORDER, ESCALATED, RENEWAL, AREAS, LEGACY = 7, 8, 9, 10, 11, 12
CLOUD, MOBILE_APP = 701, 703


def definitions(api: httpx.Client) -> dict[int, dict]:
    body = api.get("ticket_custom_fields", params={"count": 200}).json()
    assert body["meta"]["pagination"]["total"] == len(body["data"])
    return {f["id"]: f for f in body["data"]}


def test_priorities(api: httpx.Client) -> None:
    body = api.get("ticket_priorities").json()
    assert body["data"] == [
        {"id": 1, "title": "Low", "display_order": 10},
        {"id": 2, "title": "Normal", "display_order": 20},
        {"id": 3, "title": "High", "display_order": 30},
        {"id": 4, "title": "Critical", "display_order": 40},
    ]
    assert body["meta"]["pagination"]["total"] == 4
    second = api.get("ticket_priorities", params={"count": 3, "page": 2}).json()["data"]
    assert [p["title"] for p in second] == ["Critical"]
    priorities = {t["priority"] for t in every_ticket(api)}
    assert {1, 2, 3, 4} <= priorities and None in priorities


def test_custom_field_definitions(api: httpx.Client) -> None:
    fields = definitions(api)
    kinds = {i: (f["title"], f["widget_type"], f["is_enabled"]) for i, f in fields.items()}
    assert kinds == {
        PRODUCT: ("Product", "choice", True), ORDER: ("Order number", "text", True),
        ESCALATED: ("Escalated", "toggle", True), RENEWAL: ("Renewal date", "date", True),
        AREAS: ("Affected areas", "multichoice", True), LEGACY: ("Legacy CRM id", "text", False),
    }  # fmt: skip
    keys = {"id", "title", "description", "widget_type", "choices", "default_value",
            "is_enabled", "display_order"}  # fmt: skip
    assert all(keys <= set(f) for f in fields.values())
    assert [(c["id"], c["title"]) for c in fields[PRODUCT]["choices"]][:3] == [
        (701, "Cloud"), (702, "On-premise"), (MOBILE_APP, "Mobile app"),
    ]  # fmt: skip
    assert len(fields[AREAS]["choices"]) == 5 and fields[ORDER]["choices"] == []
    assert fields[ESCALATED]["default_value"] is False
    orders = [f["display_order"] for f in fields.values()]
    assert orders == sorted(orders)


def test_seeded_tickets_carry_values_of_the_right_kind(api: httpx.Client) -> None:
    fields = definitions(api)
    choice_ids = {i: {c["id"] for c in f["choices"]} for i, f in fields.items()}
    seen: dict[int, int] = {}
    for ticket in every_ticket(api):
        for key, entry in ticket["fields"].items():
            field_id, value = int(key), entry["value"]
            assert entry["aliases"] == []
            seen[field_id] = seen.get(field_id, 0) + 1
            kind = fields[field_id]["widget_type"]
            if kind in ("choice", "multichoice"):
                assert isinstance(value, list) and set(value) <= choice_ids[field_id]
                assert value == sorted(set(value)) and (kind != "choice" or len(value) == 1)
            elif kind == "toggle":
                assert isinstance(value, bool)
            elif kind == "date":
                date.fromisoformat(value)
            else:
                assert isinstance(value, str) and value
    assert all(seen.get(i, 0) >= 5 for i in fields), seen


def test_filter_by_a_choice_id(api: httpx.Client) -> None:
    params = {"status": EVERY_STATUS, "count": 200, "ticket_field.7": MOBILE_APP}
    data = api.get("tickets", params=params).json()["data"]
    assert data and all(t["fields"]["7"]["value"] == [MOBILE_APP] for t in data)


def test_put_sets_fields_priority_labels_and_hold(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    ticket = make_ticket(fields={str(ORDER): "ORD-10001"})
    assert ticket["fields"] == {str(ORDER): {"aliases": [], "value": "ORD-10001"}}
    body = {
        "fields": {str(PRODUCT): CLOUD, str(AREAS): ["1102", 1101], str(ESCALATED): True,
                   str(RENEWAL): "2026-09-30"},
        "priority": 3, "labels": ["vip", "api"], "is_hold": True,
    }  # fmt: skip
    response = api.put(f"tickets/{ticket['id']}", json=body)
    assert response.status_code == 204, response.text
    after = api.get(f"tickets/{ticket['id']}").json()["data"]
    values = {k: v["value"] for k, v in after["fields"].items()}
    assert values == {
        str(ORDER): "ORD-10001", str(PRODUCT): [CLOUD], str(AREAS): [1101, 1102],
        str(ESCALATED): True, str(RENEWAL): "2026-09-30",
    }  # fmt: skip
    assert after["priority"] == 3 and after["labels"] == ["api", "vip"] and after["is_hold"]
    cleared = api.put(
        f"tickets/{ticket['id']}?follow_location=1",
        json={"fields": {str(ORDER): None}, "priority": None},
    )
    assert cleared.status_code == 200
    assert str(ORDER) not in cleared.json()["data"]["fields"]
    assert cleared.json()["data"]["priority"] is None


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [("999", "x", "resource_not_found"), ("abc", "x", "resource_not_found"),
     (str(PRODUCT), 799, "bad_choice"), (str(PRODUCT), [701, 702], "bad_choice"),
     (str(PRODUCT), "Cloud", "invalid_type"), (str(AREAS), [1101, 9], "bad_choice"),
     (str(ESCALATED), "yes", "invalid_type"), (str(RENEWAL), "30/09/2026", "invalid_date"),
     (str(ORDER), 12345, "invalid_type"), (str(ORDER), "12345", "invalid_format"),
     (str(LEGACY), "CRM-1", "field_disabled")],
)  # fmt: skip
def test_bad_field_values_are_refused_per_field(
    api: httpx.Client, make_ticket: Callable[..., dict], field: str, value: object, code: str
) -> None:
    ticket = make_ticket()
    response = api.put(f"tickets/{ticket['id']}", json={"fields": {field: value}})
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "invalid_input"
    errors = body["errors"]["fields"]["fields"]["fields"][f"fields_{field}"]["errors"]
    assert [e["code"] for e in errors] == [code]
    assert api.get(f"tickets/{ticket['id']}").json()["data"]["fields"] == {}


def test_unknown_priority_and_bad_hold_are_refused(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    ticket = make_ticket()
    response = api.put(f"tickets/{ticket['id']}", json={"priority": 9, "is_hold": "maybe"})
    assert response.status_code == 400
    fields = response.json()["errors"]["fields"]
    assert fields["priority"]["errors"][0] == {
        "code": "resource_not_found", "message": "No priority 9.",
    }  # fmt: skip
    assert fields["is_hold"]["errors"][0]["code"] == "invalid_type"
