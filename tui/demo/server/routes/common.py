"""A paged list over one table: the shape every lookup collection shares."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from tui.demo.server import query, repo, serialize
from tui.demo.server.context import db_of, ok


def paged_list(
    request: Request,
    select: str,
    make: Callable[[Any], dict[str, Any]],
    where: query.Where | None = None,
    order_by: dict[str, str] | None = None,
) -> Response:
    """`page`/`count`/`order_by`/`order_dir`/`ids` over `select`, serialized by `make`."""
    params = request.query_params
    paging = query.paging(params)
    where = where or query.Where()
    if ids := query.int_values(params, "ids"):
        where.add(f"id IN ({repo.marks(ids)})", *ids)
    order_sql = query.order(params, order_by or {"id": "id"})
    rows, total = repo.page(db_of(request), select, where.sql, where.args, order_sql, paging)
    items = [make(row) for row in rows]
    meta = serialize.pagination(total, len(items), paging.page, paging.count)
    return ok(serialize.envelope(items, meta))
