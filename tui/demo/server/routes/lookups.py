"""Helpdesk-wide lookups: discover, departments, statuses, priorities, labels, filters,
snippets."""

from __future__ import annotations

from functools import partial

from starlette.requests import Request
from starlette.responses import Response

from tui import __version__
from tui.demo import statuses
from tui.demo.server import repo, serialize
from tui.demo.server.context import base_url, db_of, ok
from tui.demo.server.errors import not_found
from tui.demo.server.routes.common import paged_list

ORDERED = {"id": "id", "display_order": "display_order", "title": "title"}


async def discover(request: Request) -> Response:
    """No key needed: lets a client check a URL really is a Deskpro."""
    base = base_url(request)
    data = {
        "is_deskpro": True,
        "helpdesk_url": f"{base}/",
        "base_api_url": f"{base}/api/v2/",
        "build": "1477995658",
        "build_name": f"2026.1.2 (deskpro-tui demo {__version__})",
        "is_cloud": False,
    }
    return ok(serialize.envelope(data))


async def list_departments(request: Request) -> Response:
    make = partial(serialize.department, children=repo.department_children(db_of(request)))
    return paged_list(request, "SELECT * FROM departments", make, order_by=ORDERED)


async def get_department(request: Request) -> Response:
    db = db_of(request)
    row = db.row("SELECT * FROM departments WHERE id = ?", (request.path_params["dept_id"],))
    if row is None:
        raise not_found()
    return ok(serialize.envelope(serialize.department(row, repo.department_children(db))))


async def list_statuses(_request: Request) -> Response:
    """Not paged, as on real servers (`meta: {}`)."""
    data = [{"status_code": c, "status_type": t, "title": n} for c, t, n in statuses.STATUSES]
    return ok(serialize.envelope(data))


async def list_priorities(request: Request) -> Response:
    return paged_list(request, "SELECT * FROM ticket_priorities", serialize.priority, None, ORDERED)


async def list_custom_fields(request: Request) -> Response:
    """Disabled fields are listed too (`is_enabled: false`): old tickets may carry values."""
    select = "SELECT * FROM ticket_custom_fields"
    return paged_list(request, select, serialize.custom_field, None, ORDERED)


async def list_labels(request: Request) -> Response:
    order = {"id": "id", "label": "label"}
    return paged_list(request, "SELECT * FROM labels", serialize.label, order_by=order)


async def list_filters(request: Request) -> Response:
    order = {"id": "id", "display_order": "display_order"}
    return paged_list(
        request, "SELECT * FROM ticket_filters", serialize.ticket_filter, order_by=order
    )


async def get_filter(request: Request) -> Response:
    row = db_of(request).row(
        "SELECT * FROM ticket_filters WHERE id = ?", (request.path_params["filter_id"],)
    )
    if row is None:
        raise not_found()
    return ok(serialize.envelope(serialize.ticket_filter(row)))


async def list_snippets(request: Request) -> Response:
    """`/snippets` and the older `/ticket_snippets`: the same snippets, paged."""
    order = {"id": "id", "title": "title"}
    return paged_list(request, "SELECT * FROM snippets", serialize.snippet, order_by=order)
