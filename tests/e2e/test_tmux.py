"""The installed `deskpro-tui --demo` in a real terminal (tmux): queue, ticket, quit.

Reads the screen the way a person sees it, with `tmux capture-pane`.
"""

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

pytestmark = pytest.mark.skipif(
    shutil.which("tmux") is None, reason="needs tmux (.ci/run installs it)"
)

# CI points this at a wheel installed in a venv of its own, to test the real package.
EXECUTABLE = Path(
    os.environ.get("DESKPRO_TUI_E2E_EXE") or Path(sys.executable).with_name("deskpro-tui")
)


class Pane:
    def __init__(self, socket: str, home: Path, size: tuple[int, int]) -> None:
        self.socket = socket
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
        self.tmux("send-keys", "-t", "e2e", *keys)

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


@pytest.mark.skipif(not EXECUTABLE.exists(), reason="deskpro-tui is not installed")
def test_demo_queue_ticket_and_quit(pane_at: Callable[[tuple[int, int]], Pane]) -> None:
    pane = pane_at((120, 36))
    screen = pane.wait_for(lambda s: "My tickets" in s and "awaiting" in s, "the queue")
    assert "demo helpdesk" in screen and "[online]" in screen
    assert "\x1b[48;" in pane.colours()  # backgrounds from styles/*.tcss
    pane.keys("Enter")
    screen = pane.wait_for(lambda s: "Requester" in s and "Reply" in s, "the ticket")
    pane.keys("Escape")
    pane.wait_for(lambda s: "My tickets" in s and "Reply" not in s, "back to the queue")
    pane.keys("C-q")
    pane.wait_for(lambda s: "DESKPRO-TUI-EXITED=0" in s, "a clean exit")


@pytest.mark.skipif(not EXECUTABLE.exists(), reason="deskpro-tui is not installed")
def test_80x24_shows_the_queue_legibly(pane_at: Callable[[tuple[int, int]], Pane]) -> None:
    pane = pane_at((80, 24))
    screen = pane.wait_for(lambda s: "Subject" in s and "awaiting" in s, "the queue at 80x24")
    lines = screen.splitlines()
    header = next(line for line in lines if "Subject" in line)
    assert "Status" in header and "Updated" in header
    rows = [line for line in lines if "awaiting" in line]
    assert len(rows) >= 5
    assert all(len(line) <= 80 for line in lines)
    pane.keys("C-q")
    pane.wait_for(lambda s: "DESKPRO-TUI-EXITED=0" in s, "a clean exit")
