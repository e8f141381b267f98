"""One message of a conversation: author, kind, time, the text, its attachments."""

from __future__ import annotations

from datetime import datetime

from rich.console import Group
from rich.text import Text
from textual.widgets import Static

from tui.api import Attachment, Message, Person
from tui.text import long_time, readable_size, render_message, safe


def byline(message: Message, author: Person | None, now: datetime) -> Text:
    name = safe(author.label) if author else f"person #{message.person}"
    kind = (
        "internal note"
        if message.is_agent_note
        else ("agent" if author and author.is_agent else "user")
    )
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(name, "bold")
    text.append(f"  {kind}  ", "italic")
    text.append(long_time(message.date_created, now), "dim")
    return text


def attachment_lines(attachments: list[Attachment], numbering: dict[int, int]) -> list[Text]:
    lines = []
    for attachment in attachments:
        blob = attachment.blob
        size = f" ({safe(readable_size(blob.filesize_readable))})" if blob.filesize_readable else ""
        inline = " inline" if attachment.is_inline else ""
        line = Text(f"  [{numbering[attachment.id]}] ", "bold")
        line.append(f"{safe(blob.filename)}{size}{inline}")
        lines.append(line)
    return lines


class MessageView(Static):
    """Notes and replies differ by class (`-note`, `-agent`, `-user`) for the stylesheet.
    `listed`: False when the helpdesk gave no attachments list (files show as a count)."""

    def __init__(
        self,
        message: Message,
        author: Person | None,
        now: datetime,
        attachments: list[Attachment],
        numbering: dict[int, int],
        *,
        listed: bool = True,
    ) -> None:
        kind = (
            "-note"
            if message.is_agent_note
            else ("-agent" if author and author.is_agent else "-user")
        )
        body = render_message(message.message or message.message_preview_text)
        parts: list[Text] = [byline(message, author, now), body]
        if attachments:
            parts.append(Text("Attachments (d to download):", "dim"))
            parts.extend(attachment_lines(attachments, numbering))
        elif not listed and message.attachments:
            count = len(message.attachments)
            files = "file" if count == 1 else "files"
            parts.append(Text(f"{count} attached {files}, not listed here.", "dim"))
        super().__init__(Group(*parts), classes=f"message {kind}")
        self.message = message
