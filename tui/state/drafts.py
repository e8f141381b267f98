"""Drafts of replies, notes and new tickets, saved as the agent types so that neither a
failed send, a closed app nor a lost SSH connection loses a word."""

from __future__ import annotations

import json
import logging
import os
import re
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any

log = logging.getLogger("tui.state")
# Kept beside a draft: the record of its write on the way out (tui.state.pending).
PENDING_SUFFIX = ".pending"


class DraftStore:
    """One JSON file per draft under `root` (or memory only when `root` is None)."""

    def __init__(self, root: Path | None) -> None:
        self.root = root
        self._memory: dict[str, dict[str, Any]] = {}

    def _file(self, key: str) -> Path | None:
        if self.root is None:
            return None
        return self.root / (re.sub(r"[^A-Za-z0-9_.-]", "_", key) + ".json")

    def get(self, key: str) -> dict[str, Any] | None:
        if key in self._memory:
            return self._memory[key]
        path = self._file(key)
        try:
            return json.loads(path.read_text("utf-8")) if path else None
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("Could not read draft %s: %s", key, exc)
            return None

    def save(self, key: str, draft: dict[str, Any]) -> None:
        self._memory[key] = draft
        path = self._file(key)
        if path is None:
            return
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(draft, out)
            os.replace(tmp, path)
        except OSError as exc:  # the draft still lives in memory for this session
            log.warning("Could not save draft %s: %s", key, exc)

    def exists(self, key: str) -> bool:
        """Whether something is kept under `key`, readable or not."""
        path = self._file(key)
        return key in self._memory or (path is not None and path.exists())

    def discard(self, key: str) -> None:
        self._memory.pop(key, None)
        path = self._file(key)
        if path is not None:
            path.unlink(missing_ok=True)

    def keys(self, prefix: str = "") -> list[str]:
        """Drafts on disk (and in memory) whose key starts with `prefix`."""
        found = {k for k in self._memory if k.startswith(prefix)}
        if self.root is not None and self.root.is_dir():
            found |= {p.stem for p in self.root.glob("*.json") if p.stem.startswith(prefix)}
        return sorted(k for k in found if not k.endswith(PENDING_SUFFIX))


# Reading a draft back tolerantly: one from an older version (or a damaged file) loses only
# the bad parts.


def draft_text(draft: Mapping[str, Any], name: str) -> str:
    value = draft.get(name)
    return value if isinstance(value, str) else ""


def draft_files(draft: Mapping[str, Any]) -> list[tuple[str, bool]]:
    """A composer draft's files, as (path, inline)."""
    return [
        (str(item[0]), bool(item[1]))
        for item in draft.get("files") or []
        if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str)
    ]
