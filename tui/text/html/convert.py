"""html2text, configured for reading in a terminal rather than producing Markdown.

Choices (see `TerminalHTML2Text`):
* links read like a plain-text email, ``text <url>``: the URL is always visible (so a link
  whose text shows one address but points to another cannot fool the reader), without
  Markdown's brackets; the URL is left out when it repeats the text, or points inside the page;
* images become ``[image: alt]`` (``[image]`` without alt), tracking pixels disappear;
* no Markdown backslash escapes (``1\\. item``): people read this, not a Markdown parser;
* bold/italic keep html2text's ``**bold**``/``_italic_`` marks, which `render` turns into
  styles; lists use ``-``/``1.``; tables are padded into aligned columns.
"""

from __future__ import annotations

import re
from collections import Counter

import html2text

from tui.text.html.tables import pad_tables

MAX_URL_CHARS = 200
_LINK_TEXT_CHARS = 2048
_PIXEL_SIZES = frozenset({"0", "1", "0px", "1px"})
_SCHEME = re.compile(r"^(?:https?://|mailto:)", re.IGNORECASE)
_URL_BREAKS = re.compile(r"[\t\n\r]")
# Tags html2text counts or toggles: a stray end tag would flip or drive its state negative
# (a stray </script> hides everything after it), so end tags without a start are ignored.
_PAIRED = re.compile(r"head|style|script|blockquote|code|kbd|tt|q|pre|b|strong|em|i|u|del|strike|s")
# What may appear in <head>; anything else closes it, as in a browser (html2text would
# otherwise hide the whole message after an unclosed <head>).
_HEAD_CONTENT = re.compile(r"head|title|meta|link|style|script|base|noscript|template")


class TerminalHTML2Text(html2text.HTML2Text):
    def __init__(self, width: int = 0) -> None:
        super().__init__(bodywidth=width)
        self.unicode_snob = True  # real characters (’, €, NBSP) rather than ASCII stand-ins
        self.ul_item_mark = "-"
        self.pad_tables = True  # makes html2text mark tables; `pad_tables` aligns them
        self.skip_internal_links = True
        self._links: list[tuple[str | None, str]] = []  # open <a>s: (href, text so far)
        self._open: Counter[str] = Counter()

    def handle(self, data: str) -> str:
        # html2text's handle() minus its character-counting table padding (see tables).
        self.start = True
        self.feed(data)
        self.feed("")
        return pad_tables(self.optwrap(self.finish()))

    def handle_data(self, data: str, entity_char: bool = False) -> None:
        self._link_text(data)
        # html2text inserts a space after emphasis ("_it_ ,") so Markdown renders it; we
        # keep the text as written.
        self.preceding_stressed = False
        # entity_char=True is html2text's switch for "do not Markdown-escape this".
        super().handle_data(data, True)

    def _link_text(self, data: str) -> None:
        # Only needed to compare with the href, so a bounded prefix is enough.
        if self._links and len(self._links[-1][1]) < _LINK_TEXT_CHARS:
            href, text = self._links[-1]
            self._links[-1] = (href, text + data)

    def handle_tag(self, tag: str, attrs: dict[str, str | None], start: bool) -> None:
        if start and self._open["head"] and not _HEAD_CONTENT.fullmatch(tag):
            self.handle_tag("head", {}, False)
        if _PAIRED.fullmatch(tag):
            if start:
                self._open[tag] += 1
            elif self._open[tag]:
                self._open[tag] -= 1
            else:
                return
        if tag == "a":
            self._anchor(attrs, start)
        elif tag == "img":
            if start:
                self._image(attrs)
        else:
            super().handle_tag(tag, attrs, start)
            if tag in ("p", "div") and not start and self.split_next_td:
                self.space = True  # html2text glues paragraphs inside a table cell together

    def _anchor(self, attrs: dict[str, str | None], start: bool) -> None:
        if start:
            # As browsers do, ignore tabs and newlines inside the URL (they would break lines).
            href = _URL_BREAKS.sub("", attrs.get("href") or "").strip()
            self._links.append((href if href and not href.startswith("#") else None, ""))
            return
        if not self._links:  # a stray </a>
            return
        href, text = self._links.pop()
        text = " ".join(text.split())
        if href is None or _same_target(text, href):
            return
        shown = href[7:] if href.lower().startswith("mailto:") else href
        if len(shown) > MAX_URL_CHARS:
            shown = shown[: MAX_URL_CHARS - 1] + "…"
        # Keep the URL on the link's line even if a block inside the link closed.
        pending, self.p_p = self.p_p, 0
        self.o(f" <{shown}>" if text else f"<{shown}>")
        self.p_p = max(self.p_p, pending)

    def _image(self, attrs: dict[str, str | None]) -> None:
        if attrs.get("width") in _PIXEL_SIZES or attrs.get("height") in _PIXEL_SIZES:
            return  # a tracking pixel, not content
        alt = " ".join((attrs.get("alt") or "").split())
        placeholder = f"[image: {alt}]" if alt else "[image]"
        self._link_text(placeholder)
        self.o(placeholder)


def _same_target(text: str, href: str) -> bool:
    def norm(u: str) -> str:
        return _SCHEME.sub("", u).rstrip("/").lower()

    return norm(text) == norm(href)


def html2text_convert(html: str, width: int = 0) -> str:
    """Convert with html2text (may raise on pathological input: callers fall back)."""
    return TerminalHTML2Text(width).handle(html)
