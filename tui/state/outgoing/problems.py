"""What stops a new ticket, by form field: found before sending (`validate`) or refused
by the helpdesk (`form_errors`), so each shows under the field it concerns."""

from __future__ import annotations

from pathlib import Path

from tui.api import DeskproError
from tui.state.outgoing.files import DEFAULT_MAX_BYTES, check_file
from tui.state.outgoing.new_ticket import NewTicket
from tui.state.outgoing.requesters import looks_like_email

FIELDS = ("to", "subject", "message", "department", "agent", "urgency", "labels", "attachments")
"""The form's fields, in tab order; `"form"` is used for errors that belong to none."""


def validate(ticket: NewTicket, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, str]:
    """Problems to fix before sending, by field (empty when it can go)."""
    problems: dict[str, str] = {}
    if not ticket.to.strip():
        problems["to"] = "Who is this ticket for? Type the requester's email."
    elif not looks_like_email(ticket.to):
        problems["to"] = f"{ticket.to.strip()!r} is not an email address (like jo@example.com)."
    if not ticket.subject.strip():
        problems["subject"] = "A subject is required."
    if not ticket.body.strip():
        problems["message"] = "Write the first message of the ticket."
    if ticket.urgency is not None and not 1 <= ticket.urgency <= 10:
        problems["urgency"] = "Urgency runs from 1 to 10."
    bad = [msg for path, _ in ticket.files if (msg := check_file(Path(path), max_bytes))]
    if bad:
        problems["attachments"] = " ".join(bad)
    return problems


def field_for(server_field: str) -> str:
    """The form field a server field error belongs on."""
    if server_field.startswith("message.attachments"):
        return "attachments"
    head = server_field.split(".", 1)[0]
    aliases = {"person": "to", "cc": "to", "message": "message"}
    head = aliases.get(head, head)
    return head if head in FIELDS else "form"


def form_errors(error: DeskproError) -> dict[str, str]:
    """A refused create as messages per form field (`"form"` for the rest)."""
    found: dict[str, list[str]] = {}
    for name, messages in error.field_errors.items():
        found.setdefault(field_for(name), []).extend(messages)
    if error.errors or not found:
        found.setdefault("form", []).extend(error.errors or [str(error)])
    return {name: " ".join(messages) for name, messages in found.items()}
