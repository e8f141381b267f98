"""The key bar at the bottom of every screen: one widget drawing one line.

Textual's own Footer mounts a widget per key (a dozen on the queues screen, each styled by
the CSS engine) and rebuilds them all whenever the bindings may have changed: about 7 % of
start-up went into it. This one reads the same `active_bindings`, draws them as a single
line of text, and repaints when they change. Clicking a key presses it.
"""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

CORNER_ACTIONS = frozenset({"app.help"})  # with the palette: always on screen


class _Key(NamedTuple):
    key: str  # what pressing it sends
    display: str  # how it is shown ("^p", "⏎")
    description: str
    enabled: bool


class KeyFooter(Widget):
    COMPONENT_CLASSES = {"key-footer--key", "key-footer--description"}
    DEFAULT_CSS = """
    KeyFooter {
        dock: bottom;
        height: 1;
    }
    """
    ALLOW_SELECT = False

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._spans: list[tuple[int, int, _Key]] = []  # where each key is drawn

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, _screen: Screen[object]) -> None:
        self.refresh()

    def _keys(self) -> tuple[list[_Key], list[_Key]]:
        """The keys to show, one per action in binding order, and those kept at the right
        edge however narrow the screen (help, the palette)."""
        app = self.app
        shown: list[_Key] = []
        corner: list[_Key] = []
        actions: set[str] = set()
        for _node, binding, enabled, _tooltip in self.screen.active_bindings.values():
            key = _Key(binding.key, app.get_key_display(binding), binding.description, enabled)
            if binding.key == app.COMMAND_PALETTE_BINDING and app.ENABLE_COMMAND_PALETTE:
                corner.append(key)
            elif binding.show and binding.action not in actions:
                actions.add(binding.action)
                (corner if binding.action in CORNER_ACTIONS else shown).append(key)
        return shown, corner

    def _draw(self, keys: list[_Key]) -> tuple[Text, list[tuple[int, int, _Key]]]:
        """The keys as text, and where each one is in it."""
        key_style = self.get_component_rich_style("key-footer--key")
        description_style = self.get_component_rich_style("key-footer--description")
        text = Text(no_wrap=True, overflow="crop", end="")
        spans = []
        for key in keys:
            start = text.cell_len
            dim = Style() if key.enabled else Style(dim=True)
            text.append(f" {key.display} ", key_style + dim)
            text.append(f"{key.description} ", description_style + dim)
            spans.append((start, text.cell_len, key))
        return text, spans

    def render(self) -> Text:
        shown, kept = self._keys()
        line, spans = self._draw(shown)
        corner, corner_spans = self._draw(kept)
        room = max(0, self.size.width - corner.cell_len)  # help and palette keep the right edge
        if line.cell_len > room:  # cut: an ellipsis and a space before the kept keys
            room = max(0, room - 1)
            line.truncate(room, overflow="ellipsis")
            corner = Text(" ") + corner
            corner_spans = [(start + 1, end + 1, key) for start, end, key in corner_spans]
        line.truncate(room, pad=True)
        line.append_text(corner)
        line.stylize_before(self.rich_style)
        self._spans = [span for span in spans if span[1] <= room]
        self._spans += [(start + room, end + room, key) for start, end, key in corner_spans]
        return line

    def on_click(self, event: events.Click) -> None:
        for start, end, key in self._spans:
            if start <= event.x < end:
                if key.enabled:
                    self.app.simulate_key(key.key)
                else:
                    self.app.bell()
                return
