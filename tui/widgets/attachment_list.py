"""The files going out with a new ticket: one row each (name, size, type, inline mark,
upload state) with a progress bar while uploading. Keys act on the highlighted row and
are sent up as messages: the screen owns the files and decides."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widgets import ListItem, ListView, ProgressBar, Static

from tui.commands import Command, bindings
from tui.state.outgoing import OutgoingFile
from tui.text import fit, human_size, safe

STATE_STYLES = {"waiting": "dim", "uploading": "bold", "uploaded": "green", "failed": "red"}
COLUMNS = 9 + 2 + 16 + 8 + 10  # size, gap, type, inline mark, state


def describe(file: OutgoingFile, width: int = 80) -> Text:
    """One row: `name  size  type  inline  state`, then the error on its own line."""
    text = Text(no_wrap=False)
    text.append(fit(safe(file.name), min(48, max(12, width - COLUMNS))), style="bold")
    text.append(f" {human_size(file.size):>8}  ")
    text.append(fit(safe(file.content_type), 15), style="dim")
    text.append(" inline " if file.inline else " " * 8, style="bold")
    text.append(f" {file.state}", style=STATE_STYLES.get(file.state, ""))
    if file.error:
        text.append("\n" + safe(file.error), style="red")
    return text


class AttachmentRow(ListItem):
    def __init__(self, file: OutgoingFile) -> None:
        super().__init__()
        self.file = file

    def compose(self) -> ComposeResult:
        yield Static("", markup=False, classes="attachment-info")
        yield ProgressBar(total=max(self.file.size, 1), show_eta=False)

    def on_mount(self) -> None:
        self.update_row()

    def on_resize(self) -> None:
        self.update_row()  # the name column takes what the other columns leave

    def update_row(self) -> None:
        width = self.content_size.width or 80
        self.query_one(".attachment-info", Static).update(describe(self.file, width))
        bar = self.query_one(ProgressBar)
        bar.display = self.file.state == "uploading"
        bar.update(total=max(self.file.size, 1), progress=self.file.sent)
        self.set_class(self.file.state == "failed", "-failed")


class AttachmentList(ListView):
    """Shows `OutgoingFile`s; `x`/`delete` remove, `i` toggles inline, `r` retries."""

    COMMANDS = (
        Command(
            "compose.remove", "x,delete", "remove_file", "Remove", "Remove the highlighted file"
        ),
        Command(
            "compose.inline",
            "i",
            "toggle_inline",
            "Inline",
            "Show the highlighted image in the message (inline) or attach it",
        ),
        Command("compose.retry", "r", "retry_file", "Retry", "Upload a failed file again"),
    )
    BINDINGS = bindings(COMMANDS)
    DEFAULT_CSS = """
    AttachmentList { height: auto; }
    AttachmentRow { height: auto; }
    AttachmentRow ProgressBar { height: 1; }
    """

    class FileAction(Message):
        def __init__(self, file: OutgoingFile) -> None:
            super().__init__()
            self.file = file

    class Remove(FileAction):
        """Take the file off the ticket."""

    class ToggleInline(FileAction):
        """Flip inline / attached (images only)."""

    class Retry(FileAction):
        """Upload the failed file again."""

    async def show(self, files: list[OutgoingFile]) -> None:
        """Rebuild the rows, keeping the highlight near where it was."""
        index = self.index or 0
        await self.clear()
        await self.extend(AttachmentRow(file) for file in files)
        self.index = min(index, len(files) - 1) if files else None

    def update_file(self, file: OutgoingFile) -> None:
        for row in self.query(AttachmentRow):
            if row.file is file:
                row.update_row()

    @property
    def current(self) -> OutgoingFile | None:
        row = self.highlighted_child
        return row.file if isinstance(row, AttachmentRow) else None

    def _post(self, kind: type[FileAction]) -> None:
        if (file := self.current) is not None:
            self.post_message(kind(file))

    def action_remove_file(self) -> None:
        self._post(self.Remove)

    def action_toggle_inline(self) -> None:
        self._post(self.ToggleInline)

    def action_retry_file(self) -> None:
        self._post(self.Retry)
