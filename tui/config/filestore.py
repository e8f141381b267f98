"""API keys in private files: one 0600 file per profile in a 0700 directory.

Used when no usable system keyring exists (typical over SSH), or when forced with
DESKPRO_TUI_SECRET_STORE=file.
"""

from __future__ import annotations

import logging
from pathlib import Path

from tui.config.errors import ConfigError
from tui.config.fileio import atomic_write_private, tighten_file
from tui.config.keys import clean_key
from tui.config.models import PROFILE_NAME, PROFILE_NAME_RULE
from tui.config.paths import ensure_private_dir

log = logging.getLogger(__name__)


class FileStore:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        # Things worth telling the user (e.g. a key file that was readable by others).
        self.warnings: list[str] = []

    def __repr__(self) -> str:
        return f"FileStore({str(self.directory)!r})"

    def location(self) -> str:
        return f"private key files in {self.directory}"

    def path_for(self, profile: str) -> Path:
        # The name becomes a file name: refuse anything that could escape the directory.
        if not PROFILE_NAME.fullmatch(profile):
            raise ConfigError(f"{profile!r} is not a valid profile name; {PROFILE_NAME_RULE}.")
        return self.directory / f"{profile}.key"

    def get(self, profile: str) -> str | None:
        path = self.path_for(profile)
        try:
            if tighten_file(path):
                # Someone (a backup restore, a cp) loosened it: fix it, but say so.
                ensure_private_dir(self.directory)
                self._warn(
                    f"The key file {path} was readable by other users; it is now private "
                    "(0600). If others could log in to this machine, consider revoking the key."
                )
            text = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(
                f"Cannot read the key file {path} ({getattr(exc, 'strerror', None) or exc}). "
                "Check its permissions, or delete it and connect again.",
                path=path,
            ) from None
        return text or None

    def set(self, profile: str, key: str) -> None:
        path = self.path_for(profile)
        atomic_write_private(path, (clean_key(key) + "\n").encode("utf-8"))

    def delete(self, profile: str) -> None:
        path = self.path_for(profile)
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise ConfigError(
                f"Cannot delete the key file {path} ({exc.strerror or exc}); delete it by hand.",
                path=path,
            ) from None

    def _warn(self, message: str) -> None:
        log.warning("%s", message)
        self.warnings.append(message)
