"""`--simulate-activity SECONDS`: a helpdesk that lives while one watches it.

Every SECONDS one thing happens, chosen with a `random.Random` seeded from the config's
seed: a requester replies on one of the key agent's active tickets, a colleague assigns
an unassigned ticket to the key agent, or a customer opens a new ticket, assigned to the
key agent. Each goes through the API's own writes, so statuses, dates and counters move
exactly as they do when the API is used.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from string import Template
from typing import Any

from tui.demo import facts, statuses
from tui.demo.dates import now_ts
from tui.demo.db import Database
from tui.demo.seed.builder import Party, fill
from tui.demo.seed.conversations import BILLING, SUPPORT
from tui.demo.seed.people import customer_directory
from tui.demo.server import repo, writes
from tui.demo.server.validate import MessageSpec

log = logging.getLogger("tui.demo.activity")
_ACTIVE = statuses.ACTIVE
_IN_ACTIVE = f"status IN ({repo.marks(_ACTIVE)})"
_NEW_TICKETS = [s for s in SUPPORT + BILLING if not s.attachments]  # no files to promise
_FOLLOW_UPS = (
    "<p>Hi,</p><p>Just checking in: is there any news on this? It's still happening on "
    "our side.</p><p>Thanks,<br>$first</p>",
    "<p>Hello again,</p><p>I tried what you suggested but no luck, same result as before. "
    "Anything else I can try?</p><p>$first</p>",
    "<p>Quick update: this started again this morning for two more people in my team. "
    "Could someone take a look today, please?</p><p>Regards,<br>$first</p>",
    "<p>Hi, sorry, one more thing I forgot to mention: it only seems to happen when we're "
    "on the VPN.</p><p>$first</p>",
    "<p>Thanks for the quick answer! That fixed it for me, but my colleague still sees "
    "the old behaviour. Should she do the same?</p><p>Best,<br>$first</p>",
)


def _name(row: Any) -> str:
    return f"{row['first_name']} {row['last_name']}".strip()


def requester_replies(db: Database, rng: random.Random, now: int, key_agent: int) -> str | None:
    """A requester chases one of the key agent's active tickets (→ awaiting_agent)."""
    tickets = db.rows(
        f"SELECT * FROM tickets WHERE agent = ? AND {_IN_ACTIVE} ORDER BY id", (key_agent, *_ACTIVE)
    )
    if not tickets:
        return None
    ticket = rng.choice(tickets)
    person = repo.person(db, ticket["person"])
    html = Template(rng.choice(_FOLLOW_UPS)).safe_substitute(first=person["first_name"])
    writes.add_message(db, ticket, MessageSpec(html), ticket["person"], now)
    return f"{_name(person)} replied on #{ticket['id']} {ticket['subject']!r}"


def colleague_assigns(db: Database, rng: random.Random, now: int, key_agent: int) -> str | None:
    """Another agent hands an unassigned active ticket to the key agent."""
    tickets = db.rows(
        f"SELECT * FROM tickets WHERE agent IS NULL AND {_IN_ACTIVE} ORDER BY id", _ACTIVE
    )
    colleagues = db.rows(
        "SELECT * FROM people WHERE is_agent = 1 AND is_disabled = 0 AND id != ? ORDER BY id",
        (key_agent,),
    )
    if not tickets or not colleagues:
        return None
    ticket, colleague = rng.choice(tickets), rng.choice(colleagues)
    writes.update_ticket(db, ticket, {"agent": key_agent}, now)
    to = _name(repo.person(db, key_agent))
    return f"{_name(colleague)} assigned #{ticket['id']} {ticket['subject']!r} to {to}"


def new_ticket_arrives(db: Database, rng: random.Random, now: int, key_agent: int) -> str:
    """A known customer writes in; the ticket lands in the key agent's "My tickets"."""
    customer = rng.choice(list(customer_directory().values()))
    scenario = rng.choice(_NEW_TICKETS)
    values = {
        "subject": scenario.subject, "agent": key_agent, "department": scenario.department,
        "urgency": rng.randint(*scenario.urgency), "labels": list(scenario.labels),
        "creation_system": "gateway.email",
    }  # fmt: skip
    opening = MessageSpec(fill(scenario.opening, Party(customer, None)))
    writes.remember_labels(db, values["labels"])
    ticket_id = writes.create_ticket(db, customer["id"], opening, values, key_agent, now)
    who = _name(repo.person(db, customer["id"]))
    return f"{who} opened #{ticket_id} {scenario.subject!r}"


_EVENTS = ((requester_replies, 5), (colleague_assigns, 2), (new_ticket_arrives, 3))


def simulate_once(
    db: Database, rng: random.Random, now: int, key_agent: int = facts.ADMIN_ID
) -> str:
    """Make one thing happen at `now` and say what (a new ticket when the one drawn has
    nothing to act on)."""
    event = rng.choices([e for e, _w in _EVENTS], [w for _e, w in _EVENTS])[0]
    with db.transaction():
        return event(db, rng, now, key_agent) or new_ticket_arrives(db, rng, now, key_agent)


async def run(db: Database, every: float, rng: random.Random, key_agent: int) -> None:
    """Forever: wait `every` seconds, then make one thing happen (a failure is logged)."""
    while True:
        await asyncio.sleep(every)
        try:
            what = simulate_once(db, rng, now_ts(), key_agent)
        except Exception:
            log.exception("simulated activity failed")
        else:
            log.info("activity: %s", what)


def lifespan(db: Database, every: float | None, seed: int, key_agent: int) -> Callable[[Any], Any]:
    """The app's lifespan: with `every`, the activity runs while the server does and is
    cancelled when it shuts down."""

    @asynccontextmanager
    async def span(_app: Any) -> AsyncIterator[None]:
        if every is None:
            yield
            return
        task = asyncio.create_task(run(db, every, random.Random(seed), key_agent))
        try:
            yield
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task

    return span
