"""401 with Deskpro's messages and `WWW-Authenticate`; what needs no key; agent switching."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tui.demo import DemoServer, facts
from tui.demo.statuses import CODES

CHALLENGE = 'session,token,key realm="DeskPRO API"'


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (None, "No authentication credentials were found in your request."),
        ("key", 'Malformed Authorization header (should be "Authorization: type value").'),
        ("key 1:WRONG", "Invalid API Key."),
        ("token 1:WRONG", "Invalid API Token."),
        ("Bearer abc", "No authentication credentials were found in your request."),
    ],
)
def test_bad_credentials_get_401(anon: httpx.Client, header: str | None, message: str) -> None:
    headers = {"Authorization": header} if header is not None else {}
    response = anon.get("tickets", headers=headers)
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == CHALLENGE
    body = response.json()
    assert body["status"] == 401
    assert body["message"] == message
    assert isinstance(body["code"], str)


def test_unknown_routes_also_need_a_key(anon: httpx.Client) -> None:
    assert anon.get("no_such_thing").status_code == 401


def test_token_form_is_accepted(anon: httpx.Client, demo_server: DemoServer) -> None:
    response = anon.get("me", headers={"Authorization": f"token {demo_server.api_key}"})
    assert response.status_code == 200
    assert response.json()["data"]["auth_method"] == "api_token"


def test_discover_needs_no_key(anon: httpx.Client, demo_server: DemoServer) -> None:
    data = anon.get("helpdesk/discover").json()["data"]
    assert data["is_deskpro"] is True
    assert data["base_api_url"] == demo_server.url + "/api/v2/"
    assert data["helpdesk_url"] == demo_server.url + "/"


def test_custom_key(make_demo_server) -> None:
    server = make_demo_server(api_key="4:G24M3K6Y3R3H8DN9B6QGH3NW4")
    url = server.url + "/api/v2/me"
    assert httpx.get(url, headers={"Authorization": "key 4:G24M3K6Y3R3H8DN9B6QGH3NW4"}).is_success
    default = httpx.get(url, headers={"Authorization": "key 1:DEMOK3Y7Q4M2X9R5T8W3Z6N"})
    assert default.status_code == 401


def test_date_segment_is_accepted_and_ignored(api: httpx.Client) -> None:
    pinned = api.get("20170601/tickets/1")
    assert pinned.status_code == 200
    assert pinned.json()["data"] == api.get("tickets/1").json()["data"]


def test_agent_id_header_switches_the_acting_agent(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    as_agent = {"X-DeskPRO-Agent-ID": str(facts.AGENT_ID)}
    assert api.get("me", headers=as_agent).json()["data"]["person_id"] == facts.AGENT_ID
    assert api.get("me").json()["data"]["person_id"] == facts.ADMIN_ID
    ticket = make_ticket()
    reply = api.post(f"tickets/{ticket['id']}/messages", json={"message": "x"}, headers=as_agent)
    assert reply.status_code == 201 and reply.json()["data"]["person"] == facts.AGENT_ID


@pytest.mark.parametrize(
    "value",
    ["100",  # a customer
     "99999",  # nobody
     "abc", "4.2", "-42", "42abc", "", "1" * 40],
)  # fmt: skip
def test_an_unknown_agent_id_is_refused(api: httpx.Client, value: str) -> None:
    """Rather than silently acting as the key's own agent."""
    expected = {
        "status": 403,
        "code": "forbidden",
        "message": f"X-DeskPRO-Agent-ID {value} is not an agent of this helpdesk.",
    }
    for method, path in [("GET", "me"), ("GET", "tickets"), ("GET", "no_such_thing")]:
        response = api.request(method, path, headers={"X-DeskPRO-Agent-ID": value})
        assert response.status_code == 403, (path, response.text)
        assert response.json() == expected


def test_a_refused_agent_id_writes_nothing(api: httpx.Client) -> None:
    body = {"subject": "As nobody", "person": 113, "message": {"message": "x"}}
    refused = api.post("tickets", json=body, headers={"X-DeskPRO-Agent-ID": "100"})
    assert refused.status_code == 403
    every = ",".join(sorted(CODES))
    found = api.get("tickets", params={"person": 113, "status": every, "count": 200})
    assert "As nobody" not in {t["subject"] for t in found.json()["data"]}


def test_the_key_comes_before_the_agent_id(anon: httpx.Client) -> None:
    bad = {"Authorization": "key 1:WRONG", "X-DeskPRO-Agent-ID": "100"}
    assert anon.get("me", headers=bad).status_code == 401
    discover = anon.get("helpdesk/discover", headers={"X-DeskPRO-Agent-ID": "100"})
    assert discover.status_code == 200  # needs neither key nor agent
