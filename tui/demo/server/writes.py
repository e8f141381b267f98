"""Every write the API makes: tickets, messages (with their status transitions), blobs.

Callers validate first (see `bodies.py`); these functions run inside one transaction each.
"""

from __future__ import annotations

import json
import random
from typing import Any

from tui.demo import statuses, text
from tui.demo.db import Database
from tui.demo.server import repo
from tui.demo.server.field_values import merged
from tui.demo.server.validate import MessageSpec, NewPerson, PersonRef

_secure = random.SystemRandom()


def ensure_person(db: Database, ref: PersonRef, now: int) -> int:
    """The person's id; a new address becomes a person (once, if one body names it twice)."""
    if isinstance(ref, int):
        return ref
    assert isinstance(ref, NewPerson)
    if (found := repo.person_by_email(db, ref.email)) is not None:
        return int(found["id"])
    return db.execute(
        "INSERT INTO people (first_name, last_name, primary_email, date_created)"
        " VALUES (?, ?, ?, ?)",
        (ref.first_name, ref.last_name, ref.email, now),
    )


def cc_ids(db: Database, refs: list[PersonRef], requester: int, now: int) -> list[int]:
    """A ticket's cc as people ids, as Deskpro stores it: new addresses become people, and
    the requester (already on the ticket) and repeats drop out."""
    ids: list[int] = []
    for ref in refs:
        person_id = ensure_person(db, ref, now)
        if person_id != requester and person_id not in ids:
            ids.append(person_id)
    return ids


def _set(db: Database, ticket_id: int, values: dict[str, Any]) -> None:
    if values:
        assignments = ", ".join(f"{column} = ?" for column in values)
        db.execute(f"UPDATE tickets SET {assignments} WHERE id = ?", [*values.values(), ticket_id])


def _status_values(code: str, now: int) -> dict[str, Any]:
    status, hidden = statuses.split(code)
    values: dict[str, Any] = {"status": status, "hidden_status": hidden, "date_status": now}
    if status == "resolved":
        values["date_resolved"] = now
    return values


def add_message(
    db: Database,
    ticket: Any,
    spec: MessageSpec,
    author: int,
    now: int,
    transition: bool = True,
) -> int:
    """Store a message and update the ticket: counters, reply dates and, for replies (not
    notes), the status: an agent's reply → awaiting_user, a user's → awaiting_agent."""
    is_agent = bool(db.scalar("SELECT is_agent FROM people WHERE id = ?", (author,)))
    message_id = db.execute(
        "INSERT INTO messages (ticket, person, is_note, date_created, html, preview,"
        " creation_system) VALUES (?, ?, ?, ?, ?, ?, 'web.api')",
        (ticket["id"], author, int(spec.is_note), now, spec.html, text.preview(spec.html)),
    )
    for blob_id, inline in spec.blobs:
        db.execute(
            "INSERT INTO attachments (ticket, message, person, blob, is_inline, is_note)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (ticket["id"], message_id, author, blob_id, int(inline), int(spec.is_note)),
        )
        db.execute("UPDATE blobs SET is_temp = 0 WHERE id = ?", (blob_id,))
    values: dict[str, Any] = {"has_attachments": 1} if spec.blobs else {}
    if not spec.is_note:
        side = "agent" if is_agent else "user"
        values[f"date_last_{side}_reply"] = now
        values["date_last_reply"] = now
        values[f"count_{side}_replies"] = ticket[f"count_{side}_replies"] + 1
        if is_agent and ticket["date_first_agent_reply"] is None:
            values["date_first_agent_reply"] = now
        target = "awaiting_user" if is_agent else "awaiting_agent"
        if transition and ticket["status"] != "hidden" and ticket["status"] != target:
            values |= _status_values(target, now)
    _set(db, ticket["id"], values)
    return message_id


def _unique_ref(db: Database) -> str:
    while True:
        ref = text.make_ref(_secure)
        if db.scalar("SELECT 1 FROM tickets WHERE ref = ?", (ref,)) is None:
            return ref


def create_ticket(
    db: Database, person_ref: PersonRef, first: MessageSpec, values: dict[str, Any], actor: int,
    now: int,
) -> int:  # fmt: skip
    """A new ticket with its first message (written by `message.person`, else the
    requester). Without an explicit status it waits on whoever did not write it."""
    person_id = ensure_person(db, person_ref, now)
    requester = repo.person(db, person_id)
    assert requester is not None
    author = ensure_person(db, first.person, now) if first.person is not None else person_id
    by_agent = bool(db.scalar("SELECT is_agent FROM people WHERE id = ?", (author,)))
    code = values.pop("status", "awaiting_user" if by_agent and not first.is_note else None)
    subject = values.pop("subject")
    row: dict[str, Any] = {
        "ref": _unique_ref(db), "auth": text.make_code(_secure), "subject": subject,
        "original_subject": subject, "person": person_id,
        "person_email": requester["primary_email"], "organization": requester["organization"],
        "department": 1, "urgency": 1, "date_created": now, "creation_system": "web.api",
    }  # fmt: skip
    row |= _status_values(code or "awaiting_agent", now)
    if "fields" in values:
        values["fields"] = merged(None, values["fields"])
    if "cc" in values:
        values["cc"] = cc_ids(db, values["cc"], person_id, now)
    row |= _columns(values, now)
    columns = ", ".join(row)
    ticket_id = db.execute(
        f"INSERT INTO tickets ({columns}) VALUES ({repo.marks(row)})", list(row.values())
    )
    ticket = db.row("SELECT * FROM tickets WHERE id = ?", (ticket_id,))
    add_message(db, ticket, first, author, now, transition=False)
    return ticket_id


def _columns(values: dict[str, Any], now: int) -> dict[str, Any]:
    """Clean request values → ticket columns (labels and fields as JSON)."""
    out = dict(values)
    if "labels" in out:
        out["labels"] = json.dumps(out["labels"]) if out["labels"] else None
    for name in ("cc", "fields"):
        if name in out:
            out[name] = json.dumps(out[name])
    if "is_hold" in out:
        out["is_hold"] = int(out["is_hold"])
        out["date_on_hold"] = now if out["is_hold"] else None
    if out.get("agent") is not None:
        out["date_first_agent_assign"] = now
    return out


def remember_labels(db: Database, labels: list[str]) -> None:
    db.executemany("INSERT OR IGNORE INTO labels (label) VALUES (?)", [(x,) for x in labels])


def update_ticket(db: Database, ticket: Any, values: dict[str, Any], now: int) -> None:
    """A partial update; `cc` replaces the whole list (a new requester leaves the cc)."""
    values = dict(values)
    code = values.pop("status", None)
    requester = values.get("person", ticket["person"])
    if "cc" in values or requester != ticket["person"]:
        cc = values["cc"] if "cc" in values else json.loads(ticket["cc"])
        values["cc"] = cc_ids(db, cc, requester, now)
    if "fields" in values:  # only the named fields change
        values["fields"] = merged(ticket["fields"], values["fields"])
    columns = _columns(values, now)
    if "date_first_agent_assign" in columns and ticket["date_first_agent_assign"] is not None:
        del columns["date_first_agent_assign"]
    if code and code != statuses.join(ticket["status"], ticket["hidden_status"]):
        columns |= _status_values(code, now)
    if "subject" in columns:
        columns["subject"] = columns["subject"].strip()
    _set(db, ticket["id"], columns)


def delete_ticket(db: Database, ticket_id: int, now: int) -> None:
    """Soft delete: the ticket moves to hidden/deleted and stays readable."""
    _set(db, ticket_id, _status_values("hidden.deleted", now))


def set_lock(db: Database, ticket_id: int, agent: int | None, now: int) -> None:
    """`agent` holds the ticket's lock from `now` (any earlier holder loses it); None
    unlocks. Served until it expires: see `locks.py`."""
    _set(db, ticket_id, {"locked_by_agent": agent, "date_locked": now if agent else None})


def store_blob(db: Database, filename: str, content_type: str, data: bytes, now: int) -> int:
    """A temporary blob; its auth starts with its id, as Deskpro's do."""
    placeholder = text.make_code(_secure, 32)
    blob_id = db.execute(
        "INSERT INTO blobs (auth, filename, content_type, size, data, is_temp, date_created)"
        " VALUES (?, ?, ?, ?, ?, 1, ?)",
        (placeholder, filename, content_type, len(data), data, now),
    )
    auth = f"{blob_id}{text.make_code(_secure, 18)}"
    db.execute("UPDATE blobs SET auth = ? WHERE id = ?", (auth, blob_id))
    return blob_id
