"""Memory of the app with a queue of every ticket: the first page, then 5 more pages
scrolled through. `python -m tests.benchmarks.drivers.memory_probe URL KEY`.

Prints `MEM peak_mb=... rss_mb=... rows=N`: tracemalloc's peak from just before the
app starts (imports excluded: they do not depend on the queue) and the process's max RSS.
"""

from __future__ import annotations

import asyncio
import os
import resource
import sys
import tracemalloc

from tests.benchmarks.probes import queues_started, wait_for
from tests.benchmarks.support import ALL_STATUSES
from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.screens.queues import QueuesScreen
from tui.state import HelpdeskService, QueueSpec

PAGES = 6  # the first page and five more


async def main(url: str, key: str) -> None:
    tracemalloc.start()
    service = HelpdeskService(DeskproClient(url, key))
    app = DeskproApp(service)
    async with app.run_test(size=(120, 36)) as pilot:
        await queues_started(app)
        screen = app.screen
        assert isinstance(screen, QueuesScreen)
        screen.browser.show_queue(QueueSpec("bench-all", "Every ticket", status=ALL_STATUSES))
        await wait_for(lambda: screen.browser.view.loaded, poll=0.01)
        view = screen.browser.view
        tl = screen.browser.ticket_list
        for _ in range(100):  # a guard: pagedown moves a screenful, ~10 presses suffice
            if tl.cursor >= PAGES * view.page_size - 1:
                break
            await pilot.press("pagedown")
            await app.workers.wait_for_complete()
        await pilot.pause()
        _, peak = tracemalloc.get_traced_memory()
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
        print(f"MEM peak_mb={peak / 2**20:.2f} rss_mb={rss:.1f} rows={view.total}", flush=True)
        os._exit(0)  # measured; tearing down under tracemalloc only costs time


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
