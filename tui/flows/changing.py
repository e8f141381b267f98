"""`s`, `a` and `e` on a screen of tickets (the queues, one ticket): the same three
actions, each running one of the flows in `tui.flows.actions` on the screen's targets."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work

from tui.key_order import opens_screen

if TYPE_CHECKING:
    from tui.state import HelpdeskService


class ChangesTickets:
    """Mixed into a screen with a `service`: it says which tickets `change_targets` are,
    and what to do once a change is over (`changed`)."""

    service: HelpdeskService

    def change_targets(self) -> list[int]:
        raise NotImplementedError

    def changed(self, done: bool) -> None:
        """After a change: `done` when at least one ticket changed."""

    @opens_screen
    @work(exclusive=True, group="status", exit_on_error=False)
    async def action_status(self) -> None:
        await self._change("set_status_of")

    @opens_screen
    @work(exclusive=True, group="assign", exit_on_error=False)
    async def action_assign(self) -> None:
        await self._change("assign_tickets")

    @opens_screen
    @work(exclusive=True, group="properties", exit_on_error=False)
    async def action_edit(self) -> None:
        await self._change("edit_properties")

    async def _change(self, flow: str) -> None:
        from tui.flows import actions  # when first used: it brings the pickers

        change: actions.TicketsChange = getattr(actions, flow)
        self.changed(await change(self, self.service, self.change_targets()))  # type: ignore[arg-type]
