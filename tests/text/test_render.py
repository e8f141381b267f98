"""`render_message`: styles applied by position, content never parsed as markup."""

from __future__ import annotations

from rich.console import Console
from rich.style import Style
from rich.text import Span, Text

from tui.text import render_message
from tui.text.render import BOLD, HEADING, ITALIC, LINK, QUOTE


def styled(text: Text) -> list[tuple[str, Style | str]]:
    """Each span as (covered text, style), for readable assertions."""
    return [(text.plain[span.start : span.end], span.style) for span in text.spans]


def test_plain_paragraph_has_no_spans() -> None:
    text = render_message("<p>Hello there</p>")
    assert text.plain == "Hello there"
    assert text.spans == []


def test_bold_and_italic_drop_their_marks() -> None:
    text = render_message("<p>It is <b>still</b> <i>really</i> broken</p>")
    assert text.plain == "It is still really broken"
    assert styled(text) == [("still", BOLD), ("really", ITALIC)]


def test_star_italic_and_snake_case() -> None:
    text = render_message("plain *emphasis* but snake_case_name and 2*3*4 stay")
    assert text.plain == "plain emphasis but snake_case_name and 2*3*4 stay"
    assert styled(text) == [("emphasis", ITALIC)]


def test_quoted_lines_are_dim_italic_with_inline_styles_on_top() -> None:
    text = render_message("<p>New</p><blockquote><p>Old <b>bold</b> reply</p></blockquote>")
    assert text.plain == "New\n\n> Old bold reply"
    assert text.spans == [Span(5, 21, QUOTE), Span(11, 15, BOLD)]


def test_headings_are_bold() -> None:
    text = render_message("<h2>Order status</h2><p>Shipped</p>")
    assert text.plain == "## Order status\n\nShipped"
    assert styled(text) == [("## Order status", HEADING)]


def test_links_are_underlined_not_hyperlinked() -> None:
    text = render_message(
        '<p>See <a href="https://help.example.com/kb">the guide</a> or https://x.example/a.</p>'
    )
    assert text.plain == "See the guide <https://help.example.com/kb> or https://x.example/a."
    assert styled(text) == [
        ("https://help.example.com/kb", LINK),
        ("https://x.example/a", LINK),
    ]
    assert all(span.style.link is None for span in text.spans if isinstance(span.style, Style))


def test_mail_addresses_in_angle_brackets_are_underlined() -> None:
    text = render_message('<a href="mailto:ann@example.com">Ann</a>')
    assert styled(text) == [("ann@example.com", LINK)]


def test_markup_in_content_is_never_interpreted() -> None:
    hostile = "<p>[bold red]Refund[/] [link=http://evil]click[/link] :warning:</p>"
    text = render_message(hostile)
    assert text.plain == "[bold red]Refund[/] [link=http://evil]click[/link] :warning:"
    assert styled(text) == [("http://evil", LINK)]  # our URL detection, not Rich's markup
    console = Console(force_terminal=False, width=200)
    with console.capture() as capture:
        console.print(text, end="")
    assert capture.get() == text.plain  # printed literally, brackets and all


def test_escape_sequences_never_reach_the_terminal() -> None:
    text = render_message("<p>a\x1b]52;c;QUJD\x07b\x1b[2Jc\u202ed\x9b31me</p>")
    assert text.plain == "abcde"


def test_empty_and_none() -> None:
    assert render_message("").plain == ""
    assert render_message(None).plain == ""


def test_one_megabyte_message_renders() -> None:
    paragraph = "<p>Hi <b>there</b>, see https://x.example/" + "a" * 40 + " and _more_.</p>"
    html = "<blockquote>" + paragraph * (1_000_000 // len(paragraph)) + "</blockquote>"
    text = render_message(html)
    assert text.plain.startswith("> Hi there, see https://x.example/")


def test_unbalanced_marks_on_a_huge_line_stay_linear() -> None:
    line = "**a _b *c <http://x " * 10_000  # every kind of opener, never closed
    text = render_message(line)
    assert text.plain.startswith("**a _b *c <")
