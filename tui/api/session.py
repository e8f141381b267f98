"""The `httpx.AsyncClient` for one helpdesk and key: who we say we are, and to whom."""

from __future__ import annotations

import ssl
from collections.abc import Generator

import httpx

# Idle connections are dropped before servers commonly drop them (Apache: 5 s), so a request
# is not sent on a connection the server is closing: its answer would be lost.
KEEPALIVE_SECONDS = 4.0


class KeyAuth(httpx.Auth):
    """Adds `Authorization: key ID:CODE` only to requests for the helpdesk's own origin.

    Checked per request, so redirects and download URLs on other hosts never see it.
    """

    def __init__(self, origin: httpx.URL, api_key: str, scheme: str = "key") -> None:
        self._origin = (origin.scheme, origin.host, origin.port)
        self._header = f"{scheme} {api_key.strip()}"

    def __repr__(self) -> str:
        return "KeyAuth(<redacted>)"

    def same_origin(self, url: httpx.URL) -> bool:
        return (url.scheme, url.host, url.port) == self._origin

    def auth_flow(self, request: httpx.Request) -> Generator[httpx.Request, httpx.Response, None]:
        if self.same_origin(request.url):
            request.headers["Authorization"] = self._header
        yield request


def http_session(
    root: httpx.URL,
    api_key: str,
    *,
    auth_scheme: str,
    agent_id: int | None,
    timeout: httpx.Timeout,
    verify: bool | ssl.SSLContext,
    transport: httpx.AsyncBaseTransport | None,
) -> httpx.AsyncClient:
    """A client that sends the key to `root`'s origin only, acting as `agent_id` if given."""
    headers = {"Accept": "application/json", "User-Agent": "deskpro-tui"}
    if agent_id is not None:
        headers["X-DeskPRO-Agent-ID"] = str(agent_id)
    return httpx.AsyncClient(
        auth=KeyAuth(root, api_key, auth_scheme),
        headers=headers,
        timeout=timeout,
        verify=verify,
        transport=transport,
        limits=httpx.Limits(keepalive_expiry=KEEPALIVE_SECONDS),
    )
