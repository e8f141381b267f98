"""The ticket detail screen: header, conversation, attachments; reply, note, status."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime

from textual import work
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Static

from tui.api import Attachment, DeskproError, Message, Ticket
from tui.commands import bindings
from tui.commands.ticket import TICKET_COMMANDS
from tui.flows.changing import ChangesTickets
from tui.flows.collisions import collision_lines, load_copied, may_answer
from tui.flows.failures import ReportsWorkerFailures
from tui.flows.lookups import lookups_ready, tell_once
from tui.key_order import opens_screen
from tui.messages import Neighbour, OpenTicket
from tui.state import HelpdeskService
from tui.state.optional import ATTACHMENTS, why_failed
from tui.state.outgoing import DEFAULT_MAX_BYTES
from tui.state.properties import header_lines
from tui.widgets.key_footer import KeyFooter
from tui.widgets.status_bar import StatusBar
from tui.widgets.thread_view import ThreadView
from tui.widgets.ticket_header import TicketHeader


class TicketScreen(ChangesTickets, ReportsWorkerFailures, Screen[None]):
    COMMANDS_LIST = TICKET_COMMANDS
    BINDINGS = bindings(COMMANDS_LIST)

    def __init__(
        self,
        service: HelpdeskService,
        ticket_id: int,
        neighbour: Neighbour | None = None,
        clock: Callable[[], datetime] | None = None,
    ) -> None:
        super().__init__()
        self.service = service
        self.ticket_id = ticket_id
        self.neighbour = neighbour
        self.clock = clock or (lambda: datetime.now(UTC))
        self.newest_first = False
        self.attachments: list[Attachment] = []
        self.attachments_error: DeskproError | None = None  # why the files are not listed
        self.asked_copied: set[int] = set()  # people copied whose names were asked for

    def compose(self) -> ComposeResult:
        yield TicketHeader(id="ticket-header")
        with ThreadView(id="thread"):
            yield Static("Loading the conversation…", classes="thread-state")
        yield StatusBar(clock=self.clock, id="status-bar")
        yield KeyFooter()

    def on_mount(self) -> None:
        bar = self.query_one(StatusBar)
        bar.helpdesk = self.service.label
        bar.agent = self.service.lookups.me.label if self.service.lookups.me else ""
        bar.status = self.service.connection.status
        self._unsubscribe = [
            self.service.tickets.subscribe(self._ticket_changed),
            self.service.connection.subscribe(lambda s: setattr(bar, "status", s)),
        ]
        self.show_header()
        self.query_one("#thread").focus()
        self.load()
        self.load_properties()

    def on_unmount(self) -> None:
        for unsubscribe in self._unsubscribe:
            unsubscribe()

    @property
    def ticket(self) -> Ticket | None:
        return self.service.tickets.get(self.ticket_id)

    @property
    def messages(self) -> list[Message]:
        """The thread as the service last read or wrote it."""
        return self.service.threads.cached(self.ticket_id) or []

    def _ticket_changed(self, ids: frozenset[int]) -> None:
        if self.ticket_id in ids:
            self.show_header()

    def show_header(self) -> None:
        ticket = self.ticket
        if ticket is None:
            return
        lookups = self.service.lookups
        department = self.service.departments.get(ticket.department)
        team = lookups.team_names.get(ticket.agent_team) if ticket.agent_team else None
        extra = header_lines(ticket, lookups.priorities, lookups.custom_fields)
        now = self.clock()
        self.query_one(TicketHeader).show(
            ticket,
            self.service.people.get,
            department,
            team,
            now,
            extra,
            collision_lines(self.service, ticket, now),
        )
        unknown = {i for i in ticket.cc if self.service.people.get(i) is None}
        if unknown - self.asked_copied:
            self.asked_copied |= unknown  # once each: one that cannot be read shows by id
            self.name_copied(sorted(unknown))

    @work(group="copied", exit_on_error=False)
    async def name_copied(self, people: list[int]) -> None:
        """The people copied that are not known yet, read so they show by name."""
        if await load_copied(self.service, people):
            self.show_header()

    # -- loading ----------------------------------------------------------------------

    @work(exclusive=True, group="ticket", exit_on_error=False)
    async def load(self) -> None:
        """The header paints from the store at once; the thread needs one round trip
        (messages and attachments are asked for together), or none when the queue
        prefetched it while the cursor rested on the ticket. Only the messages are
        needed: the thread shows without its attachments list or a fresh header."""
        self.service.arrivals.seen(self.ticket_id)  # no longer new in the queue
        if await self._show_prefetched():
            return
        if self.service.threads.cached(self.ticket_id) is not None:
            await self.show_thread()
        optional = [self.service.threads.attachments(self.ticket_id)]
        if self.ticket is None:  # opened by id, not from a list: the header needs it too
            optional.append(self.service.threads.ticket(self.ticket_id))
        messages, *extras = await asyncio.gather(
            self.service.threads.messages(self.ticket_id), *optional, return_exceptions=True
        )
        for result in (messages, *extras):
            if isinstance(result, BaseException) and not isinstance(result, DeskproError):
                raise result  # a bug, not the helpdesk
        if isinstance(messages, DeskproError):
            await self._say(
                f"Could not load the conversation: {messages}\nPress ctrl+r to try again."
            )
            return
        attachments = extras[0]
        self.attachments_error = attachments if isinstance(attachments, DeskproError) else None
        self.attachments = [] if self.attachments_error else attachments
        if self.attachments_error is not None:
            # Once a session; a passing failure only shows in the thread (ctrl+r asks again).
            tell_once(self, self.service, {"attachments": (ATTACHMENTS, self.attachments_error)})
        self.show_header()
        await self.show_thread()

    @work(group="properties", exit_on_error=False)
    async def load_properties(self) -> None:
        """Priority and custom field names, once a session: the header shows without them
        until they come (and says once if the helpdesk refuses them)."""
        if await lookups_ready(self, self.service, wants=("priorities", "fields")):
            self.show_header()

    async def _show_prefetched(self) -> bool:
        attachments = self.service.threads.prefetched.take(self.ticket_id, self.ticket)
        messages = self.service.threads.cached(self.ticket_id)
        if attachments is None or messages is None or self.ticket is None:
            return False
        self.attachments = attachments
        await self.show_thread()
        return True

    async def _say(self, text: str) -> None:
        await self.query_one(ThreadView).say(text)

    async def show_thread(self) -> None:
        error = self.attachments_error
        await self.query_one(ThreadView).show(
            self.messages,
            self.attachments,
            self.service.people.get,
            self.clock(),
            newest_first=self.newest_first,
            unlisted=None if error is None else why_failed(ATTACHMENTS, error),
        )

    # -- actions ----------------------------------------------------------------------

    def action_copy(self, link: bool) -> None:
        from tui.flows.actions import copy_ticket

        copy_ticket(self, self.service, self.ticket_id, link=link)

    def action_back(self) -> None:
        self.dismiss()

    def action_scroll(self, lines: int) -> None:
        self.query_one(ThreadView).scroll_relative(y=lines * 3, animate=False)

    def action_ends(self, end: int) -> None:
        thread = self.query_one(ThreadView)
        if end:
            thread.scroll_end(animate=False)
        else:
            thread.scroll_home(animate=False)

    async def action_flip(self) -> None:
        self.newest_first = not self.newest_first
        await self.show_thread()

    def action_refresh(self) -> None:
        self.service.threads.forget(self.ticket_id)
        self.load()

    async def action_neighbour(self, delta: int) -> None:
        next_id = self.neighbour(self.ticket_id, delta) if self.neighbour else None
        if next_id is None:
            self.app.bell()
            self.notify("No more tickets in this direction of the queue.")
            return
        self.ticket_id = next_id
        self.attachments, self.attachments_error = [], None
        self.show_header()
        await self._say("Loading the conversation…")
        self.load()

    @opens_screen
    @work(exclusive=True, group="compose", exit_on_error=False)
    async def action_reply(self) -> None:
        await self._write_message(note=False)

    @opens_screen
    @work(exclusive=True, group="compose", exit_on_error=False)
    async def action_note(self) -> None:
        await self._write_message(note=True)

    async def _write_message(self, note: bool) -> None:
        from tui.screens.reply import ReplyScreen

        ticket = await may_answer(self, self.service, self.ticket_id, self.clock(), note)
        if ticket is None:
            return
        max_bytes = getattr(self.app, "max_attachment_bytes", DEFAULT_MAX_BYTES)
        screen = ReplyScreen(self.service, ticket, note=note, max_bytes=max_bytes)
        if await self.app.push_screen_wait(screen):
            self.load()
            self.notify("Note added." if note else "Reply sent.")

    def change_targets(self) -> list[int]:
        return [self.ticket_id]

    @opens_screen
    @work(exclusive=True, group="requester", exit_on_error=False)
    async def action_requester(self) -> None:
        from tui.screens.requester import RequesterScreen

        ticket = self.ticket
        requester = self.service.people.get(ticket.person) if ticket else None
        if ticket and ticket.person and requester is None:  # opened by number: not sideloaded
            requester = await self.service.threads.person(ticket.person)
        if ticket is None or requester is None:
            self.notify("The requester could not be read: press ctrl+r, then try again.")
            return
        screen = RequesterScreen(self.service, requester, ticket.id, self.clock)
        if (chosen := await self.app.push_screen_wait(screen)) and chosen != ticket.id:
            self.post_message(OpenTicket(chosen))

    @work(exclusive=True, group="download", exit_on_error=False)
    async def action_download(self) -> None:
        from tui.screens.download import DownloadScreen, pick_attachment

        if self.attachments_error is not None:
            self.notify(
                f"The files are not listed, so none can be downloaded here: "
                f"{self.attachments_error}",
                severity="warning",
            )
            return
        if not self.attachments:
            self.notify("This ticket has no attachments to download.")
            return
        attachment = await pick_attachment(self.app, self.attachments)
        if attachment is not None:
            await self.app.push_screen_wait(DownloadScreen(self.service, attachment))
