"""401 with Deskpro's messages and `WWW-Authenticate`; what needs no key; agent switching."""

from __future__ import annotations

import httpx
import pytest

from tui.demo import DemoServer

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


def test_agent_id_header_switches_the_acting_agent(api: httpx.Client) -> None:
    assert api.get("me", headers={"X-DeskPRO-Agent-ID": "42"}).json()["data"]["person_id"] == 42
    # a customer cannot be acted as: the key's agent stays
    assert api.get("me", headers={"X-DeskPRO-Agent-ID": "100"}).json()["data"]["person_id"] == 1
