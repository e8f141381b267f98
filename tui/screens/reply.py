"""The reply / internal note composer: Markdown in, HTML out, never losing the text.

The draft is saved as it changes; it is discarded only once the server confirmed the
message. A failed send leaves the composer open with the text and the reason.
"""

from __future__ import annotations

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, Select, Static, TextArea

from tui.api import DeskproError, Ticket
from tui.flows.editor import edit_in_external_editor
from tui.flows.failures import ReportsWorkerFailures
from tui.state import HelpdeskService
from tui.state.pending import StatusNotSetError
from tui.text import markdown_to_html, message_text, safe
from tui.widgets.markdown_area import MarkdownArea

UNCHANGED = "__unchanged__"
ANSWERING_LINES = 6  # of the message being answered, shown above the text


class ReplyScreen(ReportsWorkerFailures, ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "send", "Send", id="reply.send"),
        Binding("ctrl+e", "editor", "$EDITOR", id="reply.editor"),
        Binding("escape", "close", "Close (keeps draft)", id="reply.close"),
    ]

    def __init__(self, service: HelpdeskService, ticket: Ticket, *, note: bool) -> None:
        super().__init__()
        self.service = service
        self.ticket = ticket
        self.note = note
        self.draft_key = f"{'note' if note else 'reply'}-{ticket.id}"

    def _status_options(self) -> list[tuple[str, str]]:
        statuses = [s for s in self.service.lookups.status_choices() if "." not in s.status_code]
        options = [
            (f"{s.title or s.status_code} ({s.status_code})", s.status_code) for s in statuses
        ]
        return [("Leave the status as it is", UNCHANGED), *options]

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
            yield MarkdownArea(id="body", soft_wrap=True, show_line_numbers=False)
            with Horizontal(classes="composer-row"):
                yield Label("Status after sending:")
                yield Select(self._status_options(), allow_blank=False, id="status")
            yield Static("", id="send-error")
            yield Label(
                "Markdown · ctrl+s send · ctrl+e $EDITOR · esc close (draft kept)", classes="hint"
            )

    def on_mount(self) -> None:
        draft = self.service.drafts.get(self.draft_key) or {}
        body = self.query_one("#body", TextArea)
        body.text = draft.get("text", "")
        default = UNCHANGED if self.note else "awaiting_user"
        status = draft.get("status", default)
        select = self.query_one("#status", Select)
        known = {value for _label, value in self._status_options()}
        select.value = status if status in known else UNCHANGED
        body.move_cursor(body.document.end)
        body.focus()

    @on(TextArea.Changed, "#body")
    @on(Select.Changed, "#status")
    def _save_draft(self) -> None:
        text = self.query_one("#body", TextArea).text
        if text.strip():
            status = self.query_one("#status", Select).value
            self.service.drafts.save(self.draft_key, {"text": text, "status": status})
        else:
            self.service.drafts.discard(self.draft_key)

    def action_close(self) -> None:
        if self.query_one("#body", TextArea).text.strip():
            self.notify("Draft kept: press the same key on this ticket to continue it.")
        self.dismiss(False)

    async def action_editor(self) -> None:
        body = self.query_one("#body", TextArea)
        edited = await edit_in_external_editor(self.app, body.text)
        if edited is not None:
            body.text = edited

    @work(exclusive=True, group="send", exit_on_error=False)
    async def action_send(self) -> None:
        text = self.query_one("#body", TextArea).text
        error = self.query_one("#send-error", Static)
        if not text.strip():
            error.update("Write something first: the message is empty.")
            return
        status = self.query_one("#status", Select).value
        # Kept by the service across attempts, so sending again never posts it twice.
        pending = self.service.pending.get(self.draft_key)
        error.update("Checking whether it arrived…" if pending.uncertain else "Sending…")
        try:
            await self.service.changes.send_message(
                self.ticket.id,
                markdown_to_html(text),
                note=self.note,
                status=None if status == UNCHANGED else str(status),
                pending=pending,
            )
        except StatusNotSetError as exc:
            self.notify(str(exc), severity="warning", timeout=15)
        except DeskproError as exc:
            error.update(f"Not sent: {exc}\n{self._again(pending.uncertain)}")
            return
        if pending.found_after_failure:
            self.notify("It had been saved after all: not sent twice.")
        self.service.pending.settle(self.draft_key)
        self.service.drafts.discard(self.draft_key)
        self.dismiss(True)

    @staticmethod
    def _again(uncertain: bool) -> str:
        if uncertain:
            return (
                "Your text is kept; ctrl+s first checks whether it arrived, "
                "and sends it only if it did not."
            )
        return "Your text is kept; press ctrl+s to try again."
