"""Textual's footer, rebuilt only when the keys it shows change.

Textual rebuilds the footer (one widget per key, each styled anew: ~30 ms for a screen's
dozen keys) every time the bindings *may* have changed: each focus change, keymap, app
focus and reactive with `bindings=True`. At start-up that is five rebuilds in a row, all
showing the same keys, and they hold up the first rows. This one rebuilds at most once per
refresh, and not at all when the keys, labels and enabled states are what it shows.
"""

from __future__ import annotations

from typing import Any

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    _shown: tuple[Any, ...] | None = None
    _rebuild_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._rebuild_pending:
            self._rebuild_pending = True
            self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._rebuild_pending = False
        shown = self._keys_shown()
        if shown != self._shown:
            self._shown = shown
            await self.recompose()

    def _keys_shown(self) -> tuple[Any, ...]:
        """What `compose` reads from the bindings, so equal means an identical footer."""
        app = self.app
        return tuple(
            (b.action, b.key, app.get_key_display(b), b.description, b.group, enabled, tooltip)
            for _node, b, enabled, tooltip in self.screen.active_bindings.values()
            if b.show or b.key == app.COMMAND_PALETTE_BINDING
        )
