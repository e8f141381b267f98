"""Ticket properties the helpdesk defines: priorities, and custom fields with their choices;
and the results of a search. Tolerant like `tui.api.models`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.api.envelope import parse_model, split_envelope
from tui.api.errors import ResponseFormatError
from tui.api.models import DeskproModel, Ticket


class TicketPriority(DeskproModel):
    id: int
    title: str = ""
    display_order: int = 0


class FieldChoice(DeskproModel):
    id: int
    title: str = ""


class CustomField(DeskproModel):
    """A ticket custom field: `widget_type` is text, textarea, choice, radio, checkbox,
    multichoice, toggle, date, or one this client does not know (shown as text)."""

    id: int
    title: str = ""
    description: str = ""
    widget_type: str = "text"
    choices: list[FieldChoice] = []
    default_value: Any = None
    is_enabled: bool = True
    display_order: int = 0


def ticket_results(body: Any) -> list[Ticket]:
    """The tickets of a `/search` answer: `data.grouped_results[{type, results}]`."""
    data, _meta, _linked = split_envelope(body)
    groups = data.get("grouped_results", []) if isinstance(data, Mapping) else None
    if not isinstance(groups, list):
        raise ResponseFormatError("The helpdesk sent search results we could not read.")
    return [
        parse_model(Ticket, raw)
        for group in groups
        if isinstance(group, Mapping) and group.get("type") == "ticket"
        for raw in group.get("results") or []
    ]
