"""The reply / internal note composer: Markdown in, HTML out, never losing the text.

The draft (text, CC, files, status) is saved as it changes; it is discarded only once the
server confirmed the message. A failed send leaves the composer open with everything and
the reason. While it is open the ticket is locked, so other agents see who is answering.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Select, Static, TextArea

from tui.api import DeskproError, InvalidInputError, Ticket
from tui.flows.collisions import person_name
from tui.flows.editor import edit_in_external_editor
from tui.flows.failures import ReportsWorkerFailures
from tui.flows.lookups import tell_once
from tui.state import HelpdeskService
from tui.state.locks import LOCKS
from tui.state.outgoing import DEFAULT_MAX_BYTES, Requesters, UploadsFailedError
from tui.state.outgoing.answer import Answer, cc_addresses, send_answer
from tui.state.pending import StatusNotSetError
from tui.text import message_text, safe
from tui.widgets.answer_form import AnswerForm
from tui.widgets.attachments_field import AttachmentsField

ANSWERING_LINES = 6  # of the message being answered, shown above the text


class ReplyScreen(ReportsWorkerFailures, ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "send", "Send", id="reply.send"),
        Binding("ctrl+o", "attach", "Attach", id="reply.attach"),
        Binding("ctrl+t", "template", "Template", id="reply.template"),
        Binding("ctrl+e", "editor", "$EDITOR", id="reply.editor"),
        Binding("escape", "close", "Close (keeps draft)", id="reply.close"),
    ]

    def __init__(
        self,
        service: HelpdeskService,
        ticket: Ticket,
        *,
        note: bool,
        max_bytes: int = DEFAULT_MAX_BYTES,
    ) -> None:
        super().__init__()
        self.service = service
        self.ticket = ticket
        self.note = note
        self.max_bytes = max_bytes
        self.draft_key = f"{'note' if note else 'reply'}-{ticket.id}"
        self.sending = False

    @property
    def form(self) -> AnswerForm:
        return self.query_one(AnswerForm)

    def _status_options(self) -> list[tuple[str, str]]:
        statuses = [s for s in self.service.lookups.status_choices() if "." not in s.status_code]
        return [(f"{s.title or s.status_code} ({s.status_code})", s.status_code) for s in statuses]

    def _answering(self) -> str:
        """The message being answered, so the conversation stays in sight: the latest
        one not a note, its first lines (without the earlier mail it quotes)."""
        thread = self.service.threads.cached(self.ticket.id) or []
        answered = [m for m in thread if not m.is_agent_note]
        latest = (answered or thread or [None])[-1]
        if latest is None:
            return ""
        author = self.service.people.get(latest.person)
        name = author.label if author else f"person #{latest.person}"
        lines = message_text(latest.message or latest.message_preview_text).splitlines()
        lines = [line for line in lines if line.strip() and not line.startswith(">")]
        shown = lines[:ANSWERING_LINES]
        more = "\n…" if len(lines) > len(shown) else ""
        return f"{safe(name)} wrote:\n" + "\n".join(safe(line) for line in shown) + more

    def _copied(self) -> list[str]:
        people = (self.service.people.get(i) for i in self.ticket.cc)
        return [
            p.label if p else f"person #{i}" for i, p in zip(self.ticket.cc, people, strict=True)
        ]

    def compose(self) -> ComposeResult:
        kind = "Internal note on" if self.note else "Reply to"
        with Vertical(classes="dialog composer"):
            yield Label(
                f"{kind} #{self.ticket.id}: {safe(self.ticket.subject, max_len=60)}",
                classes="dialog-title",
                markup=False,
            )
            if answering := self._answering():
                yield Static(answering, id="answering", markup=False)
            yield AnswerForm(
                self.service,
                note=self.note,
                statuses=self._status_options(),
                copied=[person_name(self.service, i) for i in self.ticket.cc],
                max_bytes=self.max_bytes,
            )
            yield Static("", id="send-error")
            yield Label(
                "Markdown · ^s send · ^o attach · ^t template · ^e $EDITOR"
                " · esc close (draft kept)",
                classes="hint",
            )

    async def on_mount(self) -> None:
        draft = self.service.drafts.get(self.draft_key)
        answer = Answer.from_draft(draft or {})
        if draft is None and not self.note:
            answer.status = "awaiting_user"  # an answer usually waits on the requester
        await self.form.fill(answer)
        self.query_one("#body", TextArea).focus()
        self.take_lock()

    # -- the lock ---------------------------------------------------------------------

    @work(group="lock", exit_on_error=False)
    async def take_lock(self) -> None:
        me = self.service.lookups.me
        error = await self.service.locks.take(self.ticket.id, me.id if me else None)
        if error is not None:  # refused or missing: said once a session
            tell_once(self, self.service, {"locks": (LOCKS, error)})

    def on_unmount(self) -> None:
        # Sent or closed: the lock goes (from the app, which outlives this screen).
        self.app.run_worker(
            self.service.locks.release(self.ticket.id), group="locks", exit_on_error=False
        )

    # -- the draft --------------------------------------------------------------------

    @on(TextArea.Changed, "#body")
    @on(Select.Changed, "#status")
    @on(Input.Changed, "#cc")
    @on(AttachmentsField.Changed)
    def _save_draft(self) -> None:
        answer = self.form.read()
        self.form.show_files()
        if answer.is_empty:
            self.service.drafts.discard(self.draft_key)
        else:
            self.service.drafts.save(self.draft_key, answer.to_draft())

    def action_close(self) -> None:
        if self.sending:
            self.notify("Sending… wait for it to finish.")
            return
        if not self.form.read().is_empty:
            self.notify("Draft kept: press the same key on this ticket to continue it.")
        self.dismiss(False)

    # -- composing --------------------------------------------------------------------

    @work(exclusive=True, group="attach", exit_on_error=False)
    async def action_attach(self) -> None:
        if not self.sending:
            await self.form.files_field.pick(save=self._save_draft, send=self.action_send)

    @work(exclusive=True, group="template", exit_on_error=False)
    async def action_template(self) -> None:
        from tui.flows.templates import insert_template

        await insert_template(self, self.service, self.ticket, self.query_one("#body", TextArea))

    async def action_editor(self) -> None:
        body = self.query_one("#body", TextArea)
        edited = await edit_in_external_editor(self.app, body.text)
        if edited is not None:
            body.text = edited

    # -- sending ----------------------------------------------------------------------

    def action_send(self) -> None:
        if self.sending:
            return
        answer = self.form.read()
        error = self.query_one("#send-error", Static)
        if not answer.text.strip():
            error.update("Write something first: the message is empty.")
            return
        if any(f.state == "uploading" for f in self.form.files_field.files):
            self.notify("A file is still uploading; send when it is done.")
            return
        cc, problem = cc_addresses(answer.cc, Requesters(self.service))
        self.form.show_cc_error(problem)
        if problem:
            error.update("Not sent: correct the CC line first.")
            return
        self.send(answer, cc)

    def _busy(self, sending: bool, text: str = "") -> None:
        self.sending = self.form.sending = sending
        self.query_one("#send-error", Static).update(text)

    @work(exclusive=True, group="send", exit_on_error=False)
    async def send(self, answer: Answer, cc: list[str]) -> None:
        # Kept by the service across attempts, so sending again never posts it twice.
        pending = self.service.pending.get(self.draft_key)
        self._busy(True, "Checking whether it arrived…" if pending.uncertain else "Sending…")
        files = self.form.files_field
        try:
            await send_answer(
                self.service,
                self.ticket.id,
                answer,
                note=self.note,
                cc=cc,
                files=files.files,
                on_progress=files.progress,
                pending=pending,
            )
        except StatusNotSetError as exc:
            self.notify(str(exc), severity="warning", timeout=15)
        except UploadsFailedError as exc:
            self._busy(False, f"{exc}\n{exc.hint}")
            files.show_error(str(exc))
            return
        except InvalidInputError as exc:
            self._busy(False, f"Not sent: {exc}\n{self._again(pending.uncertain)}")
            if any(name.startswith("cc") for name in exc.field_errors):
                self.form.show_cc_error(str(exc))
            return
        except DeskproError as exc:
            self._busy(False, f"Not sent: {exc}\n{self._again(pending.uncertain)}")
            return
        if pending.found_after_failure:
            self.notify("It had been saved after all: not sent twice.")
        self.service.pending.settle(self.draft_key)
        self.service.drafts.discard(self.draft_key)
        self.sending = False
        self.dismiss(True)

    @staticmethod
    def _again(uncertain: bool) -> str:
        if uncertain:
            return (
                "Your text is kept; ctrl+s first checks whether it arrived, "
                "and sends it only if it did not."
            )
        return "Your text is kept; press ctrl+s to try again."
