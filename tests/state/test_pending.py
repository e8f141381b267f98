"""`PendingWrites`: each composer's write is one record, kept beside its draft on disk, so a
write whose answer was lost is still looked for after the composer closed or the app
restarted, and is forgotten once settled."""

from __future__ import annotations

from pathlib import Path

from tui.state.drafts import DraftStore
from tui.state.pending import PendingWrites

KEY = "reply:7"


def test_a_composer_gets_the_same_write_each_time(tmp_path: Path) -> None:
    writes = PendingWrites(DraftStore(tmp_path))
    first = writes.get(KEY)
    assert writes.get(KEY) is first
    assert writes.get("reply:8") is not first


def test_an_uncertain_write_outlives_a_restart(tmp_path: Path) -> None:
    PendingWrites(DraftStore(tmp_path)).get(KEY).mark_uncertain()

    again = PendingWrites(DraftStore(tmp_path)).get(KEY)  # a new run, the same folder
    assert again.uncertain


def test_settling_forgets_the_write_here_and_on_disk(tmp_path: Path) -> None:
    drafts = DraftStore(tmp_path)
    writes = PendingWrites(drafts)
    pending = writes.get(KEY)
    pending.mark_uncertain()

    writes.settle(KEY)

    assert writes.get(KEY) is not pending and not writes.get(KEY).uncertain
    assert not PendingWrites(DraftStore(tmp_path)).get(KEY).uncertain
