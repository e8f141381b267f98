"""Streamed downloads of attachments to disk: safe names, no overwrite, atomic writes."""

from __future__ import annotations

import asyncio
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import httpx

from tui.api import models as m
from tui.api.error_mapping import error_from_exception, error_from_response

Progress = Callable[[int, int | None], None]
"""Called with (bytes received so far, total bytes if the server said)."""

_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')


def safe_filename(name: str, fallback: str = "attachment") -> str:
    """A server-sent filename reduced to a plain name that cannot leave its folder.

    `../../.bashrc` becomes `bashrc`; control and bidi/format characters are dropped.
    """
    name = unicodedata.normalize("NFC", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    name = _UNSAFE.sub("_", name).strip(" .")
    return _clip_bytes(name, 240) or fallback


def _clip_bytes(name: str, limit: int) -> str:
    """Shorten to `limit` UTF-8 bytes (file systems count bytes), keeping the extension."""
    if len(name.encode()) <= limit:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or len(ext.encode()) > 16:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    budget = limit - len(suffix.encode())
    while len(stem.encode()) > budget:
        stem = stem[:-1]
    return stem + suffix


def source_url(source: m.Attachment | m.Blob | str, helpdesk_url: str) -> tuple[httpx.URL, str]:
    """Where a file is fetched from (relative URLs resolve under the helpdesk) and its name."""
    blob = source.blob if isinstance(source, m.Attachment) else source
    url_text = blob.download_url if isinstance(blob, m.Blob) else blob
    url = httpx.URL(helpdesk_url).join(url_text)
    name = blob.filename if isinstance(blob, m.Blob) else url.path.rsplit("/", 1)[-1]
    return url, name


def target_path(dest: Path, filename: str) -> Path:
    """Where a download lands: inside `dest` when it is a folder, else `dest` itself."""
    dest = dest.expanduser()
    return dest / safe_filename(filename) if dest.is_dir() else dest


async def stream_to_file(
    http: httpx.AsyncClient,
    url: httpx.URL,
    target: Path,
    *,
    progress: Progress | None = None,
    overwrite: bool = False,
) -> Path:
    """Stream `url` into `target` through a temporary file renamed into place at the end."""
    if target.exists() and not overwrite:
        raise FileExistsError(f"{target} already exists; choose another name or allow overwrite.")
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=".part-", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as out:
            await _copy(http, url, out, progress)
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target


def _length(response: httpx.Response) -> int | None:
    value = response.headers.get("Content-Length", "")
    return int(value) if value.isdigit() else None


async def _copy(
    http: httpx.AsyncClient, url: httpx.URL, out: BinaryIO, progress: Progress | None
) -> None:
    try:
        async with http.stream("GET", url, follow_redirects=True) as response:
            if not response.is_success:
                await response.aread()
                raise error_from_response(response, method="GET")
            # Content-Length counts compressed bytes; we count decoded ones, so a
            # compressed download reports no total rather than passing 100%.
            encoded = response.headers.get("Content-Encoding", "identity") != "identity"
            total = None if encoded else _length(response)
            received = 0
            async for chunk in response.aiter_bytes():
                await asyncio.to_thread(out.write, chunk)
                received += len(chunk)
                if progress:
                    progress(received, total)
    except httpx.TransportError as exc:
        raise error_from_exception(exc, url, "GET") from exc
