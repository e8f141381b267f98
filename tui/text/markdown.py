"""The agent's reply, typed in Markdown, to the HTML Deskpro stores and emails.

CommonMark plus tables (and linkify when `linkify-it-py` is installed). Raw HTML typed by the
agent is escaped, not passed through (`html=False`), and markdown-it refuses javascript:,
vbscript:, file: and non-image data: link targets. Single newlines become `<br>`
(`breaks=True`): agents write replies like emails, one line per line.
"""

from __future__ import annotations

from functools import cache
from importlib.util import find_spec

from markdown_it import MarkdownIt


@cache
def _parser() -> MarkdownIt:
    linkify = find_spec("linkify_it") is not None
    md = MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": linkify})
    md.enable("table")
    if linkify:
        md.enable("linkify")
    return md


def markdown_to_html(md: str | None) -> str:
    """HTML for a Markdown reply ("" for an empty one)."""
    if not md or not md.strip():
        return ""
    return _parser().render(md)
