"""Last-resort HTML to text with the stdlib parser, for input html2text chokes on.

Deliberately dumb and iterative (no recursion, no per-level indentation): block tags start
new lines, list items get "- ", quotes "> ", cells are separated by " | ", and the content
of script/style/head is dropped. If even this raises, `strip_tags` is the floor.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCK = re.compile(  # tags that start a new line
    r"address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form"
    r"|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|table|tr|ul"
)
_HIDDEN = frozenset({"script", "style", "head", "title", "template"})
_MAX_QUOTE = 24
_TAG = re.compile(r"<[^<>]*>")  # [^<>]: each attempt stops at the next "<"
_SPACES = re.compile(r"[ \t\r\n\f]+")
_LINE_START = re.compile(r"^((?:> )*) +", re.MULTILINE)  # spaces left by collapsed whitespace


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0
        self.quote = 0
        self.pre = 0

    def _newline(self) -> None:
        self.parts.append("\n" + "> " * min(self.quote, _MAX_QUOTE))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag == "body":
            self.hidden = 0  # like browsers: an unclosed <head> ends at <body>
        if tag == "blockquote":
            self.quote += 1
        elif tag == "pre":
            self.pre += 1
        if _BLOCK.fullmatch(tag):
            self._newline()
        if tag == "li":
            self.parts.append("- ")
        elif tag in ("td", "th"):
            self.parts.append(" | ")
        elif tag == "img":
            alt = " ".join((dict(attrs).get("alt") or "").split())
            self.parts.append(f"[image: {alt}]" if alt else "[image]")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(self.hidden - 1, 0)
        elif tag == "blockquote":
            self.quote = max(self.quote - 1, 0)
        elif tag == "pre":
            self.pre = max(self.pre - 1, 0)
        if _BLOCK.fullmatch(tag):
            self._newline()

    def handle_data(self, data: str) -> None:
        if self.hidden:
            return
        if not self.pre:
            data = _SPACES.sub(" ", data)
        elif self.quote:
            data = data.replace("\n", "\n" + "> " * min(self.quote, _MAX_QUOTE))
        self.parts.append(data)


def fallback_text(markup: str) -> str:
    """Readable text from any HTML, without html2text."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return _LINE_START.sub(r"\1", "".join(parser.parts))


def strip_tags(markup: str) -> str:
    """The floor: remove anything tag-shaped and decode entities. Never raises."""
    text = html.unescape(_TAG.sub(" ", markup))
    return "\n".join(" ".join(line.split()) for line in text.split("\n"))
