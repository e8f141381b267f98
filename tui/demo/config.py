"""Options of one demo helpdesk, shared by the CLI, `DemoServer` and the app factory."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

DEFAULT_API_KEY = "1:DEMOK3Y7Q4M2X9R5T8W3Z6N"
"""The demo's fixed key. Its context agent is Admin (person 1), who has tickets assigned."""

DEFAULT_MAX_UPLOAD_BYTES = 100 * 1024 * 1024


def default_db_path() -> Path:
    """The persistent demo database, so a demo's tickets survive a restart (the same file
    `deskpro-tui --demo` uses, so both show one helpdesk)."""
    from platformdirs import user_data_path

    return user_data_path("deskpro-tui", appauthor=False) / "demo.sqlite3"


@dataclass(frozen=True)
class DemoConfig:
    """Everything that shapes the server's data and behaviour."""

    db: str = ":memory:"
    tickets: int | None = None  # None: the hand-shaped seed; N: N generated tickets
    api_key: str = field(default=DEFAULT_API_KEY, repr=False)  # never in logs or reprs
    # An API key's allow and disallow tags (globs over route tags); disallow wins.
    allow: tuple[str, ...] = ("*",)
    disallow: tuple[str, ...] = ()
    # Endpoints this helpdesk lacks (globs over route tags or API paths): 404, as an older
    # or differently set-up Deskpro answers.
    missing: tuple[str, ...] = ()
    hourly_limit: int | None = None
    retry_after: bool = True  # send Retry-After with the hourly limit's 429
    latency_ms: int = 0
    fail_rate: float = 0.0
    fail_seed: int = 0
    seed: int = 1
    now: datetime | None = None  # anchor of seeded dates; None = the time of seeding
    max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES
    reset: bool = False  # wipe a persistent database and seed it again
    # Every N seconds something happens on the helpdesk (a reply, an assignment, a new
    # ticket) while it runs; see `server/activity.py`. None: nothing does.
    simulate_activity: float | None = None

    @property
    def key_id(self) -> str:
        return self.api_key.split(":", 1)[0]
