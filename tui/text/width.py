"""Terminal cell widths: CJK and most emoji take two cells, combining marks none.

Measured with Rich's `cell_len`, the same table Textual lays out with, so columns built with
`fit` line up with everything else on screen. Pass sanitised text (see `safe`): control
characters measure 0 here but would move the cursor in a real terminal.
"""

from __future__ import annotations

from rich.cells import cell_len, get_character_cell_size

from tui.text.sanitize import ELLIPSIS

_ZWJ = "\u200d"


def cell_width(s: str) -> int:
    """How many terminal cells `s` occupies."""
    return cell_len(s)


def fit(s: str, width: int) -> str:
    """`s` padded with spaces or truncated with "…" to exactly `width` cells.

    A wide character that would straddle the cut is left out and a space pads the gap, so
    the result is never a cell short or long.
    """
    if width <= 0:
        return ""
    # Rich measures a ZWJ as joining the *next* character into the previous one, so a
    # trailing ZWJ (which joins nothing) would swallow a padding space.
    s = s.rstrip(_ZWJ)
    total = cell_len(s)
    if total <= width:
        return s + " " * (width - total)
    budget = width - 1  # one cell for the ellipsis
    cut, used = len(s), 0
    for i, ch in enumerate(s):
        used += get_character_cell_size(ch)
        if used > budget:
            cut = i
            break
    head = s[:cut]
    # Rich measures some sequences (ZWJ, emoji + VS16) as a unit; trust cell_len, not the sum.
    while head and cell_len(head) > budget:
        head = head[:-1]
    head = head.rstrip(_ZWJ)
    return head + " " * (budget - cell_len(head)) + ELLIPSIS
