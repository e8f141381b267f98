"""A ticket's conversation: its messages with their files, oldest or newest first, or a
line saying why there is nothing to show yet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.api import Attachment, Message, Person
from tui.widgets.message_view import MessageView


class ThreadView(VerticalScroll):
    async def say(self, text: str) -> None:
        """Show `text` alone (loading, or why it cannot)."""
        await self._replace([Static(text, classes="thread-state", markup=False)])

    async def show(
        self,
        messages: list[Message],
        attachments: list[Attachment],
        person: Callable[[int | None], Person | None],
        now: datetime,
        *,
        newest_first: bool = False,
        unlisted: str | None = None,
    ) -> None:
        """The conversation; `unlisted` says why its files are not listed, if they are not."""
        by_message: dict[int, list[Attachment]] = {}
        for attachment in attachments:
            by_message.setdefault(attachment.message or 0, []).append(attachment)
        numbering = {a.id: n for n, a in enumerate(attachments, 1)}
        ordered = list(reversed(messages)) if newest_first else messages
        listed = unlisted is None
        views: list[Static] = [
            MessageView(
                m, person(m.person), now, by_message.get(m.id, []), numbering, listed=listed
            )
            for m in ordered
        ]
        if unlisted is not None:
            notice = f"Files are not listed: {unlisted}."
            views.insert(0, Static(notice, classes="thread-notice", markup=False))
        if not ordered:
            views.append(Static("This ticket has no messages.", classes="thread-state"))
        await self._replace(views)

    async def _replace(self, views: list[Static]) -> None:
        # The old views are gone before the new ones come: keys that arrive together
        # (J J) must not find two threads, nor mount into one going away.
        with self.app.batch_update():
            await self.remove_children()
            await self.mount_all(views)
