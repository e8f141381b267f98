"""Finding tickets by what was typed: the helpdesk's `/search`, and, where it is refused
(403) or missing (404), what the API can answer instead: the tickets of a requester named
by their email. The answer carries a note saying so; words no other request can answer
get a note saying why search is unavailable and what works meanwhile.

Other failures (a timeout, an outage) are not fallen back from: asking again may work,
and a fallback would hide that search exists."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tui.api import (
    DeskproClient,
    DeskproError,
    NotFoundError,
    Pagination,
    PermissionDeniedError,
    Person,
    Ticket,
)
from tui.api.envelope import Page
from tui.state.emails import looks_like_email
from tui.state.history import newest_tickets_of
from tui.state.optional import PEOPLE_BY_EMAIL, REQUESTER_TICKETS, SEARCH, why_failed
from tui.state.terms import Terms

REQUESTER_COUNT = 200  # the most one page holds: a search's rows are one page
UNAVAILABLE = (PermissionDeniedError, NotFoundError)  # what is fallen back from


@dataclass(frozen=True)
class Found:
    """What finding answered: tickets of any status (one page: nothing here is paged),
    what came sideloaded, and a note when they are not what was asked for."""

    tickets: list[Ticket]
    linked: Mapping[str, Any] = field(default_factory=dict)
    note: str = ""

    def page(self, terms: Terms | None = None) -> Page[Ticket]:
        """The one page of a search queue: the tickets its terms admit."""
        items = [t for t in self.tickets if terms is None or terms.admit(t)]
        every = Pagination(total=len(items), count=len(items), per_page=max(1, len(items)))
        return Page(items=items, pagination=every, linked=self.linked)


class Finder:
    def __init__(self, client: DeskproClient) -> None:
        self._client = client
        self.unavailable: DeskproError | None = None  # why `/search` last could not answer

    async def find(self, words: str) -> Found:
        try:
            tickets = await self._client.search_tickets(words)
        except UNAVAILABLE as exc:
            self.unavailable = exc
            return await self._instead(words.strip(), exc)
        self.unavailable = None
        return Found(tickets)

    async def _instead(self, words: str, error: DeskproError) -> Found:
        """What the API can answer without `/search`: a requester's tickets by email."""
        unavailable = f"Search is unavailable ({why_failed(SEARCH, error)})"
        if not looks_like_email(words):
            return Found([], note=f"{unavailable}. Meanwhile {SEARCH.without}.")
        try:
            person = await self._person(words)
        except UNAVAILABLE as exc:
            why = why_failed(PEOPLE_BY_EMAIL, exc)
            note = f"{unavailable}, and so is looking up {words} ({why}). Meanwhile"
            return Found([], note=f"{note} {PEOPLE_BY_EMAIL.without}.")
        if person is None:
            return Found([], note=f"{unavailable}, and no one has the email {words}.")
        try:
            page = await newest_tickets_of(self._client, "people", person.id, REQUESTER_COUNT)
        except UNAVAILABLE as exc:
            why = why_failed(REQUESTER_TICKETS, exc)
            return Found([], note=f"{unavailable}, and so are the tickets of {words} ({why}).")
        return Found(page.items, page.linked, f"{unavailable}; {_showing(page, words)} instead.")

    async def _person(self, email: str) -> Person | None:
        """Whose primary email `email` is; else the one person the helpdesk matched (by
        another of their emails). A server that ignored the filter answers with many:
        none of them is taken for the requester."""
        people = (await self._client.list_people(email=email)).items
        exact = [p for p in people if (p.primary_email or "").casefold() == email.casefold()]
        if exact:
            return exact[0]
        return people[0] if len(people) == 1 else None


def _showing(page: Page[Ticket], email: str) -> str:
    total = page.pagination.total
    if total > len(page.items):
        return f"showing the newest {len(page.items)} of the {total} tickets of {email}"
    return f"showing the tickets of {email}"
