"""A new ticket: requester, subject, Markdown message, routing fields and attachments.

The form is saved as a draft on every change and restored when compose opens again, so
neither a failed send, an escape nor a lost SSH connection loses it. Sending uploads the
files (concurrently, with progress), then creates the ticket; on failure everything typed
and every file stays, and problems show under the fields they concern.
"""

from __future__ import annotations

from textual import events, on, work
from textual.app import ComposeResult
from textual.reactive import var
from textual.screen import Screen
from textual.widgets import Input, Label, Select, Static, TextArea

from tui.api import DeskproError, InvalidInputError, Ticket
from tui.commands import Command, bindings
from tui.flows.editor import edit_in_external_editor
from tui.flows.failures import ReportsWorkerFailures
from tui.flows.lookups import agent_options, department_options, lookups_ready
from tui.state import HelpdeskService
from tui.state.outgoing import (
    DEFAULT_MAX_BYTES,
    DRAFT_KEY,
    NewTicket,
    OutgoingFile,
    Requesters,
    UploadsFailedError,
    form_errors,
    send_new_ticket,
    validate,
)
from tui.widgets.attachment_list import AttachmentList
from tui.widgets.attachments_field import AttachmentsField
from tui.widgets.field_error import FieldError
from tui.widgets.key_footer import KeyFooter
from tui.widgets.new_ticket_form import NewTicketForm


class ComposeScreen(ReportsWorkerFailures, Screen[int | None]):
    """Dismisses with the new ticket's id, or None when left without sending."""

    FORM_COMMANDS = (
        Command("compose.send", "ctrl+s", "send", "Send", "Upload the files and create the ticket"),
        Command("compose.attach", "ctrl+o", "attach", "Attach", "Add a file to the ticket"),
        Command(
            "compose.template",
            "ctrl+t",
            "template",
            "Template",
            "Insert a snippet or template at the cursor",
        ),
        Command("compose.editor", "ctrl+e", "editor", "$EDITOR", "Write the message in $EDITOR"),
        Command("compose.close", "escape", "close", "Close", "Leave: keep or discard the draft"),
    )
    COMMANDS_LIST = FORM_COMMANDS + AttachmentList.COMMANDS
    BINDINGS = bindings(FORM_COMMANDS)  # the file keys live on the list: x is a letter too

    sending: var[bool] = var(False)  # bound into the form, which locks itself meanwhile

    def __init__(self, service: HelpdeskService, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.service = service
        self.max_bytes = max_bytes
        self.requesters = Requesters(service)

    @property
    def files(self) -> list[OutgoingFile]:
        """The files going out, in the order added (the Attachments field holds them)."""
        return self.query_one(AttachmentsField).files

    def compose(self) -> ComposeResult:
        yield Label("New ticket", classes="dialog-title", id="compose-title")
        departments, agents = department_options(self.service), agent_options(self.service)
        form = NewTicketForm(
            self.service, self.requesters, departments, agents, self.max_bytes, id="compose-form"
        )
        yield form.data_bind(ComposeScreen.sending)
        yield FieldError(id="form-error")
        yield KeyFooter()

    @work(group="lookups", exit_on_error=False)
    async def _fill_pickers(self, draft: NewTicket) -> None:
        """Opened before start-up fetched agents and departments: list them once here."""
        if await lookups_ready(self, self.service, wants=("departments", "agents")):
            form = self.query_one(NewTicketForm)
            form.list_choices(department_options(self.service), agent_options(self.service), draft)

    # -- draft ------------------------------------------------------------------------

    async def on_mount(self) -> None:
        draft = NewTicket.from_draft(self.service.drafts.get(DRAFT_KEY) or {})
        self.query_one(NewTicketForm).fill(draft)
        if not self.service.lookups.loaded_all:
            self._fill_pickers(draft)
        await self.query_one(AttachmentsField).restore(draft.files)
        self.check_requester(draft.to)
        # Continue where the agent stopped: the first required field still empty.
        empty = [f for f in ("to", "subject") if not self.query_one(f"#{f}", Input).value]
        self.query_one(f"#{empty[0]}" if empty else "#message").focus()

    def read_form(self) -> NewTicket:
        return self.query_one(NewTicketForm).read()

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(AttachmentsField.Changed)
    def save_draft(self) -> None:
        ticket = self.read_form()
        if ticket.is_empty:
            self.service.drafts.discard(DRAFT_KEY)
        else:
            self.service.drafts.save(DRAFT_KEY, ticket.to_draft())

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        # Light up the label of the field being edited (CSS :focus-within lags behind).
        for field in self.query(".field"):
            field.set_class(event.widget in field.query("*").nodes, "-focused")

    @work(group="requester", exit_on_error=False)
    async def check_requester(self, email: str) -> None:
        """A restored requester: ask the helpdesk whether the person exists."""
        await self.requesters.look_up(email)
        self.query_one(NewTicketForm).show_requester()

    # -- files ------------------------------------------------------------------------

    @work(exclusive=True, group="attach", exit_on_error=False)
    async def action_attach(self) -> None:
        if not self.sending:
            files = self.query_one(AttachmentsField)
            await files.pick(save=self.save_draft, send=self.action_send)

    def action_remove_file(self) -> None:
        self.query_one(AttachmentList).action_remove_file()

    def action_toggle_inline(self) -> None:
        self.query_one(AttachmentList).action_toggle_inline()

    def action_retry_file(self) -> None:
        self.query_one(AttachmentList).action_retry_file()

    # -- actions ----------------------------------------------------------------------

    @work(exclusive=True, group="template", exit_on_error=False)
    async def action_template(self) -> None:
        from tui.flows.templates import insert_template

        typed = self.read_form()
        ticket = Ticket(id=0, subject=typed.subject.strip(), person_email=typed.to.strip())
        requester = self.requesters.find(typed.to)
        await insert_template(
            self, self.service, ticket, self.query_one("#message", TextArea), requester
        )

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
            self.service.pending.settle(DRAFT_KEY)  # the draft ends here, and so does its write
            self.dismiss(None)
            return
        choice = await self.app.push_screen_wait(KeepDraftScreen())
        if choice == "discard":
            self.service.drafts.discard(DRAFT_KEY)
            self.service.pending.settle(DRAFT_KEY)
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

    def show_errors(self, problems: dict[str, str]) -> None:
        self.query_one(NewTicketForm).show_problems(problems)
        self.query_one("#form-error", FieldError).show(problems.get("form", ""))

    def _busy(self, sending: bool) -> None:
        self.sending = sending
        status = self.query_one("#form-error", Static)
        status.update("Sending: uploading files, then creating the ticket…" if sending else "")
        status.set_class(sending, "-shown", "-busy")

    @work(exclusive=True, group="send", exit_on_error=False)
    async def send(self, ticket: NewTicket) -> None:
        self._busy(True)
        # Kept by the service across attempts, so sending again never creates it twice.
        pending = self.service.pending.get(DRAFT_KEY)
        try:
            progress = self.query_one(AttachmentsField).progress
            created = await send_new_ticket(self.service, ticket, self.files, progress, pending)
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
        self.service.pending.settle(DRAFT_KEY)
        self.service.drafts.discard(DRAFT_KEY)
        self.dismiss(created.id)
