"""Per-request helpers for the route handlers: app state, who acts, JSON in and out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from tui.demo.config import DemoConfig
from tui.demo.db import Database
from tui.demo.server import repo
from tui.demo.server.errors import ApiError
from tui.demo.server.query import Actor


@dataclass
class AppState:
    db: Database
    config: DemoConfig
    key_agent: int = 1  # the API key's context agent


def app_state(request: Request) -> AppState:
    return request.app.state.demo


def db_of(request: Request) -> Database:
    return app_state(request).db


def base_url(request: Request) -> str:
    """This server's own origin, for absolute URLs (no trailing slash)."""
    return str(request.base_url).rstrip("/")


def actor(request: Request) -> Actor:
    """The key's agent, or the agent named by `X-DeskPRO-Agent-ID` (the gate has checked
    that it is one and refused the request otherwise)."""
    state = app_state(request)
    agent_id = request.scope.get("state", {}).get("agent_id", state.key_agent)
    return Actor(agent_id, repo.agent_teams_of(state.db, agent_id))


async def read_json(request: Request) -> dict[str, Any]:
    """The body as a JSON object (an empty body is `{}`)."""
    raw = await request.body()
    if not raw.strip():
        return {}
    try:
        body = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        message = f"The request body is not valid JSON: {exc}"
        raise ApiError(400, "invalid_json_body", message) from None
    if not isinstance(body, dict):
        raise ApiError(400, "invalid_json_body", "The request body must be a JSON object.")
    return body


def ok(
    payload: dict[str, Any], status: int = 200, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(payload, status_code=status, headers=headers)


def no_content() -> Response:
    return Response(status_code=204)


def wants_follow(request: Request) -> bool:
    return request.query_params.get("follow_location", "") in ("1", "true")


def ticket_path(ticket_id: int) -> str:
    return f"/api/v2/tickets/{ticket_id}"
