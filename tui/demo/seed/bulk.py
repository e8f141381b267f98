"""`--tickets N`: N generated tickets for scale tests (100,000 in a few seconds).

Same directory as the hand-shaped seed; each ticket gets its opening message and, when an
agent has answered, one reply. Rows are built as tuples and written with one executemany
per table inside a single transaction.
"""

from __future__ import annotations

import random
from functools import cache

from tui.demo import statuses, text
from tui.demo.dates import DAY
from tui.demo.db import Database
from tui.demo.seed.builder import INSERT_MESSAGE, INSERT_TICKET, TICKET_COLUMNS, labels_json
from tui.demo.seed.conversations import BILLING, SUPPORT
from tui.demo.seed.hand_shaped import RECENT
from tui.demo.seed.people import (
    DISABLED_AGENTS,
    agent_directory,
    customer_directory,
    insert_directory,
)
from tui.demo.seed.scenario import Scenario

_CODES = ("awaiting_agent", "awaiting_user", "pending", "live", "resolved", "archived",
          "hidden.spam", "hidden.deleted")  # fmt: skip
_RECENT = (34, 30, 8, 3, 20, 0, 3, 2)
_OLD = (6, 6, 3, 0, 55, 25, 3, 2)
_SCENARIOS = SUPPORT + BILLING


@cache
def _bodies(scenario_index: int, first_name: str) -> tuple[str, str, str, str]:
    """(opening, its preview, first agent reply, its preview) for one customer's name."""
    scenario: Scenario = _SCENARIOS[scenario_index]
    opening = scenario.opening.replace("$customer", first_name).replace("$org", "our team")
    reply = (scenario.replies or ("<p>Thanks, we're looking into it.</p>",))[0]
    reply = reply.replace("$customer", first_name)
    return opening, text.preview(opening), reply, text.preview(reply)


def seed_bulk(db: Database, count: int, seed: int, now: int) -> None:
    rng = random.Random(seed)
    insert_directory(db, now)
    agents = [i for i in agent_directory() if i not in DISABLED_AGENTS]
    customers = list(customer_directory().values())
    created = sorted(now - rng.randint(3600, 180 * DAY) for _ in range(count))
    recent_codes = rng.choices(_CODES, _RECENT, k=count)
    old_codes = rng.choices(_CODES, _OLD, k=count)
    refs: set[str] = set()
    tickets, messages = [], []
    for index, when in enumerate(created):
        ticket_id = index + 1
        code = recent_codes[index] if now - when < RECENT else old_codes[index]
        status, hidden = statuses.split(code)
        scenario_index = rng.randrange(len(_SCENARIOS))
        scenario = _SCENARIOS[scenario_index]
        customer = customers[rng.randrange(len(customers))]
        agent = None if code in ("live", "hidden.spam") else agents[rng.randrange(len(agents))]
        opening, opening_text, reply, reply_text = _bodies(scenario_index, customer["first_name"])
        messages.append((len(messages) + 1, ticket_id, customer["id"], 0, when, opening,
                         opening_text))  # fmt: skip
        answered = agent is not None and code not in ("awaiting_agent", "live")
        replied_at = min(now - 60, when + rng.randint(600, 2 * DAY))
        if answered:
            messages.append((len(messages) + 1, ticket_id, agent, 0, replied_at, reply,
                             reply_text))  # fmt: skip
        last = replied_at if answered else when
        closed = status in ("resolved", "archived")
        ref = text.make_ref(rng)
        while ref in refs:
            ref = text.make_ref(rng)
        refs.add(ref)
        row = {
            "id": ticket_id, "ref": ref, "auth": text.make_code(rng),
            "subject": scenario.subject, "original_subject": scenario.subject,
            "status": status, "hidden_status": hidden, "is_hold": 0,
            "person": customer["id"], "person_email": customer["email"], "agent": agent,
            "agent_team": None, "department": scenario.department,
            "organization": customer["organization"],
            "urgency": rng.randint(*scenario.urgency), "priority": None, "fields": "{}",
            "labels": labels_json(list(scenario.labels)),
            "creation_system": "gateway.email", "has_attachments": 0, "worst_sla_status": None,
            "locked_by_agent": None, "date_locked": None, "date_created": when,
            "date_status": last, "date_resolved": last if closed else None,
            "date_first_agent_assign": when if agent else None,
            "date_first_agent_reply": replied_at if answered else None,
            "date_last_agent_reply": replied_at if answered else None,
            "date_last_user_reply": when, "date_last_reply": last, "date_on_hold": None,
            "count_agent_replies": int(answered), "count_user_replies": 1,
        }  # fmt: skip
        tickets.append(tuple(row[column] for column in TICKET_COLUMNS))
    db.executemany(INSERT_TICKET, tickets)
    db.executemany(INSERT_MESSAGE, messages)
