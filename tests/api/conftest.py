"""Shared helpers for the `tui.api` tests: example payloads, mock transports, a fake sleep.

No test here touches the network: every client runs over `httpx.MockTransport` (or the
streaming transport below), and retries wait on `FakeSleep`, which only records delays and
moves its own clock on (clients read the time from it too, so read budgets are exact).
"""

from __future__ import annotations

import copy
import json
from collections.abc import AsyncIterator, Awaitable, Callable
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import httpx
import pytest

from tui.api import DeskproClient

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "deskpro-api"
BASE = "https://help.example.com"
API_ROOT = f"{BASE}/api/v2/"
API_KEY = "7:KZ7Q2SECRETTESTKEYXW9M4"  # not the docs example: that one is in a hint
KEY_CODE = API_KEY.split(":", 1)[1]  # the secret part; must never leak anywhere

Handler = Callable[[httpx.Request], httpx.Response | Awaitable[httpx.Response]]


@cache
def _raw_example(name: str) -> str:
    return (FIXTURES / f"{name.removesuffix('.json')}.json").read_text(encoding="utf-8")


def load_example(name: str) -> Any:
    """A fresh decoded copy of `tests/fixtures/deskpro-api/<name>.json`."""
    return copy.deepcopy(json.loads(_raw_example(name)))


@pytest.fixture
def example() -> Callable[[str], Any]:
    """`example("ticket")` → the decoded example payload (a fresh copy each call)."""
    return load_example


def json_response(
    body: Any, status: int = 200, headers: dict[str, str] | None = None
) -> httpx.Response:
    return httpx.Response(status, json=body, headers=headers)


def envelope(data: Any, **pagination: int) -> dict[str, Any]:
    """`{"data": ..., "meta": {...}, "linked": {}}`, with `meta.pagination` if given."""
    meta: dict[str, Any] = {"pagination": pagination} if pagination else {}
    return {"data": data, "meta": meta, "linked": {}}


def query(request: httpx.Request) -> list[tuple[str, str]]:
    """The request's query string as ordered (name, value) pairs."""
    return list(request.url.params.multi_items())


class FakeSleep:
    """An async `sleep` that records each delay and returns at once, and the clock it
    moves on: `clock()` is the fake time, `advance(s)` lets a handler be slow."""

    def __init__(self) -> None:
        self.delays: list[float] = []
        self.now = 0.0

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)
        self.now += delay

    def clock(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Recorder:
    """A MockTransport handler wrapper keeping every request it saw (bodies included)."""

    def __init__(self, handler: Handler) -> None:
        self.handler = handler
        self.requests: list[httpx.Request] = []

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        response = self.handler(request)
        if not isinstance(response, httpx.Response):
            response = await response
        return response

    @property
    def last(self) -> httpx.Request:
        return self.requests[-1]

    def json_bodies(self) -> list[Any]:
        return [json.loads(r.content) if r.content else None for r in self.requests]


class StreamingTransport(httpx.AsyncBaseTransport):
    """Like `httpx.MockTransport`, but does NOT read the request body before calling the
    handler (MockTransport calls `request.aread()` first, buffering the whole upload).
    The async handler consumes `request.stream` itself."""

    def __init__(self, handler: Callable[[httpx.Request], Awaitable[httpx.Response]]) -> None:
        self.handler = handler

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        return await self.handler(request)


class ClientFactory(Protocol):
    def __call__(
        self,
        handler: Handler | None = None,
        *,
        url: str = BASE,
        api_key: str = API_KEY,
        transport: httpx.AsyncBaseTransport | None = None,
        **kwargs: Any,
    ) -> DeskproClient: ...


@pytest.fixture
def sleep() -> FakeSleep:
    return FakeSleep()


@pytest.fixture
async def make_client(sleep: FakeSleep) -> AsyncIterator[ClientFactory]:
    """Build `DeskproClient`s over a MockTransport of `handler` (or a given transport),
    sleeping on (and telling the time by) the test's `FakeSleep`; all are closed at
    teardown."""
    clients: list[DeskproClient] = []

    def factory(
        handler: Handler | None = None,
        *,
        url: str = BASE,
        api_key: str = API_KEY,
        transport: httpx.AsyncBaseTransport | None = None,
        **kwargs: Any,
    ) -> DeskproClient:
        if transport is None:
            assert handler is not None, "give a handler or a transport"
            transport = httpx.MockTransport(handler)
        kwargs.setdefault("sleep", sleep)
        kwargs.setdefault("clock", sleep.clock)
        client = DeskproClient(url, api_key, transport=transport, **kwargs)
        clients.append(client)
        return client

    yield factory
    for client in clients:
        await client.aclose()


def paged_handler(
    items: list[dict[str, Any]], *, server_max: int = 10, path_suffix: str = ""
) -> Recorder:
    """A server of `items` that honours `page` and `count` but never returns more than
    `server_max` a page (so a client asking for 200 still has to page through)."""

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path.endswith(path_suffix), request.url.path
        count = int(request.url.params.get("count", "10"))
        if count > 200:
            return json_response(load_example("error-400-count"), 400)
        page = int(request.url.params.get("page", "1"))
        per_page = min(count, server_max)
        total_pages = max(1, -(-len(items) // per_page))
        chunk = items[(page - 1) * per_page : page * per_page]
        return json_response(
            envelope(
                chunk,
                total=len(items),
                count=len(chunk),
                per_page=per_page,
                current_page=page,
                total_pages=total_pages,
            )
        )

    return Recorder(handler)
