"""Choosing a file to attach: a path box (with `~` and completion) over a folder tree.

Enter on a file in the box, or on a file in the tree, attaches it; enter on a folder
shows that folder in the tree. ctrl+s, the composer's send key, attaches the file typed and
then sends (`then_send`), so `ctrl+o`, a path, `ctrl+s` typed ahead does what it says.
Problems (missing, a folder, unreadable, too big) are said in the dialog, which stays open
so the path can be corrected.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import Suggester
from textual.widgets import DirectoryTree, Input, Label, Static

from tui.state.outgoing import DEFAULT_MAX_BYTES, check_file
from tui.text import safe


def expand(text: str, base: Path) -> Path:
    """The path typed, with `~` expanded and relative paths taken from `base`."""
    path = Path(os.path.expanduser(text.strip()))
    return path if path.is_absolute() else base / path


def _completion(typed: str, base: Path) -> str | None:
    folder_text, _, prefix = typed.rpartition("/")
    folder = expand(folder_text + "/" if folder_text or typed.startswith("/") else ".", base)
    try:
        names = sorted(entry.name for entry in os.scandir(folder))
    except OSError:
        return None
    for name in names:
        if name.startswith(prefix) and name != prefix:
            if name.startswith(".") and not prefix.startswith("."):
                continue  # hidden files only when asked for
            slash = "/" if (folder / name).is_dir() else ""
            return typed + name[len(prefix) :] + slash
    return None


class PathSuggester(Suggester):
    """Completes the last path segment from the file system (press → to accept)."""

    def __init__(self, base: Path) -> None:
        super().__init__(use_cache=False, case_sensitive=True)  # folders change
        self.base = base

    async def get_suggestion(self, value: str) -> str | None:
        if not value.strip():
            return None
        # A slow or network file system must not freeze the UI.
        return await asyncio.to_thread(_completion, value, self.base)


class AttachTree(DirectoryTree):
    """Only what can be chosen: hidden entries stay out of the way. Plain marks rather
    than emoji icons, which many terminal fonts draw badly or double-width."""

    ICON_NODE_EXPANDED = "▾ "
    ICON_NODE = "▸ "
    ICON_FILE = "  "

    def filter_paths(self, paths: Iterable[Path]) -> Iterable[Path]:
        return [p for p in paths if not p.name.startswith(".")]


def starting_folder() -> Path:
    """Where the dialog opens: the folder the app was started in, or home when that folder
    is gone (deleted while the app ran) or cannot be read."""
    try:
        return Path.cwd()
    except OSError:
        return Path.home()


class AttachScreen(ModalScreen[Path | None]):
    BINDINGS = [
        Binding("escape", "dismiss(None)", "Cancel", id="attach.cancel"),
        Binding("ctrl+s", "attach_and_send", "Attach and send", id="attach.send"),
    ]

    def __init__(self, start: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        super().__init__()
        self.base = start or starting_folder()
        self.max_bytes = max_bytes
        self.then_send = False  # closed with ctrl+s: the composer sends next

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog attach"):
            yield Label("Attach a file", classes="dialog-title")
            yield Input(
                placeholder="path, e.g. ~/Downloads/report.pdf",
                suggester=PathSuggester(self.base),
                id="attach-path",
            )
            yield Static("", id="attach-error", markup=False)
            yield AttachTree(self.base, id="attach-tree")
            yield Label(
                "enter attach · ctrl+s attach and send · → complete · tab tree · esc cancel",
                classes="hint",
            )

    def on_mount(self) -> None:
        self.query_one("#attach-path", Input).focus()

    def _error(self, message: str) -> None:
        self.query_one("#attach-error", Static).update(message)

    def _show_folder(self, folder: Path) -> None:
        tree = self.query_one(AttachTree)
        if Path(tree.path) != folder:
            tree.path = folder

    def _choose(self, path: Path, then_send: bool = False) -> None:
        if problem := check_file(path, self.max_bytes):
            self._error(safe(problem))
            return
        self.then_send = then_send
        self.dismiss(path)

    def action_attach_and_send(self) -> None:
        """The path typed attached, then the message sent; with nothing typed, just sent.
        A path that cannot go is said, and nothing is sent."""
        typed = self.query_one("#attach-path", Input).value
        if not typed.strip():
            self.then_send = True
            self.dismiss(None)
            return
        self._choose(expand(typed, self.base), then_send=True)

    @on(Input.Changed, "#attach-path")
    def _typed(self, event: Input.Changed) -> None:
        self._error("")
        folder = expand(event.value, self.base)
        folder = folder if event.value.endswith("/") else folder.parent
        if event.value.strip() and folder.is_dir():
            self._show_folder(folder)  # the tree follows the folder being typed

    @on(Input.Submitted, "#attach-path")
    def _submitted(self, event: Input.Submitted) -> None:
        if not event.value.strip():
            self._error("Type a path, or press tab to pick from the tree.")
            return
        path = expand(event.value, self.base)
        if path.is_dir():
            self._show_folder(path)
            box = self.query_one("#attach-path", Input)
            box.value = event.value.rstrip("/") + "/"
            box.cursor_position = len(box.value)
            return
        self._choose(path)

    @on(DirectoryTree.FileSelected)
    def _picked(self, event: DirectoryTree.FileSelected) -> None:
        event.stop()
        self._choose(Path(event.path))
