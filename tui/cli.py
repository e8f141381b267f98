"""Command-line entry point: parse arguments, then hand over to the right mode.

`deskpro-tui --version` and `--help` load nothing heavy; the demo server's sub-command
keeps its own options.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui import __version__
from tui.startup import process


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="deskpro-tui",
        description="A keyboard-first terminal client for the Deskpro helpdesk.",
        epilog="Run `deskpro-tui demo-server --help` for the standalone demo helpdesk.",
    )
    parser.add_argument("--version", action="version", version=f"deskpro-tui {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help="start the embedded demo helpdesk on loopback and connect to it",
    )
    from tui.demo.cli import ACTIVITY_HELP, positive_seconds

    parser.add_argument(
        "--simulate-activity",
        type=positive_seconds,
        metavar="SECONDS",
        help=f"with --demo: {ACTIVITY_HELP}",
    )
    parser.add_argument("--url", help="helpdesk URL (env DESKPRO_URL); not saved")
    parser.add_argument("--api-key", help="API key ID:CODE (env DESKPRO_API_KEY); not saved")
    parser.add_argument("--profile", help="use this saved profile instead of the default")
    parser.add_argument(
        "--paths",
        action="store_true",
        help="show where configuration, keys, drafts and caches live",
    )
    return parser


def _fail(message: str) -> int:
    print(f"deskpro-tui: {message}", file=sys.stderr)
    return 2


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "demo-server":
        from tui.demo.cli import main as demo_server_main

        return demo_server_main(args[1:])
    parser = build_parser()
    options = parser.parse_args(args)
    if options.simulate_activity is not None and not options.demo:
        parser.error("--simulate-activity works only with --demo")
    tls = None
    if not options.paths:  # the app is going to run: set the process up to start fast
        process.prepare()
        from tui.startup import preload

        tls = preload.tls_context()  # in a thread, while the rest is imported
    from tui.config import AppPaths, ConfigError, default_store, load_settings

    paths = AppPaths.from_env()
    try:
        settings = load_settings(paths)
        store = default_store(paths)
    except ConfigError as exc:
        return _fail(str(exc))
    if options.paths:
        for label, where in paths.describe(store.location()):
            print(f"{label + ':':<32}{where}")
        return 0
    if options.demo:
        from tui.startup.launch import run_demo

        return run_demo(paths, settings, tls, simulate_activity=options.simulate_activity)
    from tui.config import resolve_connection

    try:
        spec = resolve_connection(options.url, options.api_key, options.profile, settings, store)
    except ConfigError as exc:
        return _fail(str(exc))
    from tui.startup.launch import run_app

    return run_app(spec, paths, settings, store, tls=tls)
