"""`include=...` sideloading: related records under `linked.<type>.<id>` (string keys).

Agents are people, so `include=agent` fills `linked.person` like `include=person` does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import partial
from typing import Any

from starlette.requests import Request

from tui.demo.db import Database
from tui.demo.server import repo, serialize
from tui.demo.server.context import base_url, db_of

# include name → (linked type, field of the listed object holding the id)
TICKET_INCLUDES = {
    "person": ("person", "person"),
    "agent": ("person", "agent"),
    "department": ("department", "department"),
    "organization": ("organization", "organization"),
    "agent_team": ("agent_team", "agent_team"),
}
MESSAGE_INCLUDES = {"person": ("person", "person"), "ticket": ("ticket", "ticket")}


def _load(db: Database, base: str, kind: str, ids: list[int]) -> dict[str, Any]:
    if not ids:
        return {}
    if kind == "person":
        return {str(r["id"]): serialize.person(r, base) for r in repo.people(db, ids)}
    sql_in = f"IN ({repo.marks(ids)})"
    children, members = repo.department_children, repo.team_members
    loaders: dict[str, tuple[str, Callable[[Any], dict[str, Any]]]] = {
        "department": ("departments", partial(serialize.department, children=children(db))),
        "organization": ("organizations", serialize.organization),
        "agent_team": ("agent_teams", partial(serialize.agent_team, members=members(db))),
        "ticket": ("tickets", serialize.ticket),
    }
    table, make = loaders[kind]
    rows = db.rows(f"SELECT * FROM {table} WHERE id {sql_in} ORDER BY id", ids)
    return {str(r["id"]): make(r) for r in rows}


def includes(request: Request) -> list[str]:
    raw = request.query_params.getlist("include") + request.query_params.getlist("include[]")
    return [name.strip() for item in raw for name in item.split(",") if name.strip()]


def sideload(
    request: Request, items: Iterable[dict[str, Any]], table: dict[str, tuple[str, str]]
) -> dict[str, Any]:
    """The `linked` map for `items` and the request's `include` names (unknown ones ignored)."""
    wanted: dict[str, set[int]] = {}
    items = list(items)
    for name in includes(request):
        if name in table:
            kind, attr = table[name]
            ids = {item[attr] for item in items if item.get(attr)}
            wanted.setdefault(kind, set()).update(ids)
    db, base = db_of(request), base_url(request)
    return {kind: _load(db, base, kind, sorted(ids)) for kind, ids in wanted.items()}
