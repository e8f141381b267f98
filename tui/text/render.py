"""Message HTML to a lightly styled Rich `Text`.

Styles are applied by position (`Span`s over the plain string), never by parsing markup: a
customer's "[bold red]" stays literal text. Each pass is a regex over one line whose parts
cannot backtrack past the next delimiter, so a 1 MB message is linear work. Link URLs are
underlined but deliberately not made into terminal hyperlinks (`Style(link=...)`, OSC 8):
the URL comes from the message and stays visible text, nothing more.
"""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Span, Text

from tui.text.html import html_to_text

BOLD = Style(bold=True)
ITALIC = Style(italic=True)
QUOTE = Style(dim=True, italic=True)
HEADING = Style(bold=True)
LINK = Style(underline=True)

_QUOTE_LINE = re.compile(r" {0,3}>")
_HEADING_LINE = re.compile(r"#{1,6} ")
# Contents exclude their own delimiter, so every attempt stops at the next one.
_INLINE = re.compile(
    r"\*\*(?P<bold>[^*\s](?:[^*]*[^*\s])?)\*\*"
    r"|(?<![\w*])\*(?P<star>[^*\s](?:[^*]*[^*\s])?)\*(?![\w*])"
    r"|(?<!\w)_(?P<under>[^_\s](?:[^_]*[^_\s])?)_(?!\w)"
    r"|<(?P<angle>(?:https?|ftp|mailto):[^\s<>]+|[^\s<>@]+@[^\s<>@]+)>"
    r"|(?P<bare>https?://[^\s<>\[\]]*[^\s<>\[\].,;:!?'\")])"
)


def render_message(html: str | None) -> Text:
    """The message as styled, safe `Text`: quotes dim italic, **bold**, _italic_, headings
    bold, URLs underlined. Emphasis asterisks/underscores are dropped; all else is kept."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for number, line in enumerate(html_to_text(html).split("\n")):
        if number:
            parts.append("\n")
            pos += 1
        start, first_span = pos, len(spans)
        base = QUOTE if _QUOTE_LINE.match(line) else HEADING if _HEADING_LINE.match(line) else None
        last = 0
        for m in _INLINE.finditer(line):
            parts.append(line[last : m.start()])
            pos += m.start() - last
            last = m.end()
            kind = m.lastgroup or ""
            inner = m.group(kind)
            if kind in ("angle", "bare"):
                shown = m.group()  # keep the angle brackets; underline only the URL
                offset = shown.index(inner)
                spans.append(Span(pos + offset, pos + offset + len(inner), LINK))
            else:
                shown = inner  # emphasis: drop the marks
                spans.append(Span(pos, pos + len(inner), BOLD if kind == "bold" else ITALIC))
            parts.append(shown)
            pos += len(shown)
        parts.append(line[last:])
        pos += len(line) - last
        if base is not None and pos > start:
            # Earlier spans are applied first: the line's style goes under its inline ones.
            spans.insert(first_span, Span(start, pos, base))
    return Text("".join(parts), spans=spans)
