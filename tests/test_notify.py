"""Announcing arrivals through the terminal: the exact bytes of the bell and of both
notification forms (one sent, the one the terminal knows), tmux's passthrough, one
announcement per refresh, and the modes."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
from textual.app import App

from tui.api import Ticket
from tui.flows.notify import (
    BODY_CHARS,
    TITLE_CHARS,
    TerminalNotifier,
    desktop_sequence,
    is_iterm,
    summary,
    terminal_writer,
    tmux_passthrough,
)
from tui.state.arrivals import Arrival

ESC, BEL = "\x1b", "\a"


def arrival(id: int = 150, why: Any = "new", subject: str = "Printer on fire") -> Arrival:
    return Arrival(Ticket(id=id, subject=subject), why)


def notifier(
    mode: str, tmux: bool = False, iterm: bool = False
) -> tuple[TerminalNotifier, list[str]]:
    written: list[str] = []
    environ = {"TMUX": "/tmp/tmux-1000/default,123,0"} if tmux else {}
    if iterm:
        environ["LC_TERMINAL"] = "iTerm2"
    return TerminalNotifier(mode, written.append, environ=environ), written


# -- the sequences ------------------------------------------------------------------------


def osc777(title: str, body: str, tmux: bool = False) -> str:
    return desktop_sequence(title, body, in_tmux=tmux, iterm=False)


def osc9(title: str, body: str, tmux: bool = False) -> str:
    return desktop_sequence(title, body, in_tmux=tmux, iterm=True)


def test_osc777_exactly() -> None:
    assert osc777("Deskpro", "New ticket #150: Fire") == (
        "\x1b]777;notify;Deskpro;New ticket #150: Fire\a"
    )


def test_osc9_exactly_for_iterm() -> None:
    assert osc9("Deskpro", "New ticket #150: Fire") == "\x1b]9;Deskpro: New ticket #150: Fire\a"


@pytest.mark.parametrize(
    ("environ", "iterm"),
    [
        ({"LC_TERMINAL": "iTerm2"}, True),  # iTerm2's own, passed on by SSH and tmux
        ({"TERM_PROGRAM": "iTerm.app"}, True),
        ({"LC_TERMINAL": "iTerm2", "TERM_PROGRAM": "tmux"}, True),
        ({"TERM_PROGRAM": "WezTerm"}, False),
        ({"TERM_PROGRAM": "ghostty"}, False),
        ({}, False),
    ],
)
def test_iterm_is_told_by_its_variables(environ: dict[str, str], iterm: bool) -> None:
    assert is_iterm(environ) is iterm


def test_in_tmux_the_form_is_wrapped_with_escapes_doubled() -> None:
    assert osc777("D", "b", tmux=True) == "\x1bPtmux;\x1b\x1b]777;notify;D;b\a\x1b\\"
    assert osc9("D", "b", tmux=True) == "\x1bPtmux;\x1b\x1b]9;D: b\a\x1b\\"


def test_passthrough_doubles_every_escape() -> None:
    assert tmux_passthrough("\x1b[1m\x1b]9;x\a") == "\x1bPtmux;\x1b\x1b[1m\x1b\x1b]9;x\a\x1b\\"


def test_a_semicolon_cannot_end_the_777_title_early() -> None:
    assert osc777("a;b", "c;d") == "\x1b]777;notify;a,b;c;d\a"  # the body may hold ";"
    assert osc9("a;b", "c;d") == "\x1b]9;a;b: c;d\a"


@pytest.mark.parametrize("form", [osc777, osc9])
@pytest.mark.parametrize(
    "hostile",
    ["\x1b]52;c;cGF5bG9hZA==\a", "\a", "\x1b\\", "\x9c", "\x9d9;x\x9c", "line\nbreak\r", "\x7f"],
)
def test_control_characters_never_get_through(form: Any, hostile: str) -> None:
    out = form(f"T{hostile}", f"B{hostile}")
    assert out.count(BEL) == 1 and out.endswith(BEL) and out.count(ESC) == 1
    payload = out[1:-1]  # between the sequence's own ESC and BEL
    assert all(ch.isprintable() for ch in payload)


@pytest.mark.parametrize("form", [osc777, osc9])
def test_lengths_are_capped(form: Any) -> None:
    out = form("T" * 500, "B" * 5000)
    assert "T" * TITLE_CHARS not in out and "…" in out
    assert len(out) < TITLE_CHARS + BODY_CHARS + 20


def test_an_osc9_message_never_reads_as_a_conemu_command() -> None:
    assert osc9("", "4;3;50") == "\x1b]9;4,3;50\a"


# -- the summary --------------------------------------------------------------------------


def test_one_arrival_is_its_own_text() -> None:
    assert summary([arrival()]) == "New ticket #150: Printer on fire"


def test_several_are_one_line() -> None:
    got = summary([arrival(150), arrival(151, "reply", "Paper jam"), arrival(152, "assigned")])
    assert got == "3 tickets arrived: #150 Printer on fire, #151 Paper jam, #152 Printer on fire"


def test_many_are_capped() -> None:
    got = summary([arrival(i, subject="x" * 50) for i in range(40)])
    assert got.startswith("40 tickets arrived: #0 ") and len(got) == BODY_CHARS


# -- the notifier -------------------------------------------------------------------------


@pytest.mark.parametrize("mode", ["off", "bell", "desktop"])
def test_nothing_arrived_writes_nothing(mode: str) -> None:
    notes, written = notifier(mode)
    notes.announce([])
    assert written == [] and notes.announced == []


def test_off_writes_nothing() -> None:
    notes, written = notifier("off")
    notes.announce([arrival()])
    assert written == [] and notes.announced == []


def test_bell_is_one_bel() -> None:
    notes, written = notifier("bell")
    notes.announce([arrival(150), arrival(151)])
    assert written == [BEL]
    assert notes.announced == ["2 tickets arrived: #150 Printer on fire, #151 Printer on fire"]


def test_desktop_is_one_bel_and_one_notification() -> None:
    notes, written = notifier("desktop")
    notes.announce([arrival()])
    text = "New ticket #150: Printer on fire"
    assert written == [BEL + f"\x1b]777;notify;Deskpro;{text}\a"]
    assert notes.announced == [text]


def test_iterm_gets_its_own_form_only() -> None:
    notes, written = notifier("desktop", tmux=True, iterm=True)
    notes.announce([arrival()])
    text = "New ticket #150: Printer on fire"
    assert written == [BEL + f"\x1bPtmux;\x1b\x1b]9;Deskpro: {text}\a\x1b\\"]


def test_several_arrivals_are_one_notification() -> None:
    notes, written = notifier("desktop")
    notes.announce([arrival(150), arrival(151, "reply"), arrival(152, "assigned")])
    assert len(written) == 1 and written[0].count(BEL) == 2  # the bell and the OSC's end
    assert written[0].count("\x1b]777;") == 1 and "\x1b]9;" not in written[0]
    assert notes.announced == [
        "3 tickets arrived: #150 Printer on fire, #151 Printer on fire, #152 Printer on fire"
    ]


def test_each_refresh_is_its_own_announcement() -> None:
    notes, written = notifier("bell")
    notes.announce([arrival(150)])
    notes.announce([arrival(151, "reply")])
    assert written == [BEL, BEL]
    assert notes.announced == [
        "New ticket #150: Printer on fire",
        "Customer replied: #151 Printer on fire",
    ]


def test_in_tmux_the_bell_goes_plainly_and_the_oscs_are_wrapped() -> None:
    notes, written = notifier("desktop", tmux=True)
    notes.announce([arrival()])
    text = "New ticket #150: Printer on fire"
    assert written == [BEL + f"\x1bPtmux;\x1b\x1b]777;notify;Deskpro;{text}\a\x1b\\"]


def test_an_empty_tmux_variable_is_not_tmux() -> None:
    written: list[str] = []
    TerminalNotifier("desktop", written.append, environ={"TMUX": ""}).announce([arrival()])
    assert "tmux" not in written[0]


def test_a_hostile_subject_is_inert_in_the_bytes() -> None:
    notes, written = notifier("desktop")
    notes.announce([arrival(subject="hi\x1b]777;notify;pwned;gotcha\a\x1bPtmux;x\x1b\\")])
    assert written[0].count(ESC) == 1 and "pwned" not in written[0]


def test_an_unknown_mode_is_refused() -> None:
    with pytest.raises(ValueError, match="loud"):
        TerminalNotifier("loud", print)


# -- writing to the terminal --------------------------------------------------------------


def test_the_writer_writes_through_a_real_driver() -> None:
    sent: list[str] = []
    app = SimpleNamespace(is_headless=False, _driver=SimpleNamespace(write=sent.append))
    terminal_writer(app)("\a")  # type: ignore[arg-type]
    assert sent == ["\a"]


def test_the_writer_waits_for_a_driver() -> None:
    app = SimpleNamespace(is_headless=False, _driver=None)
    terminal_writer(app)("\a")  # type: ignore[arg-type]  # nothing to write to: no error


async def test_the_writer_writes_nothing_headless() -> None:
    app: App[None] = App()
    async with app.run_test():
        sent: list[str] = []
        driver = app._driver
        assert driver is not None
        driver.write = sent.append  # type: ignore[method-assign]
        terminal_writer(app)("\a")
        assert sent == []
