"""The app factory: open (and if new, seed) the database, the routes table, the gate.

Each route's name is its Deskpro API tag, which `--allow`, `--disallow` and `--missing`
match against.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from starlette.applications import Starlette
from starlette.routing import Route

from tui.demo import facts
from tui.demo.config import DemoConfig
from tui.demo.dates import now_ts, to_ts
from tui.demo.db import SCHEMA_VERSION, Database
from tui.demo.server import activity
from tui.demo.server.context import AppState
from tui.demo.server.errors import EXCEPTION_HANDLERS
from tui.demo.server.middleware import Gate
from tui.demo.server.routes import blobs, history, lookups, messages, people, search, tickets

V2 = "/api/v2"
TICKET = V2 + "/tickets/{key}"

# (method, path, handler, tag)
ROUTES: list[tuple[str, str, Callable[..., Any], str]] = [
    ("GET", V2 + "/helpdesk/discover", lookups.discover, "helpdesk.discover"),
    ("GET", V2 + "/me", people.me, "me.get"),
    ("GET", V2 + "/tickets", tickets.list_tickets, "tickets.tickets.list"),
    ("POST", V2 + "/tickets", tickets.create_ticket, "tickets.tickets.post"),
    ("GET", TICKET, tickets.get_ticket, "tickets.tickets.get"),
    ("PUT", TICKET, tickets.update_ticket, "tickets.tickets.put"),
    ("DELETE", TICKET, tickets.delete_ticket, "tickets.tickets.delete"),
    ("PUT", TICKET + "/actions/{action}", tickets.ticket_action, "tickets.actions.put"),
    ("GET", TICKET + "/messages", messages.list_messages, "tickets.messages.list"),
    ("POST", TICKET + "/messages", messages.post_message, "tickets.messages.post"),
    ("GET", TICKET + "/messages/{message_id:int}", messages.get_message, "tickets.messages.get"),
    ("GET", TICKET + "/attachments", messages.list_attachments, "tickets.attachments.list"),
    ("POST", V2 + "/blobs/temp", blobs.post_temp, "blobs.post_temp"),
    ("GET", V2 + "/agents", people.list_agents, "people.agents.list"),
    ("GET", V2 + "/agents/{person_id:int}", people.get_agent, "people.agents.get"),
    ("GET", V2 + "/people", people.list_people, "people.people.list"),
    ("GET", V2 + "/people/{person_id:int}", people.get_person, "people.people.get"),
    ("GET", V2 + "/people/{person_id:int}/tickets", history.person_tickets,
     "people.tickets.list"),
    ("GET", V2 + "/agent_teams", people.list_agent_teams, "people.agent_teams.list"),
    ("GET", V2 + "/agent_teams/{team_id:int}", people.get_agent_team, "people.agent_teams.get"),
    ("GET", V2 + "/organizations", people.list_organizations, "organizations.list"),
    ("GET", V2 + "/organizations/{org_id:int}", people.get_organization, "organizations.get"),
    ("GET", V2 + "/organizations/{org_id:int}/tickets", history.organization_tickets,
     "organizations.tickets.list"),
    # Deskpro's docs name no tag for search; this one is the demo's own.
    ("GET", V2 + "/search", search.search, "search.search.get"),
    ("GET", V2 + "/ticket_departments", lookups.list_departments, "tickets.departments.list"),
    ("GET", V2 + "/ticket_departments/{dept_id:int}", lookups.get_department,
     "tickets.departments.get"),
    ("GET", V2 + "/ticket_statuses", lookups.list_statuses, "tickets.statuses.list"),
    ("GET", V2 + "/ticket_priorities", lookups.list_priorities, "tickets.priorities.list"),
    ("GET", V2 + "/ticket_custom_fields", lookups.list_custom_fields,
     "tickets.custom_fields.list"),
    ("GET", V2 + "/ticket_labels", lookups.list_labels, "tickets.labels.list"),
    ("GET", V2 + "/ticket_filters", lookups.list_filters, "tickets.filters.list"),
    ("GET", V2 + "/snippets", lookups.list_snippets, "snippets.list"),
    ("GET", V2 + "/ticket_snippets", lookups.list_snippets, "tickets.snippets.list"),  # older
    ("GET", V2 + "/ticket_filters/{filter_id:int}", lookups.get_filter, "tickets.filters.get"),
    ("GET", V2 + "/ticket_filters/{filter_id:int}/tickets", tickets.filter_tickets,
     "tickets.filters.tickets"),
    ("GET", "/file.php/{blob_auth}", blobs.download, "files.download"),
    ("GET", "/file.php/{blob_auth}/{filename:path}", blobs.download, "files.download"),
]  # fmt: skip


def open_database(config: DemoConfig) -> Database:
    """The configured database, seeded on first use (a persistent one keeps its tickets)."""
    db = Database(config.db)
    if config.reset or db.get_meta("schema") not in (None, SCHEMA_VERSION):
        db.recreate()
    if db.get_meta("seeded") is None:
        from tui.demo.seed.bulk import seed_bulk
        from tui.demo.seed.hand_shaped import seed_hand_shaped

        now = to_ts(config.now) if config.now else now_ts()
        with db.transaction():
            if config.tickets is None:
                seed_hand_shaped(db, config.seed, now)
            else:
                seed_bulk(db, config.tickets, config.seed, now)
            how = {"seed": config.seed, "tickets": config.tickets, "now": now}
            db.set_meta("seeded", json.dumps(how))
            db.set_meta("schema", SCHEMA_VERSION)
    return db


def create_app(config: DemoConfig, db: Database | None = None) -> Gate:
    """The ASGI app: Starlette routes behind the API-key gate; its lifespan runs the
    simulated activity (`--simulate-activity`)."""
    routes = [
        Route(path, handler, methods=[method], name=tag) for method, path, handler, tag in ROUTES
    ]
    state = AppState(db or open_database(config), config, key_agent=facts.ADMIN_ID)
    span = activity.lifespan(state.db, config.simulate_activity, config.seed, state.key_agent)
    app = Starlette(
        routes=routes,
        exception_handlers=EXCEPTION_HANDLERS,  # type: ignore[arg-type]
        lifespan=span,
    )
    app.state.demo = state
    return Gate(app, app.routes, config, state.db)
