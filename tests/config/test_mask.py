from __future__ import annotations

import pytest

from tui.config import clean_key, mask


@pytest.mark.parametrize(
    ("key", "masked"),
    [
        ("4:G24M3K6Y3R3H8DN9B6QGH3NW4", "4:G24…NW4"),
        ("  12:ABCDEFGHIJKLMNOPQRST  ", "12:ABC…RST"),
        ("4:SHORTCODE", "4:••••"),
        ("4:", "4:••••"),
        ("abcdefghijklmnopqrstuvwxyz", "abc…xyz"),  # a token without an id
        ("tok", "••••"),
        ("", "••••"),
        ("ab:cdefghijklmnopqrstuvwxyz", "ab:…xyz"),  # not a numeric id: all treated as code
    ],
)
def test_mask(key: str, masked: str) -> None:
    assert mask(key) == masked


def test_mask_hides_most_of_the_code() -> None:
    key = "4:G24M3K6Y3R3H8DN9B6QGH3NW4"
    assert "M3K6Y3R3H8DN9B6QGH3" not in mask(key)


def test_clean_key_strips_whitespace() -> None:
    assert clean_key("\t4:ABC\n") == "4:ABC"
