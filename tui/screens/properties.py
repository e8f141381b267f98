"""`e`: a ticket's properties (or the marked tickets'), edited in one form and sent as one
`PUT /tickets/{id}` a ticket with only what changed. The change shows everywhere at once
and is rolled back if the helpdesk refuses it; its field errors then show beside their
fields, and the form stays open with what the agent chose."""

from __future__ import annotations

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

from tui.api import DeskproError
from tui.flows.failures import ReportsWorkerFailures
from tui.screens.confirm import ConfirmScreen
from tui.state import HelpdeskService
from tui.state.properties import Values, properties_of, put_body
from tui.state.property_form import form_fields, own_problems, server_problems
from tui.text import safe
from tui.widgets.field_error import FieldError
from tui.widgets.properties_form import PropertiesForm


class PropertiesScreen(ReportsWorkerFailures, ModalScreen[bool]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="properties.save"),
        Binding("escape", "close", "Cancel", id="properties.close"),
    ]

    def __init__(self, service: HelpdeskService, ticket_ids: list[int]) -> None:
        super().__init__()
        self.service = service
        self.ticket_ids = ticket_ids
        lookups = service.lookups
        tickets = [t for i in ticket_ids if (t := service.tickets.get(i)) is not None]
        custom = [f for f in lookups.custom_fields if f.is_enabled]
        self.initial = properties_of(tickets, custom)
        self.asked = form_fields(
            priorities=lookups.priorities,
            departments=service.departments.values(),
            teams=lookups.team_names,
            custom=custom,
            initial=self.initial,
        )
        self.start: Values = {}  # what the inputs read before the agent touched them

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog properties"):
            yield Label(self._title(), classes="dialog-title", markup=False)
            if len(self.ticket_ids) > 1:
                yield Label(
                    "Only what you change is sent; (differs) stays as each ticket has it.",
                    classes="hint",
                    markup=False,
                )
            yield PropertiesForm(
                self.asked, self.initial, self.service.lookups.label_names, id="properties-form"
            )
            yield FieldError(id="form-error")
            yield Label("ctrl+s save · tab next · esc cancel", classes="hint", markup=False)

    def _title(self) -> str:
        if len(self.ticket_ids) > 1:
            return f"Properties of {len(self.ticket_ids)} tickets"
        ticket = self.service.tickets.get(self.ticket_ids[0])
        subject = safe(ticket.subject, max_len=60) if ticket else ""
        return f"Properties of #{self.ticket_ids[0]}  {subject}".rstrip()

    def on_mount(self) -> None:
        self.start = self.query_one(PropertiesForm).read()
        self.focus_next()  # the first input

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        for field in self.query(".field"):
            field.set_class(event.widget in field.query("*").nodes, "-focused")

    def wanted(self) -> Values:
        """The form as the agent left it; an input untouched keeps the tickets' value
        (so "(differs)" and a value the inputs cannot show are never sent)."""
        read = self.query_one(PropertiesForm).read()
        return {k: (self.initial.get(k) if v == self.start.get(k) else v) for k, v in read.items()}

    # -- saving -----------------------------------------------------------------------

    def action_save(self) -> None:
        self.save()

    @work(exclusive=True, group="save", exit_on_error=False)
    async def save(self) -> None:
        form = self.query_one(PropertiesForm)
        wanted = self.wanted()
        if problems := own_problems(self.asked, wanted):
            self._show(problems)
            return
        body = put_body(self.initial, wanted)
        if not body:
            self.notify("Nothing changed.")
            self.dismiss(False)
            return
        many = len(self.ticket_ids)
        if many > 1 and not await self.app.push_screen_wait(
            ConfirmScreen(f"Change {', '.join(_named(body))} of {many} tickets?")
        ):
            return
        self._show({"form": "Saving…"})
        form.sending = True
        try:
            failures = await self.service.changes.update_many(self.ticket_ids, **body)
        finally:
            form.sending = False
        saved = len(self.ticket_ids) - len(failures)
        what = f"#{self.ticket_ids[0]}" if len(self.ticket_ids) == 1 else f"{saved} tickets"
        if not failures:
            self.notify(f"{what}: properties saved.")
            self.dismiss(True)
            return
        self._show(self._problems(failures, saved))

    def _problems(self, failures: dict[int, DeskproError], saved: int) -> dict[str, str]:
        first = next(iter(failures.values()))
        problems = server_problems(first, self.asked)
        if len(self.ticket_ids) > 1:
            refused = ", ".join(f"#{i}" for i in failures)
            lead = f"{saved} of {len(self.ticket_ids)} saved; not saved: {refused}."
            problems["form"] = f"{lead} {problems.get('form', '')}".strip()
        return problems

    def _show(self, problems: dict[str, str]) -> None:
        self.query_one(PropertiesForm).show_problems(problems)
        error = self.query_one("#form-error", FieldError)
        error.show(problems.get("form", ""))
        error.set_class(problems.get("form") == "Saving…", "-busy")

    # -- leaving ----------------------------------------------------------------------

    @work(exclusive=True, group="close", exit_on_error=False)
    async def action_close(self) -> None:
        """Leave; what was changed and not saved is given up only when the agent says so."""
        if put_body(self.initial, self.wanted()) and not await self.app.push_screen_wait(
            ConfirmScreen("Discard the changes you made here?")
        ):
            return
        self.dismiss(False)


def _named(body: dict[str, object]) -> list[str]:
    """What a PUT body changes, in words ("labels", "on hold", "2 custom fields")."""
    words = {"agent_team": "team", "is_hold": "on hold"}
    named = [words.get(name, name) for name in body if name != "fields"]
    if fields := body.get("fields"):
        count = len(fields)  # type: ignore[arg-type]
        named.append(f"{count} custom field{'s' if count > 1 else ''}")
    return named
