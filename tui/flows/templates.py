"""Inserting a snippet or template (ctrl+t) into what the agent is writing, with the
ticket's fields filled in: from the reply composer, and from a new ticket's form (which
has no ticket yet: its number and ref stay as written, and the agent is told)."""

from __future__ import annotations

from pathlib import Path

from textual.screen import Screen
from textual.widgets import TextArea

from tui.api import Person, Ticket
from tui.state import HelpdeskService
from tui.state.templates import fill, template_fields


def templates_folder(screen: Screen[object]) -> Path | None:
    paths = getattr(screen.app, "paths", None)
    return paths.templates_dir if paths is not None else None


async def insert_template(
    screen: Screen[object],
    service: HelpdeskService,
    ticket: Ticket,
    area: TextArea,
    requester: Person | None = None,
) -> None:
    """Ask for a template (from a worker) and insert it, filled in, at `area`'s cursor."""
    from tui.screens.templates import TemplatePicker

    chosen = await screen.app.push_screen_wait(TemplatePicker(service, templates_folder(screen)))
    if chosen is None:
        return
    me = service.lookups.me
    requester = requester or service.people.get(ticket.person)
    fields = template_fields(ticket, requester, me.label if me else "")
    if not ticket.id:  # a new ticket: no number or ref until it is sent
        fields = {k: v for k, v in fields.items() if k not in ("ticket.id", "ticket.ref")}
    text = fill(chosen.text, fields)
    area.insert(text)
    area.focus()
    if "{{" in text:
        screen.notify(
            "Some fields of the template are not known here and stay as written: "
            "look for {{ in the text.",
            severity="warning",
        )
