from __future__ import annotations

import subprocess
import sys


def test_config_imports_neither_textual_nor_keyring() -> None:
    # A fresh interpreter: other tests in this process may have imported Textual already.
    code = (
        "import sys, tui.config; "
        "bad = [m for m in ('textual', 'keyring', 'httpx') if m in sys.modules]; "
        "sys.exit(f'imported {bad}' if bad else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
