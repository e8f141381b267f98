"""A typed async client for the Deskpro REST API v2. Imports no Textual: usable alone.

from tui.api import DeskproClient, DeskproError
"""

from tui.api.bodies import AttachmentSpec, PersonSpec
from tui.api.client import DeskproClient
from tui.api.envelope import Page, Pagination
from tui.api.errors import (
    DOCUMENTED_TAGS,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DeskproConnectionError,
    DeskproError,
    DeskproTimeoutError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseFormatError,
    ServerError,
    TLSError,
)
from tui.api.models import (
    Agent,
    AgentTeam,
    Attachment,
    Blob,
    Department,
    Discover,
    Label,
    Me,
    Message,
    Organization,
    Person,
    Ticket,
    TicketFilter,
    TicketStatus,
)
from tui.api.retry import RetryNotice, RetryPolicy

__all__ = [
    "DOCUMENTED_TAGS",
    "Agent",
    "AgentTeam",
    "Attachment",
    "AttachmentSpec",
    "AuthenticationError",
    "BadRequestError",
    "Blob",
    "ConfigurationError",
    "Department",
    "DeskproClient",
    "DeskproConnectionError",
    "DeskproError",
    "DeskproTimeoutError",
    "Discover",
    "InvalidInputError",
    "Label",
    "Me",
    "Message",
    "NotFoundError",
    "Organization",
    "Page",
    "Pagination",
    "PermissionDeniedError",
    "Person",
    "PersonSpec",
    "RateLimitedError",
    "ResponseFormatError",
    "RetryNotice",
    "RetryPolicy",
    "ServerError",
    "TLSError",
    "Ticket",
    "TicketFilter",
    "TicketStatus",
]
