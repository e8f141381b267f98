"""`/tickets`: list (and queue lists), get by id or `ref:`, create, update, delete, lock."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from tui.demo.dates import now_ts
from tui.demo.server import bodies, query, repo, serialize, writes
from tui.demo.server.context import (
    actor,
    db_of,
    no_content,
    ok,
    read_json,
    ticket_path,
    wants_follow,
)
from tui.demo.server.errors import bad_request, not_found
from tui.demo.server.linked import TICKET_INCLUDES, sideload
from tui.demo.server.validate import MISSING


def ticket_or_404(request: Request) -> Any:
    row = repo.ticket(db_of(request), request.path_params["key"])
    if row is None:
        raise not_found()
    return row


def ticket_page(
    request: Request,
    terms: Sequence[dict[str, Any]] = (),
    scope: query.Where | None = None,
    default_statuses: Sequence[str] = (),
) -> Response:
    """A page of `/tickets`-shaped results; see `query.ticket_where` for the arguments."""
    params = request.query_params
    paging = query.paging(params)
    order_sql = query.order(params, query.TICKET_ORDER)
    where, fql = query.ticket_where(params, actor(request), terms, scope, default_statuses)
    rows, total = repo.page(
        db_of(request), "SELECT * FROM tickets", where.sql, where.args, order_sql, paging
    )
    items = [serialize.ticket(row) for row in rows]
    meta = serialize.pagination(total, len(items), paging.page, paging.count) | {"fql": fql}
    return ok(serialize.envelope(items, meta, sideload(request, items, TICKET_INCLUDES)))


def _filter_terms(request: Request, filter_id: str) -> list[dict[str, Any]] | None:
    if not filter_id.isdigit():
        return None
    terms = db_of(request).scalar("SELECT terms FROM ticket_filters WHERE id = ?", (filter_id,))
    return None if terms is None else json.loads(terms)


async def list_tickets(request: Request) -> Response:
    """`GET /tickets`; `filter=<id>` applies a ticket filter like `/ticket_filters/{id}/tickets`."""
    terms: list[dict[str, Any]] = []
    if filter_id := request.query_params.get("filter"):
        found = _filter_terms(request, filter_id)
        if found is None:
            raise bad_request(f"Unknown ticket filter: {filter_id}")
        terms = found
    return ticket_page(request, terms)


async def filter_tickets(request: Request) -> Response:
    terms = _filter_terms(request, str(request.path_params["filter_id"]))
    if terms is None:
        raise not_found()
    return ticket_page(request, terms)


def _one(request: Request, ticket_id: int, status: int = 200, **headers: str) -> Response:
    row = db_of(request).row("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
    data = serialize.ticket(row)
    linked = sideload(request, [data], TICKET_INCLUDES) or []  # PHP-style empty `linked: []`
    return ok({"data": data, "meta": [], "linked": linked}, status, headers or None)


async def get_ticket(request: Request) -> Response:
    return _one(request, ticket_or_404(request)["id"])


async def create_ticket(request: Request) -> Response:
    db = db_of(request)
    spec = bodies.ticket_create(db, await read_json(request))
    with db.transaction():
        writes.remember_labels(db, spec.values.get("labels", []))
        ticket_id = writes.create_ticket(
            db, spec.person, spec.message, spec.values, actor(request).agent_id, now_ts()
        )
    return _one(request, ticket_id, 201, Location=ticket_path(ticket_id))


async def update_ticket(request: Request) -> Response:
    """Partial update → 204, or 200 with the ticket when `follow_location=1`."""
    db = db_of(request)
    ticket = ticket_or_404(request)
    values, person = bodies.ticket_update(db, await read_json(request))
    now = now_ts()
    with db.transaction():
        if person is not MISSING:
            values["person"] = writes.ensure_person(db, person, now)
            values["person_email"] = repo.person(db, values["person"])["primary_email"]
        writes.remember_labels(db, values.get("labels", []))
        writes.update_ticket(db, ticket, values, now)
    return _one(request, ticket["id"]) if wants_follow(request) else no_content()


async def delete_ticket(request: Request) -> Response:
    """Soft delete; the ticket is then listed under `status=hidden`."""
    ticket = ticket_or_404(request)
    writes.delete_ticket(db_of(request), ticket["id"], now_ts())
    return _one(request, ticket["id"])


async def ticket_action(request: Request) -> Response:
    """`PUT /tickets/{id}/actions/lock|unlock`: the collision hint other agents see.

    Locking takes the lock over from whoever holds it (a hint, never a gate); unlocking
    clears it whoever holds it; a lock expires by itself (see `locks.LOCK_SECONDS`)."""
    ticket = ticket_or_404(request)
    action = request.path_params["action"]
    if action not in ("lock", "unlock"):
        raise not_found()
    agent = actor(request).agent_id if action == "lock" else None
    writes.set_lock(db_of(request), ticket["id"], agent, now_ts())
    return _one(request, ticket["id"]) if wants_follow(request) else no_content()
