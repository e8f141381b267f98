"""The bottom line: helpdesk, who you are, connection state, last refresh, marks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from tui.state import ConnectionStatus
from tui.text import relative_time, safe

STATE_LABELS = {
    "connecting": "connecting…",
    "online": "online",
    "retrying": "retrying",
    "offline": "offline",
    "rate_limited": "rate-limited",
}


class StatusBar(Static):
    status: reactive[ConnectionStatus] = reactive(ConnectionStatus, always_update=True)
    marked: reactive[int] = reactive(0)
    helpdesk: reactive[str] = reactive("")
    agent: reactive[str] = reactive("")
    note: reactive[str] = reactive("")
    queue: reactive[str] = reactive("")  # the queue shown, with its count

    def __init__(self, clock: Callable[[], datetime] | None = None, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.clock = clock or (lambda: datetime.now(UTC))

    def on_mount(self) -> None:
        self.set_interval(15, self.refresh)  # keeps "refreshed 2m ago" true

    def render(self) -> Text:
        status = self.status
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.queue:  # first: at 80 columns the sidebar that names it is folded away
            text.append(f" {safe(self.queue)} ", "reverse")
        text.append(f" {safe(self.helpdesk)} ", "bold")
        if self.agent:
            text.append(f"as {safe(self.agent)}  ")
        label = STATE_LABELS.get(status.state, status.state)
        text.append(f"[{label}]", self._state_style(status))
        if status.state == "rate_limited" and status.rate_limited_until:
            wait = max(0, int((status.rate_limited_until - self.clock()).total_seconds()))
            text.append(f" refresh paused {wait}s")
        elif status.detail and status.state != "online":
            text.append(f" {safe(status.detail, max_len=80)}")
        if status.last_refresh:
            text.append(f"  refreshed {relative_time(status.last_refresh, self.clock())}")
        if self.marked:
            text.append(f"  {self.marked} marked", "bold")
        if self.note:
            text.append(f"  {safe(self.note, max_len=60)}", "italic")
        return text

    @staticmethod
    def _state_style(status: ConnectionStatus) -> str:
        return {
            "online": "green",
            "offline": "bold red",
            "rate_limited": "bold yellow",
            "retrying": "yellow",
        }.get(status.state, "")
