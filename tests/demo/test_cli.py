"""`deskpro-tui demo-server --port 0` prints its URL and key first, then serves."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator

import httpx
import pytest

from tui.demo.cli import build_parser, config_from
from tui.demo.config import DemoConfig


@pytest.fixture
def demo_process() -> Iterator[subprocess.Popen[str]]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "demo-server", "--port", "0", "--db", ":memory:"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
    )
    yield process
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def test_prints_two_lines_then_answers(demo_process: subprocess.Popen[str]) -> None:
    assert demo_process.stdout is not None
    first, second = demo_process.stdout.readline(), demo_process.stdout.readline()
    assert first.startswith("DESKPRO_URL=http://127.0.0.1:")
    assert second.startswith("DESKPRO_API_KEY=")
    url, key = first.strip().split("=", 1)[1], second.strip().split("=", 1)[1]
    response = httpx.get(
        f"{url}/api/v2/tickets",
        params={"status": "resolved", "count": 5},
        headers={"Authorization": f"key {key}"},
        timeout=30,  # the socket listens at once; the first answer waits for the seeding
    )
    assert response.status_code == 200
    data = response.json()["data"]
    assert len(data) == 5 and {t["status"] for t in data} == {"resolved"}


def test_ctrl_c_stops_cleanly(demo_process: subprocess.Popen[str]) -> None:
    assert demo_process.stdout is not None
    url = demo_process.stdout.readline().strip().removeprefix("DESKPRO_URL=")
    demo_process.stdout.readline()
    # Serving: the lines come before uvicorn is up, and this is about stopping a running
    # server (a Ctrl+C in uvicorn's first milliseconds can end it by the signal, -2).
    assert httpx.get(f"{url}/api/v2/helpdesk/discover", timeout=15).status_code == 200
    demo_process.send_signal(signal.SIGINT)
    assert demo_process.wait(timeout=15) == 0
    assert demo_process.stdout.read() == ""  # logs go to stderr, never after the two lines


def test_options_map_to_the_config() -> None:
    options = build_parser().parse_args(
        ["--db", ":memory:", "--tickets", "500", "--api-key", "4:ABC", "--disallow",
         "*.delete, blobs.post_temp", "--hourly-limit", "100", "--latency", "250",
         "--fail-rate", "0.1", "--fail-seed", "3", "--max-upload-mb", "1",
         "--allow", "me.get,tickets.tickets.list, tickets.tickets.get",
         "--missing", "people.agent_teams.*,/api/v2/ticket_custom_fields",
         "--no-retry-after"]
    )  # fmt: skip
    config = config_from(options)
    assert config.tickets == 500 and config.api_key == "4:ABC"
    assert config.disallow == ("*.delete", "blobs.post_temp")
    assert config.allow == ("me.get", "tickets.tickets.list", "tickets.tickets.get")
    assert config.missing == ("people.agent_teams.*", "/api/v2/ticket_custom_fields")
    assert config.retry_after is False
    assert (config.hourly_limit, config.latency_ms, config.fail_rate) == (100, 250, 0.1)
    assert config.max_upload_bytes == 1024 * 1024
    assert build_parser().parse_args([]).host == "127.0.0.1"


def test_defaults_are_an_unrestricted_key() -> None:
    config = config_from(build_parser().parse_args([]))
    assert config.allow == ("*",) and config.disallow == () and config.missing == ()
    assert config.retry_after is True and config.hourly_limit is None
    assert config == DemoConfig(db=config.db)  # the CLI and DemoServer agree


def test_help_lists_the_key_settings() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tui", "demo-server", "--help"],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for flag in ("--allow", "--disallow", "--missing", "--hourly-limit", "--no-retry-after"):
        assert flag in result.stdout


@pytest.mark.parametrize(
    "args", [["--api-key", "nocolon"], ["--fail-rate", "2"], ["--allow", ""], ["--allow", " , "]]
)
def test_bad_options_are_refused(args: list[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(args)
