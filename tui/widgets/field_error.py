"""The line under a form field that says what is wrong with it; it takes no room while
nothing is (styles: `.field-error`, `.field-error.-shown`)."""

from __future__ import annotations

from textual.widgets import Static

from tui.text import safe


class FieldError(Static):
    def __init__(self, *, id: str) -> None:
        super().__init__("", classes="field-error", id=id, markup=False)

    def show(self, message: str) -> None:
        """Say `message`, or hide the line when it is empty."""
        self.update(safe(message))
        self.set_class(bool(message), "-shown")
