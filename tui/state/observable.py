"""A minimal subscribe/notify mechanism: the stores' only link to whoever shows them."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Generic, TypeVar

C = TypeVar("C")
log = logging.getLogger("tui.state")


class Observable(Generic[C]):
    """Calls each subscriber with a change description. A failing subscriber is logged
    and skipped, so one broken view cannot stop the others from updating."""

    def __init__(self) -> None:
        self._subscribers: list[Callable[[C], None]] = []

    def subscribe(self, callback: Callable[[C], None]) -> Callable[[], None]:
        """Register `callback`; returns a function that unsubscribes it."""
        self._subscribers.append(callback)

        def unsubscribe() -> None:
            if callback in self._subscribers:
                self._subscribers.remove(callback)

        return unsubscribe

    def notify(self, change: C) -> None:
        for callback in list(self._subscribers):
            try:
                callback(change)
            except Exception:
                log.exception("A state subscriber failed")
