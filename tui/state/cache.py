"""A small on-disk cache of each queue's first page, so the last view paints at once
on start and is then refreshed from the network."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from tui.api import Person, Ticket

log = logging.getLogger("tui.state")
CACHE_VERSION = 1


@dataclass(frozen=True)
class CachedPage:
    tickets: list[Ticket]
    people: list[Person]
    total: int


class QueueCache:
    """One JSON file per queue, kept apart per helpdesk. A damaged file is ignored."""

    def __init__(self, root: Path, helpdesk_url: str) -> None:
        digest = hashlib.sha256(helpdesk_url.encode()).hexdigest()[:16]
        self.dir = root / "queues" / digest

    def _file(self, key: str) -> Path:
        return self.dir / (hashlib.sha256(key.encode()).hexdigest()[:24] + ".json")

    def load(self, key: str) -> CachedPage | None:
        try:
            raw = json.loads(self._file(key).read_text("utf-8"))
            if raw.get("version") != CACHE_VERSION:
                return None
            return CachedPage(
                tickets=[Ticket.model_validate(t) for t in raw["tickets"]],
                people=[Person.model_validate(p) for p in raw["people"]],
                total=int(raw["total"]),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
            log.warning("Ignoring a damaged queue cache file: %s", exc)
            return None

    def save(self, key: str, page: CachedPage) -> None:
        payload = {
            "version": CACHE_VERSION,
            "total": page.total,
            "tickets": [t.model_dump(mode="json") for t in page.tickets],
            "people": [p.model_dump(mode="json") for p in page.people],
        }
        try:
            self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(payload, out)
            os.replace(tmp, self._file(key))
        except OSError as exc:  # a full disk must not break the app: the cache is optional
            log.warning("Could not write the queue cache: %s", exc)
