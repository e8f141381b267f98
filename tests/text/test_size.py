"""File sizes read one way everywhere: ours and the helpdesk's `filesize_readable`."""

from __future__ import annotations

import pytest

from tui.text import human_size, readable_size


def test_human_size() -> None:
    assert [human_size(n) for n in (0, 1023, 1536, 25 * 1024 * 1024)] == [
        "0 B",
        "1023 B",
        "1.5 KB",
        "25.0 MB",
    ]


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("549.00 B", "549 B"),
        ("1.07 KB", "1.1 KB"),
        ("3.40 MB", "3.4 MB"),
        ("1023.99 KB", "1024.0 KB"),
        ("12 kb", "12.0 KB"),
        ("about a megabyte", "about a megabyte"),  # not a size: shown as it came
        ("", ""),
    ],
)
def test_the_helpdesks_readable_size_in_our_form(given: str, shown: str) -> None:
    assert readable_size(given) == shown
