"""The properties form: a label and an input a property, each with a line for its
problem. It shows values and reads them back; the screen around it sends them."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.reactive import var
from textual.widgets import Label, Static

from tui.state.properties import Values
from tui.state.property_form import FormField
from tui.widgets.field_error import FieldError
from tui.widgets.property_inputs import make_input, read_input


def _key(name: str) -> str:
    return name.replace(".", "-")


class PropertiesForm(VerticalScroll):
    sending: var[bool] = var(False, init=False)

    def __init__(
        self, asked: Sequence[FormField], values: Values, labels: list[str], *, id: str
    ) -> None:
        super().__init__(id=id, classes="form")
        self.asked = list(asked)
        self.values = values
        self.labels = labels

    def compose(self) -> ComposeResult:
        custom_started = False
        for spec in self.asked:
            if spec.name.startswith("fields.") and not custom_started:
                custom_started = True
                yield Static("Custom fields", classes="form-section")
            key = _key(spec.name)
            with Vertical(classes="field", id=f"{key}-field"):
                with Horizontal(classes="field-row"):
                    yield Label(spec.label, classes="field-label", markup=False)
                    yield make_input(spec, self.values.get(spec.name), self.labels)
                yield FieldError(id=f"{key}-error")

    def watch_sending(self, sending: bool) -> None:
        self.set_class(sending, "-sending")
        for spec in self.asked:
            self.query_one(f"#prop-{_key(spec.name)}").disabled = sending

    def read(self) -> Values:
        return {
            spec.name: read_input(spec, self.query_one(f"#prop-{_key(spec.name)}"))
            for spec in self.asked
        }

    def show_problems(self, problems: dict[str, str]) -> None:
        """Each field's problem beside it (cleared where there is none); the first field
        with one is scrolled to and focused."""
        for spec in self.asked:
            self.query_one(f"#{_key(spec.name)}-error", FieldError).show(
                problems.get(spec.name, "")
            )
        first = next((spec for spec in self.asked if spec.name in problems), None)
        if first is not None:
            key = _key(first.name)
            self.scroll_to_widget(self.query_one(f"#{key}-field"), animate=False)
            self.query_one(f"#prop-{key}").focus()
