"""Fixtures for Pilot tests: the real app over a real client against the demo helpdesk."""

from __future__ import annotations

import asyncio
import io
import unicodedata
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.keys import REPLACED_KEYS, _character_to_key, _get_unicode_name_from_key
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Static

from tui.api import DeskproClient, Ticket
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.queues import QueuesScreen
from tui.state import HelpdeskService, QueueCache

FIXED_NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def make_service(server: DemoServer, cached_in: Path | None = None) -> HelpdeskService:
    """A service of the demo helpdesk; with `cached_in`, keeping its queue cache there."""
    client = DeskproClient(server.url, server.api_key)
    cache = QueueCache(cached_in, client.helpdesk_url) if cached_in else None
    service = HelpdeskService(client, cache=cache)
    service.label = "demo helpdesk"
    return service


@pytest.fixture
def service(demo_server: DemoServer) -> HelpdeskService:
    return make_service(demo_server)


@pytest.fixture
def app(service: HelpdeskService) -> DeskproApp:
    return DeskproApp(service)


async def until(
    pilot: Pilot[object], check: Callable[[], object], what: str, timeout: float = 15.0
) -> None:
    """Let the app run until `check()` is true; fail with `what` if it never becomes so."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        await pilot.pause(0.02)


async def queue_loaded(pilot: Pilot[object]) -> QueuesScreen:
    screen = pilot.app.screen
    assert isinstance(screen, QueuesScreen)
    await until(
        pilot,
        lambda: (
            screen.browser.view is not None
            and screen.browser.view.loaded
            and screen.browser.ticket_list.row_count > 0
        ),
        "the first queue's rows",
    )
    # The rows come first; the lookups (agents, filters, statuses) just after them.
    await until(pilot, lambda: screen.started, "agents, filters and statuses")
    return screen


def plain_text(widget: Static, width: int = 200) -> str:
    """What a Static shows, as plain text (rendered by Rich, styles dropped)."""
    console = Console(width=width, record=True, file=io.StringIO(), color_system=None)
    console.print(widget.content)
    return console.export_text()


class Notices:
    """Every notification the app shows (caught as a message hook of `run_test`)."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.titles: list[str] = []

    def __call__(self, message: Message) -> None:
        notification = getattr(message, "notification", None)
        if notification is not None:
            self.texts.append(str(notification.message))
            self.titles.append(str(notification.title))


CreateTicket = Callable[..., Awaitable[Ticket]]


@pytest.fixture
def create_ticket(demo_server: DemoServer) -> CreateTicket:
    """Make a ticket of the test's own over the API (tests never change seeded ones)."""

    async def create(subject: str = "Pilot test ticket", **fields: object) -> Ticket:
        async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
            fields.setdefault("person", "pilot.tester@example.com")
            fields.setdefault("message", "<p>Hello from a test.</p>")
            return await dp.create_ticket(subject=subject, **fields)  # type: ignore[arg-type]

    return create


def key_event(key: str) -> events.Key:
    """The event a terminal sends for `key` (as Pilot builds it)."""
    if len(key) == 1 and not key.isalnum():
        key = _character_to_key(key)
    try:
        char = unicodedata.lookup(_get_unicode_name_from_key(REPLACED_KEYS.get(key, key)))
    except KeyError:
        char = key if len(key) == 1 else None
    return events.Key(key, char)


async def burst(pilot: Pilot[object], *keys: str | events.Key) -> None:
    """Keys that arrive together, as in one read over SSH or tmux: all are queued before
    the first is handled. Returns once every one of them has taken effect."""
    app = pilot.app
    key_order = app.key_order  # type: ignore[attr-defined]
    expected = key_order.received + len(keys)
    for key in keys:
        app.post_message(key if isinstance(key, events.Key) else key_event(key))
    await until(
        pilot, lambda: key_order.received == expected and key_order.idle, "the keys handled"
    )
    await pilot.pause()


async def typed(pilot: Pilot[object], text: str) -> None:
    """`text` arriving in one burst, a key a character (as `tmux send-keys -l` sends it)."""
    await burst(pilot, *text)
