"""A composer's Attachments field (a new ticket's, a reply's): the files going out, in the
order added, shown in an `AttachmentList`. It owns the files and acts on the list's keys
(remove, inline, retry an upload that failed), posting `Changed` so the composer saves
its draft. `pick` asks for a file (the dialog) and adds it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Label, Static

from tui.api import DeskproError
from tui.state import HelpdeskService
from tui.state.outgoing import OutgoingFile, check_file, upload_file
from tui.text import safe
from tui.widgets.attachment_list import AttachmentList
from tui.widgets.field_error import FieldError


class AttachmentsField(Vertical):
    class Changed(Message):
        """A file was removed, or switched between inline and attached."""

    sending: var[bool] = var(False)  # bound to the form's: no file leaves during a send

    def __init__(
        self,
        service: HelpdeskService,
        max_bytes: int,
        *,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self.service = service
        self.max_bytes = max_bytes
        self.files: list[OutgoingFile] = []
        self.last_folder: Path | None = None  # where the file dialog opens next

    def compose(self) -> ComposeResult:
        yield Label("Attachments", classes="field-label")
        yield Static("None yet: ctrl+o adds a file.", id="no-files", classes="hint")
        yield AttachmentList(id="attachments")
        yield FieldError(id="attachments-error")

    async def restore(self, paths: list[tuple[str, bool]]) -> None:
        """A draft's files (path, inline), saying which can no longer go (gone, too big)."""
        self.files = [OutgoingFile.from_path(Path(p), inline) for p, inline in paths]
        await self._show_files()
        problems = [m for f in self.files if (m := check_file(f.path, self.max_bytes))]
        self.query_one(FieldError).show(" ".join(problems))

    async def _show_files(self) -> None:
        self.query_one("#no-files").display = not self.files
        listing = self.query_one(AttachmentList)
        listing.display = bool(self.files)
        await listing.show(self.files)

    async def pick(self, *, save: Callable[[], object], send: Callable[[], object]) -> None:
        """Ask for a file (from a worker: it waits for the dialog), add it and `save` the
        composer's draft; `send` too when the dialog was closed with ctrl+s."""
        from tui.screens.attach import AttachScreen

        dialog = AttachScreen(self.last_folder, self.max_bytes)
        path = await self.app.push_screen_wait(dialog)
        if path is not None:
            self.last_folder = path.parent
            if await self.add(path):
                save()
        if dialog.then_send:
            send()

    def progress(self, file: OutgoingFile) -> None:
        """Show how `file`'s upload goes (the uploads' callback)."""
        self.query_one(AttachmentList).update_file(file)

    def show_error(self, message: str) -> None:
        self.query_one(FieldError).show(message)

    async def add(self, path: Path) -> bool:
        """Add the file at `path` and highlight it; False (said why) if it already is."""
        if any(f.path.resolve() == path.resolve() for f in self.files):
            self.notify(f"{safe(path.name)} is already attached.", severity="warning")
            return False
        self.files.append(OutgoingFile.from_path(path))
        await self._show_files()
        listing = self.query_one(AttachmentList)
        listing.index = len(self.files) - 1
        self.query_one(FieldError).show("")
        return True

    @on(AttachmentList.Remove)
    async def _remove(self, event: AttachmentList.Remove) -> None:
        if self.sending or event.file.state == "uploading":
            self.notify("Wait for the upload to finish first.", severity="warning")
            return
        self.files.remove(event.file)
        await self._show_files()
        if self.files:
            self.query_one(AttachmentList).focus()
        self.post_message(self.Changed())

    @on(AttachmentList.ToggleInline)
    def _toggle_inline(self, event: AttachmentList.ToggleInline) -> None:
        if not event.file.is_image:
            self.notify("Only images can be shown inline; other files are attached.")
            return
        event.file.inline = not event.file.inline
        self.query_one(AttachmentList).update_file(event.file)
        self.post_message(self.Changed())

    @on(AttachmentList.Retry)
    def _retry(self, event: AttachmentList.Retry) -> None:
        if event.file.state != "failed":
            self.notify("Only a failed upload needs a retry.")
        elif not self.sending:
            event.file.reset()
            self._retry_upload(event.file)

    @work(group="retry", exit_on_error=False)
    async def _retry_upload(self, file: OutgoingFile) -> None:
        try:
            await upload_file(self.service, file, self.progress)
        except (DeskproError, OSError):
            return  # the row shows why
        if all(f.state == "uploaded" for f in self.files):
            self.show_error("")
