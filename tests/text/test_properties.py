"""Property tests: invariants that must hold for *any* input, hostile or not."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.text import (
    cell_width,
    fit,
    html_to_text,
    long_time,
    markdown_to_html,
    relative_time,
    render_message,
    safe,
    safe_multiline,
)

# deadline=None: CI machines stall; database=None: nothing written into the work tree.
FAST = settings(max_examples=150, deadline=None, database=None)
SLOW = settings(
    max_examples=75,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

HOSTILE_PIECES = [
    "\x1b", "\x1b[", "\x1b[31m", "\x1b[0m", "\x1b]", "\x1b]52;c;QUJD\x07", "\x1b]0;t\x1b\\",
    "\x1bP", "\x1b\\", "\x07", "\x9b", "\x9b2J", "\x9d", "\x9c", "\x90", "\x85", "\x00", "\x7f",
    "\r", "\n", "\r\n", "\t", "\x0b", "\x0c", "\u2028", "\u2029", "\u202e", "\u2066", "\u200b",
    "\u200d", "\u200e", "\u061c", "\ufeff", "\u00ad", "\U000e0041", "\ud800", "\udfff",
    "\ufffe", "\U000e0080", "\ue000", "\u00a0", "\u3000", "e\u0301", "\u0301", "プ", "打",
    "😀", "👨\u200d👩", "❤\ufe0f", "\ufe0f", "[bold]", "[/]", "…", " ",
]  # fmt: skip
HTML_PIECES = [
    "<p>", "</p>", "<b>", "</b>", "<i>", "<blockquote>", "</blockquote>", "<ul><li>", "</li>",
    "<ol>", "</ol>", "<table><tr><td>", "</td><td>", "</tr></table>", "<br>", "<hr>",
    "<a href='https://x.example'>", "<a href=\"javascript:alert(1)\">", "</a>", "<img alt='x'>",
    "<script>alert(1)</script>", "<style>p{}</style>", "</script>", "<head>", "</head>",
    "<pre>", "</pre>", "<!--", "-->", "<!DOCTYPE html>", "&amp;", "&lt;", "&#0;", "&#x1b;",
    "&#x9b;", "&nbsp;", "&#xd800;", "&bogus;", "<", ">", "'", '"', "=", "<a b='>'", "</x>",
]  # fmt: skip
MARKDOWN_PIECES = [
    "<script>", "</script>", "<SCRIPT SRC=x>", "<scr<script>ipt>", "<img src=x onerror=alert(1)>",
    "[x](javascript:alert(1))", "[x](JAVASCRIPT:alert(1))", "![i](data:text/html,<script>)",
    "<javascript:alert(1)>", "`<script>`", "```\n<script>\n```\n", "**", "_", "\n", "\n\n",
    "> ", "- ", "1. ", "| a | b |\n|---|---|\n", "https://x.example", "&lt;script&gt;",
    "<!-- -->", "<svg onload=alert(1)>", "<iframe src=x>", '"', "'",
]  # fmt: skip

any_chars = st.text(st.characters(exclude_categories=()))  # includes surrogates
hostile = st.lists(st.one_of(any_chars, st.sampled_from(HOSTILE_PIECES)), max_size=30).map("".join)
html_soup = st.lists(
    st.one_of(st.sampled_from(HTML_PIECES), st.sampled_from(HOSTILE_PIECES), st.text()),
    max_size=40,
).map("".join)
markdown_soup = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_PIECES), st.text(max_size=10)), max_size=30
).map("".join)


def assert_inert(text: str, *, newlines: bool) -> None:
    """Nothing in `text` can change terminal state, reorder, hide or fail to encode."""
    text.encode("utf-8")  # no lone surrogates
    assert unicodedata.is_normalized("NFC", text)
    for ch in text:
        if ch == "\n" and newlines:
            continue
        category = unicodedata.category(ch)
        # Python's "printable" excludes Cc, Cf, Cs, Cn, Zl, Zp and every space but " ".
        # Private use (Co) is allowed on purpose: inert, one cell, sometimes meaningful.
        assert ch.isprintable() or category == "Co", (repr(ch), category)


@FAST
@given(hostile)
def test_safe_is_inert(s: str) -> None:
    assert_inert(safe(s), newlines=False)


@FAST
@given(hostile)
def test_safe_multiline_is_inert(s: str) -> None:
    out = safe_multiline(s)
    assert_inert(out, newlines=True)
    assert "\t" not in out


@FAST
@given(hostile, st.one_of(st.none(), st.integers(min_value=0, max_value=40)))
def test_safe_is_idempotent_and_bounded(s: str, max_len: int | None) -> None:
    once = safe(s, max_len=max_len)
    assert safe(once, max_len=max_len) == once
    assert safe(once) == once
    if max_len is not None:
        assert len(once) <= max_len
    multi = safe_multiline(s, max_len=max_len)
    assert safe_multiline(multi, max_len=max_len) == multi


@FAST
@given(hostile)
def test_safe_keeps_ordinary_text(s: str) -> None:
    ordinary = "".join(ch for ch in s if ch.isprintable() and ch.isascii())
    assert safe(ordinary) == ordinary


@FAST
@given(st.one_of(hostile, any_chars), st.integers(min_value=1, max_value=60))
def test_fit_is_exactly_width(s: str, width: int) -> None:
    assert cell_width(fit(s, width)) == width
    assert cell_width(fit(safe(s), width)) == width


@SLOW
@given(st.one_of(html_soup, hostile))
def test_html_to_text_never_raises_and_is_inert(html: str) -> None:
    text = html_to_text(html)
    assert_inert(text, newlines=True)
    assert "\n\n\n" not in text
    assert all(line == line.rstrip() for line in text.split("\n"))


@SLOW
@given(html_soup)
def test_render_message_is_inert_and_in_bounds(html: str) -> None:
    text = render_message(html)
    assert_inert(text.plain, newlines=True)
    for span in text.spans:
        assert 0 <= span.start < span.end <= len(text.plain)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


SAFE_TAGS = {
    "p", "br", "strong", "em", "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    "h1", "h2", "h3", "h4", "h5", "h6", "hr", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
SAFE_ATTRIBUTES = {"href", "src", "alt", "title", "style", "start", "class"}


@SLOW
@given(markdown_soup)
def test_markdown_never_passes_html_through(md: str) -> None:
    html = markdown_to_html(md)
    assert "<script" not in html.lower()
    parser = _Tags()
    parser.feed(html)
    parser.close()
    for tag, attrs in parser.tags:
        assert tag in SAFE_TAGS, tag
        for name, value in attrs:
            assert name in SAFE_ATTRIBUTES, name
            if name in ("href", "src"):
                assert not (value or "").lower().lstrip().startswith(("javascript:", "vbscript:"))


zones = st.builds(
    timezone, st.timedeltas(min_value=timedelta(hours=-14), max_value=timedelta(hours=14))
)
moments = st.datetimes(
    min_value=datetime(1900, 1, 1), max_value=datetime(2200, 1, 1), timezones=zones
)


@FAST
@given(st.one_of(moments, st.datetimes()), st.one_of(moments, st.datetimes()))
def test_relative_time_fits_a_column(dt: datetime, now: datetime) -> None:
    assert cell_width(relative_time(dt, now)) <= 8
    assert long_time(dt, now)
