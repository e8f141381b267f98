"""`markdown_to_html`: the agent's Markdown reply to the HTML sent to Deskpro."""

from __future__ import annotations

import pytest

from tui.text import markdown_to_html


@pytest.mark.parametrize(
    ("md", "expected"),
    [
        ("Hello", "<p>Hello</p>\n"),
        ("", ""),
        ("   \n", ""),
        (None, ""),
        # Agents write like email: one newline is one line break.
        ("Hi Ann,\nthanks for waiting.\n\nBest,\nBob",
         "<p>Hi Ann,<br />\nthanks for waiting.</p>\n<p>Best,<br />\nBob</p>\n"),
        ("**bold** and _it_ and `code`",
         "<p><strong>bold</strong> and <em>it</em> and <code>code</code></p>\n"),
        ("- one\n- two", "<ul>\n<li>one</li>\n<li>two</li>\n</ul>\n"),
        ("1. one\n2. two", "<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n"),
        ("> quoted", "<blockquote>\n<p>quoted</p>\n</blockquote>\n"),
        ("[docs](https://x.example/kb)", '<p><a href="https://x.example/kb">docs</a></p>\n'),
        ("| a | b |\n|---|---|\n| 1 | 2 |",
         "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n"
         "<tbody>\n<tr>\n<td>1</td>\n<td>2</td>\n</tr>\n</tbody>\n</table>\n"),
        # Raw HTML typed by the agent is shown, not executed.
        ("<script>alert(1)</script>", "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"),
        ('<img src=x onerror="alert(1)">',
         "<p>&lt;img src=x onerror=&quot;alert(1)&quot;&gt;</p>\n"),
        # Dangerous link targets are not made into links.
        ("[click](javascript:alert(1))", "<p>[click](javascript:alert(1))</p>\n"),
        ("<javascript:alert(1)>", "<p>&lt;javascript:alert(1)&gt;</p>\n"),
    ],
)  # fmt: skip
def test_markdown_to_html(md: str | None, expected: str) -> None:
    assert markdown_to_html(md) == expected


def test_bare_urls_are_linkified() -> None:
    pytest.importorskip("linkify_it")
    assert markdown_to_html("see https://x.example/kb now") == (
        '<p>see <a href="https://x.example/kb">https://x.example/kb</a> now</p>\n'
    )
