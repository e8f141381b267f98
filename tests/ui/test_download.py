"""Downloading an attachment from the ticket screen: where, progress, no overwrite."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Checkbox, Input, Static

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.download import DownloadScreen

from .conftest import plain_text, until
from .test_ticket import open_ticket


async def test_download_asks_before_overwriting(
    app: DeskproApp, demo_server: DemoServer, tmp_path: Path
) -> None:
    source = tmp_path / "report.csv"
    source.write_text("a,b\n1,2\n")
    async with DeskproClient(demo_server.url, demo_server.api_key) as dp:
        blob = await dp.upload_blob(source)
        ticket = await dp.create_ticket(
            subject="Has a file",
            person="files@example.com",
            message="<p>see file</p>",
            attachments=[blob],
        )
    target = tmp_path / "out" / "saved.csv"
    target.parent.mkdir()
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, DownloadScreen), "the save dialog")
        dialog = app.screen
        dialog.query_one("#download-path", Input).value = str(target)
        await pilot.press("enter")
        await until(pilot, lambda: target.exists(), "the file saved")
        assert target.read_bytes() == source.read_bytes()
        await pilot.press("d")
        await until(pilot, lambda: isinstance(app.screen, DownloadScreen), "the dialog again")
        dialog = app.screen
        target.write_text("mine, keep it")
        dialog.query_one("#download-path", Input).value = str(target)
        await pilot.press("enter")
        state = dialog.query_one("#download-state", Static)
        await until(pilot, lambda: "exists" in plain_text(state), "the refusal")
        assert target.read_text() == "mine, keep it"
        dialog.query_one("#overwrite", Checkbox).value = True
        dialog.download()
        await until(pilot, lambda: target.read_bytes() == source.read_bytes(), "overwritten")
