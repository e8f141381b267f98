"""`/me`, `/agents`, `/people`, `/agent_teams`, `/organizations`."""

from __future__ import annotations

from functools import partial

from starlette.requests import Request
from starlette.responses import Response

from tui.demo.server import query, repo, serialize
from tui.demo.server.context import actor, base_url, db_of, ok
from tui.demo.server.errors import not_found
from tui.demo.server.routes.common import paged_list

PEOPLE_ORDER = {"id": "id", "name": "first_name", "date_created": "date_created"}
# The list SELECTs wrap PEOPLE_SELECT so its computed columns can be filtered on plainly.
_PEOPLE = f"SELECT * FROM ({repo.PEOPLE_SELECT})"


async def me(request: Request) -> Response:
    agent_id = actor(request).agent_id
    person = serialize.person(repo.person(db_of(request), agent_id), base_url(request))
    method = request.scope.get("state", {}).get("auth_method", "api_key")
    data = {"auth_method": method, "app_id": None, "person_id": agent_id, "person": person}
    return ok(serialize.envelope(data))


def _person(request: Request, agents_only: bool) -> Response:
    row = repo.person(db_of(request), request.path_params["person_id"])
    if row is None or (agents_only and not row["is_agent"]):
        raise not_found()
    return ok(serialize.envelope(serialize.person(row, base_url(request))))


async def list_agents(request: Request) -> Response:
    where = query.Where()
    where.add("is_agent = 1")
    make = partial(serialize.person, base=base_url(request))
    return paged_list(request, _PEOPLE, make, where, PEOPLE_ORDER)


async def get_agent(request: Request) -> Response:
    return _person(request, agents_only=True)


async def list_people(request: Request) -> Response:
    """`primary_email` matches exactly, ignoring case; `organization` filters too."""
    params = request.query_params
    where = query.Where()
    if email := params.get("primary_email"):
        where.add("primary_email = ? COLLATE NOCASE", email.strip())
    if orgs := query.int_values(params, "organization"):
        where.add(f"organization IN ({repo.marks(orgs)})", *orgs)
    make = partial(serialize.person, base=base_url(request))
    return paged_list(request, _PEOPLE, make, where, PEOPLE_ORDER)


async def get_person(request: Request) -> Response:
    return _person(request, agents_only=False)


async def list_agent_teams(request: Request) -> Response:
    make = partial(serialize.agent_team, members=repo.team_members(db_of(request)))
    return paged_list(request, "SELECT * FROM agent_teams", make)


async def get_agent_team(request: Request) -> Response:
    db = db_of(request)
    row = db.row("SELECT * FROM agent_teams WHERE id = ?", (request.path_params["team_id"],))
    if row is None:
        raise not_found()
    return ok(serialize.envelope(serialize.agent_team(row, repo.team_members(db))))


async def list_organizations(request: Request) -> Response:
    return paged_list(request, "SELECT * FROM organizations", serialize.organization)


async def get_organization(request: Request) -> Response:
    row = db_of(request).row(
        "SELECT * FROM organizations WHERE id = ?", (request.path_params["org_id"],)
    )
    if row is None:
        raise not_found()
    return ok(serialize.envelope(serialize.organization(row)))
