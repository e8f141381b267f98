"""The embedded Deskpro-compatible demo helpdesk (Starlette + SQLite).

`from tui.demo import DemoServer` is lazy so importing `tui.demo` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.demo.server import DemoServer

__all__ = ["DemoServer"]


def __getattr__(name: str) -> Any:
    if name == "DemoServer":
        from tui.demo.server import DemoServer

        return DemoServer
    raise AttributeError(f"module 'tui.demo' has no attribute {name!r}")
