"""Deskpro's response envelope `{"data", "meta", "linked"}` and paged collections."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from pydantic import ValidationError

from tui.api.errors import ResponseFormatError
from tui.api.models import Department, DeskproModel, Person

T = TypeVar("T")


class Pagination(DeskproModel):
    total: int = 0
    count: int = 0
    per_page: int = 10
    current_page: int = 1
    total_pages: int = 1


@dataclass(frozen=True)
class Page(Generic[T]):
    """One page of a collection, with its pagination and sideloaded records."""

    items: list[T]
    pagination: Pagination
    linked: Mapping[str, Mapping[str, Any]] = field(default_factory=dict)

    @property
    def has_next(self) -> bool:
        return self.pagination.current_page < self.pagination.total_pages

    def linked_people(self) -> dict[int, Person]:
        """People (agents included: Deskpro sideloads agents under `linked.person`)."""
        return _linked(self.linked, "person", Person)

    def linked_departments(self) -> dict[int, Department]:
        return _linked(self.linked, "department", Department)


def _linked(linked: Mapping[str, Any], kind: str, model: type[DeskproModel]) -> dict[int, Any]:
    records = linked.get(kind) or {}
    if not isinstance(records, Mapping):  # an empty map serialised by PHP as []
        return {}
    try:
        return {int(key): parse_model(model, raw) for key, raw in records.items()}
    except ValueError as exc:  # int(key) of a key that is not an id
        raise ResponseFormatError(
            f"The helpdesk sideloaded a {kind} under a key that is not an id."
        ) from exc


def _as_mapping(value: Any) -> Mapping[str, Any]:
    # PHP serialises an empty associative array as [], so accept a list as "nothing".
    return value if isinstance(value, Mapping) else {}


def split_envelope(body: Any) -> tuple[Any, Mapping[str, Any], Mapping[str, Any]]:
    """`(data, meta, linked)` from a decoded JSON body, refusing what is not an envelope."""
    if not isinstance(body, Mapping) or "data" not in body:
        raise ResponseFormatError("The helpdesk answered without the expected `data` envelope.")
    return body["data"], _as_mapping(body.get("meta")), _as_mapping(body.get("linked"))


def parse_model(model: type[T], raw: Any) -> T:
    """Validate one object, turning pydantic's error into a `ResponseFormatError`."""
    coerce: Callable[[Any], T] | None = getattr(model, "coerce", None)
    try:
        return coerce(raw) if coerce else model.model_validate(raw)  # type: ignore[attr-defined]
    except (ValidationError, TypeError, ValueError, AttributeError) as exc:
        name = getattr(model, "__name__", "record")
        raise ResponseFormatError(f"The helpdesk sent a {name} we could not read: {exc}") from exc


def parse_page(body: Any, model: type[T]) -> Page[T]:
    data, meta, linked = split_envelope(body)
    if isinstance(data, Mapping):
        data = list(data.values())  # some endpoints key their lists by id
    if not isinstance(data, list):
        raise ResponseFormatError("The helpdesk sent a list answer whose `data` is not a list.")
    items = [parse_model(model, raw) for raw in data]
    raw_pagination = _as_mapping(meta.get("pagination"))
    if raw_pagination:
        pagination = parse_model(Pagination, raw_pagination)
    else:  # unpaged endpoints (ticket_statuses) behave as one full page
        pagination = Pagination(total=len(items), count=len(items), per_page=len(items))
    return Page(items=items, pagination=pagination, linked=linked)


def parse_one(body: Any, model: type[T]) -> T:
    data, _meta, _linked = split_envelope(body)
    return parse_model(model, data)
