"""Shared fixtures for the security tests: isolated app directories and the demo key."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.config import AppPaths
from tui.demo.config import DEFAULT_API_KEY

DEMO_KEY = DEFAULT_API_KEY
DEMO_CODE = DEMO_KEY.split(":", 1)[1]  # the secret part: never in full anywhere


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """Every app directory under the test's tmp dir (nothing created yet)."""
    return AppPaths.from_env({"DESKPRO_TUI_HOME": str(tmp_path / "home")})


def file_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777
