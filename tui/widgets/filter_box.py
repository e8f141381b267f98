"""The queues' `/` filter box: words typed narrow the loaded rows once typing pauses;
`enter` turns terms (status:, agent:, …) into a question for the helpdesk. It says which
by message; the screen decides what to show."""

from __future__ import annotations

from collections.abc import Callable

from textual.geometry import Size
from textual.message import Message
from textual.reactive import Reactive
from textual.timer import Timer
from textual.widgets import Input

from tui.state.filters import FilterNames, FilterQuery, parse_filter

# Narrowing waits for a pause in typing: a key then costs only the box's own repaint, and
# the list (redrawn whole, with a layout for its new length) is redrawn once per pause
# rather than once per key, so it never holds up the echo of the next key.
NARROW_AFTER = 0.1  # seconds


class FilterBox(Input):
    # Textual's Input widens its virtual (scrollable) size by a cell on every keystroke,
    # and that size is declared to need a layout: each key re-arranged the whole screen
    # (~4 ms at 120x36) and, through the ticket list's scrollbars, drew one more frame. The
    # box's own size is fixed by CSS, so the new width only needs a repaint of the box.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    class Narrowed(Message):
        """Typing paused with these words in the box."""

        def __init__(self, words: list[str]) -> None:
            super().__init__()
            self.words = words

    class Refined(Message):
        """`enter`: the box's text, its words and terms, and whether any term is wrong."""

        def __init__(self, text: str, query: FilterQuery) -> None:
            super().__init__()
            self.text = text
            self.query = query

    def __init__(self, names: Callable[[], FilterNames], **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self._names = names  # what terms resolve names against, as the helpdesk has it now
        self._words: list[str] = []
        self._pause: Timer | None = None

    @property
    def narrowing(self) -> bool:
        """Whether words typed are still to narrow the rows (typing has not paused yet)."""
        return self._pause is not None

    def watch_value(self, value: str) -> None:
        words = parse_filter(value, self._names()).words
        if words == self._words:
            return  # a term being typed (status:…) narrows nothing until enter
        self._words = words
        self._stop_pause()
        self._pause = self.set_timer(NARROW_AFTER, self._paused)

    def _paused(self) -> None:
        self._pause = None
        self.post_message(self.Narrowed(self._words))

    def _stop_pause(self) -> None:
        if self._pause is not None:
            self._pause.stop()
            self._pause = None

    async def action_submit(self) -> None:
        self._stop_pause()  # enter does not wait for the pause
        self.post_message(self.Refined(self.value, parse_filter(self.value, self._names())))

    def clear(self) -> None:
        """Empty the box at once, with nothing left to narrow."""
        self._stop_pause()
        self._words = []
        self.value = ""
