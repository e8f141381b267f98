"""What the properties form (`e`) asks, field by field, and what it makes of the answers:
which input each property and custom field gets, the problems it can see before sending,
and Deskpro's own field errors placed beside the field they are about."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from tui.api import Department, DeskproError
from tui.api.properties import CustomField, TicketPriority
from tui.state.properties import (
    CHOICE_WIDGETS,
    MIXED,
    MULTI_CHOICE_WIDGETS,
    TOGGLE_WIDGETS,
    Values,
)

Choices = tuple[tuple[str, Any], ...]  # (title, value)
Kind = Literal["text", "textarea", "choice", "multichoice", "toggle", "date", "labels"]


@dataclass(frozen=True)
class FormField:
    name: str  # "labels", "priority", … or "fields.<id>"
    label: str
    kind: Kind
    choices: Choices = ()
    blank: str = "none"  # what no choice means
    hint: str = ""


def _kind(widget_type: str) -> Kind:
    if widget_type in CHOICE_WIDGETS:
        return "choice"
    if widget_type in MULTI_CHOICE_WIDGETS:
        return "multichoice"
    if widget_type in TOGGLE_WIDGETS:
        return "toggle"
    if widget_type == "textarea":
        return "textarea"
    return "date" if widget_type == "date" else "text"


def custom_fields_asked(custom: Iterable[CustomField], initial: Values) -> list[FormField]:
    """The enabled custom fields, each with its input; an unknown widget type is asked as
    text only when the value is text (or empty), else it is left as it is."""
    asked = []
    for spec in custom:
        if not spec.is_enabled:
            continue  # disabled: the helpdesk takes no new values for it
        kind = _kind(spec.widget_type)
        value = initial.get(f"fields.{spec.id}")
        if kind == "text" and value is not MIXED and not isinstance(value, str | None):
            continue
        choices = tuple((c.title or f"#{c.id}", c.id) for c in spec.choices)
        hint = "YYYY-MM-DD" if kind == "date" else spec.description
        asked.append(FormField(f"fields.{spec.id}", spec.title, kind, choices, hint=hint))
    return asked


def form_fields(
    *,
    priorities: list[TicketPriority],
    departments: Iterable[Department],
    teams: Mapping[int, str],
    custom: Iterable[CustomField],
    initial: Values,
) -> list[FormField]:
    """The form, top to bottom. A list the helpdesk did not give (no priorities, say)
    leaves its property out rather than offering a choice that cannot be made."""
    asked = [
        FormField("labels", "Labels", "labels", hint="comma, separated"),
        FormField("urgency", "Urgency", "choice", tuple((str(n), n) for n in range(1, 11))),
    ]
    if priorities:
        choices = tuple((p.title or f"#{p.id}", p.id) for p in priorities)
        asked.append(FormField("priority", "Priority", "choice", choices))
    routable = sorted(
        (d for d in departments if d.is_tickets_enabled),
        key=lambda d: (d.display_order, d.title.casefold()),
    )
    if routable:
        choices = tuple((d.title or d.user_title or f"#{d.id}", d.id) for d in routable)
        asked.append(FormField("department", "Department", "choice", choices))
    if teams:
        choices = tuple(sorted(((n, i) for i, n in teams.items()), key=lambda c: c[0].casefold()))
        asked.append(FormField("agent_team", "Team", "choice", choices))
    asked.append(FormField("is_hold", "On hold", "toggle", hint="waiting on something; kept aside"))
    return asked + custom_fields_asked(custom, initial)


def read_labels(text: str) -> tuple[str, ...]:
    labels = {part.strip() for part in text.split(",") if part.strip()}
    return tuple(sorted(labels, key=str.casefold))


def own_problems(asked: Iterable[FormField], values: Values) -> dict[str, str]:
    """What the form can tell is wrong before sending: dates that are not dates."""
    problems = {}
    for spec in asked:
        value = values.get(spec.name)
        if spec.kind == "date" and isinstance(value, str) and value.strip():
            try:
                date.fromisoformat(value.strip())
            except ValueError:
                problems[spec.name] = f"{value.strip()!r} is not a date: write it as YYYY-MM-DD."
    return problems


def server_problems(error: DeskproError, asked: Iterable[FormField]) -> dict[str, str]:
    """Deskpro's field errors by form field (`fields.fields.fields_7` → `fields.7`);
    whatever names no field of the form goes under "form", with the error's own words
    when there are no field errors at all."""
    names = {spec.name for spec in asked}
    problems: dict[str, str] = {}
    rest: list[str] = list(error.errors)
    for path, messages in error.field_errors.items():
        name = _field_name(path)
        if name in names:
            problems[name] = " ".join(messages)
        else:
            rest.append(f"{path}: {' '.join(messages)}")
    if rest or not problems:
        problems["form"] = " ".join(rest) if rest else str(error)
    return problems


def _field_name(path: str) -> str:
    parts = path.split(".")
    custom = next((p for p in parts if p.startswith("fields_")), None)
    if parts[0] == "fields" and custom:
        return f"fields.{custom.removeprefix('fields_')}"
    return parts[0]
