"""How the command line starts the app: the first requests leave before the UI is built,
and the screen's own reads take their answers (each asked once)."""

from __future__ import annotations

import asyncio

import httpx

from tui.config import Settings
from tui.demo import DemoServer
from tui.startup.launch import open_app
from tui.state import HelpdeskService, QueueView

from .conftest import make_service, queue_loaded

ME = "GET /api/v2/me"
FIRST_PAGE = "GET /api/v2/tickets?page=1&count=50"


def counted(server: DemoServer, seen: list[str]) -> HelpdeskService:
    """The service the app gets, noting each request's method and path as it leaves."""
    service = make_service(server)

    async def note(request: httpx.Request) -> None:
        page = request.url.params.get("page")
        paged = f"?page={page}&count={request.url.params.get('count')}" if page else ""
        seen.append(f"{request.method} {request.url.path}{paged}")

    service.client._t.http.event_hooks["request"].append(note)
    return service


async def test_the_first_requests_leave_before_the_app_runs(demo_server: DemoServer) -> None:
    seen: list[str] = []
    service = counted(demo_server, seen)
    app = open_app(service, Settings(), None)
    for _ in range(100):  # the loop's turns, not time: the app itself has not started
        if seen:
            break
        await asyncio.sleep(0)
    assert seen == [ME] and not app.is_running
    async with app.run_test(size=(120, 36)) as pilot:
        await queue_loaded(pilot)
    # The screen asked for who we are and the first page: both answers came from start-up.
    assert seen.count(ME) == 1 and seen.count(FIRST_PAGE) == 1


async def test_without_a_service_the_connect_screen_opens() -> None:
    from tui.screens.connect import ConnectScreen

    app = open_app(None, Settings(), None)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConnectScreen)


async def test_the_early_requests_are_sent_once(demo_server: DemoServer) -> None:
    seen: list[str] = []
    service = counted(demo_server, seen)
    service.start_early()
    service.start_early()  # the app calls it again when it shows the queues
    await service.lookups.identify()
    await service.pages.load(QueueView(service.lookups.queues()[0]), 1)
    assert seen == [ME, FIRST_PAGE]
    await service.client.aclose()


async def test_open_app_gives_the_app_its_settings_and_service(demo_server: DemoServer) -> None:
    service = make_service(demo_server)
    settings = Settings(refresh_seconds=60)
    app = open_app(service, settings, None, warnings=["careful"], secrets=["s3cret"])
    assert app.service is service and app.settings is settings
    assert app.startup_warnings == ["careful"] and app.secrets == ["s3cret"]
    await service.client.aclose()
