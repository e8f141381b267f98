"""The text box for replies, notes and new tickets.

TextArea binds `ctrl+e` to "end of line"; here it opens `$EDITOR` instead (the screen's
`editor` action), so the key works where the agent is typing.
"""

from __future__ import annotations

from textual.binding import Binding
from textual.widgets import TextArea


class MarkdownArea(TextArea):
    BINDINGS = [Binding("ctrl+e", "screen.editor", "$EDITOR", show=False, id="editor.external")]
