"""`/tickets/{id}/messages` (oldest first, paged) and `/tickets/{id}/attachments`."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from tui.demo.dates import now_ts
from tui.demo.server import bodies, query, repo, serialize, writes
from tui.demo.server.context import actor, base_url, db_of, ok, read_json, ticket_path
from tui.demo.server.errors import not_found
from tui.demo.server.linked import MESSAGE_INCLUDES, sideload
from tui.demo.server.routes.tickets import ticket_or_404

MESSAGE_ORDER = {"id": "m.id", "date_created": "m.date_created"}


def _messages(request: Request, where: str, args: list[object], paging: query.Paging) -> Response:
    db = db_of(request)
    order_sql = query.order(request.query_params, MESSAGE_ORDER, tie="m.id")
    rows, total = repo.page(db, repo.MESSAGES_SELECT, where, args, order_sql, paging)
    files = repo.attachment_ids(db, [row["id"] for row in rows])
    items = [serialize.message(row, files[row["id"]]) for row in rows]
    meta = serialize.pagination(total, len(items), paging.page, paging.count)
    return ok(serialize.envelope(items, meta, sideload(request, items, MESSAGE_INCLUDES)))


async def list_messages(request: Request) -> Response:
    ticket = ticket_or_404(request)
    paging = query.paging(request.query_params)
    return _messages(request, "m.ticket = ?", [ticket["id"]], paging)


async def get_message(request: Request) -> Response:
    ticket = ticket_or_404(request)
    message_id = request.path_params["message_id"]
    db = db_of(request)
    row = db.row(
        f"{repo.MESSAGES_SELECT} WHERE m.id = ? AND m.ticket = ?", (message_id, ticket["id"])
    )
    if row is None:
        raise not_found()
    data = serialize.message(row, repo.attachment_ids(db, [row["id"]])[row["id"]])
    return ok(serialize.envelope(data))


async def post_message(request: Request) -> Response:
    """A reply or note; `person` defaults to the acting agent. Replies move the status."""
    db = db_of(request)
    ticket = ticket_or_404(request)
    spec = bodies.message_post(db, await read_json(request))
    now = now_ts()
    with db.transaction():
        author = actor(request).agent_id
        if spec.person is not None:
            author = writes.ensure_person(db, spec.person, now)
        message_id = writes.add_message(db, ticket, spec, author, now)
    row = db.row(f"{repo.MESSAGES_SELECT} WHERE m.id = ?", (message_id,))
    data = serialize.message(row, repo.attachment_ids(db, [message_id])[message_id])
    location = f"{ticket_path(ticket['id'])}/messages/{message_id}"
    return ok(serialize.envelope(data), 201, {"Location": location})


async def list_attachments(request: Request) -> Response:
    ticket = ticket_or_404(request)
    params = request.query_params
    paging = query.paging(params)
    order_sql = query.order(params, {"id": "a.id"}, tie="a.id")
    rows, total = repo.page(
        db_of(request), repo.ATTACHMENTS_SELECT, "a.ticket = ?", [ticket["id"]], order_sql, paging
    )
    base = base_url(request)
    items = [serialize.attachment(row, base) for row in rows]
    meta = serialize.pagination(total, len(items), paging.page, paging.count)
    return ok(serialize.envelope(items, meta))
