"""Running the app: with a connection, or beside a freshly started demo helpdesk."""

from __future__ import annotations

import logging
import sys

from tui.config import AppPaths, ConnectionSpec, SecretStore, Settings, ensure_private_dir

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


def run_app(
    spec: ConnectionSpec | None,
    paths: AppPaths,
    settings: Settings,
    store: SecretStore | None = None,
    label: str | None = None,
) -> int:
    from tui.app import DeskproApp
    from tui.crash import crash_message, secrets_of, try_write_crash_report
    from tui.session import build_service

    start_logging(paths)
    secrets = secrets_of(spec.api_key) if spec else []
    service = build_service(spec, paths) if spec else None
    if service is not None:
        service.label = label
    app = DeskproApp(
        service,
        settings=settings,
        paths=paths,
        store=store,
        warnings=spec.warnings if spec else None,
        secrets=secrets,
    )
    try:
        app.run()
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


def run_demo(paths: AppPaths, settings: Settings) -> int:
    """Start the demo helpdesk (its tickets kept in the data dir), run the app against it,
    stop the server when the app exits."""
    from tui.demo import DemoServer

    ensure_private_dir(paths.data_dir)
    with DemoServer(db=str(paths.data_dir / "demo.sqlite3")) as server:
        spec = ConnectionSpec(url=server.url, api_key=server.api_key, profile=None)
        return run_app(spec, paths, settings, label="demo helpdesk")
