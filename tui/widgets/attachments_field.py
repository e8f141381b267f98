"""The new-ticket form's Attachments field: the files going out, in the order added, shown
in an `AttachmentList`. It owns the files and acts on the list's remove and inline keys,
posting `Changed` so compose saves its draft. Choosing a file (a dialog) and retrying one
(an upload) are the compose screen's; `add` takes the file it chose."""

from __future__ import annotations

from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.reactive import var
from textual.widgets import Label, Static

from tui.state.outgoing import OutgoingFile, check_file
from tui.text import safe
from tui.widgets.attachment_list import AttachmentList
from tui.widgets.field_error import FieldError


class AttachmentsField(Vertical):
    class Changed(Message):
        """A file was removed, or switched between inline and attached."""

    sending: var[bool] = var(False)  # bound to the form's: no file leaves during a send

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.files: list[OutgoingFile] = []

    def compose(self) -> ComposeResult:
        yield Label("Attachments", classes="field-label")
        yield Static("None yet: ctrl+o adds a file.", id="no-files", classes="hint")
        yield AttachmentList(id="attachments")
        yield FieldError(id="attachments-error")

    async def restore(self, paths: list[tuple[str, bool]], max_bytes: int) -> None:
        """A draft's files (path, inline), saying which can no longer go (gone, too big)."""
        self.files = [OutgoingFile.from_path(Path(p), inline) for p, inline in paths]
        await self._show_files()
        problems = [m for f in self.files if (m := check_file(f.path, max_bytes))]
        self.query_one(FieldError).show(" ".join(problems))

    async def _show_files(self) -> None:
        self.query_one("#no-files").display = not self.files
        listing = self.query_one(AttachmentList)
        listing.display = bool(self.files)
        await listing.show(self.files)

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
