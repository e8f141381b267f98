"""Query parameters as Deskpro reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone
from typing import Any

import pytest

from tui.api.params import (
    MAX_PER_PAGE,
    OPEN_END,
    OPEN_START,
    date_range,
    encode,
    format_date,
    paging,
    per_page,
)


def test_status_list_repeats_as_brackets() -> None:
    assert encode({"status": ["awaiting_agent", "resolved"]}) == [
        ("status[]", "awaiting_agent"),
        ("status[]", "resolved"),
    ]


def test_single_status_is_plain() -> None:
    assert encode({"status": "resolved"}) == [("status", "resolved")]


@pytest.mark.parametrize("one", [["resolved"], ("resolved",), {"resolved"}])
def test_a_list_of_one_status_is_plain(one: Any) -> None:
    # As Deskpro's own article sends it; `status[]=resolved` alone is not documented.
    assert encode({"status": one}) == [("status", "resolved")]


def test_one_label_still_repeats_as_brackets() -> None:
    assert encode({"labels": ["vip"]}) == [("labels[]", "vip")]


def test_ids_and_include_are_comma_lists() -> None:
    assert encode({"ids": [1, 2, 3], "include": ("person", "department")}) == [
        ("ids", "1,2,3"),
        ("include", "person,department"),
    ]


def test_empty_lists_and_none_are_dropped() -> None:
    assert encode({"ids": [], "include": [], "status": [], "agent": None}) == []


def test_other_lists_repeat_and_scalars() -> None:
    assert encode({"labels": ["a", "b"], "agent": 42, "is_hold": True, "urgency": 5.0}) == [
        ("labels[]", "a"),
        ("labels[]", "b"),
        ("agent", "42"),
        ("is_hold", "1"),
        ("urgency", "5.0"),
    ]
    assert encode({"is_hold": False}) == [("is_hold", "0")]


def test_order_is_kept() -> None:
    params = encode({"b": 1, "a": 2, "c": 3})
    assert [name for name, _ in params] == ["b", "a", "c"]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            (datetime(2019, 6, 16, 23, 1, 13), datetime(2020, 4, 7, 15, 23, 30)),
            "2019-06-16T23:01:13Z--2020-04-07T15:23:30Z",
        ),
        ((date(2025, 1, 1), date(2025, 1, 31)), "2025-01-01--2025-01-31"),
        (
            (datetime(2025, 1, 1, 12, tzinfo=UTC), None),
            "2025-01-01T12:00:00Z--2099-12-31T23:59:59Z",
        ),
        ((None, date(2025, 2, 1)), "1970-01-01T00:00:00Z--2025-02-01"),
        (("2020-01-01", None), "2020-01-01--2099-12-31T23:59:59Z"),
        (("2025-01-01", "2025-02-01"), "2025-01-01--2025-02-01"),
        (
            "2019-06-16T23:01:13Z--2020-04-07T15:23:30Z",
            "2019-06-16T23:01:13Z--2020-04-07T15:23:30Z",
        ),
    ],
)
def test_date_ranges(value: Any, expected: str) -> None:
    assert date_range(value) == expected
    assert encode({"date_created": value}) == [("date_created", expected)]


@pytest.mark.parametrize(
    "name",
    [
        "date_created",
        "date_resolved",
        "date_last_agent_reply",
        "date_last_user_reply",
        "date_status",
    ],
)
def test_every_date_filter_takes_a_range(name: str) -> None:
    assert encode({name: (date(2025, 1, 1), None)}) == [(name, f"2025-01-01--{OPEN_END}")]
    assert encode({name: (None, date(2025, 1, 1))}) == [(name, f"{OPEN_START}--2025-01-01")]


@pytest.mark.parametrize("value", [(date(2025, 1, 1), None), (None, date(2025, 1, 1))])
def test_open_ranges_never_use_comparison_prefixes(value: Any) -> None:
    sent = date_range(value)
    assert "--" in sent and not sent.startswith(("<", ">"))


def test_open_range_needs_an_end() -> None:
    with pytest.raises(ValueError, match="at least one end"):
        date_range((None, None))


def test_aware_datetime_converted_to_utc_z() -> None:
    plus_two = timezone(timedelta(hours=2))
    assert format_date(datetime(2025, 5, 1, 10, 2, 2, tzinfo=plus_two)) == "2025-05-01T08:02:02Z"
    minus_five = timezone(timedelta(hours=-5))
    start = datetime(2025, 12, 31, 22, 0, tzinfo=minus_five)  # next day in UTC
    assert date_range((start, None)) == f"2026-01-01T03:00:00Z--{OPEN_END}"


def test_naive_datetime_taken_as_utc() -> None:
    assert format_date(datetime(2025, 5, 1, 8, 2, 2, 999)) == "2025-05-01T08:02:02Z"


@pytest.mark.parametrize(
    ("count", "expected"),
    [(-5, 1), (0, 1), (1, 1), (50, 50), (200, 200), (201, 200), (10_000, 200)],
)
def test_count_clamped(count: int, expected: int) -> None:
    assert per_page(count) == expected
    assert paging(1, count, None, None)["count"] == expected
    assert MAX_PER_PAGE == 200


def test_paging_values() -> None:
    assert paging(0, 50, "date_status", "desc") == {
        "page": 1,
        "count": 50,
        "order_by": "date_status",
        "order_dir": "desc",
    }
    assert encode(paging(3, 20, None, "asc")) == [
        ("page", "3"),
        ("count", "20"),
        ("order_dir", "asc"),
    ]


@pytest.mark.parametrize("bad", ["up", "DESC", "", "ascending"])
def test_bad_order_dir(bad: str) -> None:
    with pytest.raises(ValueError, match="order_dir"):
        paging(1, 10, "id", bad)
