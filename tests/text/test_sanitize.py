"""`safe`, `safe_multiline` and `plain` against hostile subjects, names and bodies."""

from __future__ import annotations

import time

import pytest
from rich.console import Console
from rich.text import Text

from tui.text import ELLIPSIS, plain, safe, safe_multiline

ESC = "\x1b"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Printer broken", "Printer broken"),
        (None, ""),
        ("", ""),
        # Escape sequences disappear entirely: their effect is invisible anyway.
        ("\x1b[1;31mRefund\x1b[0m now", "Refund now"),
        ("copy\x1b]52;c;cm0gLXJmIH4=\x07me", "copyme"),  # OSC 52 clipboard write, BEL
        ("\x1b]0;pwned title\x1b\\Subject", "Subject"),  # OSC 0 window title, ST
        ("\x1b]8;;http://evil\x1b\\click\x1b]8;;\x1b\\", "click"),  # OSC 8 hyperlink
        ("a\x1bP1$r0m\x1b\\b", "ab"),  # DCS
        ("a\x1b_hidden APC\x1b\\b", "ab"),  # APC
        ("\x9b31mred\x9b0m", "red"),  # 8-bit CSI
        ("a\x9d0;title\x9cb", "ab"),  # 8-bit OSC ... ST
        ("\x1bcreset", "reset"),  # RIS (full reset)
        ("\x1b(0lqk\x1b(B", "lqk"),  # charset switch to line drawing and back
        ("\x1b7saved\x1b8", "saved"),  # save/restore cursor
        # Controls that are not part of a complete sequence stay visible.
        ("end\x1b", "end\u241b"),  # a lone ESC
        ("a\x1b\u00e9", "a\u241b\u00e9"),  # ESC before something that ends no sequence
        ("a\x1bb", "a"),  # ...whereas ESC b is a complete (two-byte) escape
        ("\x1b[31", "\u241b[31"),  # an unterminated CSI
        ("\x1b]52;c;AAAA", "\u241b]52;c;AAAA"),  # an unterminated OSC
        ("nul\x00byte", "nul\u2400byte"),
        ("bell\x07", "bell\u2407"),
        ("back\x08space", "back\u2408space"),
        ("del\x7f", "del\u2421"),
        ("c1\x85\x90x", "c1 \ufffdx"),  # NEL is a line break; a lone DCS introducer is not
        # Single-line fields: every line break and tab is one space.
        ("two\nlines", "two lines"),
        ("crlf\r\nline", "crlf line"),
        ("carriage\rreturn", "carriage return"),
        ("tab\tbed", "tab bed"),
        ("sep\u2028ara\u2029tors\x0b\x0c", "sep ara tors  "),
        # Bidi controls, zero-width and other format characters are dropped.
        ("invoice_\u202etxt.exe", "invoice_txt.exe"),
        ("\u2066isolated\u2069 \u200eLRM\u200f \u061cALM", "isolated LRM ALM"),
        ("pay\u200bpal\u200c\u200d\u2060\ufeff", "paypal"),
        ("soft\u00adhyphen", "softhyphen"),
        ("tag\U000e0041\U000e0042chars", "tagchars"),  # invisible "ASCII smuggling"
        # Other spaces become plain spaces; surrogates and unassigned become U+FFFD.
        ("no\u00a0break\u3000wide", "no break wide"),
        ("lone\ud800surrogate", "lone\ufffdsurrogate"),
        ("unassigned\U000e0080\ufffe", "unassigned\ufffd\ufffd"),
        # Private use is kept (icon fonts, Apple's logo), as is everything printable.
        ("apple \uf8ff", "apple \uf8ff"),
        ("プリンターが動かない 打印机 😀", "プリンターが動かない 打印机 😀"),
        # NFC: a decomposed é is composed.
        ("cafe\u0301", "caf\u00e9"),
        # Rich markup is not markup here: left exactly as written.
        ("[bold red]Refund[/]", "[bold red]Refund[/]"),
        ("[link=http://x]y[/link]", "[link=http://x]y[/link]"),
    ],
)
def test_safe(raw: str | None, expected: str) -> None:
    assert safe(raw) == expected


def test_removing_a_sequence_cannot_assemble_a_new_one() -> None:
    # Dropping the inner CSI glues ESC to "[0m": that ESC must still be defused.
    assert safe("\x1b\x1b[31m[0m") == "\u241b[0m"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("one\ntwo", "one\ntwo"),
        ("dos\r\nold mac\rend", "dos\nold mac\nend"),
        ("a\tb\n\tc", "a   b\n    c"),  # tabs expanded to 4-column stops
        ("ff\x0cvt\x0bls\u2028ps\u2029", "ff\nvt\nls\nps\n"),
        ("x\x1b[2J\x1b[H\ny\x00", "x\ny\u2400"),
        ("\u202eevil\nline", "evil\nline"),
    ],
)
def test_safe_multiline(raw: str, expected: str) -> None:
    assert safe_multiline(raw) == expected


@pytest.mark.parametrize(
    ("raw", "max_len", "expected"),
    [
        ("short", 10, "short"),
        ("exactly10!", 10, "exactly10!"),
        ("eleven char", 10, "eleven ch" + ELLIPSIS),
        ("abc", 1, ELLIPSIS),
        ("abc", 0, ""),
        ("\x1b[31mred\x1b[0m", 3, "red"),  # the limit applies to what is shown
        ("プリンター", 3, "プリ" + ELLIPSIS),
    ],
)
def test_max_len(raw: str, max_len: int, expected: str) -> None:
    assert safe(raw, max_len=max_len) == expected


def test_negative_max_len_is_an_error() -> None:
    with pytest.raises(ValueError, match="max_len"):
        safe("x", max_len=-1)


def test_100_kb_subject_is_truncated_quickly() -> None:
    subject = "Refund please \x1b[31m\u202e " * 4000  # ~100 KB
    started = time.perf_counter()
    shown = safe(subject, max_len=200)
    elapsed = time.perf_counter() - started
    assert len(shown) == 200
    assert shown.endswith(ELLIPSIS)
    assert shown.startswith("Refund please  Refund please ")
    assert elapsed < 1  # generous: it takes about a millisecond


def test_huge_input_is_only_read_up_to_a_bound() -> None:
    # Ten million zero-width spaces then text: we give up long before the text.
    assert safe("\u200b" * 10_000_000 + "hidden", max_len=20) == ELLIPSIS


def test_plain_is_literal_text_without_spans() -> None:
    for raw in ["[bold red]Refund[/]", "[link=http://x]y[/link]", ":smile: [/]", "\\[x]"]:
        text = plain(raw)
        assert isinstance(text, Text)
        assert text.plain == raw
        assert text.spans == []
        assert text.style == ""


def test_plain_renders_markup_literally_and_escapes_nothing_to_the_terminal() -> None:
    console = Console(force_terminal=True, color_system="truecolor", width=80, record=False)
    with console.capture() as capture:
        console.print(plain("[bold red]Refund[/] \x1b]52;c;QUJD\x07\x1b[2J"), end="")
    output = capture.get()
    assert output == "[bold red]Refund[/] "
    assert ESC not in output
