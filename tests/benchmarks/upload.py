"""6. Upload of a 50 MB file to `POST /api/v2/blobs/temp`: `DeskproClient.upload_blob`
(streamed from disk) against a raw `httpx.AsyncClient.post(files=...)`, time and
tracemalloc peak. The server runs in its own process, so only the client is measured."""

from __future__ import annotations

import asyncio
import time
import tracemalloc
from pathlib import Path

import httpx

from tests.benchmarks.support import Context, DemoProcess, Result, ms, stats
from tui.api import DeskproClient

SIZE = 50 * 1024 * 1024
TARGET = 1.2


async def app_upload(url: str, key: str, path: Path) -> None:
    async with DeskproClient(url, key) as client:
        await client.upload_blob(path)


async def raw_upload(url: str, key: str, path: Path) -> None:
    async with httpx.AsyncClient(headers={"Authorization": f"key {key}"}, timeout=120) as http:
        with path.open("rb") as handle:
            response = await http.post(
                f"{url}/api/v2/blobs/temp", files={"file": (path.name, handle)}
            )
        response.raise_for_status()


def timed(upload: object, url: str, key: str, path: Path) -> tuple[float, float]:
    tracemalloc.start()
    t0 = time.perf_counter()
    asyncio.run(upload(url, key, path))  # type: ignore[operator]
    elapsed = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return elapsed, peak / 2**20


def run(ctx: Context) -> list[Result]:
    path = ctx.scratch / "attachment.bin"
    with path.open("wb") as handle:
        handle.truncate(SIZE)  # sparse: the disk is not what is measured
    app_t, raw_t, app_m, raw_m = [], [], [], []
    with DemoProcess(ctx.db()) as srv:
        for _ in range(ctx.repeats(5, 2)):
            t, m = timed(raw_upload, srv.url, srv.api_key, path)
            raw_t.append(t)
            raw_m.append(m)
            t, m = timed(app_upload, srv.url, srv.api_key, path)
            app_t.append(t)
            app_m.append(m)
    a, r = stats(app_t)["median"], stats(raw_t)["median"]
    mb = SIZE / 2**20
    return [
        Result(
            "upload 50 MB: time",
            ms(a),
            "ms",
            baseline=ms(r),
            ratio=round(a / r, 2),
            target=f"≤{TARGET}x",
            passed=a / r <= TARGET,
            details={"app_mb_s": round(mb / a, 1), "raw_mb_s": round(mb / r, 1)},
        ),
        Result(
            "upload 50 MB: tracemalloc peak",
            round(max(app_m), 2),
            "MB",
            baseline=round(max(raw_m), 2),
            ratio=round(max(app_m) / max(raw_m), 2),
            target="streamed (≪50 MB)",
            passed=max(app_m) < 10,
        ),
    ]
