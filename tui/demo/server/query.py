"""List query parameters → SQL: paging, ordering and the `/tickets` filters.

Status filtering follows Deskpro's 2026 behaviour: without `status` only active tickets
match; naming statuses (active or inactive, e.g. `status=resolved`) lifts that restriction
("all-mode") and matches exactly the named statuses. `hidden` matches every hidden
sub-status, `hidden.spam` just that one.

`agent=0` (and `agent_team=0`) means unassigned. `labels` matches tickets having any of the
named labels. Date filters take `A--B`, `A/B`, `<X`, `<=X`, `>X`, `>=X` or a single date.

Only the documented `/tickets` parameters are honoured (status, ids, the date ranges, agent,
agent_team, department, person, organization, labels, urgency, email, filter,
`ticket_field.<id>`, sla_status, and paging, ordering, include). Deskpro ignores any other
parameter, so the demo does too: a client relying on e.g. `is_hold=1` sees every ticket.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from starlette.datastructures import QueryParams

from tui.demo import dates, statuses
from tui.demo.server.errors import bad_request

DEFAULT_COUNT = 10
MAX_COUNT = 200
TICKET_ORDER = {
    name: name
    for name in (
        "id", "urgency", "date_created", "date_last_agent_reply", "date_last_user_reply",
        "date_last_reply", "date_status", "date_resolved", "subject", "status", "ref",
    )
}  # fmt: skip
# The documented date filters; `date_status` and `date_last_reply` only order.
DATE_FILTERS = (
    "date_created", "date_resolved", "date_last_agent_reply", "date_last_user_reply",
)  # fmt: skip
_ID_FILTERS = {"department": "department", "person": "person", "organization": "organization"}


@dataclass(frozen=True)
class Paging:
    page: int
    count: int

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.count


@dataclass(frozen=True)
class Actor:
    """The agent requests run as: filters say "me" (-1) and "my teams"."""

    agent_id: int
    teams: tuple[int, ...] = ()


@dataclass
class Where:
    clauses: list[str] = field(default_factory=list)
    args: list[Any] = field(default_factory=list)

    def add(self, clause: str, *args: Any) -> None:
        self.clauses.append(clause)
        self.args.extend(args)

    @property
    def sql(self) -> str:
        return " AND ".join(f"({c})" for c in self.clauses) if self.clauses else "1"


def values(params: QueryParams, name: str) -> list[str]:
    """`x=a,b`, `x=a&x=b` and `x[]=a&x[]=b` all give ["a", "b"]."""
    raw = params.getlist(name) + params.getlist(f"{name}[]")
    return [part.strip() for item in raw for part in item.split(",") if part.strip()]


def int_values(params: QueryParams, name: str) -> list[int]:
    try:
        return [int(v) for v in values(params, name)]
    except ValueError:
        raise bad_request(f"Invalid value for {name}: expected numbers") from None


def _int_param(params: QueryParams, name: str, default: int) -> int:
    raw = params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise bad_request(f"Invalid value for {name}: expected a number") from None


def paging(params: QueryParams) -> Paging:
    page = _int_param(params, "page", 1)
    count = _int_param(params, "count", DEFAULT_COUNT)
    if count > MAX_COUNT:
        raise bad_request(f"You can select maximum {MAX_COUNT} entities")
    if page < 1 or count < 1:
        raise bad_request("page and count must be at least 1")
    return Paging(page, count)


def order(
    params: QueryParams, allowed: dict[str, str], default: str = "id", tie: str = "id"
) -> str:
    """An ORDER BY clause; ties broken by the `tie` column (the id) in the same direction."""
    by = params.get("order_by") or default
    direction = (params.get("order_dir") or "asc").lower()
    if by not in allowed:
        raise bad_request(f"Unknown order by option value: {by}")
    if direction not in ("asc", "desc"):
        raise bad_request(f"Unknown order direction value: {direction}")
    column = allowed[by]
    then = "" if column == tie else f", {tie} {direction}"
    return f"ORDER BY {column} {direction}{then}"


def status_clause(where: Where, codes: Sequence[str]) -> str:
    """Adds the status condition; returns the FQL Deskpro would echo in `meta.fql`."""
    if not codes:
        codes = statuses.ACTIVE
    parts = []
    for code in codes:
        if code not in statuses.CODES:
            raise bad_request(f"Unknown status value: {code}")
        status, hidden = statuses.split(code)
        if hidden:
            parts.append(("status = ? AND hidden_status = ?", (status, hidden)))
        else:
            parts.append(("status = ?", (status,)))
    where.add(" OR ".join(f"({sql})" for sql, _ in parts), *[a for _, args in parts for a in args])
    return "ticket.status IN (" + ",".join(f'"{c}"' for c in codes) + ")"


def _ids_or_unassigned(where: Where, column: str, ids: list[int]) -> None:
    named = [i for i in ids if i != 0]
    clauses = [f"{column} IN ({','.join('?' * len(named))})"] if named else []
    if 0 in ids:
        clauses.append(f"{column} IS NULL")
    where.add(" OR ".join(clauses), *named)


def _labels(where: Where, labels: list[str]) -> None:
    marks = ",".join("?" * len(labels))
    where.add(
        f"labels IS NOT NULL AND EXISTS (SELECT 1 FROM json_each(tickets.labels)"
        f" WHERE value IN ({marks}))",
        *labels,
    )


def _dates(where: Where, params: QueryParams) -> None:
    for column in DATE_FILTERS:
        for raw in params.getlist(column):
            try:
                low, high = dates.parse_range(raw)
            except ValueError:
                raise bad_request(f"Invalid date value for {column}: {raw}") from None
            if low is not None:
                where.add(f"{column} >= ?", low)
            if high is not None:
                where.add(f"{column} <= ?", high)


def _custom_fields(where: Where, params: QueryParams) -> None:
    """`ticket_field.8=ORD-12345`: a custom field's value, exactly; for a choice field (a list
    of choice ids), `ticket_field.7=703` matches tickets whose list holds that id."""
    for name, value in params.multi_items():
        field_id = name.removeprefix("ticket_field.")
        if name.startswith("ticket_field.") and field_id.isdigit():
            path = f"'$.\"{field_id}\".value'"
            listed = f"SELECT 1 FROM json_each(fields, {path}) WHERE CAST(value AS TEXT) = ?"
            where.add(
                f"json_extract(fields, {path}) = ? OR (json_type(fields, {path}) = 'array'"
                f" AND EXISTS ({listed}))",
                value,
                value,
            )


def term_conditions(where: Where, terms: Sequence[dict[str, Any]], actor: Actor) -> list[str]:
    """A ticket filter's terms as conditions; returns the statuses it names."""
    named: list[str] = []
    for term in terms:
        kind, op, value = term["type"], term.get("op"), term.get("options", {}).get(term["type"])
        if kind == "status":
            named.extend([value] if isinstance(value, str) else value)
        elif kind in ("agent", "agent_team") and value == -1:
            ids = [actor.agent_id] if kind == "agent" else list(actor.teams) or [-1]
            where.add(f"{kind} IN ({','.join('?' * len(ids))})", *ids)
        elif kind in ("agent", "agent_team", "department"):
            _ids_or_unassigned(where, kind, [int(value)])
        elif kind == "labels":
            _labels(where, list(value))
        elif kind == "urgency":
            where.add("urgency >= ?" if op == "gte" else "urgency = ?", int(value))
        elif kind == "is_hold":  # a saved filter's own term, not a query parameter
            where.add("is_hold = ?", int(value))
    return named


def ticket_where(
    params: QueryParams,
    actor: Actor,
    terms: Sequence[dict[str, Any]] = (),
    scope: Where | None = None,
    default_statuses: Sequence[str] = (),
) -> tuple[Where, str]:
    """The WHERE of a ticket list and its FQL echo. `scope` holds conditions the endpoint
    itself adds (a person's tickets); `default_statuses` apply when none are named (else:
    the active ones)."""
    where = Where(list(scope.clauses), list(scope.args)) if scope else Where()
    term_statuses = term_conditions(where, terms, actor)
    named = values(params, "status") or term_statuses
    fql = status_clause(where, named or default_statuses)
    for name in ("agent", "agent_team"):
        if ids := int_values(params, name):
            _ids_or_unassigned(where, name, ids)
    for name, column in _ID_FILTERS.items():
        if ids := int_values(params, name):
            where.add(f"{column} IN ({','.join('?' * len(ids))})", *ids)
    if ids := int_values(params, "ids"):
        where.add(f"id IN ({','.join('?' * len(ids))})", *ids)
    if urgencies := int_values(params, "urgency"):
        where.add(f"urgency IN ({','.join('?' * len(urgencies))})", *urgencies)
    if labels := values(params, "labels"):
        _labels(where, labels)
    if emails := values(params, "email"):
        where.add(f"person_email COLLATE NOCASE IN ({','.join('?' * len(emails))})", *emails)
    if slas := values(params, "sla_status"):
        where.add(f"worst_sla_status IN ({','.join('?' * len(slas))})", *slas)
    _dates(where, params)
    _custom_fields(where, params)
    return where, fql
