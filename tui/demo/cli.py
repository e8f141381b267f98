"""`deskpro-tui demo-server ...` (the demo helpdesk alone) and `deskpro-tui --demo`.

The first two lines on stdout are always `DESKPRO_URL=...` and `DESKPRO_API_KEY=...`, so
`eval "$(deskpro-tui demo-server --port 0 | head -2)"` works; logs go to stderr.

Flags shape the helpdesk like a real one's set-up: the key's `--allow` and `--disallow`
tags (403), endpoints it lacks (`--missing`, 404), an `--hourly-limit` (429, with or
without `Retry-After`), and a bad network (`--latency`, `--fail-rate`);
`--simulate-activity` makes it busy.
"""

from __future__ import annotations

import argparse
import logging
import math
import re
import sys
from collections.abc import Sequence

from tui.demo.config import DEFAULT_API_KEY, DemoConfig, default_db_path


def _api_key(value: str) -> str:
    if not re.fullmatch(r"\d+:[A-Za-z0-9]+", value):
        raise argparse.ArgumentTypeError("expected ID:CODE, e.g. 4:G24M3K6Y3R3H8DN9B6QGH3NW4")
    return value


def _rate(value: str) -> float:
    rate = float(value)
    if not 0.0 <= rate <= 1.0:
        raise argparse.ArgumentTypeError("expected a fraction between 0 and 1")
    return rate


def positive_seconds(value: str) -> float:
    """`--simulate-activity`'s SECONDS: a number above 0 (also used by `deskpro-tui`)."""
    try:
        seconds = float(value)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds > 0):
        raise argparse.ArgumentTypeError(f"expected a number of seconds above 0, not {value!r}")
    return seconds


ACTIVITY_HELP = (
    "every SECONDS something happens on the helpdesk: a customer replies on one of the "
    "key agent's tickets, a colleague assigns one to them, or a new ticket arrives"
)


def _patterns(value: str) -> tuple[str, ...]:
    """A comma list of glob patterns: `'*.delete, blobs.post_temp'`."""
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _allow_patterns(value: str) -> tuple[str, ...]:
    patterns = _patterns(value)
    if not patterns:
        raise argparse.ArgumentTypeError("expected at least one tag pattern, e.g. '*'")
    return patterns


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="deskpro-tui demo-server",
        description="Run the Deskpro-compatible demo helpdesk on its own.",
        epilog="--tickets and --seed apply when the database is created; --reset re-seeds it.",
    )
    p.add_argument("--host", default="127.0.0.1", help="interface to bind (default loopback)")
    p.add_argument("--port", type=int, default=8080, help="port; 0 picks a free one")
    p.add_argument("--db", default=None, help=f"SQLite file or :memory: ({default_db_path()})")
    p.add_argument("--tickets", type=int, default=None, help="generate N tickets (scale tests)")
    p.add_argument("--seed", type=int, default=1, help="seed of the generated data")
    p.add_argument("--reset", action="store_true", help="wipe the database and seed it again")
    p.add_argument("--api-key", type=_api_key, default=DEFAULT_API_KEY, metavar="ID:CODE")
    p.add_argument(
        "--allow",
        type=_allow_patterns,
        default="*",
        metavar="TAGS",
        help="comma list of the API tags the key may use (globs, default '*'); any other tag "
        "answers 403, e.g. 'me.get,tickets.*'",
    )
    p.add_argument(
        "--disallow",
        type=_patterns,
        default="",
        metavar="TAGS",
        help="comma list of API tags to refuse with 403, e.g. '*.delete' (wins over --allow)",
    )
    p.add_argument(
        "--missing",
        type=_patterns,
        default="",
        metavar="PATTERNS",
        help="comma list of endpoints this helpdesk lacks, as API tags or paths (globs), e.g. "
        "'people.agent_teams.*,/api/v2/ticket_custom_fields': they answer 404",
    )
    p.add_argument(
        "--hourly-limit",
        type=int,
        default=None,
        metavar="N",
        help="answer 429 after N requests in an hour",
    )
    p.add_argument(
        "--no-retry-after",
        dest="retry_after",
        action="store_false",
        help="send the hourly limit's 429 without a Retry-After header (as Deskpro may)",
    )
    p.add_argument("--latency", type=int, default=0, metavar="MS", help="delay every answer")
    p.add_argument(
        "--fail-rate",
        type=_rate,
        default=0.0,
        metavar="P",
        help="fail this fraction of API requests (502, 503 or dropped)",
    )
    p.add_argument("--fail-seed", type=int, default=0, help="seed of the failure sequence")
    p.add_argument("--max-upload-mb", type=float, default=100.0, help="upload size limit")
    p.add_argument(
        "--simulate-activity",
        type=positive_seconds,
        default=None,
        metavar="SECONDS",
        help=ACTIVITY_HELP + " (one log line on stderr each)",
    )
    return p  # fmt: skip


def config_from(options: argparse.Namespace) -> DemoConfig:
    return DemoConfig(
        db=options.db or str(default_db_path()),
        tickets=options.tickets,
        api_key=options.api_key,
        allow=options.allow,
        disallow=options.disallow,
        missing=options.missing,
        hourly_limit=options.hourly_limit,
        retry_after=options.retry_after,
        latency_ms=options.latency,
        fail_rate=options.fail_rate,
        fail_seed=options.fail_seed,
        seed=options.seed,
        max_upload_bytes=int(options.max_upload_mb * 1024 * 1024),
        reset=options.reset,
        simulate_activity=options.simulate_activity,
    )


def announce(url: str, api_key: str) -> None:
    """The two documented lines; the only place the key is ever printed."""
    print(f"DESKPRO_URL={url}")
    print(f"DESKPRO_API_KEY={api_key}", flush=True)


def main(argv: Sequence[str]) -> int:
    options = build_parser().parse_args(list(argv))
    try:
        return _serve(options)
    except KeyboardInterrupt:  # Ctrl+C while seeding, or re-raised by uvicorn after shutdown
        return 0


def _serve(options: argparse.Namespace) -> int:
    config = config_from(options)
    from tui.demo.server.app import create_app
    from tui.demo.server.runner import bind_socket, make_uvicorn, url_for

    try:
        sock = bind_socket(options.host, options.port)
    except OSError as exc:
        print(f"deskpro-tui demo-server: cannot listen on {options.host}:{options.port}: {exc}",
              file=sys.stderr)  # fmt: skip
        return 2
    announce(url_for(sock), config.api_key)
    _log_activity_to_stderr()
    make_uvicorn(create_app(config), standalone=True).run(sockets=[sock])
    return 0


def _log_activity_to_stderr() -> None:
    """One line per simulated event, in uvicorn's style (never on stdout)."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))
    logger = logging.getLogger("tui.demo.activity")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
