"""A command in a real terminal (a detached tmux pane), watched with `capture-pane`."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable

from tests.benchmarks.support import REPO

POLL = 0.01  # seconds between captures: tmux offers no event to wait on


def available() -> bool:
    return shutil.which("tmux") is not None


def time_until_shown(
    command: list[str], env: dict[str, str], seen: Callable[[str], bool], timeout: float = 60
) -> float:
    """Seconds from asking tmux to start `command` in a 120x36 pane until `seen(screen)`."""
    socket = f"deskpro-bench-{uuid.uuid4().hex[:8]}"
    exports = " ".join(
        f"{k}={shlex.quote(v)}"
        for k, v in env.items()
        if k.startswith(("DESKPRO", "TERM", "PATH", "HOME"))
    )
    env_cmd = f"env -u COLUMNS -u LINES {exports} {shlex.join(command)}"
    line = f"cd {shlex.quote(str(REPO))} && {env_cmd}; sleep 30"
    tmux = ["tmux", "-L", socket]
    start = time.perf_counter()
    subprocess.run(
        [*tmux, "new-session", "-d", "-s", "b", "-x", "120", "-y", "36", line], check=True
    )
    try:
        while True:
            screen = subprocess.run(
                [*tmux, "capture-pane", "-p", "-t", "b"], capture_output=True, text=True
            ).stdout
            if seen(screen):
                return time.perf_counter() - start
            if time.perf_counter() - start > timeout:
                raise TimeoutError(f"{command[0]} never showed its rows; the screen:\n{screen}")
            time.sleep(POLL)
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
