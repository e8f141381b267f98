"""How compose looks with two attachments (one inline image), at 80x24 and 120x36.

The form comes from a saved draft with fixed files, so nothing on screen depends on the
run: no progress is running and no time is shown.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.compose import ComposeScreen
from tui.screenshots import compose_draft
from tui.state import HelpdeskService
from tui.widgets.attachment_list import AttachmentList

Shot = Callable[..., bool]


def app_with_draft(server: DemoServer, tmp_path: Path) -> DeskproApp:
    """The same saved draft the README's compose screenshot starts from."""
    drafts = compose_draft(tmp_path)
    service = HelpdeskService(DeskproClient(server.url, server.api_key), drafts=drafts)
    return DeskproApp(service)


async def open_with_files(pilot: Pilot[None]) -> None:
    app = pilot.app
    for _ in range(500):  # the queues connect first: compose needs the agent list
        if app.service.lookups.me is not None and app.screen.__class__.__name__ == "QueuesScreen":
            break
        await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.press("c")
    for _ in range(500):
        if isinstance(app.screen, ComposeScreen) and len(app.screen.query("AttachmentRow")) == 2:
            break
        await pilot.pause()
    await app.workers.wait_for_complete()  # the requester lookup
    app.clear_notifications()  # the "draft kept" notice would cover the form
    app.screen.query_one(AttachmentList).focus()  # scrolls the files into view
    await pilot.pause()


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
def test_compose_with_attachments(
    snap_compare: Shot, demo_server: DemoServer, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = app_with_draft(demo_server, tmp_path)
    assert snap_compare(app, terminal_size=size, run_before=open_with_files)
