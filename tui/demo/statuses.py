"""Ticket statuses as `/ticket_statuses` lists them, and which of them are active."""

from __future__ import annotations

ACTIVE = ("live", "awaiting_agent", "awaiting_user", "pending")
INACTIVE = ("resolved", "archived", "hidden")

# (status_code, status_type, title), in the order the helpdesk shows them.
STATUSES: tuple[tuple[str, str, str], ...] = (
    ("live", "live", "Live"),
    ("awaiting_agent", "awaiting_agent", "Awaiting Agent"),
    ("awaiting_user", "awaiting_user", "Awaiting User"),
    ("pending", "pending", "Pending"),
    ("resolved", "resolved", "Resolved"),
    ("archived", "archived", "Archived"),
    ("hidden", "hidden", "Hidden"),
    ("hidden.spam", "hidden", "Spam"),
    ("hidden.deleted", "hidden", "Deleted"),
    ("hidden.validating", "hidden", "Validating"),
)
CODES = frozenset(code for code, _type, _title in STATUSES)


def split(code: str) -> tuple[str, str | None]:
    """`hidden.spam` → (`hidden`, `spam`); `resolved` → (`resolved`, None)."""
    status, _, sub = code.partition(".")
    return status, sub or None


def join(status: str, hidden_status: str | None) -> str:
    return f"{status}.{hidden_status}" if hidden_status else status
