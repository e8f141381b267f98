"""deskpro-tui headless until the first queue's rows are on screen, started the way
`deskpro-tui --url URL --api-key KEY` starts it (`tui.startup.process.prepare`, the TLS context
loading beside the imports, then `tui.startup.launch.open_app`; config, cache and drafts under
DESKPRO_TUI_HOME). `python -m tests.benchmarks.drivers.app_rows URL KEY [--fill-cache]`.

Prints `ROWS ms=...` the moment the rows are on screen (as the baseline app does: the
cold-start benchmark stops its clock at that line), then, once the network has answered,
`NETWORK rows_ms=... first_response_ms=... responses=N`: when rows showed, when the first
HTTP answer arrived (both from process start) and how many answers had arrived by then.
With `--fill-cache` the NETWORK line waits for every load to finish, so the cache is
written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.startup import preload, process

process.prepare()  # first, as the command line does
tls = preload.tls_context()

import asyncio  # noqa: E402
import sys  # noqa: E402

import httpx  # noqa: E402

from tests.benchmarks.drivers.headless import (  # noqa: E402
    report_rows,
    since_start_ms,
    wait_until,
)
from tui.config import AppPaths, ConnectionSpec, load_settings  # noqa: E402
from tui.startup.launch import open_app  # noqa: E402
from tui.startup.session import build_service  # noqa: E402

if TYPE_CHECKING:  # imported by open_app, after the early requests are queued
    from tui.app import DeskproApp


def rows_on_screen(app: DeskproApp) -> bool:
    from tui.screens.queues import QueuesScreen

    screen = app.screen
    if not isinstance(screen, QueuesScreen) or screen.browser.ticket_list.row_count == 0:
        return False
    service = screen.service
    return service.tickets.get(screen.browser.ticket_list.id_at(0)) is not None


async def main(url: str, key: str, fill_cache: bool) -> None:
    paths = AppPaths.from_env()
    answers: list[float] = []

    async def on_response(_response: httpx.Response) -> None:
        answers.append(since_start_ms())

    service = build_service(ConnectionSpec(url=url, api_key=key), paths, tls)
    # Private attribute, read on purpose: the benchmark watches the app's own client.
    service.client._t.http.event_hooks["response"].append(on_response)
    app = open_app(service, load_settings(paths), paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await wait_until(pilot, lambda: rows_on_screen(app))
        before = len(answers)
        shown = report_rows()
        if fill_cache:
            screen = app.screen
            view = screen.browser.view  # type: ignore[attr-defined]
            await wait_until(pilot, lambda: view is not None and view.loaded)
            await app.workers.wait_for_complete()
        await wait_until(pilot, lambda: answers)  # to report when the network answered
        print(
            f"NETWORK rows_ms={shown} first_response_ms={answers[0]} responses={before}",
            flush=True,
        )


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], "--fill-cache" in sys.argv))
