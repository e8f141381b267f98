"""Deskpro message bodies (HTML, occasionally plain text) to safe, readable plain text.

Never raises: html2text does the conversion, the stdlib-parser fallback catches whatever it
cannot handle (RecursionError included), and a regex tag strip is the floor. Input is capped
at `MAX_INPUT_CHARS`. The result always goes through `safe_multiline`. Converting a large
message takes a while (html2text manages ~0.5 MB/s of dense HTML): call it from a worker.
"""

from __future__ import annotations

import logging
import re
from html import unescape

from tui.text.html.convert import html2text_convert
from tui.text.html.fallback import fallback_text, strip_tags
from tui.text.html.guard import prepare
from tui.text.sanitize import safe_multiline

log = logging.getLogger("tui.text")

MAX_INPUT_CHARS = 2_000_000
TRUNCATED_NOTE = "[message truncated]"
_TAG_LIKE = re.compile(r"<[A-Za-z!/?]")


def html_to_text(html: str | None, *, width: int = 0) -> str:
    """Readable plain text from message HTML; `width` > 0 wraps lines (0: the widget wraps)."""
    return _to_text(html, is_html=True, width=max(width, 0))


def message_text(html_or_text: str | None, *, is_html: bool = True) -> str:
    """A message body as safe text, whether it is stored as HTML or as plain text."""
    return _to_text(html_or_text, is_html=is_html, width=0)


def _to_text(body: str | None, *, is_html: bool, width: int) -> str:
    if not body:
        return ""
    truncated = len(body) > MAX_INPUT_CHARS
    if truncated:
        body = body[:MAX_INPUT_CHARS]
    if not is_html:
        text = body
    elif not _TAG_LIKE.search(body):
        text = unescape(body)  # text without tags: keep its line breaks
    else:
        text = _convert(body, width)
    text = tidy(safe_multiline(text))
    if truncated:
        text = f"{text}\n\n{TRUNCATED_NOTE}" if text else TRUNCATED_NOTE
    return text


def _convert(body: str, width: int) -> str:
    body = prepare(body)
    try:
        return html2text_convert(body, width)
    except Exception:  # RecursionError, html2text bugs on odd markup, ...
        log.debug("html2text failed on a message; using the plain fallback", exc_info=True)
    try:
        return fallback_text(body)
    except Exception:
        log.debug("HTML fallback failed on a message; stripping tags", exc_info=True)
    return strip_tags(body)


def tidy(text: str) -> str:
    """Strip trailing spaces; collapse runs of blank lines to one; drop empty quote lines
    (">") that repeat or only pad a quote's edges; trim blank lines at both ends."""
    out: list[str] = []
    for line in text.split("\n"):
        line = line.rstrip()
        if not line:
            while out and _is_empty_quote(out[-1]):
                out.pop()  # a quote ends: its trailing ">" lines are noise
            if out and out[-1]:
                out.append(line)
        elif not (_is_empty_quote(line) and (not out or not out[-1] or out[-1] == line)):
            out.append(line)
    while out and (not out[-1] or _is_empty_quote(out[-1])):
        out.pop()
    return "\n".join(out)


def _is_empty_quote(line: str) -> bool:
    return not line.strip(">")
