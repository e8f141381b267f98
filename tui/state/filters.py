"""The `/` filter language: plain words narrow loaded rows; `name:value` terms become
API filters, e.g. `status:resolved agent:me dept:Support created:2019-06-16..2020-04-07
label:vip urgency:>5`."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from tui.api import Department, Person, Ticket

_TERM = re.compile(r"^(?P<name>[a-z_]+):(?P<value>.+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_URGENCY = re.compile(r"^(<=|>=|<|>)?([0-9]|10)$")
TERM_NAMES = ("status", "agent", "dept", "created", "label", "urgency")


KNOWN_STATUSES = (
    *("live", "awaiting_agent", "awaiting_user", "pending", "resolved", "archived"),
    *("hidden", "hidden.spam", "hidden.deleted", "hidden.validating"),
)


@dataclass(frozen=True)
class FilterNames:
    """What resolving names needs: who "me" is, agents and departments by name, and the
    status codes the helpdesk knows (Deskpro's own when its list is unavailable)."""

    me_id: int
    agents: Iterable[Person] = ()
    departments: Iterable[Department] = ()
    statuses: Iterable[str] = ()


@dataclass
class FilterQuery:
    words: list[str] = field(default_factory=list)
    status: tuple[str, ...] | None = None
    params: dict[str, Any] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)

    @property
    def has_terms(self) -> bool:
        return self.status is not None or bool(self.params)


def _agent(value: str, names: FilterNames) -> int:
    if value == "me":
        return names.me_id
    if value in ("none", "unassigned"):
        return 0
    if value.isdigit():
        return int(value)
    matches = [a for a in names.agents if value.lower() in a.label.lower()]
    if len(matches) != 1:
        found = "no agent" if not matches else f"{len(matches)} agents"
        raise ValueError(f"agent:{value} matches {found}; use more of the name, `me` or `none`")
    return matches[0].id


def _department(value: str, names: FilterNames) -> int:
    for dept in names.departments:
        if value.lower() in (dept.title.lower(), str(dept.id)):
            return dept.id
    titles = ", ".join(d.title for d in names.departments) or "none known"
    raise ValueError(f"dept:{value} is not a department ({titles})")


def _status(value: str, names: FilterNames) -> tuple[str, ...]:
    known = list(names.statuses) or list(KNOWN_STATUSES)
    codes = tuple(s for s in value.split(",") if s)
    unknown = [c for c in codes if c not in known]
    if unknown or not codes:
        raise ValueError(f"status:{value} is not a status; use one of {', '.join(known)}")
    return codes


def _created(value: str) -> tuple[str | None, str | None]:
    """Bounds as full times: a bare date would leave the end day out if read as midnight."""
    start, sep, end = value.partition("..")
    if not sep:
        start = end = value  # one day
    elif not (start or end):
        raise ValueError("created: needs a date, e.g. created:2019-06-16..2020-04-07")
    for bound in (start, end):
        if bound and not _is_time(bound):
            raise ValueError(f"created:{value}: {bound!r} is not a date like 2019-06-16")
    return _day_bound(start, "T00:00:00Z"), _day_bound(end, "T23:59:59Z")


def _is_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _day_bound(value: str, time: str) -> str | None:
    if not value:
        return None  # open: the API layer closes it with a far bound
    return value + time if _DATE.match(value) else value


def _urgency(value: str) -> tuple[int, ...]:
    """`>5` → (6, ..., 10): sent as a list (`urgency[]=6&...`), which every server takes,
    rather than a comparison operator that not every server understands."""
    match = _URGENCY.match(value)
    if not match:
        raise ValueError(f"urgency:{value} should be 1-10, optionally with <, <=, > or >=")
    op, n = match[1] or "=", int(match[2])
    keep = {"=": n.__eq__, "<": n.__gt__, "<=": n.__ge__, ">": n.__lt__, ">=": n.__le__}[op]
    levels = tuple(u for u in range(1, 11) if keep(u))
    if not levels:
        raise ValueError(f"urgency:{value} matches no urgency (they run from 1 to 10)")
    return levels


def _term(token: str) -> re.Match[str] | None:
    match = _TERM.match(token)
    return match if match and match["name"] in TERM_NAMES else None


def free_words(text: str) -> str:
    """The text without its terms, as typed (case kept): what `/search` is asked."""
    return " ".join(token for token in text.split() if _term(token) is None)


def parse_filter(text: str, names: FilterNames) -> FilterQuery:
    """Split the filter box's text into words and API terms; bad terms go to `errors`."""
    query = FilterQuery()
    for token in text.split():
        if (match := _term(token)) is None:
            query.words.append(token.lower())
            continue
        name, value = match["name"], match["value"]
        try:
            if name == "status":
                query.status = _status(value, names)
            elif name == "agent":
                query.params["agent"] = _agent(value, names)
            elif name == "dept":
                query.params["department"] = _department(value, names)
            elif name == "created":
                query.params["date_created"] = _created(value)
            elif name == "label":
                query.params["labels"] = value
            else:
                query.params["urgency"] = _urgency(value)
        except ValueError as exc:
            query.errors.append(str(exc))
    return query


def matches_words(ticket: Ticket, words: list[str], people: Mapping[int, Person]) -> bool:
    """Whether every word appears in the ticket's subject, ref, id or requester."""
    if not words:
        return True
    requester = people.get(ticket.person) if ticket.person else None
    haystack = " ".join(
        [
            ticket.subject,
            ticket.ref,
            str(ticket.id),
            ticket.person_email or "",
            requester.label if requester else "",
        ]
    ).lower()
    return all(word in haystack for word in words)
