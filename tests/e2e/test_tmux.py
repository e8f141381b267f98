"""The installed `deskpro-tui --demo` in a real terminal (tmux): queue, ticket, quit.

Reads the screen the way a person sees it, with `tmux capture-pane`.
"""

from __future__ import annotations

from collections.abc import Callable

from .conftest import Pane, needs_app, needs_tmux

pytestmark = [needs_tmux, needs_app]


def test_demo_queue_ticket_and_quit(pane_at: Callable[[tuple[int, int]], Pane]) -> None:
    pane = pane_at((120, 36))
    screen = pane.wait_for(lambda s: "My tickets" in s and "awaiting" in s, "the queue")
    assert "demo helpdesk" in screen and "[online]" in screen
    assert "\x1b[48;" in pane.colours()  # backgrounds from styles/*.tcss
    pane.keys("Enter")
    screen = pane.wait_for(lambda s: "Requester" in s and "Reply" in s, "the ticket")
    pane.keys("Escape")
    pane.wait_for(lambda s: "My tickets" in s and "Reply" not in s, "back to the queue")
    pane.keys("C-q")
    pane.wait_for(lambda s: "DESKPRO-TUI-EXITED=0" in s, "a clean exit")


def test_80x24_shows_the_queue_legibly(pane_at: Callable[[tuple[int, int]], Pane]) -> None:
    pane = pane_at((80, 24))
    screen = pane.wait_for(lambda s: "Subject" in s and "wait agent" in s, "the queue at 80x24")
    lines = screen.splitlines()
    header = next(line for line in lines if "Subject" in line)
    assert "Status" in header and "Updated" in header
    rows = [line for line in lines if "wait agent" in line or "wait user" in line]
    assert len(rows) >= 5
    assert all(len(line) <= 80 for line in lines)
    assert "My tickets" in lines[-2] and "? Help" in lines[-1]  # the queue named, help offered
    pane.keys("C-q")
    pane.wait_for(lambda s: "DESKPRO-TUI-EXITED=0" in s, "a clean exit")
