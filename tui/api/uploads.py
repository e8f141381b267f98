"""Streamed multipart bodies for `POST /blobs/temp`, read from disk a chunk at a time.

httpx's own multipart encoder reads files synchronously on the event loop; this one reads
each chunk in a worker thread, reports progress, and knows its exact length up front so
the request carries a correct `Content-Length` (Deskpro wants one) without buffering.
"""

from __future__ import annotations

import asyncio
import mimetypes
import os
import uuid
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass, field
from pathlib import Path

CHUNK_SIZE = 256 * 1024

Progress = Callable[[int, int], None]
"""Called with (bytes sent so far, total bytes) as the upload advances."""


def _quote(value: str) -> str:
    # RFC 7578: escape quotes and line breaks in a filename parameter.
    return value.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


@dataclass
class MultipartFile:
    """One file as a `multipart/form-data` body with a single field."""

    path: Path
    field_name: str = "file"
    filename: str | None = None
    content_type: str | None = None
    boundary: str = field(default_factory=lambda: uuid.uuid4().hex)

    def __post_init__(self) -> None:
        self.path = Path(self.path)
        self.filename = self.filename or self.path.name
        guessed = mimetypes.guess_type(self.filename)[0]
        self.content_type = self.content_type or guessed or "application/octet-stream"
        self.file_size = os.stat(self.path).st_size
        disposition = f'form-data; name="{self.field_name}"; filename="{_quote(self.filename)}"'
        self._head = (
            f"--{self.boundary}\r\n"
            f"Content-Disposition: {disposition}\r\n"
            f"Content-Type: {self.content_type}\r\n\r\n"
        ).encode()
        self._tail = f"\r\n--{self.boundary}--\r\n".encode()

    @property
    def headers(self) -> dict[str, str]:
        return {
            "Content-Type": f"multipart/form-data; boundary={self.boundary}",
            "Content-Length": str(len(self._head) + self.file_size + len(self._tail)),
        }

    async def stream(self, progress: Progress | None = None) -> AsyncIterator[bytes]:
        """The body, fresh each call (so a safe retry can resend it)."""
        sent = 0
        yield self._head
        with open(self.path, "rb") as handle:
            while sent < self.file_size:
                want = min(CHUNK_SIZE, self.file_size - sent)  # never more than declared
                chunk = await asyncio.to_thread(handle.read, want)
                if not chunk:
                    break  # the file shrank while we read it; the length check will fail
                sent += len(chunk)
                if progress:
                    progress(sent, self.file_size)
                yield chunk
        yield self._tail
