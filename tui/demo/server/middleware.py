"""The gate every request passes before the routes: what a Deskpro API key enforces.

In order: latency, then for `/api/` paths (discover excepted) the key (401), the agent
named by `X-DeskPRO-Agent-ID` (403 unless it is an agent), the hourly limit (429, with
`Retry-After` unless `--no-retry-after`; every request with a valid key counts), endpoints
the helpdesk lacks (`--missing`, 404; discover too), the endpoint's tag against `--allow`
and `--disallow` (403; disallow wins), fault injection (502/503/dropped connection, before
any handler runs so nothing is written), and a body size limit (413). It wraps the whole
Starlette app, so it also sees uvicorn's own `receive` (needed to drop a connection) and
swallows errors already answered as 500.
"""

from __future__ import annotations

import asyncio
import fnmatch
import logging
import re

from starlette.datastructures import Headers
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from tui.demo.config import DemoConfig
from tui.demo.db import Database
from tui.demo.server import repo
from tui.demo.server.auth import AuthFailure, authenticate
from tui.demo.server.errors import AUTH_HEADERS, NOT_FOUND, as_response, error_response, too_large
from tui.demo.server.limits import FaultInjector, HourlyLimiter, drop_connection, limit_body

log = logging.getLogger("tui.demo")

API_PREFIX = "/api/v2/"
NO_AUTH_PATHS = {"/api/v2/helpdesk/discover"}
_DATE_SEGMENT = re.compile(r"^/api/v2/\d{8}(?=/|$)")
_RAW_DATE_SEGMENT = re.compile(rb"^/api/v2/\d{8}(?=/|$)")
AGENT_HEADER = "x-deskpro-agent-id"
_AGENT_ID = re.compile(r"[0-9]{1,18}")  # ASCII digits that fit SQLite's integer
DROPPED = "dropped"
MULTIPART_SLACK = 64 * 1024  # room for multipart headers around an upload at the limit
_BAD_GATEWAY = (
    "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway"
    "</h1></center><hr><center>nginx</center></body></html>"
)


def _without_date_segment(scope: Scope) -> Scope:
    """`/api/v2/20170601/tickets` → `/api/v2/tickets`: a pinned API date changes nothing."""
    if not _DATE_SEGMENT.match(scope["path"]):
        return scope
    raw = scope.get("raw_path") or scope["path"].encode()
    return {
        **scope,
        "path": _DATE_SEGMENT.sub("/api/v2", scope["path"]),
        "raw_path": _RAW_DATE_SEGMENT.sub(b"/api/v2", raw),
    }


def _matches(name: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns)


def _forbidden(message: str) -> Response:
    return error_response(403, "forbidden", message)


class Gate:
    def __init__(
        self, app: ASGIApp, routes: list[BaseRoute], config: DemoConfig, db: Database
    ) -> None:
        self.app, self.routes, self.config, self.db = app, routes, config, db
        self.limiter = HourlyLimiter(config.hourly_limit)
        self.faults = FaultInjector(config.fail_rate, config.fail_seed)
        self.body_limit = config.max_upload_bytes + MULTIPART_SLACK

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        scope = _without_date_segment(scope)
        if self.config.latency_ms:
            await asyncio.sleep(self.config.latency_ms / 1000)
        early = await self._checks(scope, receive)
        if early is not None:
            if early != DROPPED:
                await early(scope, receive, send)
            return
        await self._run(scope, limit_body(receive, self.body_limit), send)

    async def _checks(self, scope: Scope, receive: Receive) -> Response | str | None:
        """A response that ends the request here, DROPPED, or None to go on."""
        path = scope["path"]
        if not path.startswith(API_PREFIX):
            return self._too_large(scope)
        tag = self._tag(scope)
        if path in NO_AUTH_PATHS:
            return self._missing(path, tag) or self._too_large(scope)
        early = (
            self._unauthenticated(scope)
            or self._not_an_agent(scope)
            or self._over_limit()
            or self._missing(path, tag)
            or self._tag_refused(tag)
        )
        if early is not None:
            return early
        fault = self.faults.pick()
        if fault == "drop" and await drop_connection(receive):
            return DROPPED
        if fault == 503:
            message = "The helpdesk is temporarily unavailable. Please try again shortly."
            return error_response(503, "service_unavailable", message)
        if fault is not None:  # 502, or a drop we could not perform
            return HTMLResponse(_BAD_GATEWAY, status_code=502)
        return self._too_large(scope)

    def _unauthenticated(self, scope: Scope) -> Response | None:
        try:
            method = authenticate(Headers(scope=scope).get("authorization"), self.config.api_key)
        except AuthFailure as failure:
            return error_response(401, failure.code, failure.message, headers=AUTH_HEADERS)
        scope.setdefault("state", {})["auth_method"] = method
        return None

    def _not_an_agent(self, scope: Scope) -> Response | None:
        """A superuser key acts as the agent the header names; naming anyone else is refused
        rather than silently running as the key's own agent."""
        value = Headers(scope=scope).get(AGENT_HEADER)
        if value is None:
            return None
        if _AGENT_ID.fullmatch(value):
            row = repo.person(self.db, int(value))
            if row is not None and row["is_agent"]:
                scope["state"]["agent_id"] = int(value)
                return None
        return _forbidden(f"X-DeskPRO-Agent-ID {value} is not an agent of this helpdesk.")

    def _over_limit(self) -> Response | None:
        retry = self.limiter.retry_after()
        if retry is None:
            return None
        # Real Deskpro does not document Retry-After; --no-retry-after leaves it out.
        headers = {"Retry-After": str(retry)} if self.config.retry_after else None
        return error_response(
            429, "too_many_requests", "API key hourly limit reached.", headers=headers
        )

    def _missing(self, path: str, tag: str | None) -> Response | None:
        """404 for an endpoint this helpdesk lacks, named by its tag or its API path."""
        patterns = self.config.missing
        if _matches(path, patterns) or (tag is not None and _matches(tag, patterns)):
            return error_response(404, "not_found", NOT_FOUND)
        return None

    def _tag_refused(self, tag: str | None) -> Response | None:
        """403 for a tag the key's disallow tags match, or that no allow tag matches."""
        if tag is None:  # no such route: the app answers 404
            return None
        if _matches(tag, self.config.disallow):
            reason = "disallowed tag"
        elif not _matches(tag, self.config.allow):
            reason = "not an allowed tag"
        else:
            return None
        return _forbidden(f"The API key is not allowed to use {tag} ({reason}).")

    def _tag(self, scope: Scope) -> str | None:
        """The matched route's name is its Deskpro tag (`tickets.tickets.list`, ...)."""
        for route in self.routes:
            match, _child = route.matches(scope)
            if match == Match.FULL:
                return getattr(route, "name", None)
        return None

    def _too_large(self, scope: Scope) -> Response | None:
        """413 at once when the announced Content-Length is over the limit."""
        length = Headers(scope=scope).get("content-length", "")
        if length.isdigit() and int(length) > self.body_limit:
            return as_response(too_large(self.config.max_upload_bytes))
        return None

    async def _run(self, scope: Scope, receive: Receive, send: Send) -> None:
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:  # already logged and answered by the app's 500 handler
            if not started:
                log.exception("request failed before any response")
                response = error_response(500, "internal_error", "An internal error occurred.")
                await response(scope, receive, send)
