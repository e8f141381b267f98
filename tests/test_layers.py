"""The layers, checked in fresh interpreters (other tests in this process import Textual):
the Textual-free core imports no Textual, configuration not even keyring or httpx, and no
layer imports one above it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

CHECK = """
import sys, {module}
bad = [m for m in sys.modules if m.split('.')[0] in {forbidden!r} or m in {forbidden!r}]
sys.exit(f'{module} imported {{sorted(bad)}}' if bad else 0)
"""

ABOVE_STATE = ("tui.screens", "tui.widgets", "tui.app", "tui.commands")

# module -> what importing it must not bring in
LAYERS = {
    "tui.api": ("textual", "tui.state", "tui.config", *ABOVE_STATE),
    "tui.state": ("textual", *ABOVE_STATE),
    "tui.text": ("textual",),
    "tui.config": ("textual", "keyring", "httpx"),
}


def imports(module: str, forbidden: tuple[str, ...]) -> subprocess.CompletedProcess[str]:
    code = CHECK.format(module=module, forbidden=forbidden)
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=REPO
    )


@pytest.mark.parametrize(("module", "forbidden"), LAYERS.items(), ids=list(LAYERS))
def test_a_layer_imports_nothing_above_it(module: str, forbidden: tuple[str, ...]) -> None:
    result = imports(module, forbidden)
    assert result.returncode == 0, result.stderr


def test_the_check_itself_can_fail() -> None:
    result = imports("tui.app", ("textual",))
    assert result.returncode != 0 and "tui.app imported" in result.stderr
