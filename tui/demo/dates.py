"""Deskpro's date format (`2025-05-01T08:02:02+0000`) and the filter values it accepts.

Dates are stored as UTC unix seconds so filtering and ordering are plain integer compares.
"""

from __future__ import annotations

import re
import time
from datetime import UTC, datetime, timedelta

_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A '+' in an unencoded query string arrives as a space: "…08:02:02 0000".
_SPACE_OFFSET = re.compile(r" (\d{2}:?\d{2})$")


DAY = 86_400  # seconds


def now_ts() -> int:
    return int(time.time())


def fmt(ts: int | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def to_ts(moment: datetime) -> int:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return int(moment.timestamp())


def parse_point(text: str) -> tuple[int, int]:
    """One date as the [start, end] seconds it covers: a whole day for `YYYY-MM-DD`,
    one second for a timestamp, unix seconds as they are. Raises ValueError."""
    text = _SPACE_OFFSET.sub(r"+\1", text.strip())
    if text.isdigit():
        return int(text), int(text)
    if _DATE_ONLY.match(text):
        start = to_ts(datetime.fromisoformat(text))
        return start, start + int(timedelta(days=1).total_seconds()) - 1
    ts = to_ts(datetime.fromisoformat(text))
    return ts, ts


def parse_range(value: str) -> tuple[int | None, int | None]:
    """A date filter as inclusive (low, high) bounds, None = open.

    Forms: `A--B` (current), `A/B` (older servers), `<X`, `<=X`, `>X`, `>=X`, and a
    single date (that day, or that second). Either side of a range may be empty.
    Raises ValueError on anything else.
    """
    value = value.strip()
    for op in ("<=", ">=", "<", ">"):
        if value.startswith(op):
            start, end = parse_point(value[len(op) :])
            return {
                "<=": (None, end),
                ">=": (start, None),
                "<": (None, start - 1),
                ">": (end + 1, None),
            }[op]
    for sep in ("--", "/"):
        if sep in value:
            low, high = value.split(sep, 1)
            return (
                parse_point(low)[0] if low.strip() else None,
                parse_point(high)[1] if high.strip() else None,
            )
    return parse_point(value)
