"""The reply / note composer's fields: CC (replies only), the Markdown text, the files and
the status after sending. It shows an `Answer` and reads one back; the screen around it
owns the draft, the lock, the file dialog and the send."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.reactive import var
from textual.widgets import Label, Select, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from tui.state import HelpdeskService
from tui.state.outgoing import Requesters
from tui.state.outgoing.answer import Answer
from tui.text import safe
from tui.widgets.address_input import AddressInput, CopySuggester
from tui.widgets.attachments_field import AttachmentsField
from tui.widgets.field_error import FieldError
from tui.widgets.markdown_area import MarkdownArea

UNCHANGED = "__unchanged__"


class AnswerForm(Vertical):
    sending: var[bool] = var(False, init=False)

    def __init__(
        self,
        service: HelpdeskService,
        *,
        note: bool,
        statuses: list[tuple[str, str]],
        copied: list[str],
        max_bytes: int,
    ) -> None:
        super().__init__(id="answer-form")
        self.service = service
        self.note = note
        self.statuses = [("Leave the status as it is", UNCHANGED), *statuses]
        self.copied = copied  # who the ticket already copies, as the header names them
        self.max_bytes = max_bytes

    def compose(self) -> ComposeResult:
        if not self.note:  # a note reaches no one outside the helpdesk
            with Horizontal(classes="composer-row", id="cc-row"):
                yield Label("CC", classes="composer-label")
                suggester = CopySuggester(Requesters(self.service))
                placeholder = "add people to copy: emails or names, comma separated"
                yield AddressInput(placeholder=placeholder, suggester=suggester, id="cc")
            if self.copied:
                names = safe(", ".join(self.copied), max_len=120)
                yield Static(f"Already copied: {names}", id="cc-current", markup=False)
            yield FieldError(id="cc-error")
        yield MarkdownArea(id="body", soft_wrap=True, show_line_numbers=False)
        files = AttachmentsField(self.service, self.max_bytes, id="answer-files")
        yield files.data_bind(AnswerForm.sending)
        with Horizontal(classes="composer-row"):
            yield Label("Status after sending:")
            yield Select(self.statuses, allow_blank=False, id="status")

    def watch_sending(self, sending: bool) -> None:
        for widget in self.query("Input, TextArea, Select"):
            widget.disabled = sending  # nothing typed during a send would be sent

    @property
    def files_field(self) -> AttachmentsField:
        return self.query_one(AttachmentsField)

    async def fill(self, answer: Answer) -> None:
        body = self.query_one("#body", TextArea)
        body.text = answer.text
        body.move_cursor(body.document.end)
        select = self.query_one("#status", Select)
        try:
            select.value = answer.status or UNCHANGED
        except InvalidSelectValueError:
            select.value = UNCHANGED  # a status the helpdesk no longer has
        if not self.note:
            self.query_one("#cc", AddressInput).value = answer.cc
        await self.files_field.restore(answer.files)
        self.show_files()

    def read(self) -> Answer:
        status = self.query_one("#status", Select).value
        return Answer(
            text=self.query_one("#body", TextArea).text,
            status="" if status == UNCHANGED else str(status),
            cc="" if self.note else self.query_one("#cc", AddressInput).value,
            files=[(str(f.path), f.inline) for f in self.files_field.files],
        )

    def show_files(self) -> None:
        """The Attachments field takes room only once there is a file."""
        self.files_field.display = bool(self.files_field.files)

    def show_cc_error(self, message: str) -> None:
        if not self.note:
            self.query_one("#cc-error", FieldError).show(message)
