"""First run: the connect screen checks the URL and key, says what is wrong, saves."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, Static

from tui.app import DeskproApp
from tui.config import AppPaths, FileStore, load_settings
from tui.demo import DemoServer
from tui.screens.connect import ConnectScreen
from tui.screens.queues import QueuesScreen

from .conftest import plain_text, until


@pytest.fixture
def paths(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> AppPaths:
    monkeypatch.setenv("DESKPRO_TUI_HOME", str(tmp_path))
    return AppPaths.from_env()


async def fill_and_connect(pilot, url: str, key: str) -> Static:
    screen = pilot.app.screen
    assert isinstance(screen, ConnectScreen)
    screen.query_one("#url", Input).value = url
    screen.query_one("#key", Input).value = key
    screen.connect()
    await pilot.app.workers.wait_for_complete()
    return screen.query_one("#connect-state", Static)


async def test_a_wrong_key_is_explained_and_a_right_one_saved(
    paths: AppPaths, demo_server: DemoServer
) -> None:
    store = FileStore(paths.secrets_dir)
    app = DeskproApp(None, settings=load_settings(paths), paths=paths, store=store)
    async with app.run_test(size=(100, 30)) as pilot:
        state = await fill_and_connect(pilot, demo_server.url, "1:WRONGKEY")
        assert "API key" in plain_text(state)
        assert isinstance(app.screen, ConnectScreen)
        await fill_and_connect(pilot, demo_server.url, demo_server.api_key)
        await until(pilot, lambda: isinstance(app.screen, QueuesScreen), "the queues")
    settings = load_settings(paths)
    assert settings.default_profile == "default"
    assert settings.profiles["default"].url == demo_server.url
    assert store.get("default") == demo_server.api_key
    assert demo_server.api_key not in paths.config_file.read_text()


async def test_not_a_deskpro_and_no_network_are_told_apart(paths: AppPaths) -> None:
    app = DeskproApp(None, paths=paths, store=FileStore(paths.secrets_dir))
    async with app.run_test(size=(100, 30)) as pilot:
        # Port 9 on loopback: nothing listens there.
        state = await fill_and_connect(pilot, "http://127.0.0.1:9", "1:ABC")
        assert "Could not connect" in plain_text(state)
        state = await fill_and_connect(pilot, "http://example.com", "1:ABC")
        assert "http://" in plain_text(state) and "https://" in plain_text(state)
