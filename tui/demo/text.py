"""Message text helpers: HTML → preview text, plain text → HTML, refs and secrets."""

from __future__ import annotations

import html
import random
import re
import string
from html.parser import HTMLParser

_LETTERS = string.ascii_uppercase
_ALNUM = string.ascii_uppercase + string.digits
_BLOCKS = {"p", "br", "div", "li", "tr", "blockquote", "h1", "h2", "h3", "table", "ul", "ol"}


class _TextOnly(HTMLParser):
    """Keeps the visible text; drops <script>/<style> content and quoted history."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "blockquote"):
            self.skip += 1
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "blockquote"):
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCKS:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def preview(message_html: str, limit: int = 250) -> str:
    """`message_preview_text`: the message's own words, whitespace collapsed."""
    parser = _TextOnly()
    parser.feed(message_html)
    parser.close()
    text = re.sub(r"\s+", " ", "".join(parser.parts)).strip()
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def text_to_html(text: str) -> str:
    """`format: text` bodies: escaped, paragraphs on blank lines, <br> on single newlines."""
    paragraphs = re.split(r"\n\s*\n", text.strip().replace("\r\n", "\n"))
    return "".join(
        "<p>" + html.escape(p).replace("\n", "<br>") + "</p>" for p in paragraphs if p.strip()
    )


def make_ref(rng: random.Random) -> str:
    """A Deskpro-style ticket reference such as `KXTB-4821-QNPA`."""
    letters = "".join(rng.choice(_LETTERS) for _ in range(8))
    return f"{letters[:4]}-{rng.randrange(1000, 10000)}-{letters[4:]}"


def make_code(rng: random.Random, length: int = 15) -> str:
    return "".join(rng.choice(_ALNUM) for _ in range(length))
