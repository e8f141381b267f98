"""Dates for people: compact ages for list columns, a full stamp for detail headers.

`now` is always passed in (snapshot tests freeze it) and its timezone is the one shown;
naive datetimes on either side are taken to be UTC. Month and day names are fixed English,
independent of the process locale, so column widths and tests are stable.
"""

from __future__ import annotations

from datetime import UTC, datetime

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MINUTE, _HOUR, _DAY, _WEEK = 60, 3600, 86400, 7 * 86400
_UNITS = (
    (365 * _DAY, "year"),
    (30 * _DAY, "month"),
    (_WEEK, "week"),
    (_DAY, "day"),
    (_HOUR, "hour"),
    (_MINUTE, "minute"),
)


def _aware(dt: datetime) -> datetime:
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _local(dt: datetime, now: datetime) -> datetime:
    """`dt` (naive = UTC) in `now`'s timezone; as is where that would leave year 1..9999."""
    try:
        return _aware(dt).astimezone(now.tzinfo)
    except OverflowError:
        return _aware(dt)


def relative_time(dt: datetime | None, now: datetime) -> str:
    """At most 8 cells: "just now", "5m", "3h", "2d", "3w", then "Jan 5" this year or
    "Jan 2024"; near-future times (due dates) read "in 5m" ... "in 3w"."""
    if dt is None:
        return ""
    now = _aware(now)
    dt = _local(dt, now)
    seconds = (now - dt).total_seconds()
    ahead, age = seconds < 0, abs(seconds)
    if age < _MINUTE:
        return "just now"
    if age < 4 * _WEEK:
        for size, suffix in ((_WEEK, "w"), (_DAY, "d"), (_HOUR, "h"), (_MINUTE, "m")):
            if age >= size:
                amount = f"{int(age // size)}{suffix}"
                return f"in {amount}" if ahead else amount
    if dt.year == now.year:
        return f"{MONTHS[dt.month - 1]} {dt.day}"
    return f"{MONTHS[dt.month - 1]} {dt.year:04d}"


def long_time(dt: datetime | None, now: datetime) -> str:
    """Like "Tue 5 Mar 2025 14:02 (3 days ago)", in `now`'s timezone."""
    if dt is None:
        return ""
    now = _aware(now)
    dt = _local(dt, now)
    stamp = f"{DAYS[dt.weekday()]} {dt.day} {MONTHS[dt.month - 1]} {dt.year} {dt:%H:%M}"
    return f"{stamp} ({_ago((now - dt).total_seconds())})"


def _ago(seconds: float) -> str:
    age = abs(seconds)
    for size, unit in _UNITS:
        if age >= size:
            n = int(age // size)
            phrase = f"{n} {unit}{'' if n == 1 else 's'}"
            return f"in {phrase}" if seconds < 0 else f"{phrase} ago"
    return "just now"
