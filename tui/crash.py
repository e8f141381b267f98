"""Crash reports: a readable text file in the state dir, with the API key removed.

No Textual import at module level: the report is written while the app is failing, so it
must not depend on the UI still working (the Textual version is read if it is installed).
"""

from __future__ import annotations

import os
import platform
import re
import sys
import traceback
from collections.abc import Iterable
from datetime import datetime
from importlib import metadata
from pathlib import Path

from tui import __version__
from tui.config import AppPaths, ensure_private_dir, mask

# `Authorization: key 1:ABC...` / `token ...` anywhere in the text (a header dump, an
# exception message quoting a request): keep the scheme, drop the credential.
_AUTH_HEADER = re.compile(r"(?i)\b(authorization['\"]?\s*[:=]\s*['\"]?(?:key|token|bearer)\s+)\S+")
_SCHEME_VALUE = re.compile(r"(?i)\b((?:key|token)\s+)\d+:[A-Za-z0-9]{8,}")
# Anything shaped like a Deskpro key (`4:G24M3K6Y3R3H8DN9B6QGH3NW4`), e.g. one typed on the
# connect screen that the app was never told about.
_KEY_SHAPE = re.compile(r"\b\d+:[A-Za-z0-9]{16,}\b")
REDACTED = "[redacted]"

CRASH_MESSAGE = (
    "deskpro-tui crashed; a report (API key removed) is at {path}. Your drafts are kept."
)


def secrets_of(api_key: str | None) -> list[str]:
    """The strings to remove for one key: the whole key and its code part (after the colon)."""
    if not api_key:
        return []
    key = api_key.strip()
    code = key.partition(":")[2]
    return [s for s in (key, code) if s]


def redact(text: str, secrets: Iterable[str]) -> str:
    """`text` with each secret shown only masked, and header-looking credentials removed."""
    # Longest first, so the whole key is masked before its code part is searched for.
    for secret in sorted({s for s in secrets if s}, key=len, reverse=True):
        text = text.replace(secret, mask(secret))
    text = _AUTH_HEADER.sub(lambda m: m.group(1) + REDACTED, text)
    text = _SCHEME_VALUE.sub(lambda m: m.group(1) + REDACTED, text)
    return _KEY_SHAPE.sub(lambda m: mask(m.group(0)), text)


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "not installed"


def format_report(exc: BaseException, now: datetime) -> str:
    lines = [
        "deskpro-tui crash report",
        f"Time: {now.isoformat(timespec='seconds')}",
        f"deskpro-tui: {__version__}",
        f"Python: {sys.version.split()[0]} ({platform.python_implementation()})",
        f"Textual: {_version('textual')}",
        f"Platform: {platform.platform()}",
        "",
        "Traceback:",
        "".join(traceback.format_exception(exc)).rstrip(),
        "",
    ]
    return "\n".join(lines)


def write_crash_report(
    exc: BaseException, paths: AppPaths, secrets: list[str], now: datetime | None = None
) -> Path:
    """Write the report for `exc` as a 0600 file in the (0700) state dir; return its path."""
    now = now or datetime.now().astimezone()
    ensure_private_dir(paths.state_dir)
    stem = f"crash-{now:%Y%m%d-%H%M%S}"
    path = paths.state_dir / f"{stem}.txt"
    counter = 1
    while path.exists():  # two crashes in one second must not overwrite each other
        path = paths.state_dir / f"{stem}-{counter}.txt"
        counter += 1
    data = redact(format_report(exc, now), secrets).encode("utf-8", "replace")
    # O_EXCL + 0600 at creation: the report is never readable by others, even briefly.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    return path


def try_write_crash_report(
    exc: BaseException, paths: AppPaths | None, secrets: list[str]
) -> Path | None:
    """Like `write_crash_report`, but None instead of raising: failing to write the report
    must not hide the crash itself (Textual then shows its own traceback)."""
    if paths is None:
        return None
    try:
        return write_crash_report(exc, paths, secrets)
    except Exception:  # any failure here is secondary to the crash itself
        return None


def crash_message(path: Path) -> str:
    """What `run_app` prints once the terminal is back to normal."""
    return CRASH_MESSAGE.format(path=path)
