"""Private, atomic file writes shared by the settings file and the key files."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from pathlib import Path

from tui.config.errors import ConfigError
from tui.config.paths import ensure_private_dir


def atomic_write_private(path: Path, data: bytes, *, tighten_parent: bool = True) -> None:
    """Write `data` to `path` as a 0600 file, all or nothing.

    The bytes go to a temp file in the same directory (created 0600 by mkstemp, so the
    content is never readable by others, even briefly) and then os.replace() swaps it in:
    readers see the old file or the new one, never half of one.
    """
    if path.is_symlink():
        # Keep a user's symlink (e.g. into a dotfiles repo) and write through it.
        path = path.resolve()
    parent = path.parent
    if tighten_parent:
        ensure_private_dir(parent)
    else:
        parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(dir=parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, 0o600)
        os.replace(temp_name, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
        raise ConfigError(
            f"Cannot write {path}: {exc.strerror or exc}. Check the directory's permissions "
            "and free space.",
            path=path,
        ) from None


def tighten_file(path: Path) -> bool:
    """Make `path` 0600 if group or others can read it; True if it had to be changed."""
    if os.name != "posix":
        return False
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & 0o077:
        return False
    path.chmod(0o600)
    return True
