"""Every config test runs against its own DESKPRO_TUI_HOME under tmp_path.

Nothing reads or writes the real home directory, and tests can run in parallel.
"""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tui.config import AppPaths, FileStore

ENV_TO_CLEAR = ("DESKPRO_TUI_CONFIG", "DESKPRO_URL", "DESKPRO_API_KEY")


@pytest.fixture(autouse=True)
def app_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "app-home"
    monkeypatch.setenv("DESKPRO_TUI_HOME", str(home))
    monkeypatch.setenv("DESKPRO_TUI_SECRET_STORE", "file")
    for name in ENV_TO_CLEAR:
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture
def paths(app_home: Path) -> AppPaths:
    return AppPaths.from_env()


@pytest.fixture
def store(paths: AppPaths) -> FileStore:
    return FileStore(paths.secrets_dir)


@pytest.fixture
def api_key() -> str:
    return "4:G24M3K6Y3R3H8DN9B6QGH3NW4"


def file_mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)
