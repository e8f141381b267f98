"""The shape of a seeded conversation: a customer's opening message, then alternating
agent and customer replies. `$customer`, `$agent` and `$org` are filled in per ticket."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Scenario:
    subject: str
    department: int
    opening: str  # the customer's first message (HTML)
    replies: tuple[str, ...] = ()  # agent, customer, agent, ... (HTML)
    note: str | None = None  # an internal agent note right after the opening
    labels: tuple[str, ...] = ()
    urgency: tuple[int, int] = (1, 5)
    attachments: tuple[str, ...] = ()  # kinds from seed.files.KINDS, on the opening message
    spam: bool = False
