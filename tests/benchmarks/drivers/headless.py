"""Shared by the headless drivers: wait for a condition, then say so on stdout.

Imports only Textual, so the baseline app pays for nothing of deskpro-tui's.
"""

from __future__ import annotations

import asyncio
import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app's driver imports Textual the way the app does, not here
    from textual.pilot import Pilot

START = time.perf_counter()  # as near process start as a module-level line gets
POLL = 0.005  # seconds; the same polling for the app and the baseline
# Ends the process right at its rows: its CPU time (or a profile) then covers the start only.
EXIT_AT_ROWS = "DESKPRO_BENCH_EXIT_AT_ROWS"


async def wait_until(
    pilot: Pilot[object], check: Callable[[], object], timeout: float = 60
) -> None:
    deadline = time.perf_counter() + timeout
    while not check():
        if time.perf_counter() > deadline:
            raise TimeoutError("the condition never became true")
        await asyncio.sleep(POLL)
    # Let the screen take the messages already queued and compose a frame with the rows
    # in it. Not `pause()`: that also waits for the whole process to go idle, which an app
    # still fetching in the background (sidebar counts) never is while its rows are shown.
    await pilot.pause(0)


def since_start_ms() -> float:
    return round((time.perf_counter() - START) * 1000, 2)


def report_rows() -> float:
    """Say `ROWS ms=...` (the cold-start clock stops at this line); ms since start."""
    shown = since_start_ms()
    print(f"ROWS ms={shown}", flush=True)
    if os.environ.get(EXIT_AT_ROWS):
        os._exit(0)
    return shown
