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
from collections.abc import AsyncIterator, Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar
from urllib.parse import quote

import httpx

from tui.api import models as m
from tui.api.bodies import AttachmentSpec, Format, PersonSpec, message_body, ticket_params
from tui.api.downloads import Progress as DownloadProgress
from tui.api.downloads import stream_to_file, target_path
from tui.api.envelope import Page, parse_one, parse_page
from tui.api.errors import ResponseFormatError
from tui.api.params import MAX_PER_PAGE, Params, encode, paging, per_page
from tui.api.transport import (
    DEFAULT_TIMEOUT,
    Clock,
    KeyAuth,
    RetryNotice,
    RetryPolicy,
    Sleep,
    Transport,
    api_path,
    api_root,
    error_from_body,
)
from tui.api.uploads import MultipartFile
from tui.api.uploads import Progress as UploadProgress

T = TypeVar("T")
# Idle connections are dropped before servers commonly drop them (Apache: 5 s), so a request
# is not sent on a connection the server is closing: its answer would be lost.
KEEPALIVE_SECONDS = 4.0


def _json(response: httpx.Response, tag: str | None, path: str) -> Any:
    """The decoded body of a 2xx answer to `path`; errors name the request."""
    request = {"method": response.request.method, "path": api_path(path)}
    try:
        body = response.json()
    except ValueError as exc:
        kind = response.headers.get("Content-Type", "").split(";")[0] or "no content type"
        size = len(response.content)
        raise ResponseFormatError(
            f"The helpdesk sent something that is not JSON ({kind}, {size} bytes).", **request
        ) from exc
    if isinstance(body, Mapping) and "data" not in body:
        status = body.get("status")
        if isinstance(status, int) and status >= 400:
            # A proxy or an old build answering 200 with an error body: treat it as that
            # error (Retry-After is read from the real answer's headers).
            raise error_from_body(response, body, status, tag, **request)
    return body


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
        headers = {"Accept": "application/json", "User-Agent": "deskpro-tui"}
        if agent_id is not None:
            headers["X-DeskPRO-Agent-ID"] = str(agent_id)
        self._auth = KeyAuth(root, api_key, auth_scheme)
        http = httpx.AsyncClient(
            auth=self._auth,
            headers=headers,
            timeout=timeout,
            verify=verify,
            transport=transport,
            limits=httpx.Limits(keepalive_expiry=KEEPALIVE_SECONDS),
        )
        self._t = Transport(
            http, root, policy=retry or RetryPolicy(), on_retry=on_retry, sleep=sleep, clock=clock
        )

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

    # -- plumbing ---------------------------------------------------------------------

    async def _get(self, path: str, tag: str, params: Params | None = None) -> Any:
        return _json(await self._t.request("GET", path, tag=tag, params=params), tag, path)

    async def _write(
        self, method: str, path: str, tag: str, body: Any = None, params: Params | None = None
    ) -> Any:
        response = await self._t.request(method, path, tag=tag, json=body, params=params)
        if response.status_code == 204 or not response.content:
            return None
        return _json(response, tag, path)

    async def _page(self, path: str, tag: str, model: type[T], params: Params) -> Page[T]:
        return parse_page(await self._get(path, tag, params), model)

    async def _pages(
        self,
        path: str,
        tag: str,
        model: type[T],
        params: Params,
    ) -> AsyncIterator[Page[T]]:
        page_no = 1
        while True:
            page = await self._page(path, tag, model, [*params, ("page", str(page_no))])
            yield page
            # Count pages ourselves: a server that ignores `page` must not loop us forever.
            if not page.items or page_no >= page.pagination.total_pages:
                return
            page_no += 1

    async def _all(self, path: str, tag: str, model: type[T], params: Params = ()) -> list[T]:
        items: list[T] = []
        async for page in self._pages(path, tag, model, [*params, ("count", "200")]):
            items.extend(page.items)
        return items

    # -- identity ---------------------------------------------------------------------

    async def discover(self) -> m.Discover:
        """Whether this URL is a Deskpro (needs no key)."""
        return parse_one(await self._get("helpdesk/discover", "helpdesk.discover"), m.Discover)

    async def me(self) -> m.Me:
        """The agent the key acts as."""
        return parse_one(await self._get("me", "me.get"), m.Me)

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
        return await self._page("tickets", "tickets.tickets.list", m.Ticket, params)

    async def iter_tickets(
        self,
        status: str | Sequence[str] | None = None,
        *,
        order_by: str | None = None,
        order_dir: str | None = None,
        **filters: Any,
    ) -> AsyncIterator[m.Ticket]:
        """Every matching ticket, fetched 200 a page as the loop asks for more."""
        filters.pop("page", None)  # paging is this method's job
        count = per_page(filters.pop("count", MAX_PER_PAGE))
        params = encode(
            {
                "status": status,
                "count": count,
                "order_by": order_by,
                "order_dir": order_dir,
                **filters,
            }
        )
        async for page in self._pages("tickets", "tickets.tickets.list", m.Ticket, params):
            for ticket in page.items:
                yield ticket

    async def get_ticket(self, ticket: int | str) -> m.Ticket:
        """A ticket by id, or by reference (`"ref:ABCD-1234"` or just `"ABCD-1234"`)."""
        key = str(ticket).strip()
        if not key.isdigit() and not key.startswith("ref:"):
            key = f"ref:{key}"
        key = quote(key, safe=":")  # a reference must not add path segments or a query
        return parse_one(await self._get(f"tickets/{key}", "tickets.tickets.get"), m.Ticket)

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
        data = await self._write("POST", "tickets", "tickets.tickets.post", body)
        return parse_one(data, m.Ticket)

    async def update_ticket(self, ticket_id: int, **changes: Any) -> None:
        """Partial update (`agent=42`, `agent=None` unassigns, `status=...`). Deskpro
        answers 204 with no body; fetch the ticket again if you need it."""
        if "agent" in changes and changes["agent"] is None:
            changes["agent"] = 0
        await self._write("PUT", f"tickets/{ticket_id}", "tickets.tickets.put", changes)

    async def delete_ticket(self, ticket_id: int) -> None:
        """Soft-delete (the ticket moves to hidden/deleted)."""
        await self._write("DELETE", f"tickets/{ticket_id}", "tickets.tickets.delete")

    async def list_filter_tickets(
        self,
        filter_id: int,
        status: str | Sequence[str] | None = None,
        page: int = 1,
        count: int = 50,
        order_by: str | None = None,
        order_dir: str | None = None,
        include: Sequence[str] = (),
        **filters: Any,
    ) -> Page[m.Ticket]:
        """One page of a saved ticket filter's tickets (takes `/tickets` parameters)."""
        params = ticket_params(status, page, count, order_by, order_dir, include, filters)
        path = f"ticket_filters/{filter_id}/tickets"
        return await self._page(path, "tickets.filters.tickets", m.Ticket, params)

    # -- messages and files -----------------------------------------------------------

    async def list_messages(self, ticket_id: int, order_dir: str = "asc") -> list[m.Message]:
        """The whole conversation, oldest first unless `order_dir="desc"`."""
        return await self._all(
            f"tickets/{ticket_id}/messages",
            "tickets.messages.list",
            m.Message,
            [("order_dir", order_dir)],
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
        data = await self._write(
            "POST", f"tickets/{ticket_id}/messages", "tickets.messages.post", body
        )
        return parse_one(data, m.Message)

    async def list_attachments(self, ticket_id: int) -> list[m.Attachment]:
        return await self._all(
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
        response = await self._t.request(
            "POST",
            "blobs/temp",
            tag="blobs.post_temp",
            content=lambda: body.stream(progress),
            headers=body.headers,
        )
        return parse_one(_json(response, "blobs.post_temp", "blobs/temp"), m.Blob)

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
        blob = source.blob if isinstance(source, m.Attachment) else source
        url_text = blob.download_url if isinstance(blob, m.Blob) else blob
        url = httpx.URL(self.helpdesk_url).join(url_text)
        name = blob.filename if isinstance(blob, m.Blob) else url.path.rsplit("/", 1)[-1]
        target = target_path(Path(dest), name)
        return await stream_to_file(
            self._t.http, url, target, progress=progress, overwrite=overwrite
        )

    # -- lookups (every page) ----------------------------------------------------------

    async def list_agents(self) -> list[m.Agent]:
        return await self._all("agents", "people.agents.list", m.Person)

    async def list_agent_teams(self) -> list[m.AgentTeam]:
        return await self._all("agent_teams", "people.agent_teams.list", m.AgentTeam)

    async def list_people(
        self, email: str | None = None, page: int = 1, count: int = 50
    ) -> Page[m.Person]:
        params = encode({"primary_email": email, **paging(page, count, None, None)})
        return await self._page("people", "people.people.list", m.Person, params)

    async def get_person(self, person_id: int) -> m.Person:
        return parse_one(await self._get(f"people/{person_id}", "people.people.get"), m.Person)

    async def list_departments(self) -> list[m.Department]:
        return await self._all("ticket_departments", "tickets.departments.list", m.Department)

    async def list_ticket_statuses(self) -> list[m.TicketStatus]:
        return await self._all("ticket_statuses", "tickets.statuses.list", m.TicketStatus)

    async def list_ticket_filters(self) -> list[m.TicketFilter]:
        return await self._all("ticket_filters", "tickets.filters.list", m.TicketFilter)

    async def list_labels(self) -> list[m.Label]:
        return await self._all("ticket_labels", "tickets.labels.list", m.Label)
