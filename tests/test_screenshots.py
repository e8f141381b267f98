"""The README's screenshots are what `python -m tui.screenshots` makes of the current app."""

from __future__ import annotations

from pathlib import Path

from tui import screenshots


def test_committed_screenshots_match_the_app(tmp_path: Path) -> None:
    assert screenshots.main([str(tmp_path)]) == 0
    fresh = sorted(p.name for p in tmp_path.glob("*.svg"))
    assert fresh == sorted(p.name for p in screenshots.OUTPUT.glob("*.svg"))
    stale = [
        name
        for name in fresh
        if (tmp_path / name).read_bytes() != (screenshots.OUTPUT / name).read_bytes()
    ]
    assert not stale, f"run `python -m tui.screenshots` to regenerate: {stale}"
