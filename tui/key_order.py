"""Keys handled strictly in order, as if typed one by one.

Over SSH, in tmux or with a paste, several keys arrive in one read. Textual gives each key
to the widget focused when it arrives, and resolves bindings as the key bubbles up from
there; so a key that opens a screen or moves focus took effect only after the keys behind
it had already gone to the old widget (typed text ran as commands, Tab was lost).

`KeyOrder` lets a key through only once the one before it has taken effect: handled all
the way up (the widget, its parents, the screen, the app), and, when that opened or closed
a screen, once the screen now on top has its focus. A key whose action opens a screen from
a worker (a picker that may first fetch agents) holds the keys behind it until that screen
is up; if it never opens, the keys meant for it are dropped rather than run as commands.
An unbound `alt+x` is Escape then `x`: a terminal sends Escape and a key typed quickly after
it as one sequence.
"""

from __future__ import annotations

import asyncio
import functools
from collections import deque
from collections.abc import Awaitable, Callable
from contextlib import suppress
from typing import Any, TypeVar

from textual import events
from textual.app import App
from textual.dom import DOMNode
from textual.keys import _character_to_key
from textual.message_pump import MessagePump
from textual.screen import Screen
from textual.worker import Worker

F = TypeVar("F", bound=Callable[..., Any])
Deliver = Callable[[events.Event], Awaitable[None]]

HOP_LOOK = 0.02  # seconds between looks at whether a queue is closing
HOP_TIMEOUT = 1.0  # seconds one message queue may take to reach a key (a closing widget never does)
FOCUS_ROUNDS = 50  # turns a new screen gets to mount and focus a widget
FINISHED_POLL = 0.01  # seconds between looks at an opener that has not opened yet
OPENING_TIMEOUT = 15.0  # seconds an opener may take (a read gives up after 10)


class KeyOrder:
    """Owned by the app, which gives it every key and paste from the terminal (`take`)."""

    def __init__(self, app: App[Any], deliver: Deliver) -> None:
        self.app = app
        self._deliver = deliver  # Textual's own handling of one key
        self._waiting: deque[events.Event] = deque()
        self._released: events.Event | None = None  # its turn came: back in the app's queue
        self._busy = False
        self._follower: asyncio.Task[None] | None = (
            None  # held: a task nobody holds may be collected
        )
        self._opener: Worker[Any] | None = None
        self._pushed = asyncio.Event()
        self.received = 0  # keys and pastes from the terminal so far

    async def take(self, event: events.Event) -> None:
        """Handle `event` now if nothing before it is still taking effect, else after."""
        if event is self._released:
            self._released = None
            await self._handle(event)
            return
        self.received += 1
        self._waiting.extend(self._split(event))
        if not self._busy:
            self._busy = True
            await self._handle(self._waiting.popleft())

    def opening(self, worker: Worker[Any]) -> None:
        """`worker` is about to open a screen: keys wait for it (see `opens_screen`)."""
        self._opener = worker
        self._pushed.clear()

    def pushed(self) -> None:
        """A screen was pushed (the app's `push_screen`)."""
        self._pushed.set()

    @property
    def idle(self) -> bool:
        """No key is waiting or taking effect."""
        return not self._busy

    # -- one key at a time ------------------------------------------------------------

    async def _handle(self, event: events.Event) -> None:
        """Deliver `event`; a task follows its effect, then lets the next key through."""
        screen, target = self.app.screen, self.app.focused or self.app.screen
        try:
            await self._deliver(event)
        finally:
            # Not a callback of the app's: it waits on the app's own queue.
            self._follower = asyncio.create_task(self._follow(event, screen, target))

    async def _follow(self, event: events.Event, screen: Screen[Any], target: DOMNode) -> None:
        try:
            await self._taken_effect(event, screen, target)
        finally:
            if self._waiting and self.app.is_running:
                self._released = self._waiting.popleft()
                self.app.post_message(self._released)  # handled in the app's loop, in turn
            else:
                self._busy = False

    async def _taken_effect(
        self, event: events.Event, screen: Screen[Any], target: DOMNode
    ) -> None:
        if isinstance(event, events.Key):
            for node in (target, *target.ancestors):
                await _drained(node)
        if (opener := self._opener) is not None:
            self._opener = None
            if not await self._opened_by(opener):
                self._drop_printable()  # meant for a box that never opened
                return
        if self.app.screen is not screen:
            await _focused(self.app.screen)

    async def _opened_by(self, worker: Worker[Any]) -> bool:
        """Wait until `worker` pushed its screen (True) or ended without one (False)."""
        pushed = asyncio.ensure_future(self._pushed.wait())
        ended = asyncio.ensure_future(_finished(worker))
        done, _ = await asyncio.wait(
            {pushed, ended}, timeout=OPENING_TIMEOUT, return_when=asyncio.FIRST_COMPLETED
        )
        for future in (pushed, ended):
            future.cancel()
        if pushed in done or not done:
            return True
        # It may have asked for its screen by a message (`OpenTicket`): once that has gone
        # up the tree, the screen is pushed or it never will be.
        node = worker.node
        if isinstance(node, DOMNode):
            for hop in (node, *node.ancestors):
                await _drained(hop)
        return self._pushed.is_set()

    def _drop_printable(self) -> None:
        self._waiting = deque(
            e for e in self._waiting if not (isinstance(e, events.Key) and e.is_printable)
        )

    # -- escape typed quickly before a key ----------------------------------------------

    def _split(self, event: events.Event) -> list[events.Event]:
        """An `alt+x` nothing binds is Escape then `x`."""
        if not isinstance(event, events.Key) or not event.key.startswith("alt+"):
            return [event]
        if self._bound(event.key):
            return [event]
        escape = events.Key("escape", "\x1b")
        char = event.character
        if char and len(char) == 1 and char.isprintable():  # alt+shift+j came from "J"
            return [escape, events.Key(char if char.isalnum() else _character_to_key(char), char)]
        return [escape, events.Key(event.key.removeprefix("alt+"), None)]

    def _bound(self, key: str) -> bool:
        chains = (*self.app.screen._binding_chain, *self.app.screen._modal_binding_chain)
        return any(key in bindings.key_to_bindings for _node, bindings in chains)


async def _drained(node: MessagePump) -> None:
    """Until `node` has handled every message it had queued (the key among them), or is
    closing (a screen dismissed by the key never gets to the callback)."""
    reached = asyncio.Event()
    node.call_later(reached.set)
    for _ in range(round(HOP_TIMEOUT / HOP_LOOK)):
        if reached.is_set() or not node.is_running or node._closing:
            return
        with suppress(TimeoutError):
            await asyncio.wait_for(reached.wait(), HOP_LOOK)


async def _focused(screen: Screen[Any]) -> None:
    """Until `screen` has mounted and focused a widget (or shown it has none to focus)."""
    for _ in range(FOCUS_ROUNDS):
        if screen.focused is not None or not screen.is_running:
            return
        await _drained(screen)
        await _drained(screen.app)
        if screen.is_mounted and not screen.focus_chain:
            return


async def _finished(worker: Worker[Any]) -> None:
    # Looked at, not awaited: cancelling a wait on the worker's task would cancel the worker.
    while not worker.is_finished:
        await asyncio.sleep(FINISHED_POLL)


def opens_screen(action: F) -> F:
    """For an action that opens a screen from a worker (put it above `@work`): keys typed
    after it wait for that screen, not go to the one underneath."""

    @functools.wraps(action)
    def open_then_hold(self: DOMNode, *args: Any) -> Any:
        worker = action(self, *args)
        key_order = getattr(self.app, "key_order", None)
        if key_order is not None and isinstance(worker, Worker):
            key_order.opening(worker)
        return worker

    return open_then_hold  # type: ignore[return-value]
