"""Normalised entity stores: one copy of each ticket, person, department."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar

from tui.api import Department, Person, Ticket
from tui.state.observable import Observable


class HasId(Protocol):
    @property
    def id(self) -> int: ...

    def model_copy(self, *, update: dict[str, Any] | None = None) -> Any: ...


E = TypeVar("E", bound=HasId)


@dataclass(frozen=True)
class Undo(Generic[E]):
    """What `patch` replaced, so a refused change can be put back."""

    entity_id: int
    previous: E | None


class EntityStore(Observable[frozenset[int]], Generic[E]):
    """Entities by id. Subscribers receive the ids whose record actually changed."""

    def __init__(self) -> None:
        super().__init__()
        self._items: dict[int, E] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._items

    def get(self, entity_id: int | None) -> E | None:
        return None if entity_id is None else self._items.get(entity_id)

    def values(self) -> list[E]:
        return list(self._items.values())

    def put_many(self, items: Iterable[E]) -> frozenset[int]:
        """Store `items`; notify (once) and return the ids that are new or different."""
        changed = set()
        for item in items:
            if self._items.get(item.id) != item:
                self._items[item.id] = item
                changed.add(item.id)
        if changed:
            self.notify(frozenset(changed))
        return frozenset(changed)

    def put(self, item: E) -> bool:
        return bool(self.put_many([item]))

    def patch(self, entity_id: int, **changes: Any) -> Undo[E]:
        """Change fields of one entity at once (optimistically); keep the old copy."""
        previous = self._items.get(entity_id)
        if previous is not None:
            self.put(previous.model_copy(update=changes))
        return Undo(entity_id, previous)

    def restore(self, undo: Undo[E]) -> None:
        """Put back what `patch` replaced (the server refused the change)."""
        if undo.previous is not None:
            self.put(undo.previous)


@dataclass(frozen=True)
class Stores:
    """The one copy of each ticket, person and department, shared by the service's parts."""

    tickets: EntityStore[Ticket] = field(default_factory=EntityStore)
    people: EntityStore[Person] = field(default_factory=EntityStore)
    departments: EntityStore[Department] = field(default_factory=EntityStore)
