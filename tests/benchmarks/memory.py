"""5. Peak memory with queues of 1,000, 10,000 and 100,000 tickets, each in a fresh
process: it must follow the pages viewed, not the queue's size (100k within 20% of 1k)."""

from __future__ import annotations

import re

from tests.benchmarks.support import (
    PYTHON,
    Context,
    DemoProcess,
    Result,
    clean_env,
    run_until_line,
    stats,
)

SIZES = (1_000, 10_000, 100_000)
TARGET = 1.2


def run(ctx: Context) -> list[Result]:
    peaks: dict[int, float] = {}
    rss: dict[int, float] = {}
    for size in SIZES:
        with DemoProcess(ctx.db(size)) as srv:
            cmd = [PYTHON, "-m", "tests.benchmarks.drivers.memory_probe", srv.url, srv.api_key]
            samples = []
            for _ in range(ctx.repeats(3, 1)):
                _, line = run_until_line(cmd, "MEM", clean_env(ctx.home()), timeout=120)
                samples.append({k: float(v) for k, v in re.findall(r"(\w+)=([\d.]+)", line)})
            peaks[size] = stats([s["peak_mb"] for s in samples])["median"]
            rss[size] = stats([s["rss_mb"] for s in samples])["median"]
    results = [
        Result(
            f"memory, {size:,} tickets (tracemalloc peak)",
            round(peaks[size], 2),
            "MB",
            details={"rss_mb": rss[size]},
        )
        for size in SIZES
    ]
    ratio = peaks[SIZES[-1]] / peaks[SIZES[0]]
    results.append(
        Result(
            "memory, 100k vs 1k tickets",
            round(peaks[SIZES[-1]], 2),
            "MB",
            baseline=round(peaks[SIZES[0]], 2),
            ratio=round(ratio, 2),
            target=f"≤{TARGET}x",
            passed=ratio <= TARGET,
            details={"rss_ratio": round(rss[SIZES[-1]] / rss[SIZES[0]], 2)},
        )
    )
    return results
