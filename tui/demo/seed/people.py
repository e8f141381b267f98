"""The helpdesk's directory: agents, teams, departments, organizations, customers, labels
and ticket filters. Fixed data, the same whatever the seed, so ids can be relied on."""

from __future__ import annotations

import json
import unicodedata
from typing import Any

from tui.demo.dates import DAY
from tui.demo.db import Database
from tui.demo.seed.fields import insert_lookups
from tui.demo.seed.snippets import insert_snippets

AGENT_DOMAIN = "helpdesk.example.com"

TEAMS = {1: "Tier 1 Support", 2: "Escalations", 3: "Billing Team", 4: "Sales", 5: "Onboarding"}

# id: (first name, last name, teams, is admin). Admin, Agent and Alesia Burvin keep the ids
# of Deskpro's article; Irene Adler sits on the last page of /agents.
AGENTS: dict[int, tuple[str, str, tuple[int, ...], bool]] = {
    1: ("Admin", "", (1, 2), True),
    3: ("Athelney", "Jones", (2,), False),
    5: ("Chris", "Padfield", (1,), False),
    8: ("Greg", "Lestrade", (2,), True),
    12: ("Hannah", "Scott", (3,), False),
    15: ("Priya", "Natarajan", (1, 5), False),
    17: ("Tomás", "Herrera", (1,), False),
    21: ("Mei", "Lin", (3,), False),
    24: ("Oluwaseun", "Adeyemi", (2,), False),
    28: ("Sofia", "Rossi", (4,), False),
    31: ("Lars", "Eriksson", (1,), False),
    36: ("Ana", "Petrović", (5,), False),
    42: ("Agent", "", (1,), False),
    47: ("Kenji", "Watanabe", (2,), False),
    53: ("Fatima Zahra", "Benali", (3,), False),
    58: ("Jonas", "Becker", (4,), False),
    64: ("Chloé", "Martin", (1,), False),
    69: ("Ravi", "Kapoor", (2, 5), False),
    77: ("Alesia", "Burvin", (1, 3), False),
    83: ("Emily", "Carter", (4,), False),
    88: ("Marcus", "Johnson", (1,), False),
    94: ("Nadia", "Haddad", (5,), False),
    96: ("Liam", "O'Connor", (2,), False),
    98: ("Zoë", "Schmidt", (1,), False),  # disabled: left the company
    99: ("Mycroft", "Holmes", (2,), True),
    305: ("Mary", "Morstan", (3,), False),
    311: ("Irene", "Adler", (2, 4), False),
}
DISABLED_AGENTS = {98}

# id: (title, user-facing title, parent)
DEPARTMENTS = {
    1: ("Support", "Support", None),
    2: ("Sales", "Sales", None),
    3: ("Billing", "Billing", None),
    4: ("Hardware", "Printers & Hardware", 1),
    5: ("Renewals", "Renewals", 2),
}

# id: (name, email domain)
ORGANIZATIONS = {
    1: ("Globex Corporation", "globex.example"),
    2: ("Initech", "initech.example"),
    3: ("Umbrella Health", "umbrella-health.example"),
    4: ("Stark Logistics", "starklogistics.example"),
    5: ("Wayne Foundation", "wayne.example"),
    6: ("Tyrell Systems", "tyrell.example"),
    7: ("Soylent Foods", "soylent.example"),
    8: ("Hooli", "hooli.example"),
    9: ("Baker Street Irregulars Ltd", "bakerstreet.example"),
    10: ("Nakatomi Trading", "nakatomi.example"),
}
VIP_ORGANIZATIONS = {1, 5}

# "First Last|organization id" (0: a private customer with a personal address).
_CUSTOMERS = """
Joanna Whitfield|1, Derek Osei|1, Samantha Reyes|1, Bill Lumbergh|2, Peter Gibbons|2,
Milton Waddams|2, Samir Nagheenanajar|2, Alice Marlowe|3, Dr. Rupert Vance|3, Grace Okafor|3,
Tony Carver|4, Pepper Hale|4, Happy Hogarth|4, Lucius Fairbanks|5, Selina Kerrigan|5,
Alfred Pennington|5, Eldon Tyrell|6, Rachael Rosen|6, Roy Batty|6, Sol Roth|7, Shirley Kahn|7,
Gavin Belson|8, Monica Hall|8, Jared Dunn|8, Wiggins Carter|9, Martha Hudson|9,
Tobias Gregson|9, Yamada Taro|10, Wang Fang|10, Holly Gennaro|10, Léa Fontaine|0,
Björn Lindqvist|0, Aisha Bello|0, Mateo García|0, Olivia Brown|0, Noah Wilson|0,
Chiara Bianchi|0, Arjun Mehta|0, Sinéad Kelly|0, Dmitri Volkov|0, Hana Kobayashi|0,
Kwame Mensah|0, Emma Johansson|0, Lucas Moreau|0, Isabela Costa|0, Omar Farouk|0,
Ingrid Nilsen|0, Tom O'Reilly|0, Zainab Hussain|0, Jack Thompson|0, Priscilla Owusu|0,
Felix Wagner|0, Maya Patel|0, Diego Fernández|0
"""
CUSTOMER_ID_START = 100


def customers() -> list[tuple[int, str, str, int | None]]:
    """(id, first name, last name, organization) for every customer, ids from 100."""
    result: list[tuple[int, str, str, int | None]] = []
    for index, entry in enumerate(_CUSTOMERS.split(",")):
        name, org = entry.strip().split("|")
        first, _, last = name.rpartition(" ")
        result.append((CUSTOMER_ID_START + index, first, last, int(org) or None))
    return result


LABELS = (
    "vip", "billing", "bug", "feature-request", "refund", "printer", "onboarding", "outage",
    "security", "invoice", "password-reset", "integration", "api", "mobile",
)  # fmt: skip


def _term(kind: str, op: str, value: object) -> dict[str, object]:
    return {"type": kind, "op": op, "options": {kind: value}}


# id: (title, sys_name, display order, terms, filter set). Agent/team -1 means "me"/"my teams".
FILTERS = {
    1: ("My tickets", "agent", 0, [_term("agent", "is", -1)], 1),
    2: ("My team's tickets", "agent_team", 1, [_term("agent_team", "is", -1)], 1),
    3: ("Unassigned", "unassigned", 2, [_term("agent", "is", 0)], 1),
    4: ("All tickets", "all", 3, [], 1),
    10: ("VIP customers", None, 10, [_term("labels", "contains", ["vip"])], 2),
    11: ("Urgent", None, 11, [_term("urgency", "gte", 8)], 2),
    12: ("Billing queue", None, 12, [_term("department", "is", 3)], 2),
    13: ("On hold", None, 13, [_term("is_hold", "is", 1)], 2),
}


def email_for(first: str, last: str, domain: str) -> str:
    local = f"{first}.{last}" if last else first
    ascii_local = unicodedata.normalize("NFKD", local).encode("ascii", "ignore").decode()
    cleaned = "".join(c for c in ascii_local.lower().replace(" ", ".") if c.isalnum() or c == ".")
    return f"{cleaned.strip('.')}@{domain}"


def insert_directory(db: Database, now: int) -> None:
    """Everything but tickets (snippets too), dated well before the oldest seeded ticket."""
    since = now - 400 * DAY
    db.executemany(
        "INSERT INTO organizations (id, name, date_created) VALUES (?, ?, ?)",
        [(i, name, since + i * DAY) for i, (name, _domain) in ORGANIZATIONS.items()],
    )
    db.executemany("INSERT INTO agent_teams (id, name) VALUES (?, ?)", TEAMS.items())
    db.executemany(
        "INSERT INTO departments (id, title, user_title, parent, display_order)"
        " VALUES (?, ?, ?, ?, ?)",
        [(i, t, u, p, i) for i, (t, u, p) in DEPARTMENTS.items()],
    )
    people = []
    for i, (first, last, teams, admin) in AGENTS.items():
        email = email_for(first, last, AGENT_DOMAIN)
        online = int(i % 3 != 0 and i not in DISABLED_AGENTS)
        people.append(
            (i, first, last, email, 1, int(admin), None, since, int(i in DISABLED_AGENTS),
             online, now - (i % 17) * 3600, json.dumps(list(teams)), teams[0])
        )  # fmt: skip
    for i, first, last, org in customers():
        domain = ORGANIZATIONS[org][1] if org else "mail.example"
        email = email_for(first.removeprefix("Dr. "), last, domain)
        people.append((i, first, last, email, 0, 0, org, since + i * 3600, 0, 0, None, "[]", None))
    db.executemany(
        "INSERT INTO people (id, first_name, last_name, primary_email, is_agent, can_admin,"
        " organization, date_created, is_disabled, online, last_seen, teams, primary_team)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        people,
    )
    db.executemany("INSERT INTO labels (label) VALUES (?)", [(label,) for label in LABELS])
    insert_lookups(db)
    insert_snippets(db)
    db.executemany(
        "INSERT INTO ticket_filters (id, title, sys_name, display_order, terms, filter_set)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [(i, t, s, o, json.dumps(terms), fs) for i, (t, s, o, terms, fs) in FILTERS.items()],
    )


def agent_directory() -> dict[int, dict[str, Any]]:
    """Agents by id, with what conversations need: first name, full name, team."""
    return {
        i: {
            "id": i,
            "first_name": first,
            "name": f"{first} {last}".strip(),
            "team": TEAMS[teams[0]],
            "team_id": teams[0],
        }
        for i, (first, last, teams, _admin) in AGENTS.items()
    }


def customer_directory() -> dict[int, dict[str, Any]]:
    """Customers by id, with their email and organization name."""
    result = {}
    for i, first, last, org in customers():
        domain = ORGANIZATIONS[org][1] if org else "mail.example"
        result[i] = {
            "id": i,
            "first_name": first.removeprefix("Dr. "),
            "email": email_for(first.removeprefix("Dr. "), last, domain),
            "organization": org,
            "org_name": ORGANIZATIONS[org][0] if org else None,
        }
    return result
