"""`tui.api` (and `tui.state`, if present) must import without Textual: usable headless."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]

CHECK = "import {module}, sys; assert 'textual' not in sys.modules, sorted(sys.modules)"


def imports_without_textual(module: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", CHECK.format(module=module)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        cwd=REPO,
    )


def test_api_imports_without_textual() -> None:
    result = imports_without_textual("tui.api")
    assert result.returncode == 0, result.stderr


def test_state_imports_without_textual() -> None:
    if importlib.util.find_spec("tui.state") is None:
        pytest.skip("tui.state does not exist (yet)")
    result = imports_without_textual("tui.state")
    assert result.returncode == 0, result.stderr


def test_the_check_itself_can_fail() -> None:
    result = imports_without_textual("textual")
    if importlib.util.find_spec("textual") is None:
        pytest.skip("textual is not installed")
    assert result.returncode != 0
    assert "AssertionError" in result.stderr
