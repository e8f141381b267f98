"""Whether typed text is an email address: shared by the new-ticket form (who it is for)
and finding (a requester's tickets when the helpdesk's search is unavailable)."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def looks_like_email(text: str) -> bool:
    return bool(_EMAIL.match(text.strip()))
