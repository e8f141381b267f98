"""Ticket priorities and custom fields: their definitions (fixed ids, whatever the seed) and
the values seeded tickets carry.

Choice ids are `field id * 100 + n`, so they never collide across fields. Values follow
Deskpro's shapes: choice and multichoice values are lists of choice ids, a toggle is a bool,
a date is `YYYY-MM-DD`, text is a string.
"""

from __future__ import annotations

import json
import random
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from tui.demo.dates import DAY
from tui.demo.db import Database

# id: (title, display order)
PRIORITIES = {1: ("Low", 10), 2: ("Normal", 20), 3: ("High", 30), 4: ("Critical", 40)}

PRODUCT_FIELD = 7
ORDER_NUMBER_FIELD = 8
ESCALATED_FIELD = 9
RENEWAL_DATE_FIELD = 10
AFFECTED_AREAS_FIELD = 11
LEGACY_FIELD = 12  # disabled: kept for old tickets, hidden from forms


@dataclass(frozen=True)
class CustomField:
    title: str
    description: str
    widget_type: str
    choices: tuple[str, ...] = ()
    default_value: Any = None
    is_enabled: bool = True
    # A rule only the server knows (as an admin's regex on a text field): what it refuses.
    pattern: str | None = None
    pattern_message: str | None = None

    def choice_ids(self, field_id: int) -> tuple[int, ...]:
        return tuple(field_id * 100 + n for n in range(1, len(self.choices) + 1))


CUSTOM_FIELDS: dict[int, CustomField] = {
    PRODUCT_FIELD: CustomField(
        "Product", "Which product the question is about", "choice",
        ("Cloud", "On-premise", "Mobile app", "Reporting add-on"),
    ),
    ORDER_NUMBER_FIELD: CustomField("Order number", "For billing questions", "text",
                                    pattern=r"ORD-\d{5}",
                                    pattern_message="Order numbers look like ORD-12345."),
    ESCALATED_FIELD: CustomField("Escalated", "Passed to the escalations team", "toggle",
                                 default_value=False),
    RENEWAL_DATE_FIELD: CustomField("Renewal date", "When the customer's contract renews", "date"),
    AFFECTED_AREAS_FIELD: CustomField(
        "Affected areas", "Which parts of the product are affected", "multichoice",
        ("Login", "Reports", "Notifications", "Billing", "API"),
    ),
    LEGACY_FIELD: CustomField("Legacy CRM id", "From the old CRM; no longer used", "text",
                              is_enabled=False),
}  # fmt: skip


def insert_lookups(db: Database) -> None:
    db.executemany(
        "INSERT INTO ticket_priorities (id, title, display_order) VALUES (?, ?, ?)",
        [(i, title, order) for i, (title, order) in PRIORITIES.items()],
    )
    rows = []
    for order, (i, spec) in enumerate(CUSTOM_FIELDS.items()):
        ids = spec.choice_ids(i)
        choices = [{"id": c, "title": t} for c, t in zip(ids, spec.choices, strict=True)]
        rows.append(
            (i, spec.title, spec.description, spec.widget_type, json.dumps(choices),
             json.dumps(spec.default_value), int(spec.is_enabled), order, spec.pattern,
             spec.pattern_message)
        )  # fmt: skip
    db.executemany(
        "INSERT INTO ticket_custom_fields (id, title, description, widget_type, choices,"
        " default_value, is_enabled, display_order, pattern, pattern_message)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows,
    )


def _value(value: Any) -> dict[str, Any]:
    return {"aliases": [], "value": value}


def ticket_values(
    rng: random.Random, extra: random.Random, department: int, created: int
) -> dict[str, Any]:
    """A seeded ticket's `fields`. `rng` draws exactly what older seeds drew (product, order
    number), so the rest of the seed is unchanged; the newer fields come from `extra`."""
    values: dict[str, Any] = {}
    if rng.random() < 0.6:
        product = rng.choice(CUSTOM_FIELDS[PRODUCT_FIELD].choice_ids(PRODUCT_FIELD))
        values[str(PRODUCT_FIELD)] = _value([product])
    if department == 3:
        values[str(ORDER_NUMBER_FIELD)] = _value(f"ORD-{rng.randint(10000, 99999)}")
    if extra.random() < 0.5:
        values[str(ESCALATED_FIELD)] = _value(extra.random() < 0.3)
    if department in (2, 5) or extra.random() < 0.15:
        renews = datetime.fromtimestamp(created + extra.randint(30, 400) * DAY, UTC)
        values[str(RENEWAL_DATE_FIELD)] = _value(renews.strftime("%Y-%m-%d"))
    if extra.random() < 0.4:
        areas = CUSTOM_FIELDS[AFFECTED_AREAS_FIELD].choice_ids(AFFECTED_AREAS_FIELD)
        values[str(AFFECTED_AREAS_FIELD)] = _value(sorted(extra.sample(areas, extra.randint(1, 3))))
    if extra.random() < 0.1:
        values[str(LEGACY_FIELD)] = _value(f"CRM-{extra.randint(1000, 9999)}")
    return values


def ticket_priority(extra: random.Random, urgency: int) -> int | None:
    """Most tickets carry a priority, roughly in line with their urgency."""
    if extra.random() < 0.2:
        return None
    return min(4, 1 + urgency // 3)
