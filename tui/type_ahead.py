"""Type-ahead: keys typed before the text box they were meant for had focus.

Textual hands each key to the widget focused when it arrives. Letters typed straight after
a key that opens a text box (`/` for the filter, `a` or `s` for a picker, `c`, `r`, `n` for
an editor) were queued for the list, came back up unused, and were lost. The app gives such
a key to the text box focused by then, or, while one is still opening, keeps it here until
the box is up (`give`).
"""

from __future__ import annotations

import functools
import sys
import time
from collections.abc import Callable
from typing import Any, TypeVar

from textual.widget import Widget
from textual.widgets import Input

F = TypeVar("F", bound=Callable[..., Any])

WINDOW = 2.0  # seconds to wait for the box (a picker may first fetch the agents)


def insert(box: Widget, text: str) -> bool:
    """Type `text` into `box` as keys would; False if it is not a text box."""
    # TextArea is looked up, not imported: until a screen with one has been opened there
    # is none to type into, and the first screen need not load it.
    text_area = sys.modules.get("textual.widgets._text_area")
    if isinstance(box, Input):
        box.insert_text_at_cursor(text)
    elif text_area and isinstance(box, text_area.TextArea) and not box.read_only:
        box.insert(text)
    else:
        return False
    return True


class TypeAhead:
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._keys: list[str] = []
        self._until = 0.0

    def begin(self) -> None:
        """A text box is opening: keep the keys that come back unused until it is up."""
        self._keys = []
        self._until = self._clock() + WINDOW

    def keep(self, character: str) -> bool:
        """Keep a key that came back unused; False when no box is opening."""
        if self._clock() > self._until:
            return False
        self._keys.append(character)
        return True

    def give(self, box: Widget) -> None:
        """The box is up: type what was kept into it, and stop keeping."""
        keys, self._keys, self._until = "".join(self._keys), [], 0.0
        if keys:
            insert(box, keys)


def give_to(box: Widget) -> None:
    """Focus `box`, now up, and type into it what was typed while it opened."""
    box.focus()
    type_ahead = getattr(box.app, "type_ahead", None)
    if type_ahead is not None:
        type_ahead.give(box)


def opens_text_box(action: F) -> F:
    """For an action that opens a picker or editor (put it above `@work`)."""

    @functools.wraps(action)
    def begin_then_act(self: Widget, *args: Any) -> Any:
        type_ahead = getattr(self.app, "type_ahead", None)
        if type_ahead is not None:
            type_ahead.begin()
        return action(self, *args)

    return begin_then_act  # type: ignore[return-value]
