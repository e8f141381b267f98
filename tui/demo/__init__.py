"""The embedded Deskpro-compatible demo helpdesk: Starlette routes over stdlib SQLite.

    with DemoServer(db=":memory:") as srv:     # loopback, free port, background thread
        httpx.get(srv.url + "/api/v2/tickets", headers={"Authorization": f"key {srv.api_key}"})

Layout: `server/` (the HTTP side: DemoServer and uvicorn, routes, what an API key enforces,
queries, writes), `seed/` (the data: hand-shaped tickets, conversations, bulk generation),
and beside them what both use: `db` (schema), `dates`, `statuses`, `text`, `files`, `config`
(DemoConfig), `cli` (`deskpro-tui demo-server`) and `facts` (the ids tests may rely on).

`from tui.demo import DemoServer` is lazy so importing `tui.demo` stays cheap.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.demo.server.runner import DemoServer

__all__ = ["DemoServer"]


def __getattr__(name: str) -> Any:
    if name == "DemoServer":
        from tui.demo.server.runner import DemoServer

        return DemoServer
    raise AttributeError(f"module 'tui.demo' has no attribute {name!r}")
