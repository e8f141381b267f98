"""`cell_width` and `fit`: exact column widths with CJK, emoji and combining marks."""

from __future__ import annotations

import pytest

from tui.text import cell_width, fit

CJK = "プリンターが動かない 打印机"


@pytest.mark.parametrize(
    ("text", "width"),
    [
        ("", 0),
        ("abc", 3),
        ("プリンター", 10),
        ("打印机", 6),
        (CJK, 27),
        ("😀", 2),
        ("cafe\u0301", 4),  # combining acute takes no cell
        ("…", 1),
    ],
)
def test_cell_width(text: str, width: int) -> None:
    assert cell_width(text) == width


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("abc", 5, "abc  "),
        ("abc", 3, "abc"),
        ("abcdef", 4, "abc…"),
        ("abcdef", 1, "…"),
        ("abcdef", 0, ""),
        ("abcdef", -3, ""),
        ("", 3, "   "),
        # Wide characters are never split: a space fills the odd cell before the ellipsis.
        ("プリンター", 10, "プリンター"),
        ("プリンター", 11, "プリンター "),
        ("プリンター", 9, "プリンタ…"),
        ("プリンター", 8, "プリン …"),
        ("プリンター", 2, " …"),
        ("プリンター", 1, "…"),
        (CJK, 13, "プリンターが…"),
        (CJK, 14, "プリンターが …"),
        ("打印机 printer", 8, "打印机 …"),
        ("😀😀😀", 4, "😀 …"),
        ("😀😀😀", 5, "😀😀…"),
        ("e\u0301e\u0301e\u0301", 2, "e\u0301…"),  # marks stay with their letter
    ],
)
def test_fit(text: str, width: int, expected: str) -> None:
    assert fit(text, width) == expected
    assert cell_width(fit(text, width)) == max(width, 0)


@pytest.mark.parametrize("width", range(1, 30))
def test_fit_cjk_at_every_width(width: int) -> None:
    fitted = fit(CJK, width)
    assert cell_width(fitted) == width
    assert CJK.startswith(fitted.rstrip(" …"))
