"""Shared fixtures for the security tests: isolated app directories and the demo key."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot

from tui.api import DeskproClient
from tui.config import AppPaths
from tui.demo import DemoServer
from tui.demo.config import DEFAULT_API_KEY
from tui.state import HelpdeskService

DEMO_KEY = DEFAULT_API_KEY
DEMO_CODE = DEMO_KEY.split(":", 1)[1]  # the secret part: never in full anywhere


@pytest.fixture
def paths(tmp_path: Path) -> AppPaths:
    """Every app directory under the test's tmp dir (nothing created yet)."""
    return AppPaths.from_env({"DESKPRO_TUI_HOME": str(tmp_path / "home")})


def file_mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


async def until(
    pilot: Pilot[object], check: Callable[[], object], what: str, timeout: float = 15.0
) -> None:
    """Let the app run until `check()` is true; fail with `what` if it never becomes so."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for: {what}")
        await pilot.pause(0.02)


def demo_service(server: DemoServer) -> HelpdeskService:
    return HelpdeskService(DeskproClient(server.url, server.api_key))
