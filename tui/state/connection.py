"""The link to the helpdesk as the status bar shows it: online, retrying, offline, limited."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal

from tui.state.observable import Observable

State = Literal["connecting", "online", "retrying", "offline", "rate_limited"]


@dataclass(frozen=True)
class ConnectionStatus:
    state: State = "connecting"
    detail: str = ""
    last_refresh: datetime | None = None
    rate_limited_until: datetime | None = None

    @property
    def paused(self) -> bool:
        """Background refresh waits while rate-limited, so it never hammers the server."""
        until = self.rate_limited_until
        return until is not None and until > datetime.now(UTC)


class ConnectionTracker(Observable[ConnectionStatus]):
    def __init__(self) -> None:
        super().__init__()
        self.status = ConnectionStatus()

    def _set(self, status: ConnectionStatus) -> None:
        if status != self.status:
            self.status = status
            self.notify(status)

    def online(self, refreshed: bool = False) -> None:
        now = datetime.now(UTC)
        last = now if refreshed else self.status.last_refresh
        self._set(ConnectionStatus("online", "", last, None))

    def retrying(self, detail: str) -> None:
        self._set(replace(self.status, state="retrying", detail=detail))

    def offline(self, detail: str) -> None:
        self._set(replace(self.status, state="offline", detail=detail))

    def rate_limited(self, retry_after: float | None) -> None:
        wait = retry_after if retry_after is not None else 60.0
        until = datetime.now(UTC) + timedelta(seconds=wait)
        self._set(replace(self.status, state="rate_limited", detail="", rate_limited_until=until))
