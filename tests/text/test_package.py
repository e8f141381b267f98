"""The package boundary: Textual-free, and the public names are all there."""

from __future__ import annotations

import subprocess
import sys

import tui.text


def test_importing_tui_text_does_not_import_textual() -> None:
    code = "import sys, tui.text; sys.exit('textual' in sys.modules)"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0


def test_public_api() -> None:
    assert set(tui.text.__all__) >= {
        "safe",
        "safe_multiline",
        "plain",
        "cell_width",
        "fit",
        "html_to_text",
        "message_text",
        "render_message",
        "markdown_to_html",
        "relative_time",
        "long_time",
    }
    for name in tui.text.__all__:
        assert hasattr(tui.text, name)
