"""`jump_target`: which texts typed in `/` name one ticket (its number or reference), and
which stay filter words."""

from __future__ import annotations

import pytest

from tui.state.jump import jump_target, named


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("1043", 1043),
        ("#1043", 1043),
        ("  #7 ", 7),
        ("SDST-1043-XQ", "SDST-1043-XQ"),
        ("zslj-6390-wlxz", "ZSLJ-6390-WLXZ"),  # typed in lower case
        ("AB-12-CD-34", "AB-12-CD-34"),
    ],
)
def test_a_number_or_a_reference_names_a_ticket(text: str, target: int | str) -> None:
    assert jump_target(text) == target


@pytest.mark.parametrize(
    "text",
    ["", "printer", "#", "1043 printer", "covid-19", "ABCD-EFGH-IJKL", "1234-5678-9012", "#-1"],
)
def test_words_and_terms_are_not_a_ticket(text: str) -> None:
    assert jump_target(text) is None


def test_messages_name_a_number_with_a_hash_and_a_reference_as_it_is() -> None:
    assert (named(1043), named("SDST-1043-XQ")) == ("#1043", "SDST-1043-XQ")
