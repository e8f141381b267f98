"""What the app can do without: the helpdesk's lists that only some features use, and how
to tell an agent that one is unavailable (which endpoint, why, and what still works).

Real helpdesks refuse endpoints (an API key's tags), lack them (older or differently set-up
installs) or fail to answer; each of these lists then fails alone.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.api import (
    BadRequestError,
    DeskproError,
    NotFoundError,
    PermissionDeniedError,
    ResponseFormatError,
)
from tui.api.errors import API_KEYS_PLACE
from tui.api.models import TicketStatus


@dataclass(frozen=True)
class Part:
    what: str  # as a sentence names it
    endpoint: str
    without: str  # what still works, and how, while it is unavailable
    method: str = "GET"
    verb: str = "load"  # what failed: "Could not load the agents"


LOOKUPS: dict[str, Part] = {
    "agents": Part(
        "the agents",
        "/api/v2/agents",
        "assigning is unavailable and agents show by number; everything else works",
    ),
    "departments": Part(
        "the departments",
        "/api/v2/ticket_departments",
        "new tickets go to the default department and department names are not shown",
    ),
    "filters": Part(
        "the helpdesk's saved filters",
        "/api/v2/ticket_filters",
        "the standard queues work as usual",
    ),
    "statuses": Part(
        "the ticket statuses",
        "/api/v2/ticket_statuses",
        "the status picker offers Deskpro's standard statuses",
    ),
    "teams": Part(
        "the agent teams",
        "/api/v2/agent_teams",
        "the assign picker lists agents without their teams",
    ),
}
# What a ticket's properties show and edit with: priorities and custom fields load once the
# first rows are in (STARTUP_LOOKUPS), the labels when the form first opens.
PROPERTY_LOOKUPS: dict[str, Part] = {
    "fields": Part(
        "the ticket custom fields",
        "/api/v2/ticket_custom_fields",
        "tickets show and edit without their custom fields",
    ),
    "priorities": Part(
        "the ticket priorities",
        "/api/v2/ticket_priorities",
        "priorities show by number and cannot be changed here",
    ),
    "labels": Part(
        "the helpdesk's labels",
        "/api/v2/ticket_labels",
        "labels are typed in full, without suggestions",
    ),
}
PARTS = {**LOOKUPS, **PROPERTY_LOOKUPS}
# What start-up loads once the first rows show: the ticket view's names too, so the
# first ticket opened shows its priority and custom fields at once.
STARTUP_LOOKUPS = (*LOOKUPS, "priorities", "fields")
STANDARD_STATUSES = (
    ("awaiting_agent", "Awaiting Agent"),
    ("awaiting_user", "Awaiting User"),
    ("pending", "Pending"),
    ("resolved", "Resolved"),
)


def standard_statuses() -> list[TicketStatus]:
    """What an agent sets on any Deskpro, offered while the helpdesk's own list is
    unavailable (built when needed: a model made at import would slow every start)."""
    return [TicketStatus(status_code=c, status_type=c, title=t) for c, t in STANDARD_STATUSES]


REQUESTER_TICKETS = Part(
    "the requester's other tickets",
    "/api/v2/people/{id}/tickets",
    "the ticket itself works; the requester's history is not shown",
)

ATTACHMENTS = Part(
    "the attachments list",
    "/api/v2/tickets/{id}/attachments",
    "the conversation shows without its files, which cannot be downloaded here",
)


def is_lasting(error: DeskproError) -> bool:
    """A refusal or absence that asking again soon will not change (unlike a timeout or
    an outage, which the next refresh retries quietly)."""
    lasting = PermissionDeniedError | NotFoundError | BadRequestError | ResponseFormatError
    return isinstance(error, lasting)


def why_failed(part: Part, error: DeskproError) -> str:
    """Why `part` could not be loaded, in a clause: the endpoint for a refusal or an absence
    (a tag name Deskpro does not document would send an admin looking for nothing)."""
    if isinstance(error, NotFoundError):
        return f"this helpdesk has no {part.endpoint} (404)"
    if isinstance(error, PermissionDeniedError):
        return f"the API key may not use {part.method} {part.endpoint} (403)"
    return str(error).rstrip(".")


def why_unavailable(part: Part, error: DeskproError) -> str:
    """One sentence for the agent: what failed, why, and what still works."""
    why = why_failed(part, error)
    return f"Could not {part.verb} {part.what}: {why}. Meanwhile {part.without}."


def unavailable_notice(failures: list[tuple[Part, DeskproError]]) -> str:
    """One notice for what could not be loaded (a key without several tags would otherwise
    raise a pile of them), ending with who can change it."""
    lines = [why_unavailable(part, error) for part, error in failures]
    if any(isinstance(error, PermissionDeniedError) for _part, error in failures):
        lines.append(f"An admin can allow the API key more under {API_KEYS_PLACE}.")
    return "\n".join(lines)


SEARCH = Part(
    "the helpdesk's search",
    "/api/v2/search",
    "ctrl+f still opens a ticket by its number or ref and shows a requester's tickets by"
    " their email, and / filters the loaded queue",
)

PEOPLE_BY_EMAIL = Part(
    "people by their email",
    "/api/v2/people",
    "a requester's tickets are listed from one of their tickets (p)",
)

ORGANIZATION = Part(
    "the requester's organization",
    "/api/v2/organizations/{id}",
    "its tickets show under its number",
)

ORGANIZATION_TICKETS = Part(
    "the organization's recent tickets",
    "/api/v2/organizations/{id}/tickets",
    "the requester's own tickets show as usual",
)
