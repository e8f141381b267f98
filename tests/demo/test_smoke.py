"""The server starts, answers over loopback, and stops."""

from __future__ import annotations

import httpx

from tui.demo import DemoServer


def test_url_is_loopback_without_trailing_slash(demo_server: DemoServer) -> None:
    assert demo_server.url.startswith("http://127.0.0.1:")
    assert not demo_server.url.endswith("/")


def test_me_is_the_default_keys_agent(api: httpx.Client) -> None:
    data = api.get("me").json()["data"]
    assert data["auth_method"] == "api_key"
    assert data["person_id"] == 1
    assert data["person"]["name"] == "Admin"
    assert data["person"]["is_agent"] is True


def test_repr_never_shows_the_key(demo_server: DemoServer) -> None:
    assert demo_server.api_key not in repr(demo_server)


def test_stop_frees_the_port() -> None:
    server = DemoServer().start()
    url = server.url
    server.stop()
    try:
        httpx.get(url + "/api/v2/helpdesk/discover", timeout=2)
    except httpx.TransportError:
        return
    raise AssertionError("the server still answers after stop()")
