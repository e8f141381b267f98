"""Helpers for compose's Pilot tests: an app on the demo helpdesk, and waiting on state."""

from __future__ import annotations

import struct
import zlib
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from textual.pilot import Pilot

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.state import DraftStore, HelpdeskService


async def wait_for(pilot: Pilot[None], condition: Callable[[], object], what: str) -> None:
    """Let the app run until `condition()` holds (bounded: a stuck test fails, not hangs)."""
    for _ in range(500):
        if condition():
            return
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
    raise AssertionError(f"timed out waiting for {what}")


@asynccontextmanager
async def running_app(
    server: DemoServer, drafts: Path, size: tuple[int, int] = (120, 36)
) -> AsyncIterator[tuple[DeskproApp, Pilot[None]]]:
    """The app on `server`, connected, on the queues screen, drafts kept in `drafts`."""
    client = DeskproClient(server.url, server.api_key)
    service = HelpdeskService(client, drafts=DraftStore(drafts))
    await service.lookups.identify()
    await service.lookups.load()
    app = DeskproApp(service)
    async with app.run_test(size=size) as pilot:
        await wait_for(pilot, lambda: app.screen.__class__.__name__ == "QueuesScreen", "queues")
        await app.workers.wait_for_complete()  # the queues' own connect and first page
        yield app, pilot


def tiny_png(width: int = 2, height: int = 2) -> bytes:
    """A valid RGB PNG, built by hand so the tests need no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    rows = b"".join(b"\x00" + b"\xff\x00\x00" * width for _ in range(height))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )
