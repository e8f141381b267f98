"""Command-line entry point: parse arguments, then hand over to the right mode.

Sub-commands are dispatched before the main parser so each keeps its own options
(and its own imports: `deskpro-tui --version` loads nothing heavy).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from tui import __version__


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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args and args[0] == "demo-server":
        from tui.demo.cli import main as demo_server_main

        return demo_server_main(args[1:])
    options = build_parser().parse_args(args)
    if options.demo:
        from tui.demo.cli import run_demo

        return run_demo()
    build_parser().print_help()
    return 0
