"""CC on tickets: ids and/or emails in, people ids out, as Deskpro stores them."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

import httpx
import pytest

from tui.api import DeskproClient
from tui.demo import DemoServer, facts

MakeTicket = Callable[..., dict[str, Any]]
LUCIUS = 113  # lucius.fairbanks@wayne.example
OTHER_CUSTOMER = 105
PRIVATE_CUSTOMER = 139  # in no organization: other tests count organizations' tickets


@pytest.fixture
async def dp(demo_server: DemoServer) -> AsyncIterator[DeskproClient]:
    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        yield client


def person_id(api: httpx.Client, email: str) -> int | None:
    found = api.get("people", params={"primary_email": email}).json()["data"]
    return found[0]["id"] if found else None


def cc_errors(response: httpx.Response) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    body = response.json()
    assert (body["status"], body["code"]) == (400, "invalid_input")
    assert body["message"] == "Request input is invalid."
    return body["errors"]["fields"]["cc"]["fields"]


def test_create_takes_ids_and_emails_and_returns_ids(
    api: httpx.Client, make_ticket: MakeTicket
) -> None:
    assert person_id(api, "new.cc.person@example.org") is None
    ticket = make_ticket(
        cc=[LUCIUS, "new.cc.person@example.org", "LUCIUS.FAIRBANKS@wayne.example",
            str(OTHER_CUSTOMER), "casey.tester@example.org", {"id": OTHER_CUSTOMER}]
    )  # fmt: skip
    new_id = person_id(api, "new.cc.person@example.org")
    assert new_id is not None  # an unknown address became a person
    # Repeats (by id or email) and the requester herself are dropped; the order is kept.
    assert ticket["cc"] == [LUCIUS, new_id, OTHER_CUSTOMER]
    assert ticket["person"] not in ticket["cc"]
    person = api.get(f"people/{new_id}").json()["data"]
    assert (person["first_name"], person["last_name"]) == ("New", "Cc Person")


def test_a_new_requester_also_in_cc_is_created_once(make_ticket: MakeTicket) -> None:
    ticket = make_ticket(person="both.places@example.org", cc=["both.places@example.org"])
    assert ticket["cc"] == []


async def test_put_replaces_the_whole_list(dp: DeskproClient, make_ticket: MakeTicket) -> None:
    ticket_id = make_ticket(cc=[LUCIUS])["id"]
    assert (await dp.get_ticket(ticket_id)).cc == [LUCIUS]
    await dp.update_ticket(ticket_id, cc=[OTHER_CUSTOMER, "put.cc@example.org"])
    after = (await dp.get_ticket(ticket_id)).cc
    assert after[0] == OTHER_CUSTOMER and LUCIUS not in after and len(after) == 2
    await dp.update_ticket(ticket_id, subject="Other fields leave the cc alone")
    assert (await dp.get_ticket(ticket_id)).cc == after
    await dp.update_ticket(ticket_id, cc=[])
    assert (await dp.get_ticket(ticket_id)).cc == []


async def test_a_new_requester_leaves_the_cc(dp: DeskproClient, make_ticket: MakeTicket) -> None:
    ticket_id = make_ticket(cc=[PRIVATE_CUSTOMER, OTHER_CUSTOMER])["id"]
    await dp.update_ticket(ticket_id, person=PRIVATE_CUSTOMER)
    assert (await dp.get_ticket(ticket_id)).cc == [OTHER_CUSTOMER]


def test_an_unknown_id_is_a_field_error(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket(cc=[LUCIUS])
    response = api.put(f"tickets/{ticket['id']}", json={"cc": [OTHER_CUSTOMER, 999999]})
    [error] = cc_errors(response)["cc_1"]["errors"]
    assert error["code"] == "resource_not_found"
    assert "999999" in error["message"]
    assert api.get(f"tickets/{ticket['id']}").json()["data"]["cc"] == [LUCIUS]  # unchanged


def test_helpdesk_addresses_and_agents_cannot_be_copied(api: httpx.Client) -> None:
    body = {
        "subject": "x", "person": LUCIUS, "message": {"message": "<p>x</p>"},
        "cc": ["ok@example.org", "support@helpdesk.example.com", facts.AGENT_ID, "not-an-email",
               None],
    }  # fmt: skip
    fields = cc_errors(api.post("tickets", json=body))
    assert set(fields) == {"cc_1", "cc_2", "cc_3", "cc_4"}
    codes = {name: [e["code"] for e in field["errors"]] for name, field in fields.items()}
    assert codes == {
        "cc_1": ["system_email"],
        "cc_2": ["system_email"],
        "cc_3": ["invalid_email"],
        "cc_4": ["invalid_type"],
    }
    assert person_id(api, "ok@example.org") is None  # nothing was written


def test_cc_must_be_a_list(api: httpx.Client, make_ticket: MakeTicket) -> None:
    ticket = make_ticket()
    response = api.put(f"tickets/{ticket['id']}", json={"cc": "a@example.org"})
    assert response.status_code == 400
    errors = response.json()["errors"]["fields"]["cc"]["errors"]
    assert [e["code"] for e in errors] == ["invalid_type"]
    assert api.put(f"tickets/{ticket['id']}", json={"cc": None}).status_code == 204
