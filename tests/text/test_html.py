"""`html_to_text` / `message_text`: readable, exact plain text from Deskpro message HTML."""

from __future__ import annotations

import pytest

from tui.text import TRUNCATED_NOTE, html_to_text, message_text
from tui.text.html import MAX_INPUT_CHARS


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>Reply from the agent. <b>What else</b> do you need?</p>",
         "Reply from the agent. **What else** do you need?"),
        ("<p>One</p><p>Two<br>still two</p>", "One\n\nTwo\nstill two"),
        ("<p>Hello <strong>bold</strong>, <em>italic</em>.</p>", "Hello **bold**, _italic_."),
        ("<h1>Title</h1><p>Body</p>", "# Title\n\nBody"),
        # Entities are decoded; NBSP becomes a plain space.
        ("<p>Q&amp;A &lt;tag&gt; a&nbsp;b it&#8217;s &euro;5 &#x1F600;</p>",
         "Q&A <tag> a b it’s €5 😀"),
        # People read this: no Markdown escaping of things that look like syntax.
        ("<p>1. not a list - + C:\\path *star* _under_</p>",
         "1. not a list - + C:\\path *star* _under_"),
        ("<p>[bold red]Refund[/]</p>", "[bold red]Refund[/]"),
        ("<hr>", "* * *"),
        ("<pre>def f():\n    return 1</pre>", "    def f():\n        return 1"),
    ],
)  # fmt: skip
def test_basic_html(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_lists_nested() -> None:
    html = (
        "<ul><li>apples<ul><li>green</li><li>red</li></ul></li><li>pears</li></ul>"
        "<ol><li>first</li><li>second<ol><li>inner</li></ol></li></ol>"
    )
    assert html_to_text(html) == (
        "  - apples\n    - green\n    - red\n  - pears\n\n  1. first\n  2. second\n     1. inner"
    )


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # The URL is shown after the link text, email style.
        ('<p>See <a href="https://help.example.com/kb/42">the guide</a>.</p>',
         "See the guide <https://help.example.com/kb/42>."),
        # A link whose text is another address cannot hide where it goes.
        ('<a href="https://evil.example/login">https://bank.example</a>',
         "https://bank.example <https://evil.example/login>"),
        # Not repeated when the text already is the URL (scheme and trailing / aside).
        ('<a href="https://example.com/">https://example.com</a>', "https://example.com"),
        ('<a href="http://www.example.com">www.example.com</a>', "www.example.com"),
        ('<a href="mailto:joe@example.com">joe@example.com</a>', "joe@example.com"),
        ('<a href="mailto:joe@example.com">Mail Joe</a>', "Mail Joe <joe@example.com>"),
        ('<a href="#section">internal</a> <a>no href</a>', "internal no href"),
        ('<a href="https://x.example"></a>', "<https://x.example>"),
        ('<a href="https://x.example"><img src="logo.png" alt="Logo"></a>',
         "[image: Logo] <https://x.example>"),
        ('<a href="https://x.example"><p>block</p></a><p>next</p>',
         "block <https://x.example>\n\nnext"),
        ('<a href="data:' + "A" * 500 + '">pic</a>', "pic <data:" + "A" * 194 + "…>"),
        ('<a href="https://x.example/a\n\tb c">x</a>', "x <https://x.example/ab c>"),
    ],
)  # fmt: skip
def test_links_show_their_url(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<img src="a.png" alt="Screenshot of the error">', "[image: Screenshot of the error]"),
        ('<img src="a.png">', "[image]"),
        ('<p>text<img src="t.gif" width="1" height="1"></p>', "text"),  # tracking pixel
    ],
)
def test_images(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_quoted_history() -> None:
    html = (
        "<p>Thanks, fixed.</p>"
        "<blockquote><p>On Monday Ann wrote:</p><p>It is <b>still</b> broken.</p>"
        "<blockquote><p>Have you tried turning it off?</p></blockquote></blockquote>"
    )
    assert html_to_text(html) == (
        "Thanks, fixed.\n"
        "\n"
        "> On Monday Ann wrote:\n"
        ">\n"
        "> It is **still** broken.\n"
        ">\n"
        ">> Have you tried turning it off?"
    )


def test_table_is_aligned_in_cells() -> None:
    html = (
        "<table><tr><th>Item</th><th>Qty</th></tr>"
        "<tr><td>プリンター</td><td>1</td></tr>"
        "<tr><td>Toner cartridge</td><td>12</td></tr></table>"
    )
    assert html_to_text(html) == (
        "| Item            | Qty |\n"
        "|-----------------|-----|\n"
        "| プリンター      | 1   |\n"
        "| Toner cartridge | 12  |"
    )


def test_table_with_one_column_and_text_around() -> None:
    html = "<p>Before</p><table><tr><td>only</td></tr><tr><td>two</td></tr></table><p>After</p>"
    assert html_to_text(html) == "Before\n\n| only |\n|------|\n| two  |\n\nAfter"


def test_script_style_and_head_are_dropped() -> None:
    html = (
        "<html><head><title>Secret title</title><style>p { color: red }</style></head>"
        "<body><script>alert('x')</script><p>Visible</p><style>.x{}</style></body></html>"
    )
    assert html_to_text(html) == "Visible"


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p><b>unclosed", "**unclosed"),
        ("</x>", ""),
        ("<<>>", "<<>>"),
        ("a < b > c", "a < b > c"),
        ("<p>x</p></div></blockquote></ul>y", "x\n\ny"),
        ("<a <a <a>text", "<a <a text"),
        ("<!-- unterminated comment <p>shown</p>", "<!-- unterminated comment\n\nshown"),
        # Stray end tags must not drive html2text's state negative (and hide what follows).
        ("<p>a</p></script><p>b</p>", "a\n\nb"),
        ("<p>a</p></style></head><p>b</p>", "a\n\nb"),
        ("<p>a</p></blockquote><p>b</p>", "a\n\nb"),
        ("<p>a</p></code></q></b><p>b</p>", "a\n\nb"),
        # An unclosed <head> ends where the body starts, as in a browser.
        ("<head><title>Hidden</title><p>Hello</p>", "Hello"),
        ("<head><body><p>a</p></head><p>b</p>", "a\n\nb"),
        ("<p>a</p><!-- gone --><p>b</p>", "a\n\nb"),
        ("", ""),
    ],
)
def test_malformed_html(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


def test_plain_text_keeps_its_lines() -> None:
    body = "Hi,\n\nthe printer is broken.\n\n\n\nThanks &amp; regards,\nAnn  "
    assert html_to_text(body) == "Hi,\n\nthe printer is broken.\n\nThanks & regards,\nAnn"
    assert message_text(body, is_html=False) == (
        "Hi,\n\nthe printer is broken.\n\nThanks &amp; regards,\nAnn"
    )


def test_output_is_sanitised() -> None:
    html = "<p>Hi\x1b[31m red\x1b]52;c;SGVsbG8=\x07 \u202eevil\u200b\x00</p>"
    assert html_to_text(html) == "Hi red evil\u2400"


def test_blank_lines_collapse_and_trailing_spaces_go() -> None:
    html = "<p>a   </p><br><br><br><br><p>b</p><div>&nbsp;</div><div>&nbsp;</div><p>c</p>"
    assert html_to_text(html) == "a\n\nb\n\nc"


def test_width_wraps() -> None:
    html = "<p>" + "word " * 10 + "</p>"
    assert html_to_text(html, width=20) == "word word word word\nword word word word\nword word"


@pytest.mark.parametrize("tag", ["div", "blockquote", "ul", "ol", "table", "b", "span", "li"])
def test_deep_nesting(tag: str) -> None:
    html = f"<{tag}>x" * 5000 + f"</{tag}>" * 5000
    text = html_to_text(html)
    assert text.count("x") == 5000
    assert len(text) < 500_000  # prefixes per level are capped


def test_deeply_nested_quotes_are_capped() -> None:
    assert html_to_text("<blockquote>" * 100 + "<p>deep</p>") == "> " * 24 + "deep"
    html = "<blockquote>x" * 100 + "</blockquote>" * 100 + "<p>after</p>"
    lines = html_to_text(html).split("\n")
    assert lines.count(">" * 24 + " x") == 100 - 23
    assert lines[-1] == "after"


def test_huge_input_is_truncated_with_a_note() -> None:
    html = "<p>" + "lorem ipsum " * (MAX_INPUT_CHARS // 12 + 10) + "</p>"
    text = html_to_text(html)
    assert text.endswith("\n\n" + TRUNCATED_NOTE)
    assert text.startswith("lorem ipsum lorem")


def test_one_megabyte_message() -> None:
    paragraph = "<p>" + "Some words about the printer. " * 30 + "<b>Bold</b> <i>it</i></p>"
    html = paragraph * (1_000_000 // len(paragraph) + 1)
    text = html_to_text(html)
    assert text.count("**Bold** _it_") == html.count("<b>Bold</b>")


def test_dense_markup() -> None:
    html = "<p>hi <b>there</b> <a href='https://x.example'>link</a></p>" * 2_000
    assert html_to_text(html).count("link <https://x.example>") == 2_000


@pytest.mark.parametrize(
    "hostile",
    [
        "<a b='>'" * 20_000,  # quadratic for the stdlib HTMLParser if not defused
        "<!-- - -- ---" * 20_000,
        "<a " * 20_000,
        "<" * 200_000,
        "&" * 200_000,
    ],
    ids=["quoted-gt", "dashes-in-comments", "unclosed-tags", "lt", "amp"],
)
def test_pathological_markup_completes(hostile: str) -> None:
    assert isinstance(html_to_text(hostile), str)


def test_falls_back_when_html2text_raises(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.text.html as module

    def explode(html: str, width: int = 0) -> str:
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(module, "html2text_convert", explode)
    html = (
        "<head><title>t</title></head><p>Hello <b>there</b> &amp; bye</p>"
        "<blockquote><p>quoted</p></blockquote><ul><li>one</li><li>two</li></ul>"
        "<img alt='logo'><script>alert(1)</script>"
    )
    assert html_to_text(html) == (
        "Hello there & bye\n\n> quoted\n\n- one\n\n- two\n\n[image: logo]"
    )


def test_falls_back_to_tag_stripping_when_both_raise(monkeypatch: pytest.MonkeyPatch) -> None:
    import tui.text.html as module

    def explode(html: str, width: int = 0) -> str:
        raise ValueError("boom")

    monkeypatch.setattr(module, "html2text_convert", explode)
    monkeypatch.setattr(module, "fallback_text", explode)
    assert html_to_text("<p>Hello&nbsp;<b>world</b>!</p>\n<p>Bye</p>") == "Hello world !\nBye"


def test_message_text() -> None:
    assert message_text("<p>Hi <b>there</b></p>") == "Hi **there**"
    assert message_text("<p>Hi</p>\n\x1b[2J", is_html=False) == "<p>Hi</p>"
    assert message_text(None) == ""


def test_gmail_reply_with_quoted_history() -> None:
    html = (
        '<div dir="ltr">Thanks!<div><br></div><div>Still broken though.</div></div><br>'
        '<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Tue, 4 Mar 2025 at'
        ' 10:00, Support &lt;<a href="mailto:support@example.com">support@example.com</a>'
        '&gt; wrote:<br></div><blockquote class="gmail_quote"><div dir="ltr">Please try'
        ' <a href="https://help.example.com/kb/49">this article</a>.<br><ol>'
        "<li>Turn it off</li><li>Turn it on</li></ol></div></blockquote></div>"
    )
    assert html_to_text(html) == (
        "Thanks!\n"
        "\n"
        "Still broken though.\n"
        "\n"
        "On Tue, 4 Mar 2025 at 10:00, Support <support@example.com> wrote:\n"
        "\n"
        "> Please try this article <https://help.example.com/kb/49>.\n"
        ">\n"
        ">   1. Turn it off\n"
        ">   2. Turn it on"
    )


def test_outlook_message_with_conditional_comments() -> None:
    html = (
        '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style><!--'
        " p.MsoNormal {margin:0cm;} --></style><!--[if gte mso 9]><xml><o:shapedefaults"
        ' v:ext="edit" /></xml><![endif]--></head><body><div class=WordSection1>'
        "<p class=MsoNormal>Hi team,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
        "<p class=MsoNormal>Printer shows <b>Error 49</b>.<o:p></o:p></p>"
        "<p class=MsoNormal><b>From:</b> Support &lt;support@example.com&gt;<br>"
        "<b>Sent:</b> 05 March 2025 14:02</p></div></body></html>"
    )
    assert html_to_text(html) == (
        "Hi team,\n"
        "\n"
        "Printer shows **Error 49**.\n"
        "\n"
        "**From:** Support <support@example.com>\n"
        "**Sent:** 05 March 2025 14:02"
    )
