"""The sidebar of queues with their ticket counts, which it asks for itself."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.widgets.option_list import Option

from tui.api import DeskproConnectionError, DeskproError, RateLimitedError, ServerError
from tui.state import QueueSpec
from tui.state.pages import QueuePages
from tui.text import safe
from tui.widgets.key_list import KeyList

SIDEBAR_WIDTH = 23  # the prompt is 4 narrower: padding and the border
UNREACHABLE = (DeskproConnectionError, ServerError, RateLimitedError)  # no use asking on


def _prompt(spec: QueueSpec, count: int | None) -> Text:
    number = "…" if count is None else str(count)
    label = safe(spec.title, max_len=SIDEBAR_WIDTH - 5 - len(number))
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(label)
    text.append(" " * max(1, SIDEBAR_WIDTH - 4 - len(label) - len(number)))
    text.append(number, "dim")
    return text


class QueueSidebar(KeyList):
    """Queues by key; `set_count` fills in numbers as they arrive."""

    def __init__(self, **kwargs: object) -> None:
        super().__init__(**kwargs)  # type: ignore[arg-type]
        self.specs: dict[str, QueueSpec] = {}
        self.counts: dict[str, int] = {}

    def set_queues(self, specs: list[QueueSpec]) -> None:
        self.specs = {spec.key: spec for spec in specs}
        highlighted = self.highlighted
        self.clear_options()
        builtin = [s for s in specs if s.filter_id is None]
        custom = [s for s in specs if s.filter_id is not None]
        self.add_options([Option(_prompt(s, self.counts.get(s.key)), id=s.key) for s in builtin])
        if custom:
            self.add_option(None)  # a separator before the helpdesk's own filters
            self.add_options([Option(_prompt(s, self.counts.get(s.key)), id=s.key) for s in custom])
        self.highlighted = highlighted if highlighted is not None else 0

    def set_count(self, key: str, count: int) -> None:
        self.counts[key] = count
        if key in self.specs:
            self.replace_option_prompt(key, _prompt(self.specs[key], count))

    @work(group="counts", exclusive=True, exit_on_error=False)
    async def load_counts(self, pages: QueuePages, specs: list[QueueSpec]) -> None:
        for spec in specs:
            try:
                self.set_count(spec.key, await pages.count(spec))
            except UNREACHABLE:
                return  # the status bar says why; counts come back next refresh
            except DeskproError:
                continue  # this queue's own endpoint refused or missing: the others still count

    def spec_at_cursor(self) -> QueueSpec | None:
        if self.highlighted is None:
            return None
        option = self.get_option_at_index(self.highlighted)
        return self.specs.get(option.id or "")
