"""Announcing tickets that arrived in "My tickets": the terminal's bell, and a desktop
notification sent as escape sequences through the terminal, so it reaches the agent's own
desktop over SSH too (and out of tmux, with its `allow-passthrough` on).

Building the sequences is pure; only `terminal_writer` touches the app. Every text sent is
made inert first: a subject is the customer's, and an escape sequence in it must not reach
the terminal.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, get_args

from tui.config.models import NotifyMode
from tui.state.arrivals import Arrival
from tui.text.sanitize import safe

if TYPE_CHECKING:
    from textual.app import App

BEL = "\a"
ESC = "\x1b"
TITLE = "Deskpro"
TITLE_CHARS = 48
BODY_CHARS = 200
# ConEmu and Windows Terminal read "OSC 9 ; <digits> ;" as one of their own commands
# (4 is a progress bar): a message must not start that way.
_CONEMU_COMMAND = re.compile(r"^(\d+);")


def tmux_passthrough(sequence: str) -> str:
    """`sequence` wrapped for tmux to hand to the terminal outside it (tmux 3.3+ asks for
    `set -g allow-passthrough on`; without it, tmux drops it quietly)."""
    return f"{ESC}Ptmux;{sequence.replace(ESC, ESC * 2)}{ESC}\\"


def is_iterm(environ: Mapping[str, str]) -> bool:
    """Whether the terminal is iTerm2, which knows OSC 9 and not OSC 777. `LC_TERMINAL` is
    iTerm2's own word for it, and, as an `LC_*` variable, it travels over SSH and into tmux
    (where `TERM_PROGRAM` says "tmux")."""
    return environ.get("LC_TERMINAL") == "iTerm2" or environ.get("TERM_PROGRAM") == "iTerm.app"


def desktop_sequence(title: str, body: str, *, in_tmux: bool, iterm: bool) -> str:
    """One desktop notification in one form: OSC 9 for iTerm2, else OSC 777 (urxvt's, taken
    up by foot, Ghostty, WezTerm, kitty and VTE). Never both: a terminal that knows both
    (Ghostty, WezTerm, kitty) would show two."""
    title, body = safe(title, max_len=TITLE_CHARS), safe(body, max_len=BODY_CHARS)
    if iterm:
        message = _CONEMU_COMMAND.sub(r"\1,", f"{title}: {body}" if title else body)
        sequence = f"{ESC}]9;{message}{BEL}"
    else:
        sequence = f"{ESC}]777;notify;{title.replace(';', ',')};{body}{BEL}"  # ";" ends the title
    return tmux_passthrough(sequence) if in_tmux else sequence


def summary(arrivals: list[Arrival]) -> str:
    """One line for all that arrived at one refresh: one notification, never a burst."""
    if len(arrivals) == 1:
        text = arrivals[0].text
    else:
        text = f"{len(arrivals)} tickets arrived: " + ", ".join(a.label for a in arrivals)
    return safe(text, max_len=BODY_CHARS)


class TerminalNotifier:
    """Rings and notifies for each refresh's arrivals, as the `notify` setting says."""

    def __init__(
        self,
        mode: str,
        write: Callable[[str], None],
        environ: Mapping[str, str] = os.environ,
    ) -> None:
        if mode not in get_args(NotifyMode):
            raise ValueError(f"notify must be one of {get_args(NotifyMode)}, not {mode!r}")
        self.mode = mode
        self._write = write
        self._in_tmux = bool(environ.get("TMUX"))
        self._iterm = is_iterm(environ)
        self.announced: list[str] = []  # what each announcement said, oldest first

    def announce(self, arrivals: list[Arrival]) -> None:
        """At most one bell and one notification for everything that arrived at once.
        In tmux the bell goes plainly (tmux forwards bells itself); the OSCs are wrapped."""
        if not arrivals or self.mode == "off":
            return
        text = summary(arrivals)
        out = BEL
        if self.mode == "desktop":
            out += desktop_sequence(TITLE, text, in_tmux=self._in_tmux, iterm=self._iterm)
        self._write(out)  # one write: nothing of a frame lands in between
        self.announced.append(text)


def terminal_writer(app: App[Any]) -> Callable[[str], None]:
    """Writes straight to the terminal as Textual's own `App.bell` does: nothing when
    headless (tests) or before the driver exists."""

    def write(data: str) -> None:
        if not app.is_headless and app._driver is not None:
            app._driver.write(data)

    return write
