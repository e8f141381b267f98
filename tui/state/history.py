"""What came before a ticket, all statuses, newest first: the requester's other tickets and
their organization's recent ones (what the ticket screen's `p` shows beside the ticket)."""

from __future__ import annotations

from typing import Literal

from tui.api import DeskproClient, Organization, Person, Ticket
from tui.api.envelope import Page
from tui.state.entities import Stores
from tui.state.requests import Requests

HISTORY_COUNT = 50  # the newest; older ones are a search away
Owner = Literal["people", "organizations"]


async def newest_tickets_of(
    client: DeskproClient, owner: Owner, key: int, count: int
) -> Page[Ticket]:
    """A requester's (or an organization's) newest tickets, all statuses, with who asked."""
    return await client.list_tickets_of(
        owner, key, count=count, order_by="date_created", order_dir="desc", include=("person",)
    )


class History:
    def __init__(self, requests: Requests, stores: Stores) -> None:
        self._requests = requests
        self._client = requests.client
        self._stores = stores
        # Names rarely change and only this panel reads them: kept for the session.
        self._organizations: dict[int, Organization] = {}

    async def of_requester(self, person_id: int) -> list[Ticket]:
        return await self._tickets_of("people", person_id)

    async def of_organization(self, org_id: int) -> list[Ticket]:
        """The organization's newest tickets, whoever in it asked."""
        return await self._tickets_of("organizations", org_id)

    async def organization(self, org_id: int) -> Organization:
        if (known := self._organizations.get(org_id)) is not None:
            return known
        found = await self._requests.once(
            ("organization", org_id), lambda: self._client.get_organization(org_id)
        )
        self._organizations[org_id] = found
        return found

    def organization_of(self, person: Person, ticket: Ticket | None = None) -> int | None:
        """The requester's organization: theirs now, else the one the ticket was filed under
        (a person read from an older helpdesk may come without it)."""
        return person.organization or (ticket.organization if ticket else None)

    async def _tickets_of(self, owner: Owner, key: int) -> list[Ticket]:
        page = await self._requests.once(
            ("history", owner, key),
            lambda: newest_tickets_of(self._client, owner, key, HISTORY_COUNT),
        )
        self._stores.people.put_many(page.linked_people().values())
        self._stores.tickets.put_many(page.items)
        return page.items
