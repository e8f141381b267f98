"""The link to the helpdesk as the status bar shows it: retrying (with why and when)
while requests are repeated, offline once they are used up, and online again by itself
(the periodic refresh) when the helpdesk is back, with no key pressed."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Callable
from pathlib import Path

from ui.conftest import queue_loaded, until

from tui.api import DeskproClient, RetryPolicy
from tui.app import DeskproApp
from tui.config import Settings
from tui.demo import DemoServer
from tui.demo.config import DEFAULT_API_KEY as DEMO_KEY
from tui.screens.queues import QueuesScreen
from tui.state import ConnectionStatus, HelpdeskService
from tui.widgets.queue_sidebar import QueueSidebar
from tui.widgets.status_bar import StatusBar

from .conftest import patient_service, settled

# Slow enough that "retrying" is on screen for a moment, quick enough for a test.
VISIBLE_RETRIES = RetryPolicy(attempts=3, backoff=0.2, max_backoff=0.4)
REFRESH_SECONDS = 5  # the shortest refresh the settings allow


def bar_text(bar: StatusBar) -> str:
    return bar.render().plain


async def test_offline_while_the_helpdesk_is_gone_then_online_by_itself(
    make_demo_server: Callable[..., DemoServer], tmp_path: Path
) -> None:
    db = str(tmp_path / "helpdesk.sqlite3")
    server = make_demo_server(db=db)
    port = server.port or int(server.url.rsplit(":", 1)[1])
    service = patient_service(server, policy=VISIBLE_RETRIES)
    app = DeskproApp(service, settings=Settings(refresh_seconds=REFRESH_SECONDS))
    seen: list[ConnectionStatus] = []
    service.connection.subscribe(seen.append)
    shown: list[str] = []  # what the bar said at each change of state
    revived: DemoServer | None = None
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        bar = screen.query_one(StatusBar)
        service.connection.subscribe(lambda _s: shown.append(bar_text(bar)))
        await until(pilot, lambda: service.connection.status.state == "online", "online")

        await asyncio.to_thread(server.stop)  # the helpdesk goes away mid-session
        await pilot.press("ctrl+r")
        await until(pilot, lambda: service.connection.status.state == "offline", "offline")
        states = [s.state for s in seen]
        assert "retrying" in states[states.index("online") :]
        retrying = next(s for s in seen if s.state == "retrying")
        assert retrying.detail.endswith("Retrying in 1s.")  # why, and when
        await pilot.pause()
        assert "[offline] Could not connect" in bar_text(bar)
        assert app.is_running  # a state on the bar, not a stack trace
        for group in ("pages", "counts", "poll"):  # nothing left that could bring it back
            await settled(pilot, group)
        assert service.connection.status.state == "offline"

        before = service.connection.status.last_refresh
        try:
            revived = await asyncio.to_thread(DemoServer(db=db, port=port).start)
            # Its first answer says online; the refresh then says when it refreshed.
            await until(
                pilot,
                lambda: (
                    service.connection.status.state == "online"
                    and service.connection.status.last_refresh != before
                ),
                "online again from the periodic refresh alone",
                timeout=REFRESH_SECONDS * 3,
            )
            await pilot.pause()
            assert "[online]" in bar_text(bar) and "refreshed" in bar_text(bar)
        finally:
            if revived is not None:
                await asyncio.to_thread(revived.stop)
    assert any("[retrying]" in text for text in shown)


async def test_server_errors_after_retries_show_offline_not_retrying(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    """Every request failing (502/503/drop): the state must not stay "retrying"."""
    server = make_demo_server(fail_rate=1.0, fail_seed=3)
    service = patient_service(server, policy=RetryPolicy(attempts=2, backoff=0.01))
    try:
        for _ in range(3):  # whichever fault comes last, the end state is offline
            try:
                await service.threads.ticket(1)
            except Exception as exc:
                assert exc.__class__.__name__ in {"ServerError", "DeskproConnectionError"}
            assert service.connection.status.state == "offline"
            assert service.connection.status.detail
    finally:
        await service.client.aclose()


async def test_down_at_start_then_connected_by_itself(tmp_path: Path) -> None:
    """The helpdesk is not there when the app starts: the screen says so (no crash), and
    once it answers the periodic refresh connects and shows the queue, no key pressed."""
    with socket.socket() as probe:  # a loopback port nobody listens on (yet)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    url = f"http://127.0.0.1:{port}"
    client = DeskproClient(url, DEMO_KEY, retry=RetryPolicy(attempts=2, backoff=0.01))
    service = HelpdeskService(client)
    app = DeskproApp(service, settings=Settings(refresh_seconds=REFRESH_SECONDS))
    server: DemoServer | None = None
    async with app.run_test(size=(120, 36)) as pilot:
        await until(pilot, lambda: service.connection.status.state == "offline", "offline")
        screen = app.screen
        assert isinstance(screen, QueuesScreen)
        await until(
            pilot,
            lambda: "Not connected" in screen.browser.ticket_list.message,
            "the empty list says why",
        )
        try:
            server = await asyncio.to_thread(
                DemoServer(db=str(tmp_path / "helpdesk.sqlite3"), port=port).start
            )
            await until(
                pilot,
                lambda: screen.started and screen.browser.ticket_list.row_count > 0,
                "the queue loaded from the periodic refresh alone",
                timeout=REFRESH_SECONDS * 3,
            )
            assert service.connection.status.state == "online"
            assert screen.query_one(QueueSidebar).specs  # the queues are listed too
        finally:
            if server is not None:
                await asyncio.to_thread(server.stop)
