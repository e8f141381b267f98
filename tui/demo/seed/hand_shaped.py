"""The hand-shaped demo helpdesk: ~150 tickets with realistic threaded conversations.

Deterministic for a given `seed` and anchor time `now`: ticket ids follow creation order,
creation dates spread over the ~6 months before `now`, older tickets mostly resolved.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

from tui.demo import facts, statuses, text
from tui.demo.dates import DAY
from tui.demo.db import Database
from tui.demo.seed.builder import (
    TICKET_COLUMNS,
    Line,
    Party,
    Rows,
    add_files,
    conversation,
    labels_json,
    quote_history,
    spread,
)
from tui.demo.seed.conversations import BILLING, SPAM, SUPPORT
from tui.demo.seed.fields import ticket_priority, ticket_values
from tui.demo.seed.people import (
    DISABLED_AGENTS,
    VIP_ORGANIZATIONS,
    agent_directory,
    customer_directory,
    insert_directory,
)
from tui.demo.seed.scenario import Scenario
from tui.demo.seed.specials import COLLEAGUE_LOCKS, SPECIALS, Special

RECENT = 75 * DAY
_RECENT_WEIGHTS = {
    "awaiting_agent": 32, "awaiting_user": 30, "pending": 8, "live": 4, "resolved": 20,
    "hidden.spam": 2, "hidden.validating": 1,
}  # fmt: skip
_OLD_WEIGHTS = {
    "resolved": 48, "archived": 22, "awaiting_user": 12, "awaiting_agent": 10, "pending": 5,
    "hidden.spam": 2, "hidden.deleted": 1,
}  # fmt: skip
_TEAM_OF_DEPARTMENT = {1: 1, 2: 4, 3: 3, 4: 1, 5: 4}


@dataclass
class Plan:
    """One ticket to seed: its circumstances, before the conversation is written."""

    ticket_id: int
    when: int
    scenario: Scenario
    code: str  # status code, e.g. "hidden.spam"
    customer: dict[str, Any]
    agent: int | None
    replies: int
    sla: str | None = None
    is_hold: bool = False
    locked_by: int | None = None
    reply_files: dict[int, str] = field(default_factory=dict)


def _replies_for(status: str, scenario: Scenario, rng: random.Random) -> int:
    """How far the conversation got: customers wait on agents after their own message."""
    n = len(scenario.replies)
    if status in ("resolved", "archived"):
        return n
    if status in ("awaiting_user", "pending"):
        return rng.choice([k for k in range(1, n + 1, 2)] or [0])
    if status == "awaiting_agent":
        return rng.choice([k for k in range(0, n + 1, 2)])
    return 0


class Seeder:
    def __init__(self, db: Database, seed: int, now: int) -> None:
        self.db, self.rng, self.now = db, random.Random(seed), now
        # Newer data (field values, priorities) draws from its own stream, so adding it left
        # every older seeded value as it was.
        self.extra = random.Random(f"fields-{seed}")
        self.rows = Rows()
        self.agents, self.customers = agent_directory(), customer_directory()
        self.agent_names = {i: a["name"] for i, a in self.agents.items()}
        self.assignable = [i for i in self.agents if i not in DISABLED_AGENTS]

    def run(self, count: int = facts.SEED_TICKET_COUNT) -> None:
        insert_directory(self.db, self.now)
        rng = self.rng
        created = sorted(self.now - rng.randint(3 * 3600, 180 * DAY) for _ in range(count))
        # Every status appears at least once, whatever the seed.
        codes = [code for code, _type, _title in statuses.STATUSES if code != "hidden"]
        forced = {2 + i: code for i, code in enumerate(codes)}
        for ticket_id, when in enumerate(created, start=1):
            if ticket_id in SPECIALS:
                self._special(ticket_id, SPECIALS[ticket_id], when)
            else:
                self._regular(ticket_id, when, forced.get(ticket_id))
        self.rows.write(self.db)
        for ticket_id, agent in COLLEAGUE_LOCKS.items():
            self.db.execute(
                "UPDATE tickets SET locked_by_agent = ?, date_locked = ? WHERE id = ?",
                (agent, self.now, ticket_id),
            )

    def _regular(self, ticket_id: int, when: int, status: str | None) -> None:
        rng = self.rng
        weights = _RECENT_WEIGHTS if self.now - when < RECENT else _OLD_WEIGHTS
        status = status or rng.choices(list(weights), list(weights.values()))[0]
        scenario = rng.choice(SPAM if status == "hidden.spam" else SUPPORT + BILLING)
        if status == "awaiting_user" and not scenario.replies:
            status = "awaiting_agent"
        customer = self.customers[rng.choice(list(self.customers))]
        agent_id: int | None = rng.choice(self.assignable)
        if ticket_id % 6 == 0:
            agent_id = facts.ADMIN_ID  # the demo key's agent has plenty in "My tickets"
        elif status in ("live", "hidden.spam", "hidden.validating") or (
            status == "awaiting_agent" and rng.random() < 0.3
        ):
            agent_id = None
        active = status in statuses.ACTIVE
        sla = rng.choices([None, "ok", "warning", "fail"], [50, 30, 12, 8])[0] if active else None
        replies = _replies_for(status, scenario, rng)
        self._emit(Plan(ticket_id, when, scenario, status, customer, agent_id, replies, sla))

    def _special(self, ticket_id: int, special: Special, when: int) -> None:
        scenario = special.scenario
        self._emit(
            Plan(
                ticket_id, when, scenario, special.status, self.customers[special.customer],
                special.agent, len(scenario.replies), special.sla, special.is_hold,
                special.locked_by, dict(special.reply_attachments),
            ),
            always_note=True,
        )  # fmt: skip

    def _emit(self, plan: Plan, always_note: bool = False) -> None:
        """`always_note`: a hand-placed ticket shows its note whatever the dice say (the dice
        are still rolled, so the rest of the seed stays as it was)."""
        rng = self.rng
        party = Party(plan.customer, self.agents[plan.agent or rng.choice(self.assignable)])
        with_note = rng.random() < 0.8 or always_note
        lines = conversation(plan.scenario, party, plan.replies, with_note=with_note)
        times = spread(rng, plan.when, len(lines), self.now)
        quote_history(lines, times, self.agent_names)
        has_files = self._write_messages(plan, lines, times)
        agent_times = [t for ln, t in zip(lines, times, strict=True)
                       if ln.author in self.agents and not ln.is_note]  # fmt: skip
        user_times = [t for ln, t in zip(lines, times, strict=True) if ln.author not in self.agents]
        self.rows.tickets.append(self._ticket_row(plan, agent_times, user_times, has_files))

    def _write_messages(self, plan: Plan, lines: list[Line], times: list[int]) -> bool:
        """Message rows, with files on the opening and on the planned replies."""
        rows, has_files, reply_index = self.rows, False, 0
        for position, (line, moment) in enumerate(zip(lines, times, strict=True)):
            message = (len(rows.messages) + 1, plan.ticket_id, line.author, int(line.is_note),
                       moment, line.html, text.preview(line.html))  # fmt: skip
            rows.messages.append(message)
            kinds = line.kinds
            if position > 0 and not line.is_note:
                kind = plan.reply_files.get(reply_index)
                kinds = (kind,) if kind else ()
                reply_index += 1
            add_files(rows, self.rng, plan.ticket_id, message, kinds)
            has_files = has_files or bool(kinds)
        return has_files

    def _ticket_row(
        self, plan: Plan, agent_times: list[int], user_times: list[int], has_files: bool
    ) -> tuple[Any, ...]:
        rng, customer, agent = self.rng, plan.customer, plan.agent
        status, hidden = statuses.split(plan.code)
        closed = status in ("resolved", "archived")
        resolved = min(self.now - 30, max(agent_times + user_times) + rng.randint(3600, 3 * DAY))
        last_change = resolved if closed else max(agent_times + user_times)
        org = customer["organization"]
        labels = set(plan.scenario.labels) | ({"vip"} if org in VIP_ORGANIZATIONS else set())
        team = self.agents[agent]["team_id"] if agent else None
        if team is None and rng.random() < 0.5:
            team = _TEAM_OF_DEPARTMENT[plan.scenario.department]
        ref, auth = text.make_ref(rng), text.make_code(rng)
        urgency = rng.randint(*plan.scenario.urgency)
        row = {
            "id": plan.ticket_id, "ref": ref, "auth": auth,
            "subject": plan.scenario.subject, "original_subject": plan.scenario.subject,
            "status": status, "hidden_status": hidden, "is_hold": int(plan.is_hold),
            "person": customer["id"], "person_email": customer["email"], "agent": agent,
            "agent_team": team, "department": plan.scenario.department, "organization": org,
            "urgency": urgency, "priority": ticket_priority(self.extra, urgency),
            "labels": labels_json(sorted(labels)), "fields": self._fields(plan),
            "creation_system": rng.choice(("gateway.email", "gateway.email", "web.portal")),
            "has_attachments": int(has_files), "worst_sla_status": plan.sla,
            "locked_by_agent": plan.locked_by,
            "date_locked": self._locked_at(plan),
            "date_created": plan.when, "date_status": last_change,
            "date_resolved": resolved if closed else None,
            "date_first_agent_assign": plan.when + rng.randint(60, 7200) if agent else None,
            "date_first_agent_reply": min(agent_times, default=None),
            "date_last_agent_reply": max(agent_times, default=None),
            "date_last_user_reply": max(user_times, default=None),
            "date_last_reply": max(agent_times + user_times),
            "date_on_hold": last_change if plan.is_hold else None,
            "count_agent_replies": len(agent_times), "count_user_replies": len(user_times),
        }  # fmt: skip
        return tuple(row[column] for column in TICKET_COLUMNS)

    def _locked_at(self, plan: Plan) -> int | None:
        """Seeded locks are taken at seeding time, so a fresh demo shows them until they
        expire. The dice for an older lock age are still rolled: the rest of the seed stays."""
        if plan.locked_by is None:
            return None
        self.rng.randint(60, 1800)
        return self.now

    def _fields(self, plan: Plan) -> str:
        """Custom field values (JSON), shaped `{"7": {"aliases": [], "value": ...}}`."""
        values = ticket_values(self.rng, self.extra, plan.scenario.department, plan.when)
        return json.dumps(values)


def seed_hand_shaped(db: Database, seed: int, now: int) -> None:
    Seeder(db, seed, now).run()
