"""Date filters: `A--B`, `A/B`, `<`, `<=`, `>`, `>=`, single days, on every date field."""

from __future__ import annotations

from datetime import datetime

import httpx
import pytest

from tui.demo.statuses import ACTIVE, CODES

EVERY_STATUS = ",".join(sorted(CODES))


def every_ticket(api: httpx.Client) -> list[dict]:
    found, page = [], 1
    while True:
        body = api.get("tickets", params={"status": EVERY_STATUS, "count": 200, "page": page})
        found += body.json()["data"]
        if page >= body.json()["meta"]["pagination"]["total_pages"]:
            return found
        page += 1


def ids(api: httpx.Client, **params: str) -> set[int]:
    params = {"status": EVERY_STATUS, "count": "200", **params}
    response = api.get("tickets", params=params)
    assert response.status_code == 200, response.text
    assert response.json()["meta"]["pagination"]["total"] <= 200
    return {t["id"] for t in response.json()["data"]}


def when(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z")


@pytest.fixture
def window(api: httpx.Client) -> tuple[list[dict], str, str]:
    tickets = sorted(every_ticket(api), key=lambda t: t["date_created"])
    return tickets, tickets[40]["date_created"], tickets[80]["date_created"]


def test_range_forms(api: httpx.Client, window: tuple[list[dict], str, str]) -> None:
    tickets, low, high = window
    inside = {t["id"] for t in tickets if when(low) <= when(t["date_created"]) <= when(high)}
    assert len(inside) >= 41
    assert ids(api, date_created=f"{low}--{high}") == inside
    assert ids(api, date_created=f"{low}/{high}") == inside
    z_low, z_high = (d.replace("+0000", "Z") for d in (low, high))
    assert ids(api, date_created=f"{z_low}--{z_high}") == inside


def test_open_ended_forms(api: httpx.Client, window: tuple[list[dict], str, str]) -> None:
    tickets, low, high = window
    created = {t["id"]: when(t["date_created"]) for t in tickets}
    early = {i for i, d in created.items() if d <= when(low)}
    assert ids(api, date_created=f"<={low}") == early
    assert ids(api, date_created=f"<{low}") == {i for i, d in created.items() if d < when(low)}
    late = {i for i, d in created.items() if d >= when(high)}
    if len(late) <= 200:
        assert ids(api, date_created=f">={high}") == late
        assert ids(api, date_created=f">{high}") == late - {
            i for i, d in created.items() if d == when(high)
        }


def test_without_status_the_range_is_active_only(
    api: httpx.Client, window: tuple[list[dict], str, str]
) -> None:
    tickets, low, high = window
    expected = {
        t["id"]
        for t in tickets
        if when(low) <= when(t["date_created"]) <= when(high) and t["status"] in ACTIVE
    }
    response = api.get("tickets", params={"date_created": f"{low}--{high}", "count": 200})
    assert {t["id"] for t in response.json()["data"]} == expected


def test_a_single_day(api: httpx.Client, window: tuple[list[dict], str, str]) -> None:
    tickets, low, _high = window
    day = low[:10]
    expected = {t["id"] for t in tickets if t["date_created"].startswith(day)}
    assert ids(api, date_created=day) == expected


def test_unencoded_plus_in_the_offset(
    api: httpx.Client, window: tuple[list[dict], str, str]
) -> None:
    _tickets, low, high = window
    raw = f"tickets?status={EVERY_STATUS}&count=200&date_created={low}--{high}"
    assert "+" in raw  # arrives as a space; the server reads it back as an offset
    response = api.get(raw)
    assert response.status_code == 200
    assert {t["id"] for t in response.json()["data"]} == ids(api, date_created=f"{low}--{high}")


@pytest.mark.parametrize(
    "field", ["date_resolved", "date_last_agent_reply", "date_last_user_reply"]
)
def test_other_date_fields(api: httpx.Client, field: str) -> None:
    tickets = [t for t in every_ticket(api) if t[field]]
    values = sorted(t[field] for t in tickets)
    low, high = values[len(values) // 4], values[len(values) // 2]
    expected = {t["id"] for t in tickets if when(low) <= when(t[field]) <= when(high)}
    assert expected
    assert ids(api, **{field: f"{low}--{high}"}) == expected


@pytest.mark.parametrize("value", ["yesterday", "2025-13-45", "<=soon", "2025-01-01--never"])
def test_invalid_dates_are_bad_requests(api: httpx.Client, value: str) -> None:
    response = api.get("tickets", params={"date_created": value})
    assert response.status_code == 400
    assert response.json()["code"] == "bad_request"
