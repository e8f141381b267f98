"""The API key is never shown in full: not on screen, not in committed screenshots.

`ConnectionSpec`'s masked repr and the warning texts are covered in
tests/config/test_connection.py; the client's repr in tests/api/test_security.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest
from textual.widgets import Input

from tui.app import DeskproApp
from tui.config import AppPaths, FileStore, load_settings, mask
from tui.demo import DemoServer
from tui.screens.connect import ConnectScreen
from tui.screens.queues import QueuesScreen

from .conftest import DEMO_CODE, DEMO_KEY, demo_service, file_mode, until

ROOT = Path(__file__).resolve().parents[2]
SVGS = sorted([*ROOT.glob("screenshots/*.svg"), *ROOT.glob("tests/**/__snapshots__/**/*.svg")])


def svg_text(svg: str) -> str:
    """All text an SVG screenshot shows, joined without gaps (a key split over two
    `<text>` runs still shows up whole)."""
    runs = re.findall(r"<text[^>]*>(.*?)</text>", svg, flags=re.S)
    return html.unescape("".join(runs)).replace("\xa0", " ")


def assert_no_key(svg: str, key: str = DEMO_KEY) -> None:
    code = key.split(":", 1)[1]
    for text in (svg, svg_text(svg)):
        assert key not in text and code not in text


async def test_connect_screen_hides_the_typed_key_and_saves_it_privately(
    tmp_path: Path, demo_server: DemoServer
) -> None:
    paths = AppPaths.from_env({"DESKPRO_TUI_HOME": str(tmp_path)})
    store = FileStore(paths.secrets_dir)
    app = DeskproApp(None, settings=load_settings(paths), paths=paths, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = app.screen
        assert isinstance(screen, ConnectScreen)
        key_input = screen.query_one("#key", Input)
        assert key_input.password is True
        screen.query_one("#url", Input).value = demo_server.url
        key_input.focus()
        await pilot.press(*demo_server.api_key)  # typed, as a person would
        assert key_input.value == demo_server.api_key
        shot = app.export_screenshot()
        assert demo_server.url in svg_text(shot)  # the check can see what is on screen
        assert_no_key(shot, demo_server.api_key)
        screen.connect()
        await until(pilot, lambda: isinstance(app.screen, QueuesScreen), "the queues")
    # Saved from the UI: key file 0600 in a 0700 dir, config dir 0700, no key in the config.
    assert file_mode(store.path_for("default")) == 0o600
    assert file_mode(paths.secrets_dir) == 0o700
    assert file_mode(paths.config_dir) == 0o700
    assert demo_server.api_key not in paths.config_file.read_text(encoding="utf-8")


async def test_queues_and_status_bar_show_no_key(demo_server: DemoServer) -> None:
    app = DeskproApp(demo_service(demo_server))
    async with app.run_test(size=(120, 36)) as pilot:
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, QueuesScreen)
                and app.screen.browser.ticket_list.row_count > 0
            ),
            "the first queue's rows",
        )
        shot = app.export_screenshot()
        assert "online" in svg_text(shot)  # the status bar is in the screenshot
        assert_no_key(shot, demo_server.api_key)


def test_there_are_screenshots_to_check() -> None:
    assert len([p for p in SVGS if p.parent.name == "screenshots"]) >= 5
    assert len([p for p in SVGS if "__snapshots__" in p.parts]) >= 5


@pytest.mark.parametrize("svg", SVGS, ids=lambda p: str(p.relative_to(ROOT)))
def test_committed_screenshots_hold_no_key(svg: Path) -> None:
    assert_no_key(svg.read_text(encoding="utf-8"))
    assert mask(DEMO_KEY) != DEMO_KEY and DEMO_CODE not in mask(DEMO_KEY)
