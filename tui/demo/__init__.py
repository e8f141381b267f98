"""The embedded Deskpro-compatible demo helpdesk: Starlette routes over stdlib SQLite.

    with DemoServer(db=":memory:") as srv:     # loopback, free port, background thread
        httpx.get(srv.url + "/api/v2/tickets", headers={"Authorization": f"key {srv.api_key}"})

Layout: `server` (DemoServer, uvicorn runner), `cli` (`deskpro-tui demo-server`), `app`
(routes table, seeding on first open), `middleware` + `auth` + `limits` (what an API key
enforces: 401, agent switching → 403, 429, missing endpoints → 404, allow/disallow tags →
403, latency, faults, 413), `routes/` (handlers), `query`
(list parameters → SQL), `bodies` + `validate` (request bodies → clean values or
`invalid_input`), `writes` (tickets, messages, blobs), `repo` + `linked` (reads,
sideloading), `serialize` (rows → Deskpro JSON), `errors`, `db` (schema), `seed*` (data;
`facts` lists the ids tests may rely on).

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
