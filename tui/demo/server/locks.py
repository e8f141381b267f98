"""Ticket locks as the API serves them: a lock expires, as Deskpro's own do.

A lock is stored with the agent and the time it was taken; one older than `LOCK_SECONDS`
is served as no lock (`locked_by_agent` and `date_locked` null), so an agent who closed
the app without unlocking blocks no one for long. Locking a ticket another agent holds
takes the lock over (the lock is a collision hint, never a gate); unlocking clears it
whoever holds it.
"""

from __future__ import annotations

from typing import Any

LOCK_SECONDS = 1800


def current(row: Any, now: int) -> tuple[int | None, int | None]:
    """(agent, date locked) of the ticket row's lock, or (None, None) if none or expired."""
    agent, since = row["locked_by_agent"], row["date_locked"]
    if agent is None or since is None or now - since > LOCK_SECONDS:
        return None, None
    return agent, since
