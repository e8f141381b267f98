"""Crash safety: an unhandled exception leaves a readable 0600 report without the key."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from textual.binding import Binding

from tui.app import DeskproApp
from tui.config import AppPaths, Settings, mask
from tui.crash import crash_message, redact, secrets_of, write_crash_report
from tui.startup import launch

from .conftest import DEMO_CODE, DEMO_KEY, file_mode


class Boom(RuntimeError):
    pass


def failing() -> None:
    api_key = DEMO_KEY  # a local holding the key: Textual's own traceback would print it
    raise Boom(f"request failed: Authorization: key {api_key} (token {api_key})")


def crashed() -> Boom:
    try:
        failing()
    except Boom as exc:
        return exc
    raise AssertionError("unreachable")


def test_report_is_private_readable_and_keyless(paths: AppPaths) -> None:
    now = datetime(2026, 11, 1, 12, 30, 5).astimezone()
    report = write_crash_report(crashed(), paths, secrets_of(DEMO_KEY), now=now)
    assert report == paths.state_dir / "crash-20261101-123005.txt"
    assert file_mode(report) == 0o600
    assert file_mode(paths.state_dir) == 0o700
    text = report.read_text(encoding="utf-8")
    for heading in ("Time: 2026-11-01T12:30:05", "deskpro-tui: ", "Python: ", "Textual: "):
        assert heading in text
    assert "Traceback (most recent call last)" in text and "in failing" in text
    assert "Boom: request failed" in text
    assert DEMO_KEY not in text and DEMO_CODE not in text
    assert "Authorization: key [redacted]" in text


def test_two_crashes_in_one_second_keep_both(paths: AppPaths) -> None:
    now = datetime(2026, 11, 1, 12, 30, 5).astimezone()
    first = write_crash_report(crashed(), paths, [], now=now)
    second = write_crash_report(crashed(), paths, [], now=now)
    assert first != second and first.exists() and second.exists()


@pytest.mark.parametrize(
    "leak",
    [
        DEMO_KEY,
        DEMO_CODE,
        f"headers={{'Authorization': 'key {DEMO_KEY}'}}",
        f"authorization=token {DEMO_KEY}",
        "Authorization: key 42:SOMEOTHERKEYNOTTOLD123",  # a key typed on the connect screen
        "pasted 42:SOMEOTHERKEYNOTTOLD123 somewhere",
    ],
)
def test_redact_removes_every_form(leak: str) -> None:
    text = redact(f"before {leak} after", secrets_of(DEMO_KEY))
    assert DEMO_CODE not in text and "SOMEOTHERKEYNOTTOLD123" not in text
    assert text.startswith("before ") and text.endswith(" after")


def test_redact_leaves_ordinary_text() -> None:
    text = 'File "tui/app.py", line 12, in on_key\n  at 12:30:05, ticket 3432'
    assert redact(text, secrets_of(DEMO_KEY)) == text


class CrashingApp(DeskproApp):
    BINDINGS = [Binding("f12", "boom", priority=True)]

    def action_boom(self) -> None:
        failing()


async def test_unhandled_exception_in_the_app_writes_a_report(paths: AppPaths) -> None:
    app = CrashingApp(paths=paths, secrets=secrets_of(DEMO_KEY))
    with pytest.raises(Boom):  # run_test re-raises what crashed the app
        async with app.run_test() as pilot:
            await pilot.press("f12")
    assert app.return_code == 1
    report = app.crash_report
    assert report is not None and report.parent == paths.state_dir
    assert re.fullmatch(r"crash-\d{8}-\d{6}\.txt", report.name)
    assert file_mode(report) == 0o600
    text = report.read_text(encoding="utf-8")
    assert "in action_boom" in text and "in failing" in text
    assert DEMO_KEY not in text and DEMO_CODE not in text
    assert mask(DEMO_KEY) in text  # masked, so the user can tell which key was in use


async def test_the_key_typed_on_the_connect_screen_is_not_in_the_report(
    paths: AppPaths,
) -> None:
    typed = "9:TYPEDKEYONCONNECTSCREEN77"

    class TypedKeyApp(CrashingApp):
        def action_boom(self) -> None:
            raise Boom(f"while connecting with key {typed}")

    app = TypedKeyApp(paths=paths)  # the app was never told this key
    with pytest.raises(Boom):
        async with app.run_test() as pilot:
            await pilot.press("f12")
    assert app.crash_report is not None
    assert typed.split(":")[1] not in app.crash_report.read_text(encoding="utf-8")


def test_the_message_says_where_and_that_drafts_are_kept(tmp_path: Path) -> None:
    report = tmp_path / "state" / "crash-20261101-123005.txt"
    assert crash_message(report) == (
        f"deskpro-tui crashed; a report (API key removed) is at {report}. Your drafts are kept."
    )


def test_run_app_reports_a_crash_outside_the_event_loop(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Stands in for a driver/terminal failure: running the app itself raising.
    async def run_async(self: DeskproApp, **kw: object) -> None:
        failing()

    monkeypatch.setattr(DeskproApp, "run_async", run_async)
    assert launch.run_app(None, paths, Settings()) == 1
    err = capsys.readouterr().err
    assert err.startswith("deskpro-tui crashed; a report (API key removed) is at ")
    reports = list(paths.state_dir.glob("crash-*.txt"))
    assert len(reports) == 1 and str(reports[0]) in err
