"""Issue 14's bursts against the installed app in tmux. The same session runs twice: in
bursts (each `keys(...)` one `send-keys` call, so the keys reach the app together, as over
SSH) and typed slowly (a key at a time, a pause between). Both must end the same, checked
on screen and in the demo helpdesk's database."""

from __future__ import annotations

import re
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from .conftest import Pane, needs_app, needs_tmux

pytestmark = [needs_tmux, needs_app]

IRENE = "Irene Adler"


def rows(pane: Pane, sql: str, *args: object) -> list[tuple[Any, ...]]:
    with sqlite3.connect(f"file:{pane.database}?mode=ro", uri=True) as db:
        return db.execute(sql, args).fetchall()


def queue_ids(screen: str) -> list[int]:
    """The ticket ids of the queue's rows, top to bottom."""
    return [int(m[1]) for m in re.finditer(r"▕\s+(\d+)\s", screen)]


def showing(ticket_id: int) -> Callable[[str], bool]:
    return lambda screen: f"#{ticket_id} " in screen and "Requester" in screen


SLOW = 0.15  # seconds between keys typed one by one (a quick human)


class Typist:
    """Sends keys to the pane in bursts, or one by one as a person types."""

    def __init__(self, pane: Pane, slow: bool) -> None:
        self.pane, self.slow = pane, slow

    def keys(self, *keys: str) -> None:
        if not self.slow:
            self.pane.keys(*keys)
            return
        for key in keys:
            for one in [key] if key in KEY_NAMES else list(key):
                literal = [] if one in KEY_NAMES else ["-l"]
                self.pane.tmux("send-keys", "-t", "e2e", *literal, one)
                time.sleep(SLOW)  # a person's pause: the app sees each key on its own


KEY_NAMES = frozenset({"Enter", "Escape", "Tab", "C-s", "C-q"})


@pytest.mark.parametrize("slow", [False, True], ids=["bursts", "one-by-one"])
def test_bursts_act_as_keys_typed_one_by_one(
    pane_at: Callable[[tuple[int, int]], Pane], slow: bool
) -> None:
    pane = pane_at((120, 36))
    typist = Typist(pane, slow)
    screen = pane.wait_for(lambda s: "My tickets" in s and "awaiting" in s, "the queue")
    first, second, third = queue_ids(screen)[:3]
    typist.keys("Enter")
    pane.wait_for(showing(first), "the first ticket")

    typist.keys("J", "J")
    pane.wait_for(showing(third), "two tickets down")
    typist.keys("K", "K")
    pane.wait_for(showing(first), "two tickets up")

    typist.keys("n", "Burst note, done", "C-s")
    pane.wait_for(lambda s: "Note added" in s, "the note sent")
    assert rows(pane, "SELECT is_note FROM messages WHERE ticket = ? AND html LIKE ?",
                first, "%Burst note, done%") == [(1,)]  # fmt: skip

    typist.keys("r", "Burst reply")
    pane.wait_for(lambda s: "Reply to #" in s and "Burst reply" in s, "the reply's text")
    typist.keys("C-s")
    pane.wait_for(lambda s: "Reply sent" in s, "the reply sent")
    assert len(rows(pane, "SELECT id FROM messages WHERE html LIKE '%Burst reply%'")) == 1

    typist.keys("s", "pend", "Enter")
    pane.wait_for(lambda s: "status set to pending" in s, "the status set")
    assert rows(pane, "SELECT status FROM tickets WHERE id = ?", first) == [("pending",)]

    typist.keys("a", "irene", "Enter")
    pane.wait_for(lambda s: f"assigned to {IRENE}" in s, "the ticket assigned")
    irene = rows(pane, "SELECT id FROM people WHERE first_name || ' ' || last_name = ?", IRENE)[0][
        0
    ]
    assert rows(pane, "SELECT agent FROM tickets WHERE id = ?", first) == [(irene,)]

    typist.keys("r", "Later", "Escape", "J")  # Escape then a key, typed quickly
    pane.wait_for(showing(second), "the next ticket, the reply closed")

    words = "word " * 400  # 2,000 characters
    typist.keys("r")
    pane.wait_for(lambda s: "Reply to #" in s, "the reply box")
    pane.paste(words)
    pane.wait_for(lambda s: "word word word" in s, "the paste in the reply box")
    typist.keys("C-s")
    # The composer closes once the helpdesk's answer is in, a moment after the row is
    # stored: a key typed before then would reach the composer, as it would for a person.
    pane.wait_for(lambda s: "Reply to #" not in s and "J Next" in s, "the pasted reply sent")
    pasted = "SELECT html FROM messages WHERE ticket = ? AND html LIKE '%word word%'"
    [(html,)] = rows(pane, pasted, second)
    assert html.count("word") == 400

    typist.keys("q")
    pane.wait_for(lambda s: "New ticket" in s and "Reply" not in s, "the queue")
    typist.keys("c", "monica.hall@hooli.example", "Tab", "Burst subject", "Tab", "Burst body")
    screen = pane.wait_for(lambda s: "Burst body" in s, "the new ticket's form")
    assert "monica.hall@hooli.example" in screen and "Burst subject" in screen
    typist.keys("C-s")
    pane.wait_for(lambda s: "Burst subject" in s and "Requester" in s, "the new ticket")
    created = rows(pane, "SELECT person_email FROM tickets WHERE subject = 'Burst subject'")
    assert created == [("monica.hall@hooli.example",)]

    typist.keys("C-q")
    pane.wait_for(lambda s: "DESKPRO-TUI-EXITED=0" in s, "a clean exit")


def test_a_reply_with_a_file_typed_ahead_in_one_send_keys(
    pane_at: Callable[[tuple[int, int]], Pane], tmp_path: Path
) -> None:
    """Issue 17: `r`, the text, `ctrl+o`, a path and `ctrl+s` in one `send-keys` call: the
    reply goes with its file, as if typed slowly."""
    upload = tmp_path / "tmux-upload.txt"
    upload.write_text("sent from tmux\n")
    pane = pane_at((120, 36))
    screen = pane.wait_for(lambda s: "My tickets" in s and "awaiting" in s, "the queue")
    first = queue_ids(screen)[0]
    pane.keys("Enter")
    pane.wait_for(showing(first), "the first ticket")
    pane.keys("r", "Reply with a file, typed ahead", "C-o", str(upload), "C-s")
    pane.wait_for(lambda s: "Reply sent" in s, "the reply sent")
    pane.wait_for(lambda s: "tmux-upload.txt" in s, "the file in the thread")
    sent = rows(
        pane,
        "SELECT b.filename, m.is_note FROM messages m JOIN attachments a ON a.message = m.id"
        " JOIN blobs b ON b.id = a.blob WHERE m.ticket = ? AND m.html LIKE ?",
        first,
        "%typed ahead%",
    )
    assert sent == [("tmux-upload.txt", 0)]
