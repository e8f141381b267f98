"""`DeskproClient`: a typed async client for the Deskpro REST API v2.

    async with DeskproClient("https://help.example.com", "4:G24M3K6Y3R3H8DN9B6QGH3NW4") as dp:
        me = await dp.me()
        page = await dp.list_tickets(count=50, order_by="date_status", order_dir="desc")

Lookups (`list_agents`, `list_messages`, ...) read every page: one default page of
`/agents` holds only 10 agents. The API key never leaves the helpdesk's origin.
"""

from __future__ import annotations

import asyncio
import ssl
import time
from collections.abc import AsyncIterator, Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import httpx

from tui.api import models as m
from tui.api.bodies import (
    OWNED_TICKETS_TAGS,
    AttachmentSpec,
    Format,
    PersonSpec,
    every_ticket_params,
    message_body,
    ticket_key,
    ticket_params,
)
from tui.api.downloads import Progress as DownloadProgress
from tui.api.downloads import source_url, stream_to_file, target_path
from tui.api.envelope import Page, parse_one
from tui.api.json_api import JsonApi
from tui.api.lookups import ById, EveryPage, TicketAction
from tui.api.params import encode, paging
from tui.api.properties import CustomField, TicketPriority, ticket_results
from tui.api.retry import Clock, RetryNotice, RetryPolicy
from tui.api.session import http_session
from tui.api.snippets import Snippet
from tui.api.transport import DEFAULT_TIMEOUT, Sleep, Transport
from tui.api.uploads import MultipartFile
from tui.api.uploads import Progress as UploadProgress
from tui.api.urls import api_root


class DeskproClient:
    """An async client for one helpdesk and one API key (or token)."""

    def __init__(
        self,
        url: str,
        api_key: str,
        *,
        auth_scheme: Literal["key", "token"] = "key",
        agent_id: int | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        verify: bool | ssl.SSLContext = True,
        allow_insecure_http: bool = False,
        retry: RetryPolicy | None = None,
        on_retry: Callable[[RetryNotice], None] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Sleep = asyncio.sleep,
        clock: Clock = time.monotonic,
    ) -> None:
        root = api_root(url, allow_insecure_http=allow_insecure_http)
        self.api_url = str(root)
        # Keep a subfolder install's path (https://h/helpdesk/): downloads resolve under it.
        self.helpdesk_url = str(root.copy_with(path=root.path.removesuffix("api/v2/")))
        http = http_session(
            root,
            api_key,
            auth_scheme=auth_scheme,
            agent_id=agent_id,
            timeout=timeout,
            verify=verify,
            transport=transport,
        )
        self._t = Transport(
            http, root, policy=retry or RetryPolicy(), on_retry=on_retry, sleep=sleep, clock=clock
        )
        self._api = JsonApi(self._t)

    def __repr__(self) -> str:
        return f"DeskproClient({self.helpdesk_url!r}, api_key=<redacted>)"

    @property
    def on_retry(self) -> Callable[[RetryNotice], None] | None:
        """Told before each automatic retry (a UI shows "retrying in 2 s")."""
        return self._t.on_retry

    @on_retry.setter
    def on_retry(self, callback: Callable[[RetryNotice], None] | None) -> None:
        self._t.on_retry = callback

    async def __aenter__(self) -> DeskproClient:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._t.http.aclose()

    # -- identity ---------------------------------------------------------------------

    async def discover(self) -> m.Discover:
        """Whether this URL is a Deskpro (needs no key)."""
        return await self._api.one("helpdesk/discover", "helpdesk.discover", m.Discover)

    async def me(self) -> m.Me:
        """The agent the key acts as."""
        return await self._api.one("me", "me.get", m.Me)

    # -- tickets ----------------------------------------------------------------------

    async def list_tickets(
        self,
        status: str | Sequence[str] | None = None,
        page: int = 1,
        count: int = 50,
        order_by: str | None = None,
        order_dir: str | None = None,
        include: Sequence[str] = (),
        **filters: Any,
    ) -> Page[m.Ticket]:
        """One page of tickets. Without `status` Deskpro returns active tickets only."""
        params = ticket_params(status, page, count, order_by, order_dir, include, filters)
        return await self._api.page("tickets", "tickets.tickets.list", m.Ticket, params)

    async def iter_tickets(
        self,
        status: str | Sequence[str] | None = None,
        *,
        order_by: str | None = None,
        order_dir: str | None = None,
        **filters: Any,
    ) -> AsyncIterator[m.Ticket]:
        """Every matching ticket, fetched 200 a page as the loop asks for more."""
        params = every_ticket_params(status, order_by, order_dir, filters)
        async for page in self._api.pages("tickets", "tickets.tickets.list", m.Ticket, params):
            for ticket in page.items:
                yield ticket

    async def get_ticket(self, ticket: int | str) -> m.Ticket:
        """A ticket by id, or by reference (`"ref:ABCD-1234"` or just `"ABCD-1234"`)."""
        return await self._api.one(f"tickets/{ticket_key(ticket)}", "tickets.tickets.get", m.Ticket)

    async def create_ticket(
        self,
        *,
        subject: str,
        person: PersonSpec,
        message: str,
        format: Format = "html",
        attachments: Iterable[AttachmentSpec] = (),
        is_note: bool = False,
        **fields: Any,
    ) -> m.Ticket:
        """Create a ticket with its first message. Extra keyword arguments (`agent`,
        `department`, `status`, `urgency`, `labels`, `cc`, `fields`) are sent as given.
        Never retried once sent: a duplicate ticket is worse than an error."""
        body = {
            "subject": subject,
            "person": person,
            "message": message_body(message, format, is_note, None, attachments),
            **{k: v for k, v in fields.items() if v is not None},
        }
        data = await self._api.write("POST", "tickets", "tickets.tickets.post", body)
        return parse_one(data, m.Ticket)

    async def update_ticket(self, ticket_id: int, **changes: Any) -> None:
        """Partial update (`agent=42`, `agent=None` unassigns, `status=...`). Deskpro
        answers 204 with no body; fetch the ticket again if you need it."""
        if "agent" in changes and changes["agent"] is None:
            changes["agent"] = 0
        await self._api.write("PUT", f"tickets/{ticket_id}", "tickets.tickets.put", changes)

    async def delete_ticket(self, ticket_id: int) -> None:
        """Soft-delete (the ticket moves to hidden/deleted)."""
        await self._api.write("DELETE", f"tickets/{ticket_id}", "tickets.tickets.delete")

    async def list_tickets_of(
        self,
        owner: Literal["ticket_filters", "people", "organizations"],
        owner_id: int,
        status: str | Sequence[str] | None = None,
        page: int = 1,
        count: int = 50,
        order_by: str | None = None,
        order_dir: str | None = None,
        include: Sequence[str] = (),
        **filters: Any,
    ) -> Page[m.Ticket]:
        """One page of a saved filter's tickets, a requester's or an organization's (all
        statuses for these two); takes `/tickets` parameters."""
        params = ticket_params(status, page, count, order_by, order_dir, include, filters)
        path, tag = f"{owner}/{owner_id}/tickets", OWNED_TICKETS_TAGS[owner]
        return await self._api.page(path, tag, m.Ticket, params)

    async def search_tickets(self, query: str) -> list[m.Ticket]:
        """Tickets of any status matching `query` (`/search`; the helpdesk caps the count)."""
        params = [("q", query), ("types", "ticket")]
        return ticket_results(await self._api.get("search", "search.search.get", params))

    # -- messages and files -----------------------------------------------------------

    async def list_messages(self, ticket_id: int, order_dir: str = "asc") -> list[m.Message]:
        """The whole conversation, oldest first unless `order_dir="desc"`."""
        path = f"tickets/{ticket_id}/messages"
        return await self._api.all(
            path, "tickets.messages.list", m.Message, [("order_dir", order_dir)]
        )

    async def add_message(
        self,
        ticket_id: int,
        message: str,
        *,
        note: bool = False,
        format: Format = "html",
        person: PersonSpec | None = None,
        attachments: Iterable[AttachmentSpec] = (),
    ) -> m.Message:
        """A reply (or an internal note with `note=True`) on a ticket."""
        body = message_body(message, format, note, person, attachments)
        data = await self._api.write(
            "POST", f"tickets/{ticket_id}/messages", "tickets.messages.post", body
        )
        return parse_one(data, m.Message)

    async def list_attachments(self, ticket_id: int) -> list[m.Attachment]:
        return await self._api.all(
            f"tickets/{ticket_id}/attachments", "tickets.attachments.list", m.Attachment
        )

    async def upload_blob(
        self,
        path: str | Path,
        progress: UploadProgress | None = None,
        *,
        filename: str | None = None,
        content_type: str | None = None,
    ) -> m.Blob:
        """Upload a file as a temporary blob, streamed from disk (never held in memory)."""
        body = MultipartFile(Path(path).expanduser(), filename=filename, content_type=content_type)
        data = await self._api.upload("blobs/temp", "blobs.post_temp", body, progress)
        return parse_one(data, m.Blob)

    async def download(
        self,
        source: m.Attachment | m.Blob | str,
        dest: str | Path,
        progress: DownloadProgress | None = None,
        *,
        overwrite: bool = False,
    ) -> Path:
        """Stream a file to `dest` (a folder keeps the server's name, made safe).
        The API key is sent only if the URL is on the helpdesk's own origin."""
        url, name = source_url(source, self.helpdesk_url)
        target = target_path(Path(dest), name)
        return await stream_to_file(
            self._t.http, url, target, progress=progress, overwrite=overwrite
        )

    # -- lookups: one line each, see tui/api/lookups.py ---------------------------------

    list_agents = EveryPage("agents", "people.agents.list", m.Agent)
    list_agent_teams = EveryPage("agent_teams", "people.agent_teams.list", m.AgentTeam)
    get_person = ById("people", "people.people.get", m.Person)
    get_organization = ById("organizations", "organizations.get", m.Organization)
    list_departments = EveryPage("ticket_departments", "tickets.departments.list", m.Department)
    list_ticket_statuses = EveryPage("ticket_statuses", "tickets.statuses.list", m.TicketStatus)
    list_ticket_filters = EveryPage("ticket_filters", "tickets.filters.list", m.TicketFilter)
    list_labels = EveryPage("ticket_labels", "tickets.labels.list", m.Label)
    list_ticket_priorities = EveryPage(
        "ticket_priorities", "tickets.priorities.list", TicketPriority
    )
    list_ticket_custom_fields = EveryPage(
        "ticket_custom_fields", "tickets.custom_fields.list", CustomField
    )
    list_snippets = EveryPage("snippets", "snippets.list", Snippet)
    list_ticket_snippets = EveryPage("ticket_snippets", "tickets.snippets.list", Snippet)  # older
    # The lock other agents see while one answers (`locked_by_agent`, `date_locked`).
    lock_ticket = TicketAction("lock", "tickets.actions.put")
    unlock_ticket = TicketAction("unlock", "tickets.actions.put")

    async def list_people(
        self, email: str | None = None, page: int = 1, count: int = 50
    ) -> Page[m.Person]:
        params = encode({"primary_email": email, **paging(page, count, None, None)})
        return await self._api.page("people", "people.people.list", m.Person, params)
