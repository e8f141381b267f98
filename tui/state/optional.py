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


def why_unavailable(part: Part, error: DeskproError) -> str:
    """One sentence for the agent: what failed, why, and what still works."""
    if isinstance(error, NotFoundError):
        reason = f"this helpdesk has no {part.endpoint} (404)"
    elif isinstance(error, PermissionDeniedError):
        reason = (
            f"the API key may not use GET {part.endpoint} (403; an admin can allow it under "
            f"{API_KEYS_PLACE})"
        )
    else:
        reason = str(error)
    return f"Could not load {part.what}: {reason.rstrip('.')}. Meanwhile {part.without}."
