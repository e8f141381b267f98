"""Where deskpro-tui keeps its files, and how to create its private directories.

Everything comes from platformdirs unless overridden:
- `DESKPRO_TUI_CONFIG` points at a different config file;
- `DESKPRO_TUI_HOME` puts every directory under one root (config/ data/ cache/ state/),
  which is how tests, screenshots and benchmarks stay isolated from the real home dir.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

from tui.config.errors import ConfigError

APP_NAME = "deskpro-tui"
CONFIG_FILE_NAME = "config.toml"
ENV_CONFIG = "DESKPRO_TUI_CONFIG"
ENV_HOME = "DESKPRO_TUI_HOME"


def _absolute(value: str) -> Path:
    # Absolute now, so a later chdir cannot move the files.
    return Path(os.path.abspath(os.path.expanduser(value)))


@dataclass(frozen=True)
class AppPaths:
    config_file: Path
    config_dir: Path
    data_dir: Path  # drafts, demo database
    cache_dir: Path  # cached ticket queues; safe to delete
    state_dir: Path  # logs, crash reports
    secrets_dir: Path  # API key files, when the system keyring is not used

    @property
    def templates_dir(self) -> Path:
        """The agent's own reply templates (`*.md`), beside the config file so that they
        move with it (a `DESKPRO_TUI_CONFIG` elsewhere brings its templates along)."""
        return self.config_file.parent / "templates"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] = os.environ) -> AppPaths:
        home = environ.get(ENV_HOME, "").strip()
        if home:
            root = _absolute(home)
            config_dir, data_dir = root / "config", root / "data"
            cache_dir, state_dir = root / "cache", root / "state"
        else:
            # appauthor=False: no "deskpro-tui\deskpro-tui" nesting on Windows.
            dirs = PlatformDirs(APP_NAME, appauthor=False, ensure_exists=False)
            config_dir, data_dir = dirs.user_config_path, dirs.user_data_path
            cache_dir, state_dir = dirs.user_cache_path, dirs.user_state_path
        override = environ.get(ENV_CONFIG, "").strip()
        config_file = _absolute(override) if override else config_dir / CONFIG_FILE_NAME
        return cls(
            config_file=config_file,
            config_dir=config_dir,
            data_dir=data_dir,
            cache_dir=cache_dir,
            state_dir=state_dir,
            secrets_dir=config_dir / "secrets",
        )

    def describe(self, secrets_location: str | None = None) -> list[tuple[str, str]]:
        """(label, location) lines for `deskpro-tui --paths`.

        `secrets_location` is the chosen store's `location()`; it defaults to the key-file dir.
        """
        return [
            ("Config file", str(self.config_file)),
            ("Config directory", str(self.config_dir)),
            ("API keys", secrets_location or str(self.secrets_dir)),
            ("Reply templates (*.md)", str(self.templates_dir)),
            ("Data (drafts, demo helpdesk)", str(self.data_dir)),
            ("Cache (ticket queues)", str(self.cache_dir)),
            ("State (logs, crash reports)", str(self.state_dir)),
        ]


def ensure_private_dir(path: Path) -> Path:
    """Create `path` (and parents) with mode 0700, tightening it if it exists and is ours.

    Another user's directory is left alone: chmod would fail, and it is not ours to change.
    """
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise ConfigError(
            f"Cannot create the directory {path}: {exc.strerror or exc}. "
            "Check its permissions, or set DESKPRO_TUI_HOME to a directory you can write.",
            path=path,
        ) from None
    if os.name == "posix":
        info = path.stat()
        if info.st_uid == os.getuid() and stat.S_IMODE(info.st_mode) & 0o077:
            path.chmod(0o700)
    return path
