"""Writes whose outcome may be unknown: a lost answer must not turn into a duplicate."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from tui.api import DeskproConnectionError, DeskproError, ServerError


class StatusNotSetError(DeskproError):
    """The message was posted, but the status change after it was refused."""


# Gateway answers a proxy gives when the helpdesk behind it did not answer in time or at
# all: the helpdesk may still have done the write.
UNCERTAIN_STATUSES = frozenset({502, 504})
# How far the helpdesk's clock may be behind ours when we look for a write we made.
CLOCK_SLACK = timedelta(minutes=2)


def may_have_been_saved(error: DeskproError) -> bool:
    """Whether a failed write may nonetheless have happened on the server."""
    if isinstance(error, DeskproConnectionError):
        return error.request_sent  # the request went out; the answer was lost
    return isinstance(error, ServerError) and error.status in UNCERTAIN_STATUSES


def _utc(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@dataclass
class PendingWrite:
    """A reply, note or new ticket on its way out, kept across the agent's attempts.

    When an attempt fails without telling whether the server saved it, `uncertain` is
    set, and every later attempt first looks on the server for it rather than sending
    it again: a duplicate is worse than a moment's wait.
    """

    started: datetime | None = None  # the first attempt, by our clock
    known_ids: frozenset[int] = frozenset()  # messages already there before it
    uncertain: bool = False
    found_after_failure: bool = False  # the last attempt found it saved: not sent again

    def begin(self, known_ids: Iterable[int] = ()) -> None:
        if self.started is None:
            self.started = datetime.now(UTC)
            self.known_ids = frozenset(known_ids)
        self.found_after_failure = False

    @property
    def since(self) -> datetime:
        """The earliest creation date a server could give to this write."""
        return (self.started or datetime.now(UTC)) - CLOCK_SLACK

    def made_since(self, created: datetime | None) -> bool:
        return created is None or _utc(created) >= self.since
