"""Untrusted ticket content to safe terminal text, and back to HTML for replies.

No Textual here (Rich only). Everything a customer wrote goes through `safe`/`safe_multiline`
(directly or via `html_to_text`/`render_message`) before it reaches the screen, and is shown
as `Text` objects, never parsed as Rich markup.
"""

from tui.text.html import MAX_INPUT_CHARS, TRUNCATED_NOTE, html_to_text, message_text
from tui.text.markdown import markdown_to_html
from tui.text.render import render_message
from tui.text.sanitize import ELLIPSIS, plain, safe, safe_multiline
from tui.text.time import long_time, relative_time
from tui.text.width import cell_width, fit

__all__ = [
    "ELLIPSIS",
    "MAX_INPUT_CHARS",
    "TRUNCATED_NOTE",
    "cell_width",
    "fit",
    "html_to_text",
    "long_time",
    "markdown_to_html",
    "message_text",
    "plain",
    "relative_time",
    "render_message",
    "safe",
    "safe_multiline",
]
