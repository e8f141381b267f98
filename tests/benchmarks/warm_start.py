"""2. Warm start: the queue cache filled by a first run, then the server answers only
after 500 ms. The cached rows must be on screen before any answer could arrive."""

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

LATENCY_MS = 500


def run(ctx: Context) -> list[Result]:
    cmd = [PYTHON, "-m", "tests.benchmarks.drivers.app_rows"]
    rows, answers, early = [], [], []
    # The cache is kept per helpdesk URL (port included), so one slow server fills it
    # (first run) and then serves the measured runs.
    with DemoProcess(ctx.db(), latency_ms=LATENCY_MS) as slow:
        warm = ctx.home()
        fill = [*cmd, slow.url, slow.api_key, "--fill-cache"]
        run_until_line(fill, "NETWORK", clean_env(warm))
        for _ in range(ctx.repeats(5, 3)):
            _, line = run_until_line([*cmd, slow.url, slow.api_key], "NETWORK", clean_env(warm))
            found = dict(re.findall(r"(\w+)=(-?[\d.]+)", line))
            rows.append(float(found["rows_ms"]))
            answers.append(float(found["first_response_ms"]))
            early.append(int(found["responses"]) == 0)
    r, a = stats(rows), stats(answers)
    # Baseline: when the first answer arrived (at least LATENCY_MS after the first request).
    return [
        Result(
            "warm start @500 ms latency: rows",
            round(r["median"], 1),
            "ms",
            baseline=round(a["median"], 1),
            ratio=round(r["median"] / a["median"], 2),
            target="rows before 1st answer",
            passed=all(early),
            details={
                "rows_min_ms": r["min"],
                "first_answer_min_ms": a["min"],
                "runs_before_answer": sum(early),
                "n": len(early),
            },
        )
    ]
