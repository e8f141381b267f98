"""Shared fixtures: the demo helpdesk over real loopback HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from tui.demo import DemoServer


@pytest.fixture(scope="session")
def demo_server() -> Iterator[DemoServer]:
    """One default demo helpdesk per test worker (in-memory, seed 1). Tests that write
    must create their own tickets rather than change the seeded ones."""
    with DemoServer(db=":memory:") as server:
        yield server


@pytest.fixture
def make_demo_server() -> Iterator[Callable[..., DemoServer]]:
    """A factory for servers with special options (`disallow`, `hourly_limit`, ...),
    stopped at the end of the test."""
    servers: list[DemoServer] = []

    def make(**options: Any) -> DemoServer:
        options.setdefault("db", ":memory:")
        server = DemoServer(**options).start()
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.stop()
