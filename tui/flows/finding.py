"""Finding tickets from the queues: opening the ticket a number or reference names (`/` or
ctrl+f, then enter), whatever queue it is in or status it has (if there is none, saying so
and keeping what was typed); and saying once why the helpdesk's search is unavailable."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.screen import Screen
from textual.widget import Widget
from textual.worker import Worker

from tui.api import DeskproError, NotFoundError, Ticket
from tui.flows.lookups import tell_once
from tui.state import HelpdeskService, QueueView
from tui.state.jump import named
from tui.state.optional import SEARCH


def tell_if_search_unavailable(
    screen: Screen[object], service: HelpdeskService, view: QueueView
) -> None:
    """Once a session, after a search was answered without the helpdesk's search: that it
    refuses or lacks it, and what works meanwhile (the list's note says it too)."""
    error = service.pages.finder.unavailable
    if view.spec.search is not None and error is not None:
        tell_once(screen, service, {"search": (SEARCH, error)})


class TicketJump:
    """Owned by a widget: its worker (group "jump") ends with it. `found` is told the
    ticket (from the worker, so a screen it asks for counts as opened by the key), `say`
    why there is none."""

    def __init__(
        self,
        host: Widget,
        service: HelpdeskService,
        found: Callable[[Ticket], None],
        say: Callable[[str], None],
    ) -> None:
        self._host = host
        self._service = service
        self._found = found
        self._say = say

    def go(self, target: int | str) -> Worker[None]:
        # The function, not a coroutine: a worker that never starts leaves none unawaited.
        return self._host.run_worker(
            partial(self._look_up, target), group="jump", exclusive=True, exit_on_error=False
        )

    async def _look_up(self, target: int | str) -> None:
        if problem := await self.look_up(target):
            self._say(problem)

    async def look_up(self, target: int | str) -> str:
        """Open the ticket `target` names; else why not (for whoever asked to say)."""
        try:
            ticket = await self._service.threads.ticket(target)
        except NotFoundError:
            return f"No ticket {named(target)} on this helpdesk (or the API key may not see it)."
        except DeskproError as exc:
            return f"Could not look up {named(target)}: {exc}"
        self._found(ticket)
        return ""
