"""A line that says what is wrong (under a form field, or how a queue's rows were found);
it takes no room while there is nothing to say (colours: `.field-error` in the styles)."""

from __future__ import annotations

from textual.widgets import Static

from tui.text import safe


class FieldError(Static):
    DEFAULT_CSS = """
    FieldError { display: none; height: auto; }
    FieldError.-shown { display: block; }
    """

    def __init__(self, *, id: str) -> None:
        super().__init__("", classes="field-error", id=id, markup=False)

    def show(self, message: str) -> None:
        """Say `message`, or hide the line when it is empty."""
        self.update(safe(message))
        self.set_class(bool(message), "-shown")
