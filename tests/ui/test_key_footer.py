"""The key bar: it lists the screen's keys (one per action, the palette's at the right edge)
and a click on one presses it."""

from __future__ import annotations

from tui.app import DeskproApp
from tui.screens.compose import ComposeScreen
from tui.widgets.key_footer import KeyFooter

from .conftest import queue_loaded, until


async def test_the_bar_shows_the_keys_and_a_click_presses_one(app: DeskproApp) -> None:
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        bar = screen.query_one(KeyFooter)
        text = bar.render().plain
        assert text.startswith(" ⏎ Open ") and "c New ticket" in text
        assert text.rstrip().endswith("^p Palette")  # docked at the right edge
        await pilot.click(KeyFooter, offset=(text.index(" c New ticket") + 1, 0))
        await until(pilot, lambda: isinstance(app.screen, ComposeScreen), "the compose form")
