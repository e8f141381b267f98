"""`/people/{id}/tickets` and `/organizations/{id}/tickets`: every status, paged like
`/tickets`."""

from __future__ import annotations

import httpx
import pytest

from tui.demo.statuses import ACTIVE, CODES

EVERY_STATUS = ",".join(sorted(CODES))
LUCIUS = 113  # Lucius Fairbanks, Wayne Foundation: resolved and open tickets


def get(api: httpx.Client, path: str, **params: object) -> dict:
    response = api.get(path, params=params)
    assert response.status_code == 200, response.text
    return response.json()


def test_a_persons_tickets_include_resolved_ones(api: httpx.Client) -> None:
    body = get(api, f"people/{LUCIUS}/tickets", count=50)
    data = body["data"]
    assert len(data) >= 3 and {t["person"] for t in data} == {LUCIUS}
    assert "resolved" in {t["status"] for t in data}
    assert {t["status"] for t in data} & set(ACTIVE)
    every = get(api, "tickets", person=LUCIUS, status=EVERY_STATUS, count=50)["data"]
    assert [t["id"] for t in data] == [t["id"] for t in every]
    assert data == every  # the same ticket objects as /tickets
    active = get(api, "tickets", person=LUCIUS)["meta"]["pagination"]["total"]
    assert body["meta"]["pagination"]["total"] > active


def test_a_persons_tickets_are_paged_and_ordered(api: httpx.Client) -> None:
    path = f"people/{LUCIUS}/tickets"
    total = get(api, path)["meta"]["pagination"]["total"]
    pages = [get(api, path, count=2, page=p) for p in range(1, -(-total // 2) + 1)]
    assert pages[0]["meta"]["pagination"] == {
        "total": total, "count": 2, "per_page": 2, "current_page": 1,
        "total_pages": -(-total // 2),
    }  # fmt: skip
    ids = [t["id"] for page in pages for t in page["data"]]
    assert len(ids) == len(set(ids)) == total
    newest = get(api, path, order_by="date_created", order_dir="desc", count=50)["data"]
    dates = [t["date_created"] for t in newest]
    assert dates == sorted(dates, reverse=True)
    assert api.get(path, params={"order_by": "nonsense"}).status_code == 400
    assert api.get(path, params={"count": 201}).status_code == 400


def test_status_still_narrows_and_include_sideloads(api: httpx.Client) -> None:
    path = f"people/{LUCIUS}/tickets"
    resolved = get(api, path, status="resolved")["data"]
    assert resolved and {t["status"] for t in resolved} == {"resolved"}
    body = get(api, path, include="person,organization")
    assert body["linked"]["person"][str(LUCIUS)]["name"] == "Lucius Fairbanks"
    assert body["linked"]["organization"]["5"]["name"] == "Wayne Foundation"


def test_an_organizations_tickets_are_its_members(api: httpx.Client) -> None:
    body = get(api, "organizations/5/tickets", count=100, include="person")
    data = body["data"]
    assert body["meta"]["pagination"]["total"] == len(data) >= 3
    assert LUCIUS in {t["person"] for t in data}
    assert {p["organization"] for p in body["linked"]["person"].values()} == {5}
    assert "resolved" in {t["status"] for t in data}
    ids = sorted(t["id"] for t in get(api, "tickets", organization=5, status=EVERY_STATUS,
                                      count=100)["data"])  # fmt: skip
    assert sorted(t["id"] for t in data) == ids


@pytest.mark.parametrize("path", ["people/424242/tickets", "organizations/999/tickets"])
def test_unknown_owner_is_404(api: httpx.Client, path: str) -> None:
    response = api.get(path)
    assert response.status_code == 404
    assert response.json() == {
        "status": 404, "code": "not_found", "message": "The requested resource was not found.",
    }  # fmt: skip


def test_a_new_ticket_joins_its_requesters_history(api: httpx.Client, make_ticket) -> None:
    ticket = make_ticket(person=LUCIUS, subject="History grows")
    data = get(api, f"people/{LUCIUS}/tickets", order_by="id", order_dir="desc")["data"]
    assert data[0]["id"] == ticket["id"]
