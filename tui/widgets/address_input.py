"""Address inputs: To completes requester emails from the people known and looks a full
address up on the helpdesk; CC completes the last address of its list. Tab takes the
completion shown."""

from __future__ import annotations

from collections.abc import Callable

from textual.binding import Binding
from textual.suggester import Suggester
from textual.widgets import Input

from tui.state.outgoing import Requesters, looks_like_email


class RequesterSuggester(Suggester):
    """Completes requester emails; a full email is looked up on the helpdesk, then
    `looked_up` is called so the form can say whether the person exists."""

    def __init__(self, requesters: Requesters, looked_up: Callable[[], None]) -> None:
        super().__init__(use_cache=False)  # the people store grows as we look people up
        self.requesters = requesters
        self.looked_up = looked_up

    async def get_suggestion(self, value: str) -> str | None:
        if known := self.requesters.complete(value):
            return known
        if looks_like_email(value):
            await self.requesters.look_up(value)
            self.looked_up()
        return None


class AddressInput(Input):
    """An address field: Tab (like →) takes the completion shown, then moves on."""

    BINDINGS = [Binding("tab", "take_and_move", "Next field", show=False)]

    def action_take_and_move(self) -> None:
        if self._suggestion and self._suggestion != self.value:
            self.value = self._suggestion
            self.cursor_position = len(self.value)
        self.screen.focus_next()


class CopySuggester(Suggester):
    """Completes the last of a comma-separated list of addresses (the CC line), from the
    people known, like To."""

    def __init__(self, requesters: Requesters) -> None:
        super().__init__(use_cache=False)
        self.requesters = requesters

    async def get_suggestion(self, value: str) -> str | None:
        typed = value.rpartition(",")[2].lstrip()
        if not typed or (known := self.requesters.complete(typed)) is None:
            return None
        return value[: len(value) - len(typed)] + known  # what comes before, as typed
