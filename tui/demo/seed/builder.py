"""Turns a scenario plus a ticket's circumstances into rows: ticket, messages, blobs and
attachments, with the ticket's dates and counters derived from its conversation."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime
from string import Template
from typing import Any

from tui.demo import text
from tui.demo.db import Database
from tui.demo.seed.files import KINDS
from tui.demo.seed.scenario import Scenario

TICKET_COLUMNS = (
    "id", "ref", "auth", "subject", "original_subject", "status", "hidden_status", "is_hold",
    "person", "person_email", "agent", "agent_team", "department", "organization", "urgency",
    "priority", "labels", "fields", "creation_system", "has_attachments", "worst_sla_status",
    "locked_by_agent",
    "date_locked", "date_created", "date_status", "date_resolved", "date_first_agent_assign",
    "date_first_agent_reply", "date_last_agent_reply", "date_last_user_reply",
    "date_last_reply", "date_on_hold", "count_agent_replies", "count_user_replies",
)  # fmt: skip
MESSAGE_COLUMNS = ("id", "ticket", "person", "is_note", "date_created", "html", "preview")
INSERT_TICKET = (
    f"INSERT INTO tickets ({', '.join(TICKET_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(TICKET_COLUMNS))})"
)
INSERT_MESSAGE = (
    f"INSERT INTO messages ({', '.join(MESSAGE_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(MESSAGE_COLUMNS))})"
)


@dataclass
class Party:
    """Who is on a ticket: its requester and (maybe) its agent."""

    customer: dict[str, Any]  # id, first_name, name, email, organization, org_name
    agent: dict[str, Any] | None  # id, first_name, name, team


@dataclass
class Line:
    author: int
    is_note: bool
    html: str
    kinds: tuple[str, ...] = ()


@dataclass
class Rows:
    """Everything waiting for one executemany per table."""

    tickets: list[tuple[Any, ...]] = field(default_factory=list)
    messages: list[tuple[Any, ...]] = field(default_factory=list)
    blobs: list[tuple[Any, ...]] = field(default_factory=list)
    attachments: list[tuple[Any, ...]] = field(default_factory=list)

    def write(self, db: Database) -> None:
        db.executemany(INSERT_TICKET, self.tickets)
        db.executemany(INSERT_MESSAGE, self.messages)
        db.executemany(
            "INSERT INTO blobs (id, auth, filename, content_type, size, data, is_temp,"
            " date_created) VALUES (?, ?, ?, ?, ?, ?, 0, ?)",
            self.blobs,
        )
        db.executemany(
            "INSERT INTO attachments (id, ticket, message, person, blob, is_inline, is_note)"
            " VALUES (?, ?, ?, ?, ?, 0, ?)",
            self.attachments,
        )


def fill(html: str, party: Party) -> str:
    c = party.customer
    return Template(html).safe_substitute(
        customer=c["first_name"],
        org=c["org_name"] or "our team",
        domain=c["email"].split("@")[1],
        agent=party.agent["first_name"] if party.agent else "the team",
    )


def conversation(scenario: Scenario, party: Party, replies: int, with_note: bool) -> list[Line]:
    """The first `replies` replies after the opening; the agent signs, the customer quotes."""
    agent = party.agent
    lines = [Line(party.customer["id"], False, fill(scenario.opening, party), scenario.attachments)]
    if with_note and scenario.note and agent:
        lines.append(Line(agent["id"], True, fill(scenario.note, party)))
    for index, body in enumerate(scenario.replies[:replies]):
        if index % 2 == 0 and agent:
            signed = f"{body}<p>Best regards,<br>{agent['name']}<br>{agent['team']}</p>"
            lines.append(Line(agent["id"], False, fill(signed, party)))
        elif index % 2 == 1:
            lines.append(Line(party.customer["id"], False, fill(body, party)))
    return lines


def quote_history(lines: list[Line], times: list[int], names: dict[int, str]) -> None:
    """Customers reply by email, so their replies carry the previous message as a quote."""
    for i in range(1, len(lines)):
        previous = next((j for j in range(i - 1, -1, -1) if not lines[j].is_note), None)
        line = lines[i]
        if previous is None or line.is_note or line.author == lines[previous].author:
            continue
        if lines[previous].author in names and line.author not in names:
            when = datetime.fromtimestamp(times[previous], UTC).strftime("%a, %d %b %Y at %H:%M")
            who = names[lines[previous].author]
            line.html += (
                f"<p>On {when}, {who} wrote:</p><blockquote>{lines[previous].html}</blockquote>"
            )


def spread(rng: random.Random, start: int, count: int, end: int) -> list[int]:
    """`count` increasing times from `start`, minutes to a day apart, all before `end`."""
    gaps = [rng.randint(900, 30 * 3600) for _ in range(count - 1)]
    room = max(count, end - start - 60)
    scale = min(1.0, room / max(1, sum(gaps)))
    times, moment = [start], float(start)
    for gap in gaps:
        moment += max(1.0, gap * scale)
        times.append(int(moment))
    return times


def labels_json(labels: list[str]) -> str | None:
    return json.dumps(labels) if labels else None


def add_files(
    rows: Rows, rng: random.Random, ticket_id: int, message: tuple[Any, ...], kinds: tuple[str, ...]
) -> None:
    message_id, _ticket, person, is_note, created = message[:5]
    for kind in kinds:
        blob_id = len(rows.blobs) + 1
        filename, content_type, data = KINDS[kind](rng, blob_id)
        auth = f"{blob_id}{text.make_code(rng, 16)}"
        rows.blobs.append((blob_id, auth, filename, content_type, len(data), data, created))
        attachment_id = len(rows.attachments) + 1
        rows.attachments.append((attachment_id, ticket_id, message_id, person, blob_id, is_note))
