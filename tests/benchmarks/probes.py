"""In-process probes on a running app: HTTP requests seen by the app's own client, and
frames composed by the current screen. Both read private attributes of deskpro-tui and
Textual on purpose: a benchmark observes, it does not change how the app works."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from dataclasses import dataclass, field

import httpx
from textual.app import App
from textual.screen import Screen

from tui.state import HelpdeskService


@dataclass
class Call:
    path: str
    start: float
    end: float | None = None
    note: object = None  # whatever the caller wanted to know at request time


@dataclass
class HttpProbe:
    """Every request the service's client sends, with when it left and when it answered."""

    calls: list[Call] = field(default_factory=list)
    on_request: Callable[[], object] | None = None

    def attach(self, service: HelpdeskService) -> HttpProbe:
        hooks = service.client._t.http.event_hooks  # private: see the module docstring
        open_calls: dict[int, Call] = {}

        async def request(req: httpx.Request) -> None:
            note = self.on_request() if self.on_request else None
            call = open_calls[id(req)] = Call(req.url.path, time.perf_counter(), note=note)
            self.calls.append(call)

        async def response(resp: httpx.Response) -> None:
            if (call := open_calls.pop(id(resp.request), None)) is not None:
                call.end = time.perf_counter()

        hooks["request"].append(request)
        hooks["response"].append(response)
        return self

    def since(self, t0: float, until: float) -> list[Call]:
        return [c for c in self.calls if t0 <= c.start <= until]


def round_trips(calls: list[Call]) -> int:
    """Waves of requests: one sent before any answer of the current wave came back
    travelled concurrently with it (one round trip); one sent after starts a new wave."""
    waves: list[list[Call]] = []
    for call in sorted(calls, key=lambda c: c.start):
        first_answer = min((c.end or float("inf")) for c in waves[-1]) if waves else 0.0
        if waves and call.start < first_answer:
            waves[-1].append(call)
        else:
            waves.append([call])
    return len(waves)


async def wait_for(check: Callable[[], object], timeout: float = 30, poll: float = 0.001) -> float:
    """perf_counter time at which `check()` first held (polled every `poll` seconds)."""
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the app never reached the expected state")
        await asyncio.sleep(poll)
    return time.perf_counter()


async def queues_started(app: App[object]) -> Screen[object]:
    """The queues screen once start-up is over: rows, lookups and the sidebar all in."""
    from tui.screens.queues import QueuesScreen

    await wait_for(lambda: isinstance(app.screen, QueuesScreen) and app.screen.started, poll=0.01)
    await app.workers.wait_for_complete()
    await asyncio.sleep(0.1)  # the sidebar's highlight, re-set with the lookups, settles
    return app.screen


class FrameProbe:
    """Times when the screen composes a frame (the headless twin of writing to the
    terminal): `await probe.next_frame(check)` waits for a frame drawn while `check()`."""

    def __init__(self, screen: Screen[object]) -> None:
        self.screen = screen
        self._original = screen._compositor_refresh
        self._waiters: list[tuple[Callable[[], object], asyncio.Future[float]]] = []
        screen._compositor_refresh = self._refreshed  # type: ignore[method-assign]

    def _refreshed(self) -> None:
        self._original()
        now = time.perf_counter()
        for check, future in list(self._waiters):
            if not future.done() and check():
                future.set_result(now)
                self._waiters.remove((check, future))

    def expect(self, check: Callable[[], object]) -> asyncio.Future[float]:
        """A future for the first frame drawn while `check()`; ask before sending the key."""
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiters.append((check, future))
        return future

    async def next_frame(self, check: Callable[[], object], timeout: float = 30) -> float:
        return await asyncio.wait_for(self.expect(check), timeout)

    def detach(self) -> None:
        self.screen._compositor_refresh = self._original  # type: ignore[method-assign]


def send_key(app: App[object], key: str, char: str | None = None) -> float:
    """Post a key as the terminal driver would; returns the perf_counter time it left."""
    from textual import events

    assert app._driver is not None
    event = events.Key(key, char if char is not None else (key if len(key) == 1 else None))
    event.set_sender(app)
    now = time.perf_counter()
    app._driver.send_message(event)
    return now
