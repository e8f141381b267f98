"""The line above a queue's rows saying how they were found when not as asked: a search
the helpdesk refuses or lacks, answered another way (a requester's tickets) or not at all."""

from __future__ import annotations

from textual.widgets import Static


class QueueNote(Static):
    DEFAULT_CSS = """
    QueueNote { height: auto; display: none; }
    QueueNote.-shown { display: block; }
    """

    def __init__(self, **kwargs: object) -> None:
        super().__init__("", markup=False, **kwargs)  # type: ignore[arg-type]
        self._said = ""

    def say(self, note: str) -> None:
        """Show `note` (nothing: the line goes)."""
        if note != self._said:
            self._said = note
            self.update(note)
            self.set_class(bool(note), "-shown")
