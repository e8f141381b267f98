"""The type-ahead buffer on its own: it keeps keys only while a text box is opening, for at
most WINDOW seconds, and hands them over once."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Input

from tui.type_ahead import WINDOW, TypeAhead


def test_nothing_is_kept_unless_a_box_is_opening() -> None:
    assert not TypeAhead(lambda: 100.0).keep("x")  # an unused key stays as unused as ever


class OneBox(App[None]):
    def compose(self) -> ComposeResult:
        yield Input()


async def test_keys_are_kept_for_the_box_and_given_once() -> None:
    keys = TypeAhead(lambda: 100.0)
    keys.begin()
    assert keys.keep("i") and keys.keep("r")
    async with OneBox().run_test() as pilot:
        box = pilot.app.query_one(Input)
        keys.give(box)
        assert box.value == "ir"
        assert not keys.keep("e")  # given: no longer keeping
        keys.give(box)
        assert box.value == "ir"


def test_a_box_that_never_opens_stops_the_keeping() -> None:
    now = [100.0]
    keys = TypeAhead(lambda: now[0])
    keys.begin()
    now[0] += WINDOW + 0.1
    assert not keys.keep("x")
