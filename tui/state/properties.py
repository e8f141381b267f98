"""A ticket's editable properties (labels, urgency, priority, department, team, hold and
its custom fields) as one value: read from tickets, compared, and turned into the one
`PUT /tickets/{id}` body that carries only what changed.

Custom field values keep Deskpro's shapes: choice and multichoice values are lists of
choice ids (sorted here, so order never counts as a change), a toggle is a bool, a date
`YYYY-MM-DD`, text a string; an empty value is None (the field is cleared).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tui.api import Ticket
from tui.api.properties import CustomField, TicketPriority

CHOICE_WIDGETS = frozenset({"choice", "radio", "select"})
MULTI_CHOICE_WIDGETS = frozenset({"multichoice", "checkbox"})
TOGGLE_WIDGETS = frozenset({"toggle"})
Values = dict[str, Any]


def field_value(ticket: Ticket, field_id: int | str) -> Any:
    """The value the ticket carries for one custom field (`fields.<id>.value`), or None."""
    entry = ticket.fields.get(str(field_id))
    value = entry.get("value") if isinstance(entry, Mapping) else entry
    return normal(value)


def normal(value: Any) -> Any:
    """One spelling of each value: lists sorted, blanks None."""
    if isinstance(value, list | tuple):
        return sorted(value, key=str) or None
    if isinstance(value, str) and not value.strip():
        return None
    return value


PROPERTIES = ("labels", "urgency", "priority", "department", "agent_team", "is_hold")
MIXED = object()  # marked tickets differ here: left as each ticket has it unless changed


def properties_of(tickets: Iterable[Ticket], custom: Iterable[CustomField] = ()) -> Values:
    """What the form shows for `tickets`, name by name (custom fields as `fields.<id>`):
    the value they share, or `MIXED` where they differ."""
    each = [_values(t, custom) for t in tickets]
    return {
        name: value if all(v.get(name) == value for v in each) else MIXED
        for name, value in (each[0] if each else {}).items()
    }


def _values(ticket: Ticket, custom: Iterable[CustomField]) -> Values:
    values: Values = {name: getattr(ticket, name) for name in PROPERTIES}
    values["labels"] = tuple(sorted(ticket.labels, key=str.casefold))
    values.update({f"fields.{f.id}": field_value(ticket, f.id) for f in custom})
    return values


def put_body(before: Values, after: Values) -> dict[str, Any]:
    """The PUT body that turns `before` into `after`: only what differs, and nothing the
    form left `MIXED`; custom fields go together under `fields`."""
    body: dict[str, Any] = {}
    for name, value in after.items():
        if value is MIXED or normal(value) == normal(before.get(name)):
            continue
        if name.startswith("fields."):
            body.setdefault("fields", {})[name.removeprefix("fields.")] = normal(value)
        else:
            body[name] = list(value) if name == "labels" else value
    return body


def patched_fields(current: Mapping[str, Any], changes: Mapping[str, Any]) -> dict[str, Any]:
    """A ticket's `fields` with a PUT's `fields` applied, in the shape tickets carry them
    (None removes the value), so a change shows at once, before the server answers."""
    out = dict(current)
    for key, value in changes.items():
        if normal(value) is None:
            out.pop(str(key), None)
        else:
            out[str(key)] = {"aliases": [], "value": normal(value)}
    return out


def store_patch(ticket: Ticket, changes: Mapping[str, Any]) -> dict[str, Any]:
    """The PUT body `changes` as an update of the stored ticket (fields merged, an agent
    of 0 being none)."""
    patch = dict(changes)
    if "fields" in patch:
        patch["fields"] = patched_fields(ticket.fields, patch["fields"])
    if "agent" in patch and not patch["agent"]:
        patch["agent"] = None
    if "labels" in patch:
        patch["labels"] = list(patch["labels"] or [])
    if "cc" in patch:  # new addresses become people ids when the helpdesk answers
        patch["cc"] = [c for c in patch["cc"] or [] if isinstance(c, int)]
    return patch


def carries(ticket: Ticket, changes: Mapping[str, Any]) -> bool:
    """Whether `ticket` already shows `changes` (so an answer lost after a write was a
    success)."""
    for name, wanted in store_patch(ticket, changes).items():
        if name == "fields":
            if any(
                field_value(ticket, key) != normal(value)
                for key, value in changes["fields"].items()
            ):
                return False
        elif name == "labels":
            if sorted(ticket.labels) != sorted(wanted):
                return False
        elif name == "cc":  # the addresses sent come back as ids: count them
            if not set(wanted) <= set(ticket.cc) or len(ticket.cc) < len(changes["cc"]):
                return False
        elif getattr(ticket, name, object()) != wanted:
            return False
    return True


def field_text(spec: CustomField, value: Any) -> str:
    """A field's value as the ticket view shows it: choices by their titles (an id the
    field no longer offers is left out), a toggle as yes or no; "" when there is none."""
    value = normal(value)
    if value is None:
        return ""
    if spec.widget_type in CHOICE_WIDGETS | MULTI_CHOICE_WIDGETS:
        titles = {c.id: c.title for c in spec.choices}
        picked = value if isinstance(value, list) else [value]
        ids = [_as_id(c) for c in picked]
        return ", ".join(titles[c] for c in ids if titles.get(c))
    if spec.widget_type in TOGGLE_WIDGETS or isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list | dict):
        return ""  # a shape this client does not know: nothing worth showing
    return " ".join(str(value).split())


def _as_id(value: Any) -> Any:
    return int(value) if isinstance(value, str) and value.isdigit() else value


def shown_fields(ticket: Ticket, custom: Iterable[CustomField]) -> list[tuple[str, str]]:
    """The ticket's custom fields worth showing, in the helpdesk's order: (title, text),
    leaving out fields the helpdesk does not list and empty values."""
    shown = []
    for spec in custom:
        text = field_text(spec, field_value(ticket, spec.id))
        if text:
            shown.append((spec.title or f"Field {spec.id}", text))
    return shown


def header_lines(
    ticket: Ticket, priorities: Iterable[TicketPriority], custom: Iterable[CustomField]
) -> list[tuple[str, str]]:
    """What the ticket view adds to its header: the priority, then the custom fields."""
    lines = shown_fields(ticket, custom)
    if ticket.priority:
        title = next((p.title for p in priorities if p.id == ticket.priority), "")
        lines.insert(0, ("Priority", title or f"#{ticket.priority}"))
    return lines
