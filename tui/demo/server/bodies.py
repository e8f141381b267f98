"""The request bodies of ticket and message writes, validated as a whole."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from tui.demo.db import Database
from tui.demo.server import validate as v
from tui.demo.server.errors import FieldErrors
from tui.demo.server.field_values import custom_fields
from tui.demo.text import text_to_html

MESSAGE_FIELDS = {"message", "format", "is_note", "person", "attachments"}
UPDATE_FIELDS = {
    "subject", "status", "agent", "agent_team", "department", "organization", "urgency",
    "priority", "labels", "is_hold", "person", "cc", "fields",
}  # fmt: skip
CREATE_FIELDS = UPDATE_FIELDS | {"message"}


@dataclass
class TicketCreate:
    person: v.PersonRef
    message: v.MessageSpec
    values: dict[str, Any]  # clean column values given by the request


def _blob_row(db: Database, auth: Any, blob_key: Any) -> Any:
    """The blob a message attachment names: by blob_auth, else by a map's blob-id key."""
    if auth is not None:
        return db.row("SELECT id, auth, is_temp FROM blobs WHERE auth = ?", (str(auth),))
    if blob_key is not None and str(blob_key).isdigit():
        return db.row("SELECT id, auth, is_temp FROM blobs WHERE id = ?", (int(blob_key),))
    return None


def _attachments(errors: FieldErrors, db: Database, value: Any, path: v.Path) -> list:
    """`[{"blob_auth", "is_inline"}]`, a list of blob_auth strings, or a map keyed by blob id.

    Only a temporary blob can be linked, and only once: linking makes it permanent."""
    if value is v.MISSING or value is None:
        return []
    if isinstance(value, dict):
        items = [(str(key), item, key) for key, item in value.items()]
    elif isinstance(value, list):
        items = [(str(index), item, None) for index, item in enumerate(value)]
    else:
        v.wrong_type(errors, path, "list")
        return []
    found: list[tuple[int, bool]] = []
    for suffix, item, blob_key in items:
        item_path = (*path, f"attachments_{suffix}")
        spec = {"blob_auth": item} if isinstance(item, str) else item
        if not isinstance(spec, dict):
            spec = {}
        auth, inline = spec.get("blob_auth"), bool(spec.get("is_inline", False))
        row = _blob_row(db, auth, blob_key)
        if row is None:
            problem = f"No uploaded file with blob_auth {auth}."
        elif not row["is_temp"]:
            problem = (
                f"The file with blob_auth {row['auth']} is already attached to a message;"
                " upload it again."
            )
        elif any(blob_id == row["id"] for blob_id, _inline in found):
            problem = f"The file with blob_auth {row['auth']} is listed more than once."
        else:
            found.append((int(row["id"]), inline))
            continue
        errors.add(item_path, "resource_not_found", problem)
    return found


def message(errors: FieldErrors, db: Database, body: Any, path: v.Path) -> Any:
    """A message object: `{message, format, is_note, person, attachments}`."""
    if body is v.MISSING or body is None:
        errors.add(path, "required", v.BLANK)
        return v.MISSING
    if not isinstance(body, dict):
        return v.wrong_type(errors, path, "object")
    prefix = f"{path[-1]}." if path else ""
    v.check_extra(errors, body, MESSAGE_FIELDS, prefix)
    html = v.text(errors, body.get("message", v.MISSING), (*path, "message"), required=True)
    fmt = v.text(errors, body.get("format", "html"), (*path, "format"))
    if fmt not in ("html", "text", v.MISSING):
        errors.add((*path, "format"), "bad_choice", v.NOT_CHOICE)
    is_note = v.boolean(errors, body.get("is_note", False), (*path, "is_note"))
    author = v.person(errors, db, body.get("person", v.MISSING), (*path, "person"))
    blobs = _attachments(errors, db, body.get("attachments"), (*path, "attachments"))
    if v.MISSING in (html, is_note):
        return v.MISSING
    if fmt == "text":
        html = text_to_html(html)
    return v.MessageSpec(html, is_note, None if author is v.MISSING else author, blobs)


def ticket_fields(errors: FieldErrors, db: Database, body: dict[str, Any]) -> dict[str, Any]:
    """The ticket fields a create or update sets (absent fields are left out)."""
    get = body.get
    values = {
        "subject": v.text(errors, get("subject", v.MISSING), ("subject",), "subject" in body),
        "status": v.status(errors, get("status", v.MISSING), ("status",)),
        "agent": v.agent(errors, db, get("agent", v.MISSING), ("agent",)),
        "agent_team": v.reference(errors, db, get("agent_team", v.MISSING), ("agent_team",),
                                  "agent_teams"),
        "department": v.reference(errors, db, get("department", v.MISSING), ("department",),
                                  "departments"),
        "organization": v.reference(errors, db, get("organization", v.MISSING),
                                    ("organization",), "organizations"),
        "urgency": v.integer(errors, get("urgency", v.MISSING), ("urgency",), 1, 10),
        "priority": v.reference(errors, db, get("priority", v.MISSING), ("priority",),
                                "ticket_priorities", "priority"),
        "labels": v.labels(errors, get("labels", v.MISSING), ("labels",)),
        "is_hold": v.boolean(errors, get("is_hold", v.MISSING), ("is_hold",)),
        "cc": v.cc(errors, db, get("cc", v.MISSING), ("cc",)),
        "fields": custom_fields(errors, db, get("fields", v.MISSING), ("fields",)),
    }  # fmt: skip
    return {name: value for name, value in values.items() if value is not v.MISSING}


def ticket_create(db: Database, body: dict[str, Any]) -> TicketCreate:
    errors = FieldErrors()
    v.check_extra(errors, body, CREATE_FIELDS)
    if "subject" not in body:
        errors.add(("subject",), "required", v.BLANK)
    values = ticket_fields(errors, db, body)
    person = v.person(errors, db, body.get("person", v.MISSING), ("person",))
    if "person" not in body or body["person"] is None:
        errors.add(("person",), "required", v.BLANK)
    first = message(errors, db, body.get("message", v.MISSING), ("message",))
    errors.raise_if_any()
    return TicketCreate(person, first, values)


def ticket_update(db: Database, body: dict[str, Any]) -> tuple[dict[str, Any], Any]:
    """(clean ticket values, new requester or MISSING)."""
    errors = FieldErrors()
    v.check_extra(errors, body, UPDATE_FIELDS)
    values = ticket_fields(errors, db, body)
    person = v.person(errors, db, body.get("person", v.MISSING), ("person",))
    errors.raise_if_any()
    return values, person


def message_post(db: Database, body: dict[str, Any]) -> v.MessageSpec:
    errors = FieldErrors()
    spec = message(errors, db, body, ())
    errors.raise_if_any()
    return spec
