"""Bad requests never crash the server: each gets a Deskpro-shaped error."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tui.demo import DemoServer
from tui.demo.server.routes import people


def shaped(response: httpx.Response, status: int, code: str) -> dict:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["status"] == status and body["code"] == code and body["message"]
    return body


@pytest.mark.parametrize("path", ["nope", "tickets/1/nope", "tickets/abc", "agents/x"])
def test_unknown_routes_are_404(api: httpx.Client, path: str) -> None:
    body = shaped(api.get(path), 404, "not_found")
    assert body["message"] == "The requested resource was not found."


def test_paths_outside_the_api_are_404(demo_server: DemoServer) -> None:
    shaped(httpx.get(demo_server.url + "/"), 404, "not_found")
    shaped(httpx.get(demo_server.url + "/api/v1/tickets"), 404, "not_found")


def test_wrong_method_is_405(api: httpx.Client) -> None:
    response = api.patch("tickets/1", json={})
    shaped(response, 405, "method_not_allowed")
    assert "PUT" in response.headers["allow"]
    shaped(api.post("agents", json={}), 405, "method_not_allowed")


def test_huge_json_body_is_413(make_demo_server: Callable[..., DemoServer]) -> None:
    server = make_demo_server(max_upload_bytes=1000)
    body = {"subject": "x" * 200_000, "person": 113, "message": {"message": "y"}}
    response = httpx.post(
        server.url + "/api/v2/tickets",
        json=body,
        headers={"Authorization": f"key {server.api_key}"},
    )
    shaped(response, 413, "request_too_large")


def test_handler_crash_is_a_500_and_the_server_lives_on(
    make_demo_server: Callable[..., DemoServer], monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_args: object) -> None:
        raise RuntimeError("simulated bug")

    server = make_demo_server()
    monkeypatch.setattr(people.serialize, "person", boom)
    headers = {"Authorization": f"key {server.api_key}"}
    response = httpx.get(server.url + "/api/v2/me", headers=headers)
    body = shaped(response, 500, "internal_error")
    assert "simulated" not in body["message"]
    monkeypatch.undo()
    assert httpx.get(server.url + "/api/v2/me", headers=headers).status_code == 200


def test_garbage_query_values(api: httpx.Client) -> None:
    shaped(api.get("tickets", params={"agent": "bob"}), 400, "bad_request")
    shaped(api.get("tickets", params={"ids": "1,two"}), 400, "bad_request")
    assert api.get("tickets", params={"unknown_param": "x"}).status_code == 200


def test_malformed_multipart(api: httpx.Client) -> None:
    response = api.post(
        "blobs/temp",
        content=b"--x\r\ngarbage",
        headers={"Content-Type": "multipart/form-data; boundary=x"},
    )
    assert response.status_code == 400
    assert response.json()["status"] == 400
