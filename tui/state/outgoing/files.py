"""The files going out with a new ticket: whether one can be attached, and each one's
upload state (kept across sends, so sending again uploads only what failed)."""

from __future__ import annotations

import mimetypes
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.api import Blob
from tui.text import human_size

DEFAULT_MAX_BYTES = 25 * 1024 * 1024
UploadState = Literal["waiting", "uploading", "uploaded", "failed"]


def check_file(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str | None:
    """Why `path` cannot be attached, in words a person can act on; None when it can."""
    try:
        info = path.stat()
    except FileNotFoundError:
        return f"{path} does not exist: check the path."
    except OSError as exc:
        return f"Cannot read {path}: {exc.strerror or exc}."
    if path.is_dir():
        return f"{path} is a folder: choose a file in it."
    if not path.is_file():
        return f"{path} is not a regular file."
    if not os.access(path, os.R_OK):
        return f"{path} is not readable: check its permissions."
    if info.st_size > max_bytes:
        return (
            f"{path.name} is {human_size(info.st_size)}, over the {human_size(max_bytes)} limit "
            "for one file (max_attachment_mb in the settings)."
        )
    return None


@dataclass
class OutgoingFile:
    """One file to attach, and how its upload is going."""

    path: Path
    name: str
    size: int
    content_type: str
    inline: bool = False
    state: UploadState = "waiting"
    sent: int = 0
    blob: Blob | None = None
    error: str = ""

    @classmethod
    def from_path(cls, path: Path, inline: bool = False) -> OutgoingFile:
        try:
            size = path.stat().st_size
        except OSError:
            size = 0  # check_file says why when the agent sends
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        file = cls(path=path, name=path.name, size=size, content_type=kind)
        file.inline = inline and file.is_image
        return file

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    def reset(self) -> None:
        """Back to waiting, so the next send uploads it again."""
        self.state, self.sent, self.blob, self.error = "waiting", 0, None, ""
