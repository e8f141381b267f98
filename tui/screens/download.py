"""Saving an attachment: choose where (never overwriting unasked), watch the progress."""

from __future__ import annotations

from pathlib import Path

import platformdirs
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, OptionList, ProgressBar, Static
from textual.widgets.option_list import Option

from tui.api import Attachment, DeskproError
from tui.api.downloads import safe_filename
from tui.flows.failures import ReportsWorkerFailures
from tui.state import HelpdeskService
from tui.text import readable_size, safe
from tui.widgets.key_list import KeyList


class AttachmentPicker(ModalScreen[Attachment | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="attachments.cancel")]

    def __init__(self, attachments: list[Attachment]) -> None:
        super().__init__()
        self.attachments = attachments

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Download which attachment?", classes="dialog-title")
            yield KeyList(
                *[
                    Option(self._line(n, a), id=str(n - 1))
                    for n, a in enumerate(self.attachments, 1)
                ]
            )

    @staticmethod
    def _line(number: int, attachment: Attachment) -> str:
        blob = attachment.blob
        return f"[{number}] {safe(blob.filename)}  {safe(readable_size(blob.filesize_readable))}"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.attachments[int(event.option.id or 0)])


async def pick_attachment(app: App[object], attachments: list[Attachment]) -> Attachment | None:
    if len(attachments) == 1:
        return attachments[0]
    return await app.push_screen_wait(AttachmentPicker(attachments))


def default_folder() -> Path:
    folder = Path(platformdirs.user_downloads_dir())
    return folder if folder.is_dir() else Path.home()


class DownloadScreen(ReportsWorkerFailures, ModalScreen[Path | None]):
    BINDINGS = [Binding("escape", "dismiss(None)", "Cancel", id="download.cancel")]

    def __init__(self, service: HelpdeskService, attachment: Attachment) -> None:
        super().__init__()
        self.service = service
        self.attachment = attachment

    def compose(self) -> ComposeResult:
        name = safe_filename(self.attachment.blob.filename)
        with Vertical(classes="dialog"):
            yield Label(f"Save {safe(self.attachment.blob.filename)}", classes="dialog-title")
            yield Input(str(default_folder() / name), id="download-path")
            yield Checkbox("Overwrite if the file exists", id="overwrite")
            yield ProgressBar(id="download-progress", show_eta=False)
            yield Static("enter save · esc cancel", id="download-state")

    def on_mount(self) -> None:
        self.query_one("#download-path", Input).focus()

    @on(Input.Submitted, "#download-path")
    def _submit(self) -> None:
        self.download()

    @work(exclusive=True, group="download", exit_on_error=False)
    async def download(self) -> None:
        state = self.query_one("#download-state", Static)
        target = Path(self.query_one("#download-path", Input).value).expanduser()
        if target.is_dir():
            target = target / safe_filename(self.attachment.blob.filename)
        overwrite = self.query_one("#overwrite", Checkbox).value
        if target.exists() and not overwrite:
            state.update(f"{target} exists: tick 'Overwrite' or choose another name.")
            return
        bar = self.query_one(ProgressBar)

        def progress(done: int, total: int | None) -> None:
            bar.update(total=total, progress=done)

        state.update("Downloading…")
        try:
            saved = await self.service.client.download(
                self.attachment, target, progress=progress, overwrite=overwrite
            )
        except (DeskproError, OSError) as exc:
            state.update(f"Not saved: {exc}")
            return
        self.notify(f"Saved {saved}")
        self.dismiss(saved)
