"""`missing`: endpoints an older or differently set-up helpdesk lacks answer Deskpro's 404."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tui.demo import DemoServer

MakeServer = Callable[..., DemoServer]
ClientOf = Callable[[DemoServer], httpx.Client]
NOT_FOUND = {"status": 404, "code": "not_found", "message": "The requested resource was not found."}


def assert_missing(response: httpx.Response) -> None:
    assert response.status_code == 404, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == NOT_FOUND


@pytest.mark.parametrize(
    "pattern", ["people.agent_teams.list", "/api/v2/agent_teams", "people.agent_teams.*"]
)
def test_by_tag_or_path(make_demo_server: MakeServer, client_of: ClientOf, pattern: str) -> None:
    api = client_of(make_demo_server(missing=(pattern,)))
    assert_missing(api.get("agent_teams"))
    assert_missing(api.get("20170601/agent_teams"))  # the date segment changes nothing
    assert api.get("agents").status_code == 200
    assert api.get("tickets").status_code == 200


def test_path_globs_and_other_methods(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    api = client_of(make_demo_server(missing=("/api/v2/tickets/*/messages*", "blobs.*")))
    before = api.get("tickets/1").json()["data"]
    assert_missing(api.get("tickets/1/messages"))
    assert_missing(api.post("tickets/1/messages", json={"message": "x"}))
    assert_missing(api.get("tickets/1/messages/1"))
    assert_missing(api.post("blobs/temp", files={"file": ("a.txt", b"x")}))
    assert api.get("tickets/1/attachments").status_code == 200
    assert api.get("tickets/1").json()["data"] == before  # the refused reply wrote nothing


def test_the_key_comes_first(make_demo_server: MakeServer) -> None:
    server = make_demo_server(missing=("people.agent_teams.list",))
    response = httpx.get(server.url + "/api/v2/agent_teams")
    assert response.status_code == 401


def test_missing_before_tag_checks(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    server = make_demo_server(
        missing=("tickets.filters.*",), allow=("me.get",), disallow=("tickets.filters.list",)
    )
    api = client_of(server)
    assert_missing(api.get("ticket_filters"))
    assert api.get("tickets").status_code == 403
    assert api.get("me").status_code == 200


def test_a_helpdesk_without_discover(make_demo_server: MakeServer) -> None:
    server = make_demo_server(missing=("helpdesk.discover",))
    assert_missing(httpx.get(server.url + "/api/v2/helpdesk/discover"))


def test_a_path_with_no_route_is_a_deskpro_404(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    api = client_of(make_demo_server())
    for path in ("no_such_thing", "tickets/1/nope", "20170601/nope"):
        assert_missing(api.get(path))
