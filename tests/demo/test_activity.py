"""`--simulate-activity`: one event at a time, each through the API's own writes."""

from __future__ import annotations

import logging
import os
import queue
import random
import signal
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tui import cli as app_cli
from tui.demo import DemoServer, facts
from tui.demo.cli import build_parser, config_from
from tui.demo.config import DemoConfig
from tui.demo.db import Database
from tui.demo.server import activity
from tui.demo.server.app import open_database

NOW = 1_900_000_000  # after every seeded date
ACTIVE = ("live", "awaiting_agent", "awaiting_user", "pending")
MakeServer = Callable[..., DemoServer]
ClientOf = Callable[[DemoServer], httpx.Client]


@pytest.fixture
def db() -> Iterator[Database]:
    database = open_database(DemoConfig())
    yield database
    database.close()


def ticket(db: Database, ticket_id: int) -> Any:
    return db.row("SELECT * FROM tickets WHERE id = ?", (ticket_id,))


def test_a_requester_replies(db: Database) -> None:
    before = {r["id"]: r for r in db.rows("SELECT * FROM tickets WHERE agent = 1")}
    said = activity.requester_replies(db, random.Random(3), NOW, facts.ADMIN_ID)
    assert said is not None and " replied on #" in said
    ticket_id = int(said.split("#")[1].split()[0])
    old, new = before[ticket_id], ticket(db, ticket_id)
    assert old["status"] in ACTIVE and new["status"] == "awaiting_agent"
    last = db.row("SELECT * FROM messages WHERE ticket = ? ORDER BY id DESC", (ticket_id,))
    assert (last["person"], last["is_note"], last["date_created"]) == (new["person"], 0, NOW)
    assert new["date_last_user_reply"] == new["date_last_reply"] == NOW
    assert new["count_user_replies"] == old["count_user_replies"] + 1
    assert new["date_status"] == (old["date_status"] if old["status"] == "awaiting_agent" else NOW)


def test_a_colleague_assigns_a_ticket_to_the_key_agent(db: Database) -> None:
    said = activity.colleague_assigns(db, random.Random(1), NOW, facts.ADMIN_ID)
    assert said is not None and " assigned #" in said and said.endswith(" to Admin")
    ticket_id = int(said.split("#")[1].split()[0])
    row = ticket(db, ticket_id)
    assert row["agent"] == facts.ADMIN_ID and row["status"] in ACTIVE
    assert row["date_first_agent_assign"] is not None


def test_no_unassigned_ticket_means_nothing_to_assign(db: Database) -> None:
    db.execute("UPDATE tickets SET agent = 42 WHERE agent IS NULL")
    assert activity.colleague_assigns(db, random.Random(1), NOW, facts.ADMIN_ID) is None


def test_a_customer_opens_a_ticket(db: Database) -> None:
    last_id = db.scalar("SELECT MAX(id) FROM tickets")
    said = activity.new_ticket_arrives(db, random.Random(5), NOW, facts.ADMIN_ID)
    row = ticket(db, last_id + 1)
    assert said.endswith(repr(row["subject"])) and f"#{row['id']}" in said
    assert row["agent"] == facts.ADMIN_ID and row["status"] == "awaiting_agent"
    assert row["date_created"] == NOW and row["creation_system"] == "gateway.email"
    customer = db.row("SELECT * FROM people WHERE id = ?", (row["person"],))
    assert not customer["is_agent"] and customer["date_created"] < NOW  # an existing customer
    [message] = db.rows("SELECT * FROM messages WHERE ticket = ?", (row["id"],))
    assert message["person"] == row["person"] and "$customer" not in message["html"]


def test_the_same_seed_makes_the_same_things_happen() -> None:
    runs = []
    for _ in range(2):
        database = open_database(DemoConfig())
        rng = random.Random(7)
        runs.append([activity.simulate_once(database, rng, NOW + i) for i in range(12)])
        database.close()
    assert runs[0] == runs[1]
    kinds = {" replied on #", " assigned #", " opened #"}
    assert {k for k in kinds for said in runs[0] if k in said} == kinds


class Events(logging.Handler):
    """The activity log's lines, and a way to wait for the n-th without sleeping."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.changed = threading.Condition()

    def emit(self, record: logging.LogRecord) -> None:
        with self.changed:
            self.lines.append(record.getMessage())
            self.changed.notify_all()

    def wait_for(self, count: int, timeout: float = 15) -> list[str]:
        with self.changed:
            assert self.changed.wait_for(lambda: len(self.lines) >= count, timeout)
            return list(self.lines)


@pytest.fixture
def events() -> Iterator[Events]:
    logger, handler = logging.getLogger("tui.demo.activity"), Events()
    level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    yield handler
    logger.removeHandler(handler)
    logger.setLevel(level)


def test_the_server_runs_it_and_stops_it(
    make_demo_server: MakeServer, client_of: ClientOf, events: Events
) -> None:
    server = make_demo_server(simulate_activity=0.01, seed=4)
    lines = events.wait_for(3)
    api = client_of(server)
    for line in lines:
        assert line.startswith("activity: ")
        ticket_id = int(line.split("#")[1].split()[0])
        assert api.get(f"tickets/{ticket_id}").json()["data"]["agent"] == facts.ADMIN_ID
    thread = server._thread
    server.stop()
    assert thread is not None and not thread.is_alive()


def test_without_the_option_nothing_happens(make_demo_server: MakeServer) -> None:
    server = make_demo_server()
    assert server.config.simulate_activity is None
    count = server.call(lambda db: db.scalar("SELECT COUNT(*) FROM tickets"))
    assert count == facts.SEED_TICKET_COUNT


def test_the_cli_logs_events_on_stderr_and_stops_cleanly() -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    process = subprocess.Popen(
        [sys.executable, "-m", "tui", "demo-server", "--port", "0", "--db", ":memory:",
         "--simulate-activity", "0.05"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    assert process.stdout is not None and process.stderr is not None
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(x) for x in process.stderr], daemon=True).start()
    try:
        assert process.stdout.readline().startswith("DESKPRO_URL=")
        assert process.stdout.readline().startswith("DESKPRO_API_KEY=")
        while "activity: " not in (line := lines.get(timeout=30)):
            assert line, "the server ended before any activity"
        assert line.startswith("INFO:     activity: ")
        process.send_signal(signal.SIGINT)
        assert process.wait(timeout=15) == 0
        assert process.stdout.read() == ""
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_the_option_maps_to_the_config() -> None:
    options = build_parser().parse_args(["--simulate-activity", "2.5"])
    assert config_from(options).simulate_activity == 2.5
    assert config_from(build_parser().parse_args([])).simulate_activity is None
    demo = app_cli.build_parser().parse_args(["--demo", "--simulate-activity", "10"])
    assert demo.simulate_activity == 10.0


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "soon"])
def test_seconds_must_be_above_zero(value: str) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--simulate-activity", value])
    with pytest.raises(SystemExit):
        app_cli.build_parser().parse_args(["--demo", "--simulate-activity", value])


def test_only_with_demo(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app_cli.main(["--simulate-activity", "5"])
    assert exit_info.value.code == 2
    assert "--demo" in capsys.readouterr().err


def test_run_demo_passes_it_to_the_server(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from tui.config import AppPaths, Settings
    from tui.demo.server import runner
    from tui.startup import launch

    made: dict[str, Any] = {}

    class FakeServer:
        url, api_key = "http://127.0.0.1:9", "1:X"

        def __init__(self, **options: Any) -> None:
            made.update(options)

        def __enter__(self) -> FakeServer:
            return self

        def __exit__(self, *exc: object) -> None:
            pass

    monkeypatch.setattr(runner, "DemoServer", FakeServer)
    monkeypatch.setattr(launch, "run_app", lambda *args, **kwargs: 0)
    paths = AppPaths.from_env({"DESKPRO_TUI_HOME": str(tmp_path)})
    assert launch.run_demo(paths, Settings(), simulate_activity=4.0) == 0
    assert made["simulate_activity"] == 4.0
    assert made["db"] == str(paths.data_dir / "demo.sqlite3")
