"""429: the client waits as Retry-After says, shows it, and the periodic refresh stops
asking until the wait is over, so a limited key is never hammered."""

from __future__ import annotations

from collections.abc import Callable

import httpx
from faults import count_requests
from textual.message import Message
from textual.worker import Worker, WorkerState
from ui.conftest import queue_loaded, until

from tui.api import DeskproClient, RateLimitedError, RetryPolicy
from tui.app import DeskproApp
from tui.config import Settings
from tui.demo import DemoServer
from tui.state import HelpdeskService
from tui.widgets.status_bar import StatusBar

from .conftest import patient_service

REFRESH_SECONDS = 5


class PollRuns:
    """Counts finished runs of the queues' periodic refresh (a `run_test` message hook)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, message: Message) -> None:
        if isinstance(message, Worker.StateChanged) and message.worker.group == "poll":
            self.count += message.state == WorkerState.SUCCESS


async def use_up_the_hour(server: DemoServer) -> None:
    """Spend the key's hourly budget from elsewhere, as another integration would."""
    async with DeskproClient(server.url, server.api_key, retry=RetryPolicy(attempts=1)) as dp:
        for _ in range(500):
            try:
                await dp.me()
            except RateLimitedError:
                return
    raise AssertionError("the hourly limit never answered 429")


async def test_refresh_pauses_and_says_so_when_rate_limited(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(hourly_limit=120)
    service = patient_service(server)
    seen: list[str] = []
    count_requests(service.client, seen)
    polls = PollRuns()
    app = DeskproApp(service, settings=Settings(refresh_seconds=REFRESH_SECONDS))
    async with app.run_test(size=(120, 36), message_hook=polls) as pilot:
        screen = await queue_loaded(pilot)
        await use_up_the_hour(server)
        await until(
            pilot,
            lambda: service.connection.status.state == "rate_limited",
            "the next refresh meets the limit",
            timeout=REFRESH_SECONDS * 3,
        )
        await pilot.pause()
        text = screen.query_one(StatusBar).render().plain
        assert "[rate-limited] refresh paused" in text
        wait = int(text.split("refresh paused ")[1].split("s")[0])
        assert 3000 < wait <= 3600  # as the demo's Retry-After said (its window is an hour)
        asked, runs = len(seen), polls.count
        await until(pilot, lambda: polls.count >= runs + 2, "two more refresh ticks", timeout=20)
        assert len(seen) == asked  # the ticks asked nothing
        assert service.connection.status.paused and app.is_running
    await service.client.aclose()


async def test_a_short_retry_after_is_waited_out_with_refresh_paused() -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "3"}, json={"status": 429})])

    def helpdesk(request: httpx.Request) -> httpx.Response:
        return next(answers, None) or httpx.Response(200, json={"data": {"id": 5}})

    waits: list[tuple[float, bool]] = []
    service: HelpdeskService | None = None

    async def sleep(seconds: float) -> None:  # the transport's wait, observed
        assert service is not None
        waits.append((seconds, service.connection.status.paused))

    client = DeskproClient(
        "https://help.example.com", "1:KEY", transport=httpx.MockTransport(helpdesk), sleep=sleep
    )
    service = HelpdeskService(client)
    ticket = await service.threads.ticket(5)
    assert ticket.id == 5
    assert waits == [(3.0, True)]  # waited as told, with background refresh paused
    assert service.connection.status.state == "online"  # and over once it answered
    await client.aclose()
