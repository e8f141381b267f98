"""Raw-httpx clients on the demo helpdesk, and a way to make a fresh ticket."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from tui.demo.server.runner import DemoServer


def client_for(server: DemoServer, key: str | None = None) -> httpx.Client:
    headers = {"Authorization": f"key {key or server.api_key}", "Accept": "application/json"}
    return httpx.Client(base_url=server.url + "/api/v2/", headers=headers, timeout=10)


@pytest.fixture
def client_of() -> Iterator[Callable[[DemoServer], httpx.Client]]:
    """`client_of(server)`: an authenticated client on any server, closed after the test."""
    clients: list[httpx.Client] = []

    def make(server: DemoServer) -> httpx.Client:
        clients.append(client_for(server))
        return clients[-1]

    yield make
    for client in clients:
        client.close()


@pytest.fixture
def api(demo_server: DemoServer) -> Iterator[httpx.Client]:
    """An authenticated client on the shared server."""
    with client_for(demo_server) as client:
        yield client


@pytest.fixture
def anon(demo_server: DemoServer) -> Iterator[httpx.Client]:
    """A client sending no credentials."""
    with httpx.Client(base_url=demo_server.url + "/api/v2/", timeout=10) as client:
        yield client


@pytest.fixture
def make_ticket(api: httpx.Client) -> Callable[..., dict[str, Any]]:
    """Create a ticket of one's own (customer requester by default) and return it."""

    def make(**fields: Any) -> dict[str, Any]:
        body = {
            "subject": "Contract test ticket",
            "person": "casey.tester@example.org",
            "message": {"message": "<p>Hello from a test.</p>", "format": "html"},
            **fields,
        }
        response = api.post("tickets", json=body)
        assert response.status_code == 201, response.text
        return response.json()["data"]

    return make
