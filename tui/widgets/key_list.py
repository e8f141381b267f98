"""An option list for keyboard people: `j`/`k` move like the arrows, and a digit `n`
chooses the n-th option (the `[n]` a list shows beside its entries)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import OptionList


class KeyList(OptionList):
    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False),
        Binding("k", "cursor_up", "Up", show=False),
        *(Binding(str(n), f"pick({n})", f"Choose {n}", show=False) for n in range(1, 10)),
    ]

    def action_pick(self, number: int) -> None:
        """Choose the `number`-th option (1-based, separators not counted)."""
        if self.highlight_choice(number):
            self.action_select()

    def highlight_choice(self, number: int) -> bool:
        """Move to the `number`-th option (1-based); False when there is none."""
        index = self.index_of_choice(number)
        if index is not None:
            self.highlighted = index
        return index is not None

    def index_of_choice(self, number: int) -> int | None:
        choices = [i for i in range(self.option_count) if not self.get_option_at_index(i).disabled]
        return choices[number - 1] if 0 < number <= len(choices) else None
