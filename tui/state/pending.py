"""Writes whose outcome may be unknown: a lost answer must not turn into a duplicate."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.api import DeskproConnectionError, DeskproError, ServerError
from tui.state.drafts import PENDING_SUFFIX, DraftStore

log = logging.getLogger("tui.state")


class StatusNotSetError(DeskproError):
    """The message was posted, but the status change after it was refused."""


# Gateway answers a proxy gives when the helpdesk behind it did not answer in time or at
# all: the helpdesk may still have done the write.
UNCERTAIN_STATUSES = frozenset({502, 504})
# How far the helpdesk's clock may be behind ours when we look for a write we made.
CLOCK_SLACK = timedelta(minutes=2)
# The start of a write whose record could not be read: look as far back as there is.
UNKNOWN_START = datetime(1970, 1, 1, tzinfo=UTC)


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
    # Keeps the record on disk with the draft, so that a restart does not forget it.
    save: Callable[[dict[str, Any]], None] | None = field(default=None, repr=False, compare=False)

    def begin(self, known_ids: Iterable[int] = ()) -> None:
        if self.started is None:
            self.started = datetime.now(UTC)
            self.known_ids = frozenset(known_ids)
        self.found_after_failure = False

    def sending(self) -> None:
        """About to send. Until an answer comes it is unknown whether the write is made,
        so that is what the record says: a quit or crash now must not forget it. It stays
        so once made, until the composer settles it."""
        if self.started is None:
            self.begin()
        self._save(uncertain=True)

    def refused(self) -> None:
        """The server said no: this attempt certainly made nothing."""
        self._save(uncertain=self.uncertain)

    def mark_uncertain(self) -> None:
        self.uncertain = True
        self._save(uncertain=True)

    def _save(self, *, uncertain: bool) -> None:
        if self.save is not None:
            self.save(
                {
                    "started": self.started.isoformat() if self.started else None,
                    "known_ids": sorted(self.known_ids),
                    "uncertain": uncertain,
                }
            )

    @property
    def since(self) -> datetime:
        """The earliest creation date a server could give to this write."""
        return (self.started or datetime.now(UTC)) - CLOCK_SLACK

    def made_since(self, created: datetime | None) -> bool:
        return created is None or _utc(created) >= self.since

    @classmethod
    def from_record(cls, record: object) -> PendingWrite:
        """A saved record back as a write; ValueError if it is not one."""
        if not isinstance(record, dict):
            raise ValueError("not an object")
        started, known = record.get("started"), record.get("known_ids")
        uncertain = record.get("uncertain")
        if not (started is None or isinstance(started, str)) or not isinstance(uncertain, bool):
            raise ValueError("started or uncertain of the wrong type")
        if not isinstance(known, list) or not all(type(i) is int for i in known):
            raise ValueError("known_ids is not a list of ids")
        return cls(
            started=_utc(datetime.fromisoformat(started)) if started else None,
            known_ids=frozenset(known),
            uncertain=uncertain,
        )

    @classmethod
    def load(cls, drafts: DraftStore, key: str) -> PendingWrite:
        """The write of draft `key` as an earlier run left it (fresh if there is none),
        saving itself back beside the draft from now on."""
        record_key = key + PENDING_SUFFIX
        record = drafts.get(record_key)
        if record is None and not drafts.exists(record_key):
            pending = cls()
        else:
            try:
                pending = cls.from_record(record)
            except ValueError as exc:
                # Unreadable, so whether an earlier run made the write is unknown: take it
                # as uncertain, from any time, so the next send looks for it first. A look
                # costs a request; guessing "fresh" wrongly costs a duplicate.
                log.warning("Unreadable pending write %s (%s): looked for before sending", key, exc)
                pending = cls(started=UNKNOWN_START, uncertain=True)
        pending.save = lambda record: drafts.save(record_key, record)
        return pending

    @staticmethod
    def forget(drafts: DraftStore, key: str) -> None:
        drafts.discard(key + PENDING_SUFFIX)


class PendingWrites:
    """The write each composer (by its draft key) is trying to make. Kept here and beside
    the draft on disk, so it outlives the composer being closed and the app restarted."""

    def __init__(self, drafts: DraftStore) -> None:
        self._drafts = drafts
        self._writes: dict[str, PendingWrite] = {}

    def get(self, key: str) -> PendingWrite:
        if key not in self._writes:
            self._writes[key] = PendingWrite.load(self._drafts, key)
        return self._writes[key]

    def settle(self, key: str) -> None:
        """The composer's write was confirmed (or its draft discarded): the next one starts
        afresh."""
        self._writes.pop(key, None)
        PendingWrite.forget(self._drafts, key)
