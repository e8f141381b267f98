"""What the agent typed into the new-ticket form, and its round trip through a draft."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import partial
from typing import Any

from tui.state.drafts import draft_files, draft_text

DRAFT_KEY = "compose"


@dataclass
class NewTicket:
    """What the agent typed. Kept as typed (labels as text) so a draft restores exactly."""

    to: str = ""
    subject: str = ""
    body: str = ""  # Markdown
    department: int | None = None
    agent: int | None = None
    urgency: int | None = None
    labels: str = ""
    files: list[tuple[str, bool]] = field(default_factory=list)  # (path, inline)

    @property
    def is_empty(self) -> bool:
        typed = (self.to, self.subject, self.body, self.labels)
        return not any(t.strip() for t in typed) and not self.files

    def label_list(self) -> list[str]:
        seen: dict[str, None] = {}
        for label in self.labels.split(","):
            if label.strip():
                seen.setdefault(label.strip(), None)
        return list(seen)

    def to_draft(self) -> dict[str, Any]:
        return {
            "to": self.to,
            "subject": self.subject,
            "body": self.body,
            "department": self.department,
            "agent": self.agent,
            "urgency": self.urgency,
            "labels": self.labels,
            "files": [[path, inline] for path, inline in self.files],
        }

    @classmethod
    def from_draft(cls, draft: Mapping[str, Any]) -> NewTicket:
        """Tolerant: a draft from an older version (or a damaged file) loses only the bad parts."""
        text = partial(draft_text, draft)

        def number(name: str) -> int | None:
            value = draft.get(name)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        return cls(
            to=text("to"),
            subject=text("subject"),
            body=text("body"),
            department=number("department"),
            agent=number("agent"),
            urgency=number("urgency"),
            labels=text("labels"),
            files=draft_files(draft),
        )
