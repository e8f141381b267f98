"""Pydantic models of Deskpro API v2 objects, tolerant of what real servers send.

Every model ignores unknown fields and defaults missing ones, so a newer helpdesk
adding fields (or an older one omitting them) never breaks parsing. Quirks handled:
`labels: null`, `is_agent_note` as 0/1, dates with `+0000`, empty strings for dates,
`0` for "no agent", ticket statuses as strings or objects.

Empty lists and maps are plain defaults (`= []`): pydantic copies them for each instance,
and unlike `default_factory=list` they spare it reading `list`'s signature on first use.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, field_validator


def _empty_to_none(value: Any) -> Any:
    return None if value in ("", 0, "0") else value


def _none_to_list(value: Any) -> Any:
    return [] if value is None or value == "" else value


def _id_or_none(value: Any) -> Any:
    """Deskpro sends related records as ids, `null`, `0`, or now and then as objects."""
    if isinstance(value, dict):
        value = value.get("id")
    return _empty_to_none(value)


def _email_list(value: Any) -> Any:
    """Every address of a person: strings, or now and then `{"email": ...}` objects."""
    if not isinstance(value, list):
        return _none_to_list(value)
    emails = (v.get("email") if isinstance(v, dict) else v for v in value)
    return [e for e in emails if isinstance(e, str) and e]


def _cc_ids(value: Any) -> Any:
    """A ticket's CC: person ids (as Deskpro returns them), now and then as objects."""
    if not isinstance(value, list):
        return []
    ids = (v.get("id") if isinstance(v, dict) else v for v in value)
    return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]


OptionalDate = Annotated[datetime | None, BeforeValidator(_empty_to_none)]
OptionalId = Annotated[int | None, BeforeValidator(_id_or_none)]
IdList = Annotated[list[int], BeforeValidator(_none_to_list)]


class DeskproModel(BaseModel):
    # defer_build: a model's validator is built when it first parses something, not at
    # import, so start-up pays only for the few models the first screen reads.
    model_config = ConfigDict(extra="ignore", frozen=True, populate_by_name=True, defer_build=True)


class Person(DeskproModel):
    """A person: a customer (user) or an agent. `/agents` returns the same shape."""

    id: int
    name: str = ""
    display_name: str = ""
    first_name: str = ""
    last_name: str = ""
    primary_email: str | None = None
    emails: Annotated[list[str], BeforeValidator(_email_list)] = []
    is_agent: bool = False
    online: bool = False
    teams: IdList = []
    primary_team: OptionalId = None
    organization: OptionalId = None
    is_disabled: bool = False
    is_deleted: bool = False

    @property
    def label(self) -> str:
        """The best name to show: display name, name, email, or the id as a last resort."""
        return self.display_name or self.name or self.primary_email or f"#{self.id}"


Agent = Person


class Organization(DeskproModel):
    """A customer organization (`GET /organizations/{id}`); people and tickets name it by id."""

    id: int
    name: str = ""

    @property
    def label(self) -> str:
        return self.name or f"Organization #{self.id}"


class Me(DeskproModel):
    """`GET /me`: who requests run as."""

    auth_method: str = ""
    person_id: int
    person: Person


class Discover(DeskproModel):
    """`GET /helpdesk/discover`: proof a URL is a Deskpro, and which build."""

    is_deskpro: bool = False
    helpdesk_url: str = ""
    base_api_url: str = ""
    build: str = ""
    build_name: str = ""
    is_cloud: bool = False


class Department(DeskproModel):
    id: int
    title: str = ""
    user_title: str = ""
    parent: OptionalId = None
    children: list[Any] = []
    is_tickets_enabled: bool = True
    display_order: int = 0


class AgentTeam(DeskproModel):
    id: int
    name: str = ""
    members: list[Any] = []


class TicketStatus(DeskproModel):
    """A status; older servers list plain strings, which become `status_code`."""

    status_code: str
    status_type: str = ""
    title: str = ""

    @classmethod
    def coerce(cls, raw: Any) -> TicketStatus:
        if isinstance(raw, str):
            return cls(status_code=raw, status_type=raw.split(".")[0], title=raw)
        return cls.model_validate(raw)


class TicketFilter(DeskproModel):
    """A saved ticket filter: the helpdesk's own queues."""

    id: int
    title: str = ""
    sys_name: str | None = None
    display_order: int = 0
    term: list[Any] = []
    ticket_filter_set: OptionalId = None


class Label(DeskproModel):
    """A ticket label; servers send strings or objects, both become this."""

    label: str
    id: int | None = None

    @classmethod
    def coerce(cls, raw: Any) -> Label:
        if isinstance(raw, str):
            return cls(label=raw)
        name = raw.get("label") or raw.get("title") or raw.get("name") or ""
        return cls(label=str(name), id=raw.get("id"))


class Blob(DeskproModel):
    """An uploaded file. `blob_auth` is what links it to a message."""

    blob_id: int
    blob_auth: str
    blob_auth_id: str = ""
    download_url: str = ""
    filename: str = ""
    filesize_readable: str = ""
    content_type: str = "application/octet-stream"
    is_image: bool = False
    is_temp: bool = False


class Attachment(DeskproModel):
    """A file attached to a ticket message (`GET /tickets/{id}/attachments`)."""

    id: int
    ticket: OptionalId = None
    person: OptionalId = None
    message: OptionalId = None
    is_agent_note: bool = False
    is_inline: bool = False
    blob: Blob


class Message(DeskproModel):
    """One message of a ticket's conversation. `message` is HTML."""

    id: int
    ticket: OptionalId = None
    person: OptionalId = None
    message: str = ""
    message_preview_text: str = ""
    is_agent_note: bool = False
    attachments: IdList = []
    date_created: OptionalDate = None

    @field_validator("attachments", mode="before")
    @classmethod
    def _attachment_ids(cls, value: Any) -> Any:
        # Some builds embed attachment objects rather than ids; keep only the ids.
        if isinstance(value, list):
            return [v.get("id") if isinstance(v, dict) else v for v in value]
        return value


class Ticket(DeskproModel):
    id: int
    ref: str = ""
    subject: str = ""
    status: str = ""
    ticket_status: str | None = None
    person: OptionalId = None
    person_email: str | None = None
    agent: OptionalId = None
    agent_team: OptionalId = None
    department: OptionalId = None
    organization: OptionalId = None
    priority: OptionalId = None
    urgency: int = 0
    labels: Annotated[list[str], BeforeValidator(_none_to_list)] = []
    is_hold: bool = False
    has_attachments: bool = False
    date_created: OptionalDate = None
    date_resolved: OptionalDate = None
    date_status: OptionalDate = None
    date_last_agent_reply: OptionalDate = None
    date_last_user_reply: OptionalDate = None
    date_locked: OptionalDate = None
    locked_by_agent: OptionalId = None
    count_agent_replies: int = 0
    count_user_replies: int = 0
    worst_sla_status: str | None = None
    cc: Annotated[list[int], BeforeValidator(_cc_ids)] = []
    fields: dict[str, Any] = {}

    @field_validator("fields", mode="before")
    @classmethod
    def _fields_map(cls, value: Any) -> Any:
        return value or {}  # PHP sends an empty map as []

    @field_validator("urgency", "count_agent_replies", "count_user_replies", mode="before")
    @classmethod
    def _null_count(cls, value: Any) -> Any:
        return value or 0

    @property
    def last_activity(self) -> datetime | None:
        dates = [
            d
            for d in (self.date_status, self.date_last_agent_reply, self.date_last_user_reply)
            if d is not None
        ]
        return max(dates, default=self.date_created)
