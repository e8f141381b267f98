"""The new-ticket form: requester, subject, Markdown message, routing pickers, labels and
attachments, each with a line for its problem. It shows a `NewTicket` and reads one back,
says who a requester is as it is typed, and locks itself while it is being sent; the
screen around it owns the draft, the file dialog and the send."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.select import InvalidSelectValueError

from tui.state import HelpdeskService
from tui.state.outgoing import FIELDS, NewTicket, Requesters
from tui.text import safe
from tui.widgets.address_input import AddressInput, RequesterSuggester
from tui.widgets.attachments_field import AttachmentsField
from tui.widgets.field_error import FieldError
from tui.widgets.markdown_area import MarkdownArea

Options = list[tuple[Text, int]]


class NewTicketForm(VerticalScroll):
    sending: var[bool] = var(False, init=False)

    def __init__(
        self,
        service: HelpdeskService,
        requesters: Requesters,
        departments: Options,
        agents: Options,
        max_bytes: int,
        *,
        id: str,
    ) -> None:
        super().__init__(id=id)
        self.service = service
        self.max_bytes = max_bytes
        self.requesters = requesters
        self.departments = departments
        self.agents = agents

    # -- layout -----------------------------------------------------------------------

    def _field(self, name: str, label: str, widget: Widget, *notes: Widget) -> ComposeResult:
        with Vertical(classes="field", id=f"{name}-field"):
            with Horizontal(classes="field-row"):
                yield Label(label, classes="field-label")
                yield widget
            yield from notes
            yield FieldError(id=f"{name}-error")

    def compose(self) -> ComposeResult:
        suggester = RequesterSuggester(self.requesters, self.show_requester)
        to = AddressInput(
            placeholder="requester email or name", suggester=suggester, id="to", compact=True
        )
        yield from self._field("to", "To", to, Static("", id="to-hint", markup=False))
        yield from self._field("subject", "Subject", Input(id="subject", compact=True))
        note = Label("Markdown, sent as HTML · ctrl+e opens $EDITOR", classes="field-hint")
        yield from self._field("message", "Message", MarkdownArea(id="message"), note)
        departments = Select(
            self.departments, prompt="Default department", id="department", compact=True
        )
        yield from self._field("department", "Department", departments)
        yield from self._field(
            "agent", "Agent", Select(self.agents, prompt="Unassigned", id="agent", compact=True)
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
        attachments = AttachmentsField(
            self.service, self.max_bytes, classes="field", id="attachments-field"
        )
        yield attachments.data_bind(NewTicketForm.sending)

    def watch_sending(self, sending: bool) -> None:
        self.set_class(sending, "-sending")
        for widget in self.query("Input, TextArea, Select"):
            widget.disabled = sending  # nothing typed during a send would be sent

    # -- the ticket -------------------------------------------------------------------

    def fill(self, ticket: NewTicket) -> None:
        """Show what `ticket` holds, but its files (the Attachments field shows those)."""
        self.query_one("#to", Input).value = ticket.to
        self.query_one("#subject", Input).value = ticket.subject
        self.query_one("#message", TextArea).text = ticket.body
        self.query_one("#labels", Input).value = ticket.labels
        for name in ("department", "agent", "urgency"):
            self._select(name, getattr(ticket, name))

    def _select(self, name: str, value: int | None) -> None:
        select = self.query_one(f"#{name}", Select)
        try:
            select.value = Select.NULL if value is None else value
        except InvalidSelectValueError:
            select.value = Select.NULL  # e.g. a department deleted since the draft

    def list_choices(self, departments: Options, agents: Options, draft: NewTicket) -> None:
        """New options for the pickers, keeping what is chosen (else the draft's choice)."""
        for name, options in (("department", departments), ("agent", agents)):
            select = self.query_one(f"#{name}", Select)
            chosen = select.value if isinstance(select.value, int) else getattr(draft, name)
            select.set_options(options)
            self._select(name, chosen)

    def read(self) -> NewTicket:
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
            files=[(str(f.path), f.inline) for f in self.query_one(AttachmentsField).files],
        )

    # -- problems ---------------------------------------------------------------------

    def show_error(self, name: str, message: str) -> None:
        self.query_one(f"#{name}-error", FieldError).show(message)

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each field's problem under it (cleared where there is none), and the first field
        with one in sight, focused when it can be."""
        for name in FIELDS:
            self.show_error(name, problems.get(name, ""))
        first = next((name for name in FIELDS if name in problems), None)
        if first is not None:
            self.scroll_to_widget(self.query_one(f"#{first}-field"), animate=False)
            target = self.query_one(f"#{first}") if first != "attachments" else None
            if target is not None and target.focusable:
                target.focus()

    # -- the requester ----------------------------------------------------------------

    @on(Input.Blurred, "#to")
    def _resolve_requester(self) -> None:
        """Leaving To with part of a name or address: the one person it matches, or the
        choices; never a silent `mon`."""
        to = self.query_one("#to", Input)
        email, why = self.requesters.resolve(to.value)
        if email and email != to.value.strip():
            to.value = email
        self.show_error("to", why)

    @on(Input.Changed, "#to")
    def show_requester(self) -> None:
        hint = self.requesters.hint(self.query_one("#to", Input).value)
        note = self.query_one("#to-hint", Static)
        note.update(safe(hint, max_len=80))
        note.display = bool(hint)
