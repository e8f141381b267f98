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


@pytest.fixture(autouse=True)
def presses_wait_for_their_effect(monkeypatch: pytest.MonkeyPatch) -> None:
    """`pilot.press` returns once its keys have taken effect in the app (a screen they open
    is up and focused), as a person typing slowly would see it. Without this, a test could
    look at the screen while the app still holds keys for one that is opening."""
    from textual.pilot import Pilot

    press = Pilot.press

    async def press_and_wait(self: Pilot[Any], *keys: str) -> None:
        await press(self, *keys)
        key_order = getattr(self.app, "key_order", None)
        for _ in range(1000):  # bounded: a stuck key fails the test, not the run
            if key_order is None or key_order.idle:
                return
            await self.pause(0.01)

    monkeypatch.setattr(Pilot, "press", press_and_wait)
