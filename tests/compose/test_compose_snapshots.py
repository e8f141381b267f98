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
from tui.state import DraftStore, HelpdeskService
from tui.state.outgoing import NewTicket
from tui.widgets.attachment_list import AttachmentList

from .conftest import tiny_png

Shot = Callable[..., bool]


def app_with_draft(server: DemoServer, tmp_path: Path) -> DeskproApp:
    image, log = tmp_path / "printer-error.png", tmp_path / "cups-error_log.txt"
    image.write_bytes(tiny_png(8, 8))
    log.write_text("E [29/Nov/2025:09:12:01] Unable to open device\n" * 40)
    draft = NewTicket(
        to="joanne.bloggs@example.com",
        subject="Printer on floor 3 shows error 0x5B",
        body="The printer stopped after the update.\n\nSee the **screenshot** and the log.",
        department=4,
        agent=3,
        urgency=7,
        labels="hardware, printer",
        files=[(str(image), True), (str(log), False)],
    )
    drafts = DraftStore(tmp_path / "drafts")
    drafts.save("compose", draft.to_draft())
    service = HelpdeskService(DeskproClient(server.url, server.api_key), drafts=drafts)
    return DeskproApp(service)


async def open_with_files(pilot: Pilot[None]) -> None:
    app = pilot.app
    for _ in range(500):  # the queues connect first: compose needs the agent list
        if app.service.me is not None and app.screen.__class__.__name__ == "QueuesScreen":
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
