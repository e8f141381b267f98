"""Request bodies and queries the client sends: messages, attachments, ticket lists."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal
from urllib.parse import quote

from tui.api import models as m
from tui.api.params import MAX_PER_PAGE, Params, encode, paging, per_page

BlobRef = m.Blob | str
AttachmentSpec = BlobRef | tuple[BlobRef, bool]
"""A blob (or its `blob_auth`) to attach; `(blob, True)` attaches it inline."""
PersonSpec = int | str | Mapping[str, Any]
Format = Literal["html", "text"]


def attachment_links(specs: Iterable[AttachmentSpec]) -> list[dict[str, Any]]:
    linked = []
    for spec in specs:
        blob, inline = spec if isinstance(spec, tuple) else (spec, False)
        auth = blob.blob_auth if isinstance(blob, m.Blob) else blob
        linked.append({"blob_auth": auth, "is_inline": bool(inline)})
    return linked


def message_body(
    message: str,
    fmt: Format,
    note: bool,
    person: PersonSpec | None,
    attachments: Iterable[AttachmentSpec],
) -> dict[str, Any]:
    body: dict[str, Any] = {"message": message, "format": fmt}
    if note:
        body["is_note"] = True
    if person is not None:
        body["person"] = person
    if linked := attachment_links(attachments):
        body["attachments"] = linked
    return body


def ticket_params(
    status: str | Sequence[str] | None,
    page: int,
    count: int,
    order_by: str | None,
    order_dir: str | None,
    include: Sequence[str],
    filters: Mapping[str, Any],
) -> Params:
    """The query of one page of a ticket list (`/tickets` and saved filters alike)."""
    return encode(
        {
            "status": status,
            **paging(page, count, order_by, order_dir),
            "include": include or None,
            **filters,
        }
    )


def every_ticket_params(
    status: str | Sequence[str] | None,
    order_by: str | None,
    order_dir: str | None,
    filters: dict[str, Any],
) -> Params:
    """The query of a walk through every page of `/tickets` (pages counted by the walk)."""
    filters.pop("page", None)  # paging is the walk's job
    count = per_page(filters.pop("count", MAX_PER_PAGE))
    return encode(
        {
            "status": status,
            "count": count,
            "order_by": order_by,
            "order_dir": order_dir,
            **filters,
        }
    )


# The API tag of each `/{owner}/{id}/tickets` list.
OWNED_TICKETS_TAGS = {
    "ticket_filters": "tickets.filters.tickets",
    "people": "people.tickets.list",
    "organizations": "organizations.tickets.list",
}


def ticket_key(ticket: int | str) -> str:
    """The path segment of a ticket id, or of a reference (`"ref:ABCD-1234"` or `"ABCD-1234"`)."""
    key = str(ticket).strip()
    if not key.isdigit() and not key.startswith("ref:"):
        key = f"ref:{key}"
    return quote(key, safe=":")  # a reference must not add path segments or a query
