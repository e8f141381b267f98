"""A new ticket on its way out: the form's content, its files, the checks before sending
and the send itself (uploads first, concurrently, then one create). Textual-free.

A failed upload stops the send before the ticket is created, and every blob already
uploaded is kept on its `OutgoingFile`, so sending again uploads only what failed.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from tui.api import Blob, DeskproError, PermissionDeniedError, Person, Ticket
from tui.state.pending import PendingWrite
from tui.state.service import HelpdeskService
from tui.text import human_size, markdown_to_html

DRAFT_KEY = "compose"
DEFAULT_MAX_BYTES = 25 * 1024 * 1024
FIELDS = ("to", "subject", "message", "department", "agent", "urgency", "labels", "attachments")
"""The form's fields, in tab order; `"form"` is used for errors that belong to none."""

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
UploadState = Literal["waiting", "uploading", "uploaded", "failed"]


def looks_like_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Why `path` cannot be attached, in words a person can act on; None when it can."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return f"{path} does not exist: check the path."
    except OSError as exc:
        return f"Cannot read {path}: {exc.strerror or exc}."
    if path.is_dir():
        return f"{path} is a folder: choose a file in it."
    if not path.is_file():
        return f"{path} is not a regular file."
    if not os.access(path, os.R_OK):
        return f"{path} is not readable: check its permissions."
    if info.st_size > max_bytes:
        return (
            f"{path.name} is {human_size(info.st_size)}, over the {human_size(max_bytes)} limit "
            "for one file (max_attachment_mb in the settings)."
        )
    return None


@dataclass
class OutgoingFile:
    """One file to attach, and how its upload is going."""

    path: Path
    name: str
    size: int
    content_type: str
    inline: bool = False
    state: UploadState = "waiting"
    sent: int = 0
    blob: Blob | None = None
    error: str = ""

    @classmethod
    def from_path(cls, path: Path, inline: bool = False) -> OutgoingFile:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # check_file says why when the agent sends
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        file = cls(path=path, name=path.name, size=size, content_type=kind)
        file.inline = inline and file.is_image
        return file

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    def reset(self) -> None:
        """Back to waiting, so the next send uploads it again."""
        self.state, self.sent, self.blob, self.error = "waiting", 0, None, ""


@dataclass
class NewTicket:
    """What the agent typed. Kept as typed (labels as text) so a draft restores exactly."""

    to: str = ""
    subject: str = ""
    body: str = ""  # Markdown
    department: int | None = None
    agent: int | None = None
    urgency: int | None = None
    labels: str = ""
    files: list[tuple[str, bool]] = field(default_factory=list)  # (path, inline)

    @property
    def is_empty(self) -> bool:
        typed = (self.to, self.subject, self.body, self.labels)
        return not any(t.strip() for t in typed) and not self.files

    def label_list(self) -> list[str]:
        seen: dict[str, None] = {}
        for label in self.labels.split(","):
            if label.strip():
                seen.setdefault(label.strip(), None)
        return list(seen)

    def to_draft(self) -> dict[str, Any]:
        return {
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "department": self.department,
            "agent": self.agent,
            "urgency": self.urgency,
            "labels": self.labels,
            "files": [[path, inline] for path, inline in self.files],
        }

    @classmethod
    def from_draft(cls, draft: Mapping[str, Any]) -> NewTicket:
        """Tolerant: a draft from an older version (or a damaged file) loses only the bad parts."""

        def text(name: str) -> str:
            value = draft.get(name)
            return value if isinstance(value, str) else ""

        def number(name: str) -> int | None:
            value = draft.get(name)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        files = [
            (str(item[0]), bool(item[1]))
            for item in draft.get("files") or []
            if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str)
        ]
        return cls(
            to=text("to"),
            subject=text("subject"),
            body=text("body"),
            department=number("department"),
            agent=number("agent"),
            urgency=number("urgency"),
            labels=text("labels"),
            files=files,
        )


def validate(ticket: NewTicket, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, str]:
    """Problems to fix before sending, by field (empty when it can go)."""
    problems: dict[str, str] = {}
    if not ticket.to.strip():
        problems["to"] = "Who is this ticket for? Type the requester's email."
    elif not looks_like_email(ticket.to):
        problems["to"] = f"{ticket.to.strip()!r} is not an email address (like jo@example.com)."
    if not ticket.subject.strip():
        problems["subject"] = "A subject is required."
    if not ticket.body.strip():
        problems["message"] = "Write the first message of the ticket."
    if ticket.urgency is not None and not 1 <= ticket.urgency <= 10:
        problems["urgency"] = "Urgency runs from 1 to 10."
    bad = [msg for path, _ in ticket.files if (msg := check_file(Path(path), max_bytes))]
    if bad:
        problems["attachments"] = " ".join(bad)
    return problems


def field_for(server_field: str) -> str:
    """The form field a server field error belongs on."""
    if server_field.startswith("message.attachments"):
        return "attachments"
    head = server_field.split(".", 1)[0]
    aliases = {"person": "to", "cc": "to", "message": "message"}
    head = aliases.get(head, head)
    return head if head in FIELDS else "form"


def form_errors(error: DeskproError) -> dict[str, str]:
    """A refused create as messages per form field (`"form"` for the rest)."""
    found: dict[str, list[str]] = {}
    for name, messages in error.field_errors.items():
        found.setdefault(field_for(name), []).extend(messages)
    if error.errors or not found:
        found.setdefault("form", []).extend(error.errors or [str(error)])
    return {name: " ".join(messages) for name, messages in found.items()}


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


class UploadsFailedError(DeskproError):
    """Some files could not be uploaded; the ticket was not created."""

    def __init__(self, failed: list[OutgoingFile], reasons: list[BaseException]) -> None:
        self.failed = failed
        # A 403 (e.g. blobs.post_temp) is not fixed by retrying: its hint says who can fix it.
        self.denied = any(isinstance(r, PermissionDeniedError) for r in reasons)
        grouped: dict[str, list[str]] = {}
        for file in failed:
            grouped.setdefault(file.error, []).append(file.name)
        parts = [f"{', '.join(names)}: {why}" for why, names in grouped.items()]
        super().__init__("Not sent: could not upload " + "; ".join(parts))

    @property
    def hint(self) -> str:  # type: ignore[override]
        if self.denied:
            return "Or remove the files (x) to send the ticket without them."
        return "Press r on a file to retry it or x to remove it, then ctrl+s to send again."


Progress = Callable[[OutgoingFile], None]


async def upload_file(service: HelpdeskService, file: OutgoingFile, on_progress: Progress) -> None:
    """Upload one file (unless it already is), keeping its state and progress current."""
    if file.blob is not None:
        return
    if problem := check_file(file.path, max_bytes=2**63):  # gone or unreadable since added
        file.state, file.error = "failed", problem
        on_progress(file)
        raise OSError(problem)

    def progress(sent: int, total: int) -> None:
        file.sent, file.size = sent, total
        on_progress(file)

    file.state, file.sent, file.error = "uploading", 0, ""
    on_progress(file)
    try:
        file.blob = await service._call(
            lambda: service.client.upload_blob(
                file.path, progress, filename=file.name, content_type=file.content_type
            )
        )
    except (DeskproError, OSError) as exc:
        file.state, file.error = "failed", str(exc)
        on_progress(file)
        raise
    except asyncio.CancelledError:
        file.state, file.sent = "waiting", 0  # left mid-way: the next send starts it afresh
        on_progress(file)
        raise
    file.state = "uploaded"
    on_progress(file)


async def send_new_ticket(
    service: HelpdeskService,
    ticket: NewTicket,
    files: Iterable[OutgoingFile],
    on_progress: Progress = lambda _file: None,
    pending: PendingWrite | None = None,
) -> Ticket:
    """Upload what is not uploaded yet (all at once), then create the ticket exactly once.

    Give the composer's `pending` to make sending again safe: after the answer to a create
    was lost, the requester's newest tickets are searched before creating it again."""
    files = list(files)
    results = await asyncio.gather(
        *(upload_file(service, f, on_progress) for f in files), return_exceptions=True
    )
    failures = [(f, r) for f, r in zip(files, results, strict=True) if isinstance(r, Exception)]
    for _file, result in failures:
        if not isinstance(result, DeskproError | OSError):
            raise result  # a bug, not a failed upload: let it show
    if failures:
        raise UploadsFailedError([f for f, _ in failures], [r for _, r in failures])
    options = {
        "department": ticket.department,
        "agent": ticket.agent,
        "urgency": ticket.urgency,
        "labels": ticket.label_list() or None,
    }
    pending = pending or PendingWrite()
    pending.begin()
    created = await service.write_once(
        pending,
        lambda: service.client.create_ticket(
            subject=ticket.subject.strip(),
            person=ticket.to.strip(),
            message=markdown_to_html(ticket.body),
            format="html",
            attachments=[(f.blob, f.inline) for f in files if f.blob is not None],
            **options,
        ),
        lambda: find_created_ticket(service, ticket, pending),
    )
    service.tickets.put(created)
    return created


async def find_created_ticket(
    service: HelpdeskService, ticket: NewTicket, pending: PendingWrite
) -> Ticket | None:
    """The requester's ticket with this subject created since the first attempt, if any."""
    email = ticket.to.strip()
    people = await service._call(lambda: service.client.list_people(email=email, count=1))
    if not people.items:
        return None  # no such person yet, so the create (which makes them) did not happen
    person = people.items[0].id
    page = await service._call(
        lambda: service.client.list_tickets(
            person=person, order_by="date_created", order_dir="desc", count=20
        )
    )
    subject = ticket.subject.strip()
    return next(
        (
            t
            for t in page.items
            if t.subject.strip() == subject
            and t.date_created
            and pending.made_since(t.date_created)
        ),
        None,
    )
