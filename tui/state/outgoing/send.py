"""Sending a new ticket: its files first, then one create that is never made twice, even
when the answer to an earlier attempt was lost."""

from __future__ import annotations

from collections.abc import Iterable

from tui.api import Ticket
from tui.state.outgoing.files import OutgoingFile
from tui.state.outgoing.new_ticket import NewTicket
from tui.state.outgoing.uploads import Progress, upload_files
from tui.state.pending import PendingWrite
from tui.state.service import HelpdeskService
from tui.text import markdown_to_html


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
    await upload_files(service, files, on_progress)
    options = {
        "department": ticket.department,
        "agent": ticket.agent,
        "urgency": ticket.urgency,
        "labels": ticket.label_list() or None,
    }
    pending = pending or PendingWrite()
    pending.begin()
    created = await service.requests.write_once(
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
    service.arrivals.expect(created.id)  # if it is the agent's own, it arrives as no news
    return created


async def find_created_ticket(
    service: HelpdeskService, ticket: NewTicket, pending: PendingWrite
) -> Ticket | None:
    """The requester's ticket with this subject created since the first attempt, if any."""
    email = ticket.to.strip()
    people = await service.requests.call(lambda: service.client.list_people(email=email, count=1))
    if not people.items:
        return None  # no such person yet, so the create (which makes them) did not happen
    person = people.items[0].id
    page = await service.requests.call(
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
