"""Align the pipe tables html2text emits, measuring cells in terminal cells.

html2text's own padding counts characters (so CJK columns drift), fails on some nested
tables and drops any text sharing a line with its table marker; this replaces it.
"""

from __future__ import annotations

from html2text import config
from rich.cells import cell_len

_OPEN = f"<{config.TABLE_MARKER_FOR_PAD}>"
_CLOSE = f"</{config.TABLE_MARKER_FOR_PAD}>"


def pad_tables(text: str) -> str:
    """Pad every marked table in html2text output into aligned columns; remove the markers."""
    out: list[str] = []
    table: list[str] = []
    inside = False
    for line in text.split("\n"):
        if _OPEN in line or _CLOSE in line:
            if inside:
                out.extend(_format(table))
                table = []
            inside = _OPEN in line and _CLOSE not in line
            line = line.replace(_OPEN, "").replace(_CLOSE, "")
            if not line.strip():
                continue
        (table if inside else out).append(line)
    out.extend(_format(table))  # a table left open at the end of the message
    return "\n".join(out)


def _is_separator(line: str) -> bool:
    return "-" in line and set(line.strip()) <= {"-", "|", " "}


def _format(lines: list[str]) -> list[str]:
    # Every non-blank line is a row: html2text puts a one-column table's cells on bare lines.
    rows = [
        [cell.strip() for cell in line.split("|")]
        if line.strip() and not _is_separator(line)
        else None
        for line in lines
    ]
    widths: list[int] = [0] * max((len(row) for row in rows if row), default=0)
    for row in rows:
        for i, cell in enumerate(row or ()):
            widths[i] = max(widths[i], cell_len(cell))
    formatted: list[str] = []
    for line, row in zip(lines, rows, strict=True):
        if row is not None:
            row += [""] * (len(widths) - len(row))
            padded = (c + " " * (w - cell_len(c)) for c, w in zip(row, widths, strict=True))
            formatted.append("| " + " | ".join(padded) + " |")
        elif _is_separator(line) and widths:
            formatted.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
        elif not _is_separator(line):
            formatted.append(line)
    return formatted
