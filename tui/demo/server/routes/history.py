"""`/people/{id}/tickets` and `/organizations/{id}/tickets`: a requester's history.

Paged, ordered, filtered and sideloaded exactly like `/tickets`, but every status by default
(resolved, archived and hidden included): history is what came before, not the open queue.
A `status` parameter still narrows it.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from tui.demo import statuses
from tui.demo.server import query, repo
from tui.demo.server.context import db_of
from tui.demo.server.errors import not_found
from tui.demo.server.routes.tickets import ticket_page

EVERY_STATUS = tuple(sorted(statuses.CODES))


async def person_tickets(request: Request) -> Response:
    person_id = request.path_params["person_id"]
    if repo.person(db_of(request), person_id) is None:
        raise not_found()
    scope = query.Where()
    scope.add("person = ?", person_id)
    return ticket_page(request, scope=scope, default_statuses=EVERY_STATUS)


async def organization_tickets(request: Request) -> Response:
    """Tickets whose requester belongs to the organization (now, not when they wrote)."""
    org_id = request.path_params["org_id"]
    if not repo.exists(db_of(request), "organizations", org_id):
        raise not_found()
    scope = query.Where()
    scope.add("person IN (SELECT id FROM people WHERE organization = ?)", org_id)
    return ticket_page(request, scope=scope, default_statuses=EVERY_STATUS)
