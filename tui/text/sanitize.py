"""Make untrusted strings (subjects, names, message text) inert for the terminal.

`safe` is for single-line fields, `safe_multiline` for bodies; see `controls` for exactly what
is removed or replaced and why. Neither touches Rich markup such as "[bold]": the UI never
parses untrusted strings as markup, it builds `Text` objects (see `plain`).
"""

from __future__ import annotations

import unicodedata

from rich.text import Text

from tui.text.controls import ESCAPE_SEQUENCE, LINE_BREAKS, replacement

ELLIPSIS = "…"
TAB_SIZE = 4
# Sanitising is linear, but a multi-megabyte "subject" still costs time for nothing: with a
# max_len, look at no more than this many input characters per output character (+ slack).
_INPUT_FACTOR = 8
_INPUT_SLACK = 1024


def safe(s: str | None, *, max_len: int | None = None) -> str:
    """One line of inert text: escapes dropped, controls visible, newlines/tabs as spaces."""
    return _sanitize(s, max_len=max_len, multiline=False)


def safe_multiline(s: str | None, *, max_len: int | None = None) -> str:
    """Like `safe`, but keeps line breaks (all normalised to "\\n") and expands tabs."""
    return _sanitize(s, max_len=max_len, multiline=True)


def plain(s: str | None) -> Text:
    """A Rich `Text` showing `safe(s)` literally: no markup parsing, no styles, no spans."""
    return Text(safe(s))


def _sanitize(s: str | None, *, max_len: int | None, multiline: bool) -> str:
    if max_len is not None and max_len < 0:
        raise ValueError(f"max_len must be >= 0, not {max_len}")
    if not s:
        return ""
    cut = False
    if max_len is not None and len(s) > max_len * _INPUT_FACTOR + _INPUT_SLACK:
        s, cut = s[: max_len * _INPUT_FACTOR + _INPUT_SLACK], True
    s = ESCAPE_SEQUENCE.sub("", s)
    s = s.replace("\r\n", "\n")
    if multiline:
        s = "\n".join(_clean_line(line, "\n") for line in s.split("\n"))
        s = s.expandtabs(TAB_SIZE)
    else:
        s = _clean_line(s, " ")
    s = unicodedata.normalize("NFC", s)
    if max_len is not None and (cut or len(s) > max_len):
        s = s[: max(max_len - 1, 0)] + ELLIPSIS if max_len else ""
    return s


def _clean_line(s: str, line_break: str) -> str:
    """Replace every non-printable character; `line_break` stands in for line breaks."""
    if s.isprintable():  # the common case, done in C
        return s
    out: list[str] = []
    for ch in s:
        if ch.isprintable():
            out.append(ch)
        elif ch == "\n" or ch in LINE_BREAKS:
            out.append(line_break)
        elif ch == "\t":
            out.append("\t" if line_break == "\n" else " ")
        else:
            out.append(replacement(ch))
    return "".join(out)
