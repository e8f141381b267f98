"""Who a new ticket is for: completing and resolving what the agent types in To, and
asking the helpdesk whether an address belongs to someone already."""

from __future__ import annotations

from tui.api import DeskproError, Person
from tui.state.emails import looks_like_email
from tui.state.service import HelpdeskService

__all__ = ["Requesters", "looks_like_email"]


class Requesters:
    """Who a new ticket can be for: completes emails of people already known, and asks
    the helpdesk about a full email once, so the form can say whether it is a new person."""

    def __init__(self, service: HelpdeskService) -> None:
        self.service = service
        self.asked: set[str] = set()

    def complete(self, prefix: str) -> str | None:
        prefix = prefix.strip().casefold()
        people = sorted(self.service.people.values(), key=lambda p: (p.is_agent, p.id))
        emails = (p.primary_email or "" for p in people)
        return next((e for e in emails if prefix and e.casefold().startswith(prefix)), None)

    def matching(self, text: str) -> list[Person]:
        """People known whose email, or a word of whose name, starts with `text`."""
        text = text.strip().casefold()
        if not text:
            return []

        def matches(person: Person) -> bool:
            words = person.label.casefold().split()
            email = (person.primary_email or "").casefold()
            return bool(email) and (
                email.startswith(text) or any(w.startswith(text) for w in words)
            )

        people = sorted(self.service.people.values(), key=lambda p: (p.is_agent, p.label))
        return [p for p in people if matches(p)]

    def resolve(self, text: str) -> tuple[str | None, str]:
        """What a To field left with `text` becomes: the one email it matches (or itself
        when it is an address), else None and why, naming the choices."""
        text = text.strip()
        if not text or looks_like_email(text):
            return (text or None), ""
        found = self.matching(text)
        if len(found) == 1 and found[0].primary_email:
            return found[0].primary_email, ""
        if not found:
            return None, f"No one known matches {text!r}: type the whole email address."
        names = ", ".join(f"{p.label} <{p.primary_email}>" for p in found[:4])
        more = f" and {len(found) - 4} more" if len(found) > 4 else ""
        return None, f"{len(found)} people match {text!r}: {names}{more}. Type more of it."

    def find(self, email: str) -> Person | None:
        email = email.strip().casefold()
        people = self.service.people.values()
        return next((p for p in people if (p.primary_email or "").casefold() == email), None)

    async def look_up(self, email: str) -> None:
        """Ask `/people?primary_email=` (once per address); errors are ignored: this only
        improves a hint, and sending works either way."""
        email = email.strip().casefold()
        if not looks_like_email(email) or email in self.asked or self.find(email):
            return
        try:
            page = await self.service.client.list_people(email=email, count=1)
        except DeskproError:
            return
        self.asked.add(email)
        self.service.people.put_many(page.items)

    def hint(self, email: str) -> str:
        if (person := self.find(email)) is not None:
            return f"Existing person: {person.label}"
        if email.strip().casefold() in self.asked:
            return "New person: created when the ticket is sent."
        return ""
