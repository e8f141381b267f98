"""Untrusted ticket content to safe terminal text, and back to HTML for replies.

No Textual here (Rich only). Everything a customer wrote goes through `safe`/`safe_multiline`
(directly or via `html_to_text`/`render_message`) before it reaches the screen, and is shown
as `Text` objects, never parsed as Rich markup.

Names load on first use (PEP 562): the queue list needs `safe` and `fit` at start-up, not
the HTML and Markdown converters (html2text, markdown-it), which cost ~30 ms to import.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.text.html import MAX_INPUT_CHARS, TRUNCATED_NOTE, html_to_text, message_text
    from tui.text.markdown import markdown_to_html
    from tui.text.render import render_message
    from tui.text.sanitize import ELLIPSIS, plain, safe, safe_multiline
    from tui.text.size import human_size, readable_size
    from tui.text.time import long_time, relative_time
    from tui.text.width import cell_width, fit

_HOMES = {
    "MAX_INPUT_CHARS": "html",
    "TRUNCATED_NOTE": "html",
    "html_to_text": "html",
    "message_text": "html",
    "markdown_to_html": "markdown",
    "render_message": "render",
    "ELLIPSIS": "sanitize",
    "plain": "sanitize",
    "safe": "sanitize",
    "safe_multiline": "sanitize",
    "human_size": "size",
    "readable_size": "size",
    "long_time": "time",
    "relative_time": "time",
    "cell_width": "width",
    "fit": "width",
}
__all__ = [
    "ELLIPSIS",
    "MAX_INPUT_CHARS",
    "TRUNCATED_NOTE",
    "cell_width",
    "fit",
    "html_to_text",
    "human_size",
    "long_time",
    "markdown_to_html",
    "message_text",
    "plain",
    "readable_size",
    "relative_time",
    "render_message",
    "safe",
    "safe_multiline",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"tui.text.{home}"), name)
    globals()[name] = value  # later look-ups skip this function
    return value
