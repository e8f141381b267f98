"""Query parameters as Deskpro reads them: lists, date ranges, includes, page sizes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any

MAX_PER_PAGE = 200  # Deskpro answers 400 above this
Params = list[tuple[str, str]]

DateBound = datetime | date | str | None
DateRange = tuple[DateBound, DateBound]

DATE_FILTERS = frozenset(
    {
        "date_created",
        "date_resolved",
        "date_last_agent_reply",
        "date_last_user_reply",
        "date_status",
    }
)
COMMA_LISTS = frozenset({"ids", "include"})
# Sent plain when there is one value (`status=resolved`, as Deskpro's own article does);
# only several repeat as `status[]=a&status[]=b`.
PLAIN_WHEN_SINGLE = frozenset({"status"})

# The far bounds an open date range is closed with: `A--B` is the documented form; the
# `>=A` and `<=B` prefixes are what older servers used, and newer ones may not read them.
OPEN_START = "1970-01-01T00:00:00Z"
OPEN_END = "2099-12-31T23:59:59Z"


def per_page(count: int) -> int:
    return max(1, min(int(count), MAX_PER_PAGE))


def format_date(value: datetime | date | str) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")
    if isinstance(value, date):
        return value.isoformat()
    return value


def date_range(value: DateRange | str) -> str:
    """`(a, b)` → `a--b`; an open end is closed with a far bound (`OPEN_START`,
    `OPEN_END`); a string passes through."""
    if isinstance(value, str):
        return value
    start, end = value
    if start is None and end is None:
        raise ValueError("A date range needs at least one end.")
    first = OPEN_START if start is None else format_date(start)
    last = OPEN_END if end is None else format_date(end)
    return f"{first}--{last}"


def _scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "1" if value else "0"
    return str(value)


def encode(filters: Mapping[str, Any]) -> Params:
    """Encode filters: `None` is dropped, lists repeat as `name[]` (`ids` and `include`
    are comma lists; one `status` is sent plain), date filters accept `(start, end)`."""
    params: Params = []
    for name, value in filters.items():
        if value is None:
            continue
        if name in DATE_FILTERS:
            params.append((name, date_range(value)))
        elif isinstance(value, str | int | float | bool):
            params.append((name, _scalar(value)))
        elif isinstance(value, Iterable):
            values = [_scalar(v) for v in value]
            if name in COMMA_LISTS:
                if values:
                    params.append((name, ",".join(values)))
            elif name in PLAIN_WHEN_SINGLE and len(values) == 1:
                params.append((name, values[0]))
            else:
                params.extend((f"{name}[]", v) for v in values)
        else:
            params.append((name, _scalar(value)))
    return params


def paging(page: int, count: int, order_by: str | None, order_dir: str | None) -> dict[str, Any]:
    if order_dir not in (None, "asc", "desc"):
        raise ValueError(f"order_dir must be 'asc' or 'desc', not {order_dir!r}")
    return {
        "page": max(1, page),
        "count": per_page(count),
        "order_by": order_by,
        "order_dir": order_dir,
    }
