"""Helpdesks that misbehave on purpose, for tests: answers that fail, reads that fail once a
write was made, and request counting. Import as `from faults import ...`."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from tui.api import DeskproClient
from tui.demo import DemoServer

Failure = Callable[[httpx.Request], httpx.Response]


def answer(status: int, code: str) -> Failure:
    """A Deskpro-shaped error answer with `status` and `code`."""

    def respond(request: httpx.Request) -> httpx.Response:
        body = {"status": status, "code": code, "message": f"Failed for the test ({status})."}
        return httpx.Response(status, json=body, request=request)

    return respond


def time_out(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


class ReadsFailAfterWrites(httpx.AsyncBaseTransport):
    """The real helpdesk, except that once a write was answered with success every read
    fails: the case where a client that checks its write by reading could send it again.
    Records the writes made and the reads failed, as "METHOD /path"."""

    def __init__(self, fail: Failure) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.fail = fail
        self.writes: list[str] = []
        self.failed_reads: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        line = f"{request.method} {request.url.path}"
        if request.method == "GET" and self.writes:
            self.failed_reads.append(line)
            return self.fail(request)
        response = await self.inner.handle_async_request(request)
        if request.method != "GET" and response.is_success:
            self.writes.append(line)
        return response

    async def aclose(self) -> None:
        await self.inner.aclose()


def counting_client(server: DemoServer, seen: list[str], **options: object) -> DeskproClient:
    """A client of `server` that notes every request it sends (retries included) in `seen`."""
    client = DeskproClient(server.url, server.api_key, **options)  # type: ignore[arg-type]
    count_requests(client, seen)
    return client


def count_requests(client: DeskproClient, seen: list[str]) -> None:
    async def log(request: httpx.Request) -> None:
        seen.append(f"{request.method} {request.url.path}")

    client._t.http.event_hooks["request"].append(log)
