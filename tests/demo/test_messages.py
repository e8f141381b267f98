"""Ticket conversations: listing, replies and notes, and the status they lead to."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tui.demo import facts

MakeTicket = Callable[..., dict]


def test_messages_are_oldest_first_and_paged(api: httpx.Client) -> None:
    ticket_id = facts.ATTACHMENTS_TICKET_ID
    body = api.get(f"tickets/{ticket_id}/messages").json()
    dates = [m["date_created"] for m in body["data"]]
    assert dates == sorted(dates)
    assert body["meta"]["pagination"]["total"] == len(body["data"]) >= 3
    newest_first = api.get(f"tickets/{ticket_id}/messages", params={"order_dir": "desc"})
    assert [m["id"] for m in newest_first.json()["data"]] == [m["id"] for m in body["data"]][::-1]
    one = api.get(f"tickets/{ticket_id}/messages", params={"count": 1, "page": 2}).json()
    assert one["data"][0]["id"] == body["data"][1]["id"]
    assert one["meta"]["pagination"]["total_pages"] == len(body["data"])


def test_message_shape_quirks(api: httpx.Client) -> None:
    message = api.get(f"tickets/{facts.ATTACHMENTS_TICKET_ID}/messages").json()["data"][0]
    assert message["is_agent_note"] in (0, 1) and not isinstance(message["is_agent_note"], bool)
    assert len(message["attachments"]) == 5
    assert all(isinstance(a, int) for a in message["attachments"])
    assert message["message_preview_text"] and "<" not in message["message_preview_text"]


def test_agent_reply_waits_on_the_user(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    assert ticket["status"] == "awaiting_agent"
    response = api.post(
        f"tickets/{ticket['id']}/messages", json={"message": "<p>On it.</p>", "format": "html"}
    )
    assert response.status_code == 201
    message = response.json()["data"]
    assert message["person"] == facts.ADMIN_ID
    assert message["is_agent_note"] == 0
    assert response.headers["Location"].endswith(f"/messages/{message['id']}")
    after = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert after["status"] == "awaiting_user"
    assert after["count_agent_replies"] == ticket["count_agent_replies"] + 1
    assert after["date_last_agent_reply"] == message["date_created"]
    assert after["date_first_agent_reply"] is not None


def test_user_reply_waits_on_an_agent(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket(status="awaiting_user")
    body = {"message": "<p>Still broken.</p>", "person": ticket["person"]}
    assert api.post(f"tickets/{ticket['id']}/messages", json=body).status_code == 201
    after = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert after["status"] == "awaiting_agent"
    assert after["count_user_replies"] == ticket["count_user_replies"] + 1
    assert after["date_last_user_reply"] is not None


def test_notes_do_not_change_status(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    body = {"message": "<p>Internal: VIP, be nice.</p>", "is_note": True}
    note = api.post(f"tickets/{ticket['id']}/messages", json=body).json()["data"]
    assert note["is_agent_note"] == 1
    after = api.get(f"tickets/{ticket['id']}").json()["data"]
    assert after["status"] == "awaiting_agent"
    assert after["count_agent_replies"] == ticket["count_agent_replies"]


def test_text_format_is_escaped(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    body = {"message": "a < b & c\nnext line\n\nnew paragraph", "format": "text"}
    message = api.post(f"tickets/{ticket['id']}/messages", json=body).json()["data"]
    assert message["message"] == "<p>a &lt; b &amp; c<br>next line</p><p>new paragraph</p>"


def test_reply_as_another_agent(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    body = {"message": "<p>Taking over.</p>", "person": facts.ALESIA_BURVIN_ID}
    message = api.post(f"tickets/{ticket['id']}/messages", json=body).json()["data"]
    assert message["person"] == facts.ALESIA_BURVIN_ID
    assert api.get(f"tickets/{ticket['id']}").json()["data"]["status"] == "awaiting_user"


def test_get_one_message_and_missing_ones(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    first = api.get(f"tickets/{ticket['id']}/messages").json()["data"][0]
    one = api.get(f"tickets/{ticket['id']}/messages/{first['id']}").json()["data"]
    assert one == first
    assert api.get(f"tickets/{ticket['id']}/messages/99999999").status_code == 404
    assert api.get("tickets/99999999/messages").status_code == 404
    assert api.post("tickets/99999999/messages", json={"message": "x"}).status_code == 404


def test_include_person_on_messages(api: httpx.Client) -> None:
    body = api.get(f"tickets/{facts.ATTACHMENTS_TICKET_ID}/messages?include=person").json()
    people = body["linked"]["person"]
    assert {str(m["person"]) for m in body["data"]} <= set(people)
