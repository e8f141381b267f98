"""Creating, reading, updating, deleting and locking tickets."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tui.demo import facts

MakeTicket = Callable[..., dict]


def test_create_answers_201_with_location_and_the_ticket(api: httpx.Client) -> None:
    body = {
        "subject": "My First Ticket",
        "person": "joanne.bloggs@example.com",
        "message": {"message": "<p>This is a rich <b>HTML</b> message</p>", "format": "html"},
    }
    response = api.post("tickets", json=body)
    assert response.status_code == 201
    ticket = response.json()["data"]
    assert response.headers["Location"] == f"/api/v2/tickets/{ticket['id']}"
    assert ticket["subject"] == "My First Ticket"
    assert ticket["person_email"] == "joanne.bloggs@example.com"
    assert ticket["status"] == "awaiting_agent"
    assert api.get(response.headers["Location"].removeprefix("/api/v2/")).status_code == 200
    messages = api.get(f"tickets/{ticket['id']}/messages").json()["data"]
    assert [m["message"] for m in messages] == ["<p>This is a rich <b>HTML</b> message</p>"]
    assert messages[0]["person"] == ticket["person"]


def test_a_new_email_creates_a_person(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket(person={"name": "Quinn Newcomer", "email": "quinn.new@example.net"})
    person = api.get(f"people/{ticket['person']}").json()["data"]
    assert person["name"] == "Quinn Newcomer"
    assert person["primary_email"] == "quinn.new@example.net"
    assert person["is_agent"] is False
    again = make_ticket(person="QUINN.NEW@example.net")
    assert again["person"] == ticket["person"]


def test_person_by_id_and_object(make_ticket: MakeTicket) -> None:
    assert make_ticket(person=113)["person"] == 113
    assert make_ticket(person={"id": 113})["organization"] == 5


def test_create_with_agent_status_labels_urgency(make_ticket: MakeTicket) -> None:
    ticket = make_ticket(
        agent=facts.AGENT_ID, department=3, status="pending", urgency=9, labels=["vip", "new-one"]
    )
    assert ticket["agent"] == facts.AGENT_ID
    assert ticket["department"] == 3
    assert ticket["status"] == "pending"
    assert ticket["urgency"] == 9
    assert ticket["labels"] == ["new-one", "vip"]


def test_get_by_id_and_by_ref(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    by_ref = api.get(f"tickets/ref:{ticket['ref']}")
    assert by_ref.status_code == 200
    assert by_ref.json()["data"]["id"] == ticket["id"]
    assert api.get("tickets/ref:NOPE-0000-NOPE").status_code == 404
    assert api.get("tickets/123456789").status_code == 404
    single = api.get(f"tickets/{ticket['id']}").json()
    assert single["meta"] == [] and single["linked"] == []  # PHP's empty arrays


def test_put_is_204_and_partial(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket(urgency=3, labels=["bug"])
    response = api.put(f"tickets/{ticket['id']}", json={"agent": facts.AGENT_ID})
    assert response.status_code == 204
    assert response.content == b""
    after = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert after["agent"] == facts.AGENT_ID
    assert after["urgency"] == 3 and after["labels"] == ["bug"]
    assert after["date_first_agent_assign"] is not None


def test_follow_location_returns_the_ticket(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    response = api.put(
        f"tickets/{ticket['id']}?follow_location=1", json={"subject": "Renamed", "is_hold": True}
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert data["subject"] == "Renamed"
    assert data["original_subject"] == "Contract test ticket"
    assert data["is_hold"] is True


def test_unassign_with_zero_or_null(api: httpx.Client, make_ticket: MakeTicket) -> None:
    for empty in (0, None):
        ticket = make_ticket(agent=facts.AGENT_ID)
        api.put(f"tickets/{ticket['id']}", json={"agent": empty, "agent_team": empty})
        after = api.get(f"tickets/{ticket['id']}").json()["data"]
        assert after["agent"] is None and after["agent_team"] is None


def test_status_change_bumps_date_status(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    assert ticket["date_resolved"] is None
    api.put(f"tickets/{ticket['id']}", json={"status": "resolved"})
    after = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert after["status"] == "resolved"
    assert after["date_resolved"] is not None
    assert after["date_status"] >= ticket["date_status"]


def test_delete_is_soft(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    response = api.delete(f"tickets/{ticket['id']}")
    assert response.status_code == 200
    gone = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert gone["status"] == "hidden"
    assert gone["ticket_status"] == "hidden.deleted"
    active = api.get("tickets", params={"ids": ticket["id"]}).json()["data"]
    assert active == []
    hidden = api.get("tickets", params={"ids": ticket["id"], "status": "hidden"}).json()["data"]
    assert [t["id"] for t in hidden] == [ticket["id"]]
    assert api.delete("tickets/987654").status_code == 404


def test_lock_and_unlock(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    assert api.put(f"tickets/{ticket['id']}/actions/lock").status_code == 204
    locked = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert locked["locked_by_agent"] == facts.ADMIN_ID and locked["date_locked"]
    api.put(f"tickets/{ticket['id']}/actions/unlock")
    unlocked = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert unlocked["locked_by_agent"] is None and unlocked["date_locked"] is None
