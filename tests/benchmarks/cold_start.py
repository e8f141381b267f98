"""1. Cold start to the first queue rows, headless and in tmux, against the baseline app
(Textual + httpx asking `/me`, then the page, shown in a DataTable). Nothing cached: a fresh
home each time."""

from __future__ import annotations

import statistics
from collections.abc import Callable

import httpx

from tests.benchmarks import tmux_pane
from tests.benchmarks.support import (
    EXECUTABLE,
    PYTHON,
    Context,
    DemoProcess,
    Result,
    clean_env,
    ms,
    run_until_line,
    stats,
)

TARGET = 1.3


def first_subject(url: str, key: str) -> str:
    """The subject of the first row both apps show (for tmux to spot)."""
    headers = {"Authorization": f"key {key}"}
    me = httpx.get(f"{url}/api/v2/me", headers=headers).json()["data"]["person"]["id"]
    params = {"count": 1, "agent": me, "order_by": "date_status", "order_dir": "desc"}
    page = httpx.get(f"{url}/api/v2/tickets", params=params, headers=headers).json()["data"]
    return page[0]["subject"][:16]


def compare(name: str, app: list[float], base: list[float], **details: object) -> Result:
    a, b = stats(app), stats(base)
    ratio = a["median"] / b["median"]
    return Result(
        name,
        ms(a["median"]),
        "ms",
        baseline=ms(b["median"]),
        ratio=round(ratio, 2),
        target=f"≤{TARGET}x",
        passed=ratio <= TARGET,
        details={
            "app_min_ms": ms(a["min"]),
            "baseline_min_ms": ms(b["min"]),
            "n": a["n"],
            # Each app run over the baseline run beside it: drift that hits a pair cancels.
            "paired_ratio_median": round(
                statistics.median(x / y for x, y in zip(app, base, strict=True)), 3
            ),
            "app_ms": [ms(x) for x in app],
            "baseline_ms": [ms(x) for x in base],
            **details,
        },
    )


def interleaved(
    repeats: int, app: Callable[[], float], base: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """Seconds of each, run in turns (so drift in the machine hits both alike), the one
    going first alternating (so neither always finds the other's files freshly cached)."""
    app_t: list[float] = []
    base_t: list[float] = []
    for i in range(repeats):
        for which in (app, base) if i % 2 else (base, app):
            (app_t if which is app else base_t).append(which())
    return app_t, base_t


def run(ctx: Context) -> list[Result]:
    # Many repeats: one start is ~0.5 s of CPU, and on this VM single starts of the same
    # program differ by up to a third.
    repeats = ctx.repeats(21, 3)
    results = []
    with DemoProcess(ctx.db()) as srv:
        subject = first_subject(srv.url, srv.api_key)
        baseline_cmd = [PYTHON, "-m", "tests.benchmarks.drivers.baseline_app", srv.url, srv.api_key]
        app_cmd = [PYTHON, "-m", "tests.benchmarks.drivers.app_rows", srv.url, srv.api_key]
        app_t, base_t = interleaved(
            repeats,
            lambda: run_until_line(app_cmd, "ROWS", clean_env(ctx.home()))[0],
            lambda: run_until_line([*baseline_cmd, "--headless"], "ROWS", clean_env(ctx.home()))[0],
        )
        results.append(compare("cold start, headless", app_t, base_t))
        if not tmux_pane.available():
            return results
        seen = lambda screen: subject in screen  # noqa: E731
        tui_cmd = [str(EXECUTABLE), "--url", srv.url, "--api-key", srv.api_key]
        app_t, base_t = interleaved(
            repeats,
            lambda: tmux_pane.time_until_shown(tui_cmd, clean_env(ctx.home()), seen),
            lambda: tmux_pane.time_until_shown(baseline_cmd, clean_env(ctx.home()), seen),
        )
        results.append(compare("cold start, tmux", app_t, base_t))
    return results
