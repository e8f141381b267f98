"""`DemoServer`: the demo helpdesk on a loopback port, in a background thread.

The listening socket is bound before the thread starts, so the port is known at once and
early connections simply wait in the backlog; `start()` then waits for uvicorn's startup
event rather than sleeping.
"""

from __future__ import annotations

import asyncio
import copy
import socket
import threading
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any, TypeVar

import uvicorn

from tui.demo.config import DEFAULT_API_KEY, DEFAULT_MAX_UPLOAD_BYTES, DemoConfig
from tui.demo.dates import now_ts, to_ts
from tui.demo.db import Database

STARTUP_TIMEOUT = 30.0
CALL_TIMEOUT = 10.0
T = TypeVar("T")


def bind_socket(host: str = "127.0.0.1", port: int = 0) -> socket.socket:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    # IPPROTO_TCP explicitly: asyncio only sets TCP_NODELAY on accepted sockets whose proto
    # says TCP, and without it small answers wait ~40 ms on Nagle and delayed ACKs.
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, port))
    sock.listen(128)
    sock.setblocking(False)
    return sock


def url_for(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(host, host)
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


class ReadyServer(uvicorn.Server):
    """uvicorn's server, signalling a thread-safe event once it listens (or gives up)."""

    def __init__(self, config: uvicorn.Config) -> None:
        super().__init__(config)
        self.ready = threading.Event()
        self.loop: asyncio.AbstractEventLoop | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        self.loop = asyncio.get_running_loop()
        await super().startup(sockets=sockets)
        self.ready.set()

    def run(self, sockets: list[socket.socket] | None = None) -> None:
        try:
            super().run(sockets=sockets)
        finally:
            self.ready.set()  # never leave a waiter hanging if startup failed


def _stderr_logging() -> dict[str, Any]:
    """uvicorn's logging setup, with access lines on stderr: stdout carries only the two
    `DESKPRO_*=` lines, so `| head -2` or an unread pipe never blocks the server."""
    config = copy.deepcopy(uvicorn.config.LOGGING_CONFIG)
    config["handlers"]["access"]["stream"] = "ext://sys.stderr"
    return config


def make_uvicorn(app: Any, *, standalone: bool = False) -> ReadyServer:
    """A server for `app`. Standalone (the CLI) it logs requests to stderr the uvicorn way;
    embedded (beside the TUI) it leaves the process's logging configuration alone."""
    config = uvicorn.Config(
        app,
        lifespan="on",  # the app's lifespan runs --simulate-activity
        log_config=_stderr_logging() if standalone else None,
        log_level="info" if standalone else "warning",
        access_log=standalone,
        timeout_graceful_shutdown=2,
        # As long as nginx keeps idle connections: a client reusing one just as the server
        # closes it loses the answer (a write then looks lost, and is looked for).
        timeout_keep_alive=75,
        server_header=False,
    )
    return ReadyServer(config)


class DemoServer:
    """`with DemoServer(db=":memory:") as srv: httpx.get(srv.url + "/api/v2/me", ...)`.

    `tickets=None` seeds the ~150 hand-shaped tickets, `tickets=N` generates N; `seed` and
    `now` (the anchor of seeded dates) make the data reproducible. The other options are
    those of `deskpro-tui demo-server` (see `DemoConfig`). `url` has no trailing slash.
    `lock_as` locks a ticket as another agent; `call` runs any change on the database.
    """

    def __init__(
        self,
        db: str = ":memory:",
        tickets: int | None = None,
        api_key: str | None = None,
        disallow: tuple[str, ...] | list[str] = (),
        hourly_limit: int | None = None,
        allow: tuple[str, ...] | list[str] = ("*",),
        missing: tuple[str, ...] | list[str] = (),
        retry_after: bool = True,
        latency_ms: int = 0,
        fail_rate: float = 0.0,
        seed: int = 1,
        max_upload_bytes: int = DEFAULT_MAX_UPLOAD_BYTES,
        now: datetime | None = None,
        fail_seed: int = 0,
        host: str = "127.0.0.1",
        port: int = 0,
        simulate_activity: float | None = None,
    ) -> None:
        self.config = DemoConfig(
            db=db, tickets=tickets, api_key=api_key or DEFAULT_API_KEY,
            allow=tuple(allow), disallow=tuple(disallow), missing=tuple(missing),
            hourly_limit=hourly_limit, retry_after=retry_after, latency_ms=latency_ms,
            fail_rate=fail_rate, fail_seed=fail_seed, seed=seed, now=now,
            max_upload_bytes=max_upload_bytes, simulate_activity=simulate_activity,
        )  # fmt: skip
        self.host, self.port = host, port
        self.url = ""
        self.api_key = self.config.api_key
        self._server: ReadyServer | None = None
        self._thread: threading.Thread | None = None
        self._db: Database | None = None

    def start(self) -> DemoServer:
        from tui.demo.server.app import create_app, open_database

        self._db = open_database(self.config)
        sock = bind_socket(self.host, self.port)
        self.url = url_for(sock)
        self._server = make_uvicorn(create_app(self.config, self._db))
        self._thread = threading.Thread(
            target=self._server.run, kwargs={"sockets": [sock]}, name="demo-helpdesk", daemon=True
        )
        self._thread.start()
        self._server.ready.wait(STARTUP_TIMEOUT)
        if not self._server.started:
            self.stop()
            raise RuntimeError("the demo helpdesk failed to start")
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.should_exit = True
        if self._thread is not None:
            self._thread.join(timeout=10)
            self._thread = None
        if self._db is not None:
            self._db.close()
            self._db = None

    def call(self, change: Callable[[Database], T]) -> T:
        """`change(db)` run on the server's own thread, between two requests (no handler
        sees half of it): for tests that change the helpdesk behind the API's back."""
        server, db = self._server, self._db
        if server is None or server.loop is None or db is None:
            raise RuntimeError("the demo helpdesk is not running")

        async def run() -> T:
            return change(db)

        return asyncio.run_coroutine_threadsafe(run(), server.loop).result(CALL_TIMEOUT)

    def lock_as(self, ticket_id: int, agent_id: int, at: datetime | None = None) -> None:
        """Lock a ticket as another agent (the API locks only as the key's agent), taken at
        `at` (default now; more than `locks.LOCK_SECONDS` ago makes an expired lock)."""
        from tui.demo.server.writes import set_lock

        when = now_ts() if at is None else to_ts(at)
        self.call(lambda db: set_lock(db, ticket_id, agent_id, when))

    def __enter__(self) -> DemoServer:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:  # never shows the key
        return f"DemoServer(url={self.url!r}, db={self.config.db!r})"
