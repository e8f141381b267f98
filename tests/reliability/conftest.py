"""Helpers for the fault-tolerance tests: a patient client, answers that get lost,
waiting on a screen's workers, and the demo database read directly as the truth."""

from __future__ import annotations

import gc
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from textual.pilot import Pilot
from ui.conftest import until

from tui.api import DeskproClient, RetryPolicy
from tui.demo import DemoServer
from tui.state import HelpdeskService

# Quick, persistent retries: a 30 % failure rate must not make a read give up (0.3**8),
# and a test must not sit through real backoff.
PATIENT = RetryPolicy(attempts=8, backoff=0.01, max_backoff=0.05)


@pytest.fixture(autouse=True)
def collect_dropped_connections() -> Iterator[None]:
    """Finalise the sockets of stopped servers and broken connections now. Left to a later
    garbage collection, their finalisers can run inside a `compile()` (pytest rewriting a
    lazily imported module), which CPython 3.11.7 reports as "AST constructor recursion
    depth mismatch"."""
    yield
    gc.collect()


def patient_service(
    server: DemoServer,
    transport: httpx.AsyncBaseTransport | None = None,
    policy: RetryPolicy = PATIENT,
) -> HelpdeskService:
    client = DeskproClient(server.url, server.api_key, retry=policy, transport=transport)
    service = HelpdeskService(client)
    service.label = "demo helpdesk"
    return service


class LosingAnswers(httpx.AsyncBaseTransport):
    """Lets chosen requests reach the helpdesk, then drops the answer, as a connection that
    breaks after the server did the work: the one case where a retry could duplicate."""

    def __init__(self, lose: Callable[[httpx.Request], bool], times: int = 1) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.lose, self.left = lose, times
        self.lost: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self.inner.handle_async_request(request)
        if self.left > 0 and self.lose(request):
            self.left -= 1
            await response.aread()
            await response.aclose()
            self.lost.append(f"{request.method} {request.url.path}")
            raise httpx.RemoteProtocolError("Server disconnected without sending a response.")
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


async def settled(pilot: Pilot[Any], group: str) -> None:
    """Wait until no worker of `group` is still running (the action has an outcome)."""
    await until(
        pilot,
        lambda: not any(w.group == group and not w.is_finished for w in pilot.app.workers),
        f"the {group} worker to finish",
        timeout=25,
    )


def db_rows(db: Path, sql: str, *args: object) -> list[tuple[Any, ...]]:
    """Rows straight from the demo helpdesk's database, opened read-only: the truth,
    without asking the (faulty) server."""
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
        return conn.execute(sql, args).fetchall()
