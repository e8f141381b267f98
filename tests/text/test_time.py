"""`relative_time` and `long_time` with a frozen `now`."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tui.text import cell_width, long_time, relative_time

NOW = datetime(2025, 3, 8, 14, 2, 30, tzinfo=UTC)  # a Saturday


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (timedelta(0), "just now"),
        (timedelta(seconds=59), "just now"),
        (timedelta(seconds=-30), "just now"),  # small clock skew
        (timedelta(minutes=1), "1m"),
        (timedelta(minutes=59, seconds=59), "59m"),
        (timedelta(hours=1), "1h"),
        (timedelta(hours=23, minutes=59), "23h"),
        (timedelta(days=1), "1d"),
        (timedelta(days=6, hours=23), "6d"),
        (timedelta(days=7), "1w"),
        (timedelta(days=27), "3w"),
        (timedelta(days=28), "Feb 8"),
        (timedelta(days=66), "Jan 1"),
        (timedelta(days=67), "Dec 2024"),
        (timedelta(days=800), "Dec 2022"),
        (timedelta(minutes=-5), "in 5m"),
        (timedelta(hours=-3), "in 3h"),
        (timedelta(days=-2), "in 2d"),
        (timedelta(days=-30), "Apr 7"),
        (timedelta(days=-300), "Jan 2026"),
    ],
)
def test_relative_time(ago: timedelta, expected: str) -> None:
    result = relative_time(NOW - ago, NOW)
    assert result == expected
    assert cell_width(result) <= 8


def test_relative_time_none() -> None:
    assert relative_time(None, NOW) == ""
    assert long_time(None, NOW) == ""


def test_naive_datetimes_are_utc() -> None:
    naive = datetime(2025, 3, 8, 11, 2, 30)
    assert relative_time(naive, NOW) == "3h"
    assert relative_time(naive, NOW.replace(tzinfo=None)) == "3h"
    assert long_time(naive, NOW) == "Sat 8 Mar 2025 11:02 (3 hours ago)"


def test_calendar_dates_are_in_nows_timezone() -> None:
    tokyo = timezone(timedelta(hours=9))
    late_dec_31_utc = datetime(2024, 12, 31, 20, 0, tzinfo=UTC)  # Jan 1 in Tokyo
    assert relative_time(late_dec_31_utc, NOW) == "Dec 2024"
    assert relative_time(late_dec_31_utc, NOW.astimezone(tokyo)) == "Jan 1"
    assert long_time(late_dec_31_utc, NOW.astimezone(tokyo)).startswith("Wed 1 Jan 2025 05:00")


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (timedelta(seconds=10), "Sat 8 Mar 2025 14:02 (just now)"),
        (timedelta(minutes=1), "Sat 8 Mar 2025 14:01 (1 minute ago)"),
        (timedelta(hours=2), "Sat 8 Mar 2025 12:02 (2 hours ago)"),
        (timedelta(days=3), "Wed 5 Mar 2025 14:02 (3 days ago)"),
        (timedelta(days=14), "Sat 22 Feb 2025 14:02 (2 weeks ago)"),
        (timedelta(days=65), "Thu 2 Jan 2025 14:02 (2 months ago)"),
        (timedelta(days=800), "Thu 29 Dec 2022 14:02 (2 years ago)"),
        (timedelta(days=-1), "Sun 9 Mar 2025 14:02 (in 1 day)"),
    ],
)
def test_long_time(ago: timedelta, expected: str) -> None:
    assert long_time(NOW - ago, NOW) == expected
