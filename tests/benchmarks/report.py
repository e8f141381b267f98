"""The table printed at the end of a run, and the JSON written beside it."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tests.benchmarks.support import Result

COLUMNS = ("benchmark", "measured", "baseline", "ratio", "target", "result")


def _cell(value: float | None, unit: str | None = None) -> str:
    """A figure with its unit, or (no unit given) a ratio."""
    if value is None:
        return "-"
    return f"{value:.2f}x" if unit is None else f"{value:,.1f} {unit}".strip()


def table(results: list[Result]) -> str:
    rows = [
        (
            r.name,
            _cell(r.measured, r.unit),
            _cell(r.baseline, r.unit),
            _cell(r.ratio),
            r.target,
            {True: "pass", False: "FAIL", None: "info"}[r.passed],
        )
        for r in results
    ]
    widths = [max(len(str(x)) for x in col) for col in zip(COLUMNS, *rows, strict=False)]
    lines = [
        " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True))
        for row in (COLUMNS, *rows)
    ]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    """What the figures were measured on: they mean little without it."""
    try:
        lscpu = subprocess.run(["lscpu"], capture_output=True, text=True).stdout
        model = next(
            (
                line.split(":", 1)[1].strip()
                for line in lscpu.splitlines()
                if line.startswith("Model name")
            ),
            "",
        )
    except OSError:
        model = ""
    return {
        "cpu": model or platform.processor(),
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "platform": platform.platform(),
    }


def write_json(path: Path, results: list[Result], quick: bool) -> None:
    payload = {"machine": machine(), "quick": quick, "results": [asdict(r) for r in results]}
    path.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
