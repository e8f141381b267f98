"""Uploading a new ticket's files, all at once, before the ticket is created.

A failed upload stops the send before the ticket is created, and every blob already
uploaded is kept on its `OutgoingFile`, so sending again uploads only what failed.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from tui.api import DeskproError, PermissionDeniedError
from tui.state.outgoing.files import OutgoingFile, check_file
from tui.state.service import HelpdeskService

Progress = Callable[[OutgoingFile], None]


class UploadsFailedError(DeskproError):
    """Some files could not be uploaded; the ticket was not created."""

    def __init__(self, failed: list[OutgoingFile], reasons: list[BaseException]) -> None:
        self.failed = failed
        # A 403 (e.g. blobs.post_temp) is not fixed by retrying: its hint says who can fix it.
        self.denied = any(isinstance(r, PermissionDeniedError) for r in reasons)
        grouped: dict[str, list[str]] = {}
        for file in failed:
            grouped.setdefault(file.error, []).append(file.name)
        parts = [f"{', '.join(names)}: {why}" for why, names in grouped.items()]
        super().__init__("Not sent: could not upload " + "; ".join(parts))

    @property
    def hint(self) -> str:  # type: ignore[override]
        if self.denied:
            return "Or remove the files (x) to send the ticket without them."
        return "Press r on a file to retry it or x to remove it, then ctrl+s to send again."


async def upload_file(service: HelpdeskService, file: OutgoingFile, on_progress: Progress) -> None:
    """Upload one file (unless it already is), keeping its state and progress current."""
    if file.blob is not None:
        return
    if problem := check_file(file.path, max_bytes=2**63):  # gone or unreadable since added
        file.state, file.error = "failed", problem
        on_progress(file)
        raise OSError(problem)

    def progress(sent: int, total: int) -> None:
        file.sent, file.size = sent, total
        on_progress(file)

    file.state, file.sent, file.error = "uploading", 0, ""
    on_progress(file)
    try:
        file.blob = await service.requests.call(
            lambda: service.client.upload_blob(
                file.path, progress, filename=file.name, content_type=file.content_type
            )
        )
    except (DeskproError, OSError) as exc:
        file.state, file.error = "failed", str(exc)
        on_progress(file)
        raise
    except asyncio.CancelledError:
        file.state, file.sent = "waiting", 0  # left mid-way: the next send starts it afresh
        on_progress(file)
        raise
    file.state = "uploaded"
    on_progress(file)


async def upload_files(
    service: HelpdeskService, files: list[OutgoingFile], on_progress: Progress
) -> None:
    """Upload what is not uploaded yet, all at once; `UploadsFailedError` names every file
    that failed, after all have finished (those that went keep their blobs)."""
    results = await asyncio.gather(
        *(upload_file(service, f, on_progress) for f in files), return_exceptions=True
    )
    failures = [(f, r) for f, r in zip(files, results, strict=True) if isinstance(r, Exception)]
    for _file, result in failures:
        if not isinstance(result, DeskproError | OSError):
            raise result  # a bug, not a failed upload: let it show
    if failures:
        raise UploadsFailedError([f for f, _ in failures], [r for _, r in failures])
