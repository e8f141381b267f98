"""`HelpdeskService`: the one way the UI reads and changes helpdesk data.

It holds the normalised stores (one copy of each ticket, person and department) and the
parts that fill and change them, each with one job:

- `requests`: every call, coalescing, the connection state, writes that must not happen twice;
- `lookups`: who we are and the helpdesk's lists (agents, departments, filters, statuses, teams);
- `pages`: pages of a queue, counts, refresh;
- `threads`: one ticket's record, conversation and attachments, and prefetch;
- `changes`: optimistic updates with rollback, replies and notes;
- `history`: a requester's other tickets, and their organization's;
- `pending`: the composers' writes whose outcome may be unknown;
- `locks`: the ticket locks held while the agent answers;
- `snippets`: the helpdesk's canned answers, read once a session;
- `watch`: what arrives in "My tickets" while the app runs (`arrivals`, shared with
  `changes` and the composers, which tell it what the agent did themselves).
"""

from __future__ import annotations

import asyncio

from tui.api import DeskproClient
from tui.api.models import Me
from tui.state.arrivals import Arrivals
from tui.state.cache import QueueCache
from tui.state.changes import Changes
from tui.state.connection import ConnectionTracker
from tui.state.drafts import DraftStore
from tui.state.entities import Stores
from tui.state.history import History
from tui.state.locks import Locks
from tui.state.lookups import Lookups
from tui.state.pages import QueuePages
from tui.state.pending import PendingWrites
from tui.state.queues import standard_queues
from tui.state.requests import Requests
from tui.state.snippets import Snippets
from tui.state.threads import Threads
from tui.state.watch import MyTicketsWatch


class HelpdeskService:
    def __init__(
        self,
        client: DeskproClient,
        cache: QueueCache | None = None,
        drafts: DraftStore | None = None,
    ) -> None:
        self.client = client
        self.drafts = drafts or DraftStore(None)
        self._label: str | None = None
        stores = Stores()
        self.tickets = stores.tickets
        self.people = stores.people
        self.departments = stores.departments
        self.connection = ConnectionTracker()
        self.requests = Requests(client, self.connection)
        self.lookups = Lookups(self.requests, stores, cache)
        self.pages = QueuePages(self.requests, stores, cache)
        self.threads = Threads(self.requests, stores)
        self.arrivals = Arrivals()
        self.changes = Changes(self.requests, stores, self.threads, self.lookups, self.arrivals)
        self.history = History(self.requests, stores)
        self.pending = PendingWrites(self.drafts)
        self.snippets = Snippets(self.requests)
        self.locks = Locks(self.requests, self.tickets, self.drafts, client.helpdesk_url)
        self.watch = MyTicketsWatch(self.pages, self.lookups, self.tickets, self.arrivals)

    @property
    def helpdesk_url(self) -> str:
        return self.client.helpdesk_url

    @property
    def label(self) -> str:
        """How the status bar names this helpdesk: the name given to it, or its host."""
        return self._label or self.helpdesk_url.split("//", 1)[-1].rstrip("/")

    @label.setter
    def label(self, value: str | None) -> None:
        self._label = value

    def start_early(self) -> None:
        """Send `/me` and the first queue's first page now, before the first screen is
        built; its own requests take these answers (see `EarlyAnswers`). Once only: the
        launcher sends them before the UI is loaded, the app when it connects itself."""
        early = self.requests.early
        if not early.begin():
            return
        me = early.put("me", self.requests.call(self.client.me))
        if self.lookups.recall_me():  # who we were last time: the page need not wait for /me
            self.pages.ask_early(self.lookups.queues()[0])
            return

        def then_first_page(done: asyncio.Future[Me]) -> None:
            # Runs before the screen's own wait on /me resumes (callbacks run in the order
            # they were added), so its page request finds this one.
            if not (done.cancelled() or done.exception()):
                self.pages.ask_early(standard_queues(done.result().person.id)[0])

        me.add_done_callback(then_first_page)
