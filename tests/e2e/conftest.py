"""The installed app in a real tmux pane, read as a person sees it (`tmux capture-pane`)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

needs_tmux = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)"
)

# CI points this at a wheel installed in a venv of its own, to test the real package.
EXECUTABLE = Path(
    os.environ.get("DESKPRO_TUI_E2E_EXE") or Path(sys.executable).with_name("deskpro-tui")
)


class Pane:
    def __init__(self, socket: str, home: Path, size: tuple[int, int]) -> None:
        self.socket = socket
        self.database = home / "data" / "demo.sqlite3"  # the demo helpdesk the app runs
        # COLUMNS/LINES from the test runner would override the pane size the app sees.
        env = f"env -u COLUMNS -u LINES DESKPRO_TUI_HOME={home} TERM=xterm-256color"
        # Run from a folder of its own: nothing may come from the source tree.
        command = f"cd {home} && {env} {EXECUTABLE} --demo; echo DESKPRO-TUI-EXITED=$?; sleep 30"
        self.tmux("new-session", "-d", "-s", "e2e", "-x", str(size[0]), "-y", str(size[1]), command)

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=30,
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "e2e")

    def colours(self) -> str:
        """The screen with its colour escapes: proof the stylesheets were found."""
        return self.tmux("capture-pane", "-p", "-e", "-t", "e2e")

    def keys(self, *keys: str) -> None:
        """One `send-keys` call: the keys reach the app together, as over SSH."""
        self.tmux("send-keys", "-t", "e2e", *keys)

    def paste(self, text: str) -> None:
        """`text` pasted (bracketed paste, as a terminal sends a paste)."""
        self.tmux("set-buffer", "-b", "e2e-paste", text)
        self.tmux("paste-buffer", "-p", "-b", "e2e-paste", "-t", "e2e")

    def wait_for(self, check: Callable[[str], bool], what: str, timeout: float = 60) -> str:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out waiting for {what}; the screen:\n{screen}")
            time.sleep(0.2)  # polling a condition: tmux offers no event to wait on

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def pane_at(tmp_path: Path) -> Iterator[Callable[[tuple[int, int]], Pane]]:
    panes: list[Pane] = []

    def start(size: tuple[int, int]) -> Pane:
        pane = Pane(f"deskpro-e2e-{uuid.uuid4().hex[:8]}", tmp_path, size)
        panes.append(pane)
        return pane

    yield start
    for pane in panes:
        pane.close()


needs_app = pytest.mark.skipif(not EXECUTABLE.exists(), reason="deskpro-tui is not installed")
