"""What every benchmark shares: results, statistics, isolated homes and demo servers."""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
EXECUTABLE = Path(PYTHON).with_name("deskpro-tui")
# Every status the demo knows: the API shows only active tickets unless statuses are named,
# so this is how a queue holds all N generated tickets.
ALL_STATUSES = ("live", "awaiting_agent", "awaiting_user", "pending", "resolved", "archived",
                "hidden")  # fmt: skip


@dataclass
class Result:
    """One row of the table. `ratio` is measured / baseline (lower is better) unless the
    benchmark says otherwise in `target`."""

    name: str
    measured: float
    unit: str
    baseline: float | None = None
    ratio: float | None = None
    target: str = ""
    passed: bool | None = None
    details: dict[str, Any] = field(default_factory=dict)


def stats(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median": statistics.median(ordered),
        "min": ordered[0],
        "p95": p95,
        "max": ordered[-1],
        "n": len(ordered),
    }


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


@dataclass
class Context:
    """One run: quick or full, a scratch folder, demo databases made once and reused."""

    quick: bool
    scratch: Path
    _dbs: dict[str, Path] = field(default_factory=dict)

    def repeats(self, full: int, quick: int) -> int:
        return quick if self.quick else full

    def home(self) -> Path:
        """A fresh DESKPRO_TUI_HOME: no config, no cache, no keys of the person running."""
        return Path(tempfile.mkdtemp(prefix="home-", dir=self.scratch))

    def db(self, tickets: int | None = None) -> Path:
        """A demo database file (hand-shaped seed, or `tickets` generated), created once:
        generating 100,000 tickets takes seconds, reopening the file takes milliseconds."""
        key = "seeded" if tickets is None else f"bulk-{tickets}"
        if key not in self._dbs:
            from tui.demo.config import DemoConfig
            from tui.demo.server.app import open_database

            path = self.scratch / f"{key}.sqlite3"
            # Seeded here, not by `demo-server`: it announces its URL before seeding.
            open_database(DemoConfig(db=str(path), tickets=tickets)).close()
            self._dbs[key] = path
        return self._dbs[key]


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("DESKPRO_")}
    env.pop("COLUMNS", None)  # a pane's size must come from the pane
    env.pop("LINES", None)
    env.update(DESKPRO_TUI_HOME=str(home), TERM="xterm-256color", **extra)
    return env


class DemoProcess:
    """The demo helpdesk in a process of its own (`deskpro-tui demo-server`).

    Not in-process: its threads would compete with the app for the GIL and its allocations
    would show in the app's tracemalloc figures. Loopback only, a free port.
    """

    def __init__(self, db: Path, *, latency_ms: int = 0) -> None:
        args = [PYTHON, "-m", "tui", "demo-server", "--port", "0", "--db", str(db)]
        args += ["--latency", str(latency_ms), "--max-upload-mb", "200"]
        self.args = args
        self.url = ""
        self.api_key = ""
        self._proc: subprocess.Popen[str] | None = None

    def __enter__(self) -> DemoProcess:
        self._proc = subprocess.Popen(
            self.args,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            cwd=REPO,
            env=clean_env(Path(tempfile.gettempdir())),
        )
        assert self._proc.stdout is not None
        for _ in range(2):
            line = self._proc.stdout.readline()
            if match := re.match(r"DESKPRO_(URL|API_KEY)=(\S+)", line):
                setattr(self, "url" if match[1] == "URL" else "api_key", match[2])
        if not (self.url and self.api_key):
            self.__exit__()
            raise RuntimeError("the demo helpdesk did not start")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait()
            self._proc = None


@contextmanager
def scratch_dir() -> Iterator[Path]:
    path = Path(tempfile.mkdtemp(prefix="deskpro-bench-"))
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def run_until_line(
    args: list[str], marker: str, env: dict[str, str], timeout: float = 60
) -> tuple[float, str]:
    """Start `args`; seconds until it prints a line starting with `marker`, and that line."""
    start = time.perf_counter()
    # stderr to a file: an undrained pipe would block a chatty child before its marker.
    err_file = tempfile.TemporaryFile("w+")  # noqa: SIM115 (closed in the finally below)
    proc = subprocess.Popen(
        args, stdout=subprocess.PIPE, stderr=err_file, text=True, cwd=REPO, env=env
    )
    killer = threading.Timer(timeout, proc.kill)
    killer.start()
    assert proc.stdout is not None
    try:
        for line in proc.stdout:
            if line.startswith(marker):
                return time.perf_counter() - start, line.strip()
        proc.wait()
        err_file.seek(0)
        raise RuntimeError(f"{args[3]} never printed {marker}: {err_file.read()[-2000:]}")
    finally:
        killer.cancel()
        proc.kill()
        proc.wait()
        err_file.close()
