"""Background refresh after failures: ask a helpdesk that is failing ever more rarely."""

from __future__ import annotations


class RefreshBackoff:
    """Each failure in a row doubles the refresh turns skipped (1, 2, 4, … at most
    `most`); a success asks at every turn again."""

    def __init__(self, most: int = 8) -> None:
        self.most = most
        self._wait = 0
        self._skip = 0

    def due(self) -> bool:
        """Whether this turn asks (False: it is skipped)."""
        if self._skip:
            self._skip -= 1
            return False
        return True

    def failed(self) -> None:
        self._wait = min(max(1, self._wait * 2), self.most)
        self._skip = self._wait

    def succeeded(self) -> None:
        self._wait = self._skip = 0
