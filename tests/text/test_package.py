"""The package boundary: Textual-free, and the public names are all there."""

from __future__ import annotations

import tui.text


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
