"""The helpdesk's lists and directory records, one line each on `DeskproClient`:

    list_departments = EveryPage("ticket_departments", "tickets.departments.list", Department)
    get_person = ById("people", "people.people.get", Person)
    lock_ticket = TicketAction("lock", "tickets.actions.put")

`await client.list_departments()` reads every page, 200 a time (one default page of
`/agents` holds only 10 agents); `await client.get_person(7)` reads `/people/7`. Each
lookup is only a path, an API tag and a model: declared, they keep the client short
without hiding an endpoint behind a second object (callers still say `client.get_person`).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Generic, Protocol, TypeVar, overload

from tui.api.json_api import JsonApi

T = TypeVar("T")


class HasJsonApi(Protocol):
    """The client a lookup is declared on. The lookups are its members, like methods, so
    they use its private `JsonApi` as its methods do."""

    _api: JsonApi


@dataclass(frozen=True)
class EveryPage(Generic[T]):
    """`client.<name>()`: every item of the collection at `path`, as `model`s."""

    path: str
    tag: str
    model: type[T]

    @overload
    def __get__(self, client: None, owner: type) -> EveryPage[T]: ...
    @overload
    def __get__(self, client: HasJsonApi, owner: type) -> Callable[[], Awaitable[list[T]]]: ...
    def __get__(self, client: HasJsonApi | None, owner: type) -> Any:
        if client is None:
            return self  # looked up on the class (docs, introspection)
        return partial(client._api.all, self.path, self.tag, self.model)


@dataclass(frozen=True)
class ById(Generic[T]):
    """`client.<name>(record_id)`: the record at `path/{record_id}`, as a `model`."""

    path: str
    tag: str
    model: type[T]

    @overload
    def __get__(self, client: None, owner: type) -> ById[T]: ...
    @overload
    def __get__(self, client: HasJsonApi, owner: type) -> Callable[[int], Awaitable[T]]: ...
    def __get__(self, client: HasJsonApi | None, owner: type) -> Any:
        if client is None:
            return self
        return partial(self.read, client._api)

    async def read(self, api: JsonApi, record_id: int) -> T:
        return await api.one(f"{self.path}/{record_id}", self.tag, self.model)


@dataclass(frozen=True)
class TicketAction:
    """`client.<name>(ticket_id)`: `PUT tickets/{ticket_id}/actions/<action>` (a lock, an
    unlock); the helpdesk answers 204, or the ticket, which is not needed."""

    action: str
    tag: str

    @overload
    def __get__(self, client: None, owner: type) -> TicketAction: ...
    @overload
    def __get__(self, client: HasJsonApi, owner: type) -> Callable[[int], Awaitable[None]]: ...
    def __get__(self, client: HasJsonApi | None, owner: type) -> Any:
        if client is None:
            return self
        return partial(self.run, client._api)

    async def run(self, api: JsonApi, ticket_id: int) -> None:
        await api.write("PUT", f"tickets/{ticket_id}/actions/{self.action}", self.tag)
