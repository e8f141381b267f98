"""One input per kind of property (see `tui.state.property_form.Kind`), and reading its
value back in the shape the helpdesk takes. Marked tickets that differ show "(differs)"."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.suggester import Suggester
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, SelectionList, TextArea

from tui.state.properties import MIXED
from tui.state.property_form import FormField, read_labels
from tui.text import safe

DIFFERS = "(differs)"


class LabelSuggester(Suggester):
    """Completes the label being typed (the last of the comma-separated ones)."""

    def __init__(self, labels: list[str]) -> None:
        super().__init__(use_cache=True, case_sensitive=True)  # we compare casefolded
        self.labels = labels

    async def get_suggestion(self, value: str) -> str | None:
        head, _, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        match = next((x for x in self.labels if x.casefold().startswith(typed.casefold())), None)
        if match is None:
            return None
        return f"{head}{',' if head else ''}{last[: len(last) - len(typed)]}{match}"


def make_input(spec: FormField, value: Any, labels: list[str]) -> Widget:
    """The input for `spec`, showing `value` (or that marked tickets differ)."""
    mixed = value is MIXED
    widget_id = "prop-" + spec.name.replace(".", "-")
    if spec.kind == "labels":
        text = "" if mixed else ", ".join(value or ())
        return Input(
            text,
            placeholder=DIFFERS if mixed else spec.hint,
            suggester=LabelSuggester(labels),
            id=widget_id,
            compact=True,
        )
    if spec.kind == "choice" or (spec.kind == "toggle" and mixed):
        if isinstance(value, list):  # a custom field's one choice, as Deskpro lists it
            value = value[0] if value else None
        choices = spec.choices or (("yes", True), ("no", False))
        options = [(Text(safe(title)), choice) for title, choice in choices]
        known = any(choice == value for _title, choice in choices)
        select: Select[Any] = Select(
            options,
            prompt=DIFFERS if mixed else spec.blank,
            allow_blank=mixed or spec.name != "urgency" or not known,
            value=value if known else Select.NULL,
            id=widget_id,
            compact=True,
        )
        return select
    if spec.kind == "multichoice":
        picked = set(value or []) if not mixed else set()
        return SelectionList[Any](
            *[(safe(title), choice, choice in picked) for title, choice in spec.choices],
            id=widget_id,
        )
    if spec.kind == "toggle":
        return Checkbox(spec.hint, bool(value), id=widget_id, compact=True)
    if spec.kind == "textarea":
        return TextArea("" if mixed else str(value or ""), id=widget_id, soft_wrap=True)
    placeholder = f"{DIFFERS} {spec.hint}".strip() if mixed else spec.hint
    return Input(
        "" if mixed else str(value or ""), placeholder=placeholder, id=widget_id, compact=True
    )


def read_input(spec: FormField, widget: Widget) -> Any:
    """What `widget` holds, as the helpdesk takes it for `spec` (None for nothing)."""
    if isinstance(widget, Select):
        if widget.value is Select.NULL:
            return None
        # A custom choice field's value is a list of choice ids, even of one.
        return (
            [widget.value]
            if spec.name.startswith("fields.") and spec.kind == "choice"
            else widget.value
        )
    if isinstance(widget, SelectionList):
        return sorted(widget.selected, key=str) or None
    if isinstance(widget, Checkbox):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text.rstrip() or None
    if isinstance(widget, Input):
        if spec.kind == "labels":
            return read_labels(widget.value)
        return widget.value.strip() or None
    raise TypeError(f"no reading for {type(widget).__name__}")
