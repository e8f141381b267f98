"""The ticket list's movement keys (bound by the list itself)."""

from __future__ import annotations

from tui.commands import Command

LIST_COMMANDS = (
    Command("list.down", "j,down", "cursor(1)", "Down", "Next ticket", show=False),
    Command("list.up", "k,up", "cursor(-1)", "Up", "Previous ticket", show=False),
    Command("list.first", "g,home", "jump(0)", "First", "First ticket", show=False),
    Command(
        "list.last", "G,end", "jump(-1)", "Last", "Last ticket (loads only that page)", show=False
    ),
    Command("list.page_down", "pagedown", "page(1)", "Page down", "A screen down", show=False),
    Command("list.page_up", "pageup,ctrl+b", "page(-1)", "Page up", "A screen up", show=False),
    Command("list.open", "enter", "open", "Open", "Open the highlighted ticket"),
)
