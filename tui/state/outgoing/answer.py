"""A reply or internal note on its way out: what the agent typed (and its draft), the
people it copies, and the send: files first (all at once), the CC, then the message,
posted once even when an answer is lost."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from tui.api import Message
from tui.state.drafts import draft_files, draft_text
from tui.state.outgoing.files import OutgoingFile
from tui.state.outgoing.requesters import Requesters
from tui.state.outgoing.uploads import Progress, upload_files
from tui.state.pending import PendingWrite
from tui.state.service import HelpdeskService
from tui.text import markdown_to_html


@dataclass
class Answer:
    """What the agent typed, kept as typed (CC as text) so a draft restores exactly."""

    text: str = ""  # Markdown
    status: str = ""  # a status code, or "" to leave it
    cc: str = ""  # addresses (or names) to copy, comma separated
    files: list[tuple[str, bool]] = field(default_factory=list)  # (path, inline)

    @property
    def is_empty(self) -> bool:
        return not self.text.strip() and not self.cc.strip() and not self.files

    def to_draft(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "status": self.status,
            "cc": self.cc,
            "files": [[path, inline] for path, inline in self.files],
        }

    @classmethod
    def from_draft(cls, draft: Mapping[str, Any]) -> Answer:
        """Tolerant: a draft of an older version (text and status only) restores too."""
        text = partial(draft_text, draft)
        return cls(text("text"), text("status"), text("cc"), draft_files(draft))


def cc_addresses(text: str, requesters: Requesters) -> tuple[list[str], str]:
    """The addresses a CC line names (a name known to match one person counts as their
    address), and why any part of it cannot be sent ("" when all can)."""
    found: dict[str, None] = {}
    problems = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        email, why = requesters.resolve(part)
        if email:
            found.setdefault(email.casefold(), None)
        else:
            problems.append(why)
    return list(found), " ".join(problems)


def with_cc(current: Iterable[int], added: Iterable[str], service: HelpdeskService) -> list[Any]:
    """The ticket's CC with `added`: its people (by id), then the new addresses (an address
    of someone already copied is not added twice)."""
    ids = list(dict.fromkeys(current))
    known = {
        (person.primary_email or "").casefold()
        for person in (service.people.get(i) for i in ids)
        if person is not None
    }
    return [*ids, *(email for email in added if email.casefold() not in known)]


async def send_answer(
    service: HelpdeskService,
    ticket_id: int,
    answer: Answer,
    *,
    note: bool,
    cc: list[str],
    files: Iterable[OutgoingFile],
    on_progress: Progress = lambda _file: None,
    pending: PendingWrite | None = None,
) -> Message:
    """Upload what is not uploaded yet, copy `cc` onto the ticket (before the message, so
    the helpdesk mails them this reply), then post the message once and set the status.

    A refused CC stops the send before the message; `StatusNotSetError` means the message
    went and only the status did not."""
    files = list(files)
    await upload_files(service, files, on_progress)
    ticket = service.tickets.get(ticket_id)
    if cc and ticket is not None:
        changed = with_cc(ticket.cc, cc, service)
        if changed != ticket.cc:
            await service.changes.update(ticket_id, cc=changed)
    return await service.changes.send_message(
        ticket_id,
        markdown_to_html(answer.text),
        note=note,
        status=answer.status or None,
        pending=pending,
        attachments=[(f.blob, f.inline) for f in files if f.blob is not None],
    )
