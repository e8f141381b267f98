"""Snippets: canned answers kept on the helpdesk (`GET /snippets`, older `/ticket_snippets`).

Their shape is not documented, so they are read tolerantly: a title and a text, each a
string, a map of language to string, or a list of `{language, value}` translations; the
first translation stands. A snippet with no text cannot be used and is kept as unusable
rather than failing the whole list (`Snippet.usable`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from tui.api.models import DeskproModel

TEXT_KEYS = ("snippet", "text", "content", "body", "message", "html")
TITLE_KEYS = ("title", "name", "label")


def _first_text(value: Any) -> str:
    """The text of a string, or of the first translation that has one."""
    if isinstance(value, str):
        return value
    if isinstance(value, Mapping):
        if "value" in value or "text" in value:
            return _first_text(value.get("value", value.get("text")))
        values = list(value.values())
    elif isinstance(value, list):
        values = value
    else:
        return ""
    return next((text for v in values if (text := _first_text(v).strip())), "")


class Snippet(DeskproModel):
    id: int = 0
    title: str = ""
    html: str = ""

    @property
    def usable(self) -> bool:
        return bool(self.html.strip())

    @classmethod
    def coerce(cls, raw: Any) -> Snippet:
        if not isinstance(raw, Mapping):
            return cls()
        found_id = raw.get("id")
        html = next((t for key in TEXT_KEYS if (t := _first_text(raw.get(key)).strip())), "")
        title = next((t for key in TITLE_KEYS if (t := _first_text(raw.get(key)).strip())), "")
        return cls(
            id=found_id if isinstance(found_id, int) else 0,
            title=title or (f"Snippet {found_id}" if found_id else "Snippet"),
            html=html,
        )
