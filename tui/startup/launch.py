"""Running the app: with a connection, or beside a freshly started demo helpdesk."""

from __future__ import annotations

import asyncio
import logging
import sys
from typing import TYPE_CHECKING

from tui.config import AppPaths, ConnectionSpec, SecretStore, Settings, ensure_private_dir

if TYPE_CHECKING:
    from tui.app import DeskproApp
    from tui.startup.preload import TLSLoading
    from tui.state import HelpdeskService

LOG_FILE = "deskpro-tui.log"


def start_logging(paths: AppPaths) -> None:
    """Warnings and failures go to a file in the state dir (the screen belongs to the UI).
    The API client never logs headers, so the key cannot end up here."""
    ensure_private_dir(paths.state_dir)
    logging.basicConfig(
        filename=paths.state_dir / LOG_FILE,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )


def open_app(
    service: HelpdeskService | None,
    settings: Settings,
    paths: AppPaths | None,
    *,
    store: SecretStore | None = None,
    warnings: list[str] | None = None,
    secrets: list[str] | None = None,
) -> DeskproApp:
    """The app, its first requests (`/me`, the first page) queued to go out on the event
    loop's first turn: the helpdesk answers them while Textual starts the app (reads its
    styles, builds the screen), rather than after. Call it with the loop running."""
    if service is not None:
        service.start_early()
    from tui.app import DeskproApp

    return DeskproApp(
        service, settings=settings, paths=paths, store=store, warnings=warnings, secrets=secrets
    )


def run_app(
    spec: ConnectionSpec | None,
    paths: AppPaths,
    settings: Settings,
    store: SecretStore | None = None,
    label: str | None = None,
    tls: TLSLoading | None = None,
) -> int:
    from tui.crash import crash_message, secrets_of, try_write_crash_report
    from tui.startup.session import build_service

    start_logging(paths)
    secrets = secrets_of(spec.api_key) if spec else []
    service = build_service(spec, paths, tls) if spec else None
    if service is not None:
        service.label = label

    async def run() -> DeskproApp:
        app = open_app(
            service,
            settings,
            paths,
            store=store,
            warnings=spec.warnings if spec else None,
            secrets=secrets,
        )
        await app.run_async()
        return app

    try:
        app = asyncio.run(run())
    except Exception as exc:
        # A failure outside Textual's message loop (the driver, the terminal).
        report = try_write_crash_report(exc, paths, secrets)
        if report is None:
            raise
        print(crash_message(report), file=sys.stderr)
        return 1
    if app.crash_report is not None:
        print(crash_message(app.crash_report), file=sys.stderr)
        return 1
    return app.return_code or 0


def run_demo(
    paths: AppPaths,
    settings: Settings,
    tls: TLSLoading | None = None,
    simulate_activity: float | None = None,
) -> int:
    """Start the demo helpdesk (its tickets kept in the data dir), run the app against it,
    stop the server when the app exits. With `simulate_activity`, something happens on
    the helpdesk every that many seconds (logged to the log file, not the screen)."""
    from tui.demo import DemoServer

    ensure_private_dir(paths.data_dir)
    db = str(paths.data_dir / "demo.sqlite3")
    with DemoServer(db=db, simulate_activity=simulate_activity) as server:
        spec = ConnectionSpec(url=server.url, api_key=server.api_key, profile=None)
        return run_app(spec, paths, settings, label="demo helpdesk", tls=tls)
