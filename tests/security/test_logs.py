"""The log file `start_logging` writes holds no key, even with the API layer at DEBUG."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest

from tui.api import DeskproClient, DeskproError
from tui.app import DeskproApp
from tui.config import AppPaths
from tui.demo import DemoServer
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.startup.launch import LOG_FILE, start_logging

from .conftest import demo_service, file_mode, until

NOISY = ("tui", "tui.api", "httpx", "httpcore")  # httpx/httpcore too: they see the headers


@pytest.fixture
def real_logging(paths: AppPaths) -> Iterator[None]:
    """`start_logging` as the app runs it. `basicConfig` does nothing while pytest's
    capture handlers sit on the root logger, so they step aside for the test."""
    root = logging.getLogger()
    saved_handlers, saved_level = root.handlers[:], root.level
    saved_levels = {name: logging.getLogger(name).level for name in NOISY}
    root.handlers.clear()
    start_logging(paths)
    for name in NOISY:
        logging.getLogger(name).setLevel(logging.DEBUG)
    yield
    for handler in root.handlers:
        handler.close()
    root.handlers[:] = saved_handlers
    root.setLevel(saved_level)
    for name, level in saved_levels.items():
        logging.getLogger(name).setLevel(level)


@pytest.mark.usefixtures("real_logging")
async def test_debug_log_of_a_session_holds_no_key(
    paths: AppPaths, demo_server: DemoServer
) -> None:
    log_file = paths.state_dir / LOG_FILE
    app = DeskproApp(demo_service(demo_server), paths=paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await until(
            pilot,
            lambda: (
                isinstance(app.screen, QueuesScreen)
                and app.screen.browser.ticket_list.row_count > 0
            ),
            "the first queue's rows",
        )
        await pilot.press("enter")  # open the first ticket: its header and thread load
        await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket screen")
        await until(pilot, lambda: "/messages" in log_file.read_text(), "the thread request")
    # A refused key is logged as a failure: that path must not echo it either.
    wrong = "1:WRONGKEYWRONGKEYWRONG99"
    async with DeskproClient(demo_server.url, wrong) as client:
        with pytest.raises(DeskproError):
            await client.me()
    text = log_file.read_text(encoding="utf-8")
    assert text.count("tui.api") >= 3 and "httpx" in text  # requests were logged
    for key in (demo_server.api_key, wrong):
        assert key.split(":", 1)[1] not in text
    assert file_mode(paths.state_dir) == 0o700
