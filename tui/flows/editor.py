"""Editing text in the agent's own `$EDITOR`, with the TUI suspended meanwhile."""

from __future__ import annotations

import asyncio
import os
import shlex
import subprocess
import tempfile
from pathlib import Path

from textual.app import App, SuspendNotSupported


async def edit_in_external_editor(app: App[object], text: str) -> str | None:
    """The edited text, or None (with a notification) when no editor could run."""
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    fd, name = tempfile.mkstemp(prefix="deskpro-", suffix=".md")
    path = Path(name)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            with app.suspend():
                result = await asyncio.to_thread(
                    subprocess.run, [*shlex.split(editor), str(path)], check=False
                )
        except SuspendNotSupported:
            app.notify("This terminal cannot hand over to an external editor.", severity="warning")
            return None
        except OSError as exc:
            app.notify(
                f"Could not start {editor!r}: {exc}. Set $EDITOR to your editor.", severity="error"
            )
            return None
        if result.returncode != 0:
            app.notify(
                f"{editor} exited with status {result.returncode}; text unchanged.",
                severity="warning",
            )
            return None
        return path.read_text("utf-8")
    finally:
        path.unlink(missing_ok=True)
