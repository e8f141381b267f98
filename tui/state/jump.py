"""What `/` + enter jumps to: a ticket named by its number (`1043`, `#1043`) or by its
reference (`SDST-1043-XQ`), whatever queue it is in or status it has."""

from __future__ import annotations

import re

_NUMBER = re.compile(r"#?(\d{1,10})")
# Deskpro's references are groups of letters and digits joined by dashes (ABCD-1234-EFGH by
# default). Three groups at least, with a digit and a letter: "covid-19" stays a word.
_REF = re.compile(r"(?=.*\d)(?=.*[A-Z])[A-Z0-9]+(?:-[A-Z0-9]+){2,}")


def jump_target(text: str) -> int | str | None:
    """The ticket id or reference `text` names, if it is nothing but one."""
    text = text.strip()
    if number := _NUMBER.fullmatch(text):
        return int(number[1])
    if _REF.fullmatch(text.upper()):
        return text.upper()
    return None


def named(target: int | str) -> str:
    """How a message names the ticket looked for."""
    return f"#{target}" if isinstance(target, int) else target
