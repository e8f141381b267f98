"""A small on-disk cache of each queue's first page, so the last view paints at once
on start and is then refreshed from the network."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from pydantic import ValidationError

from tui.api import Person, Ticket

log = logging.getLogger("tui.state")
CACHE_VERSION = 1
T = TypeVar("T")


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

    def _read(self, path: Path, parse: Callable[[Any], T]) -> T | None:
        """`parse(json)` of a cache file; None when absent or damaged (it is only a cache)."""
        try:
            return parse(json.loads(path.read_text("utf-8")))
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, ValidationError) as exc:
            log.warning("Ignoring a damaged cache file %s: %s", path.name, exc)
            return None

    def load(self, key: str) -> CachedPage | None:
        def parse(raw: Any) -> CachedPage | None:
            if raw.get("version") != CACHE_VERSION:
                return None
            return CachedPage(
                tickets=[Ticket.model_validate(t) for t in raw["tickets"]],
                people=[Person.model_validate(p) for p in raw["people"]],
                total=int(raw["total"]),
            )

        return self._read(self._file(key), parse)

    def load_me(self) -> Person | None:
        """Who we were last time: the "My tickets" queue can paint before `/me` answers."""
        return self._read(self.dir / "me.json", Person.model_validate)

    def save_me(self, me: Person) -> None:
        self._write(self.dir / "me.json", me.model_dump(mode="json"))

    def save(self, key: str, page: CachedPage) -> None:
        payload = {
            "version": CACHE_VERSION,
            "total": page.total,
            "tickets": [t.model_dump(mode="json") for t in page.tickets],
            "people": [p.model_dump(mode="json") for p in page.people],
        }
        self._write(self._file(key), payload)

    def _write(self, path: Path, payload: object) -> None:
        try:
            self.dir.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.dir, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(payload))  # dumps: C encoder; dump uses the Python one
            os.replace(tmp, path)
        except OSError as exc:  # a full disk must not break the app: the cache is optional
            log.warning("Could not write the queue cache: %s", exc)
