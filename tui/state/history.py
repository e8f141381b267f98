"""A requester's other tickets, all statuses, newest first: what the ticket screen's `p`
shows beside the ticket."""

from __future__ import annotations

from tui.api import Ticket
from tui.state.entities import Stores
from tui.state.requests import Requests

HISTORY_COUNT = 50  # the newest; older ones are a search away


class History:
    def __init__(self, requests: Requests, stores: Stores) -> None:
        self._requests = requests
        self._client = requests.client
        self._stores = stores

    async def of_requester(self, person_id: int) -> list[Ticket]:
        page = await self._requests.once(
            ("history", person_id),
            lambda: self._client.list_tickets_of(
                "people",
                person_id,
                count=HISTORY_COUNT,
                order_by="date_created",
                order_dir="desc",
                include=("person",),
            ),
        )
        self._stores.people.put_many(page.linked_people().values())
        self._stores.tickets.put_many(page.items)
        return page.items
