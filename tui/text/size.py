"""File sizes, read one way everywhere: `549 B`, `1.1 KB`, `3.4 MB`."""

from __future__ import annotations

import re

_READABLE = re.compile(r"^\s*([0-9]+(?:\.[0-9]+)?)\s*(B|KB|MB|GB|TB)\s*$", re.IGNORECASE)
_UNITS = ("B", "KB", "MB", "GB", "TB")


def human_size(size: float) -> str:
    """Bytes as `549 B`, `1.1 KB`, `3.4 MB` (1 KB = 1024 B, as Deskpro counts)."""
    if size < 1024:
        return f"{size:.0f} B"
    for unit in _UNITS[1:]:
        size /= 1024
        if size < 1024 or unit == _UNITS[-1]:
            return f"{size:.1f} {unit}"
    raise AssertionError("unreachable")


def readable_size(text: str) -> str:
    """Deskpro's `filesize_readable` (`549.00 B`, `1.07 KB`) in the same form as
    `human_size`; text it does not recognise is shown as it came."""
    match = _READABLE.match(text)
    if match is None:
        return text
    value, unit = float(match[1]), match[2].upper()
    return human_size(value * 1024 ** _UNITS.index(unit))
