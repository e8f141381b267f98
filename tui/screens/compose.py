"""A new ticket: requester, subject, Markdown message, routing fields and attachments.

The form is saved as a draft on every change and restored when compose opens again, so
neither a failed send, an escape nor a lost SSH connection loses it. Sending uploads the
files (concurrently, with progress), then creates the ticket; on failure everything typed
and every file stays, and problems show under the fields they concern.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from tui.api import DeskproError, InvalidInputError
from tui.commands import Command, bindings
from tui.flows.editor import edit_in_external_editor
from tui.flows.failures import ReportsWorkerFailures
from tui.flows.lookups import agent_options, department_options, lookups_ready
from tui.state import HelpdeskService
from tui.state.outgoing import (
    DEFAULT_MAX_BYTES,
    DRAFT_KEY,
    FIELDS,
    NewTicket,
    OutgoingFile,
    Requesters,
    UploadsFailedError,
    check_file,
    form_errors,
    looks_like_email,
    send_new_ticket,
    upload_file,
    validate,
)
from tui.text import safe
from tui.widgets.attachment_list import AttachmentList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.markdown_area import MarkdownArea


class RequesterSuggester(Suggester):
    """Completes requester emails; a full email is looked up on the helpdesk, then
    `looked_up` is called so the form can say whether the person exists."""

    def __init__(self, requesters: Requesters, looked_up: Callable[[], None]) -> None:
        super().__init__(use_cache=False)  # the people store grows as we look people up
        self.requesters = requesters
        self.looked_up = looked_up

    async def get_suggestion(self, value: str) -> str | None:
        if known := self.requesters.complete(value):
            return known
        if looks_like_email(value):
            await self.requesters.look_up(value)
            self.looked_up()
        return None


class AddressInput(Input):
    """An address field: Tab (like →) takes the completion shown, then moves on."""

    BINDINGS = [Binding("tab", "take_and_move", "Next field", show=False)]

    def action_take_and_move(self) -> None:
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        self.screen.focus_next()


class ComposeScreen(ReportsWorkerFailures, Screen[int | None]):
    """Dismisses with the new ticket's id, or None when left without sending."""

    FORM_COMMANDS = (
        Command("compose.send", "ctrl+s", "send", "Send", "Upload the files and create the ticket"),
        Command("compose.attach", "ctrl+o", "attach", "Attach", "Add a file to the ticket"),
        Command("compose.editor", "ctrl+e", "editor", "$EDITOR", "Write the message in $EDITOR"),
        Command("compose.close", "escape", "close", "Close", "Leave: keep or discard the draft"),
    )
    COMMANDS_LIST = FORM_COMMANDS + AttachmentList.COMMANDS
    BINDINGS = bindings(FORM_COMMANDS)  # the file keys live on the list: x is a letter too

    def __init__(self, service: HelpdeskService, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.service = service
        self.max_bytes = max_bytes
        self.files: list[OutgoingFile] = []
        self.sending = False
        self.requesters = Requesters(service)
        self.last_folder: Path | None = None

    # -- layout -----------------------------------------------------------------------

    def _field(self, name: str, label: str, widget: Widget, *notes: Widget) -> ComposeResult:
        with Vertical(classes="field", id=f"{name}-field"):
            with Horizontal(classes="field-row"):
                yield Label(label, classes="field-label")
                yield widget
            yield from notes
            yield Static("", classes="field-error", id=f"{name}-error", markup=False)

    def compose(self) -> ComposeResult:
        yield Label("New ticket", classes="dialog-title", id="compose-title")
        with VerticalScroll(id="compose-form"):
            suggester = RequesterSuggester(self.requesters, self._show_requester)
            to = AddressInput(
                placeholder="requester email or name", suggester=suggester, id="to", compact=True
            )
            yield from self._field("to", "To", to, Static("", id="to-hint", markup=False))
            yield from self._field("subject", "Subject", Input(id="subject", compact=True))
            note = Label("Markdown, sent as HTML · ctrl+e opens $EDITOR", classes="field-hint")
            yield from self._field("message", "Message", MarkdownArea(id="message"), note)
            yield from self._field("department", "Department", self._department_select())
            agents = agent_options(self.service)
            yield from self._field(
                "agent", "Agent", Select(agents, prompt="Unassigned", id="agent", compact=True)
            )
            urgencies = [(str(n), n) for n in range(1, 11)]
            yield from self._field(
                "urgency",
                "Urgency",
                Select(urgencies, prompt="Default", id="urgency", compact=True),
            )
            yield from self._field(
                "labels", "Labels", Input(placeholder="comma, separated", id="labels", compact=True)
            )
            with Vertical(classes="field", id="attachments-field"):
                yield Label("Attachments", classes="field-label")
                yield Static("None yet: ctrl+o adds a file.", id="no-files", classes="hint")
                yield AttachmentList(id="attachments")
                yield Static("", classes="field-error", id="attachments-error", markup=False)
        yield Static("", id="form-error", classes="field-error", markup=False)
        yield KeyFooter()

    def _department_select(self) -> Select[int]:
        options = department_options(self.service)
        return Select(options, prompt="Default department", id="department", compact=True)

    @work(group="lookups", exit_on_error=False)
    async def _fill_pickers(self, draft: NewTicket) -> None:
        """Opened before start-up fetched agents and departments: list them once here."""
        if await lookups_ready(self, self.service, wants=("departments", "agents")):
            for name, options in (
                ("department", department_options(self.service)),
                ("agent", agent_options(self.service)),
            ):
                select = self.query_one(f"#{name}", Select)
                chosen = select.value if isinstance(select.value, int) else getattr(draft, name)
                select.set_options(options)
                self._select(name, chosen)

    # -- draft ------------------------------------------------------------------------

    async def on_mount(self) -> None:
        draft = NewTicket.from_draft(self.service.drafts.get(DRAFT_KEY) or {})
        self.query_one("#to", Input).value = draft.to
        self.query_one("#subject", Input).value = draft.subject
        self.query_one("#message", TextArea).text = draft.body
        self.query_one("#labels", Input).value = draft.labels
        for name, value in (("department", draft.department), ("agent", draft.agent)):
            self._select(name, value)
        if not self.service.lookups_loaded:
            self._fill_pickers(draft)
        self._select("urgency", draft.urgency)
        self.files = [OutgoingFile.from_path(Path(p), inline) for p, inline in draft.files]
        await self._show_files()
        problems = [m for f in self.files if (m := check_file(f.path, self.max_bytes))]
        self._set_error("attachments", " ".join(problems))
        self.check_requester(draft.to)
        # Continue where the agent stopped: the first required field still empty.
        empty = [f for f in ("to", "subject") if not self.query_one(f"#{f}", Input).value]
        self.query_one(f"#{empty[0]}" if empty else "#message").focus()

    def _select(self, name: str, value: int | None) -> None:
        select = self.query_one(f"#{name}", Select)
        try:
            select.value = Select.NULL if value is None else value
        except InvalidSelectValueError:
            select.value = Select.NULL  # e.g. a department deleted since the draft

    def read_form(self) -> NewTicket:
        def chosen(name: str) -> int | None:
            value = self.query_one(f"#{name}", Select).value
            return value if isinstance(value, int) else None

        return NewTicket(
            to=self.query_one("#to", Input).value,
            subject=self.query_one("#subject", Input).value,
            body=self.query_one("#message", TextArea).text,
            department=chosen("department"),
            agent=chosen("agent"),
            urgency=chosen("urgency"),
            labels=self.query_one("#labels", Input).value,
            files=[(str(f.path), f.inline) for f in self.files],
        )

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    def save_draft(self) -> None:
        ticket = self.read_form()
        if ticket.is_empty:
            self.service.drafts.discard(DRAFT_KEY)
        else:
            self.service.drafts.save(DRAFT_KEY, ticket.to_draft())

    @on(Input.Blurred, "#to")
    def _resolve_requester(self) -> None:
        """Leaving To with part of a name or address: the one person it matches, or the
        choices; never a silent `mon`."""
        to = self.query_one("#to", Input)
        email, why = self.requesters.resolve(to.value)
        if email and email != to.value.strip():
            to.value = email
        self._set_error("to", why)

    @on(Input.Changed, "#to")
    def _show_requester(self) -> None:
        hint = self.requesters.hint(self.query_one("#to", Input).value)
        note = self.query_one("#to-hint", Static)
        note.update(safe(hint, max_len=80))
        note.display = bool(hint)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Light up the label of the field being edited (CSS :focus-within lags behind).
        for field in self.query(".field"):
            field.set_class(event.widget in field.query("*").nodes, "-focused")

    @work(group="requester", exit_on_error=False)
    async def check_requester(self, email: str) -> None:
        """A restored requester: ask the helpdesk whether the person exists."""
        await self.requesters.look_up(email)
        self._show_requester()

    # -- errors -----------------------------------------------------------------------

    def _set_error(self, name: str, message: str) -> None:
        error = self.query_one(f"#{name}-error", Static)
        error.update(safe(message))
        error.set_class(bool(message), "-shown")

    def show_errors(self, problems: dict[str, str]) -> None:
        for name in (*FIELDS, "form"):
            self._set_error(name, problems.get(name, ""))
        first = next((name for name in FIELDS if name in problems), None)
        if first is not None:
            field = self.query_one(f"#{first}-field")
            self.query_one("#compose-form", VerticalScroll).scroll_to_widget(field, animate=False)
            target = self.query_one(f"#{first}") if first != "attachments" else None
            if target is not None and target.focusable:
                target.focus()

    # -- files ------------------------------------------------------------------------

    async def _show_files(self) -> None:
        self.query_one("#no-files").display = not self.files
        listing = self.query_one(AttachmentList)
        listing.display = bool(self.files)
        await listing.show(self.files)

    def _progress(self, file: OutgoingFile) -> None:
        self.query_one(AttachmentList).update_file(file)

    @work(exclusive=True, group="attach", exit_on_error=False)
    async def action_attach(self) -> None:
        from tui.screens.attach import AttachScreen

        if self.sending:
            return
        path = await self.app.push_screen_wait(AttachScreen(self.last_folder, self.max_bytes))
        if path is None:
            return
        self.last_folder = path.parent
        if any(f.path.resolve() == path.resolve() for f in self.files):
            self.notify(f"{safe(path.name)} is already attached.", severity="warning")
            return
        self.files.append(OutgoingFile.from_path(path))
        await self._show_files()
        listing = self.query_one(AttachmentList)
        listing.index = len(self.files) - 1
        self._set_error("attachments", "")
        self.save_draft()

    @on(AttachmentList.Remove)
    async def _remove(self, event: AttachmentList.Remove) -> None:
        if self.sending or event.file.state == "uploading":
            self.notify("Wait for the upload to finish first.", severity="warning")
            return
        self.files.remove(event.file)
        await self._show_files()
        if self.files:
            self.query_one(AttachmentList).focus()
        self.save_draft()

    @on(AttachmentList.ToggleInline)
    def _toggle_inline(self, event: AttachmentList.ToggleInline) -> None:
        if not event.file.is_image:
            self.notify("Only images can be shown inline; other files are attached.")
            return
        event.file.inline = not event.file.inline
        self._progress(event.file)
        self.save_draft()

    @on(AttachmentList.Retry)
    def _retry(self, event: AttachmentList.Retry) -> None:
        if event.file.state != "failed":
            self.notify("Only a failed upload needs a retry.")
        elif not self.sending:
            event.file.reset()
            self.retry_upload(event.file)

    @work(group="retry", exit_on_error=False)
    async def retry_upload(self, file: OutgoingFile) -> None:
        try:
            await upload_file(self.service, file, self._progress)
        except (DeskproError, OSError):
            return  # the row shows why
        if all(f.state == "uploaded" for f in self.files):
            self._set_error("attachments", "")

    def action_remove_file(self) -> None:
        self.query_one(AttachmentList).action_remove_file()

    def action_toggle_inline(self) -> None:
        self.query_one(AttachmentList).action_toggle_inline()

    def action_retry_file(self) -> None:
        self.query_one(AttachmentList).action_retry_file()

    # -- actions ----------------------------------------------------------------------

    async def action_editor(self) -> None:
        body = self.query_one("#message", TextArea)
        edited = await edit_in_external_editor(self.app, body.text)
        if edited is not None:
            body.text = edited

    @work(exclusive=True, group="close", exit_on_error=False)
    async def action_close(self) -> None:
        from tui.screens.keep_draft import KeepDraftScreen

        if self.sending:
            self.notify("Sending… wait for it to finish.")
            return
        if self.read_form().is_empty:
            self.service.drafts.discard(DRAFT_KEY)
            self.service.settle(DRAFT_KEY)  # the draft ends here, and so does its write
            self.dismiss(None)
            return
        choice = await self.app.push_screen_wait(KeepDraftScreen())
        if choice == "discard":
            self.service.drafts.discard(DRAFT_KEY)
            self.service.settle(DRAFT_KEY)
        elif choice == "keep":
            self.save_draft()
            self.notify("Draft kept: press c on the queues to continue it.")
        if choice is not None:
            self.dismiss(None)

    def action_send(self) -> None:
        if self.sending:
            return
        if any(f.state == "uploading" for f in self.files):
            self.notify("A file is still uploading; send when it is done.")
            return
        ticket = self.read_form()
        problems = validate(ticket, self.max_bytes)
        self.show_errors(problems)
        if not problems:
            self.send(ticket)

    def _busy(self, sending: bool) -> None:
        self.sending = sending
        self.query_one("#compose-form").set_class(sending, "-sending")
        for widget in self.query(
            "#compose-form Input, #compose-form TextArea, #compose-form Select"
        ):
            widget.disabled = sending  # nothing typed during a send would be sent
        status = self.query_one("#form-error", Static)
        status.update("Sending: uploading files, then creating the ticket…" if sending else "")
        status.set_class(sending, "-shown", "-busy")

    @work(exclusive=True, group="send", exit_on_error=False)
    async def send(self, ticket: NewTicket) -> None:
        self._busy(True)
        # Kept by the service across attempts, so sending again never creates it twice.
        pending = self.service.pending_write(DRAFT_KEY)
        try:
            created = await send_new_ticket(
                self.service, ticket, self.files, self._progress, pending
            )
        except UploadsFailedError as exc:
            self._busy(False)
            self.show_errors({"attachments": str(exc)})
            self.query_one(AttachmentList).focus()
            return
        except InvalidInputError as exc:
            self._busy(False)
            self.show_errors(form_errors(exc))
            return
        except DeskproError as exc:
            self._busy(False)
            again = (
                " ctrl+s first checks whether it was created, and creates it only if not."
                if pending.uncertain
                else ""
            )
            self.show_errors({"form": f"Not sent: {exc} Everything you typed is kept.{again}"})
            return
        if pending.found_after_failure:
            self.notify("It had been saved after all: not sent twice.")
        self.service.settle(DRAFT_KEY)
        self.service.drafts.discard(DRAFT_KEY)
        self.dismiss(created.id)
