"""Seeded attachment files by kind: (filename, content type, bytes)."""

from __future__ import annotations

import random
from collections.abc import Callable

from tui.demo import files

SeedFile = tuple[str, str, bytes]


def _screenshot(rng: random.Random, n: int) -> SeedFile:
    colour = (rng.randrange(20, 120), rng.randrange(60, 160), rng.randrange(120, 220))
    return f"screenshot-{n}.png", "image/png", files.png(320, 200, colour, stripes=8)


def _photo(rng: random.Random, n: int) -> SeedFile:
    colour = (rng.randrange(90, 200), rng.randrange(60, 140), rng.randrange(30, 90))
    return f"IMG_{4000 + n}.png", "image/png", files.png(160, 120, colour, stripes=3)


def _log(rng: random.Random, n: int) -> SeedFile:
    lines = [
        f"2025-03-{d:02d}T10:{m:02d}:00Z upstream timed out (110: Connection timed out) "
        f'while reading response header, request: "GET /reports/export?id={rng.randrange(900)}"'
        for d, m in zip(range(1, 9), range(10, 60, 6), strict=False)
    ]
    return f"proxy-{n}.log", "text/plain", files.log_text(lines)


def _pdf(rng: random.Random, n: int) -> SeedFile:
    amount = rng.randrange(200, 5000)
    lines = [f"Invoice INV-{2000 + n}", "Acme Helpdesk Ltd", f"Total due: EUR {amount}.00"]
    return f"invoice-INV-{2000 + n}.pdf", "application/pdf", files.pdf(lines)


def _csv(rng: random.Random, n: int) -> SeedFile:
    rows = [("name", "email", "team")] + [
        (f"User {i}", f"user{i}@example.org", rng.choice(("Support", "Sales", "Ops")))
        for i in range(1, 12)
    ]
    return f"users-{n}.csv", "text/csv", files.csv_export(rows)


KINDS: dict[str, Callable[[random.Random, int], SeedFile]] = {
    "screenshot": _screenshot,
    "photo": _photo,
    "log": _log,
    "pdf": _pdf,
    "csv": _csv,
}
