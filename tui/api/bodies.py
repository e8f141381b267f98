"""Request bodies and queries the client sends: messages, attachments, ticket lists."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Literal

from tui.api import models as m
from tui.api.params import Params, encode, paging

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
