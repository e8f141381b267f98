"""Leaving a half-written new ticket: keep the draft, discard it, or go back to it."""

from __future__ import annotations

from typing import Literal

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label

Choice = Literal["keep", "discard"]


class KeepDraftScreen(ModalScreen[Choice | None]):
    """Dismisses with "keep", "discard", or None (continue editing)."""

    BINDINGS = [
        Binding("k,enter", "dismiss('keep')", "Keep the draft", id="draft.keep"),
        Binding("d", "dismiss('discard')", "Discard it", id="draft.discard"),
        Binding("c,escape", "dismiss(None)", "Continue editing", id="draft.continue"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog keep-draft"):
            yield Label("Leave this new ticket?", classes="dialog-title")
            yield Label("k / enter  Keep the draft (c continues it later)")
            yield Label("d          Discard it")
            yield Label("c / esc    Continue editing")
