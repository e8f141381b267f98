import stat
from pathlib import Path

from tui.api import Person, Ticket
from tui.state import CachedPage, DraftStore, QueueCache


def test_queue_cache_round_trip_per_helpdesk(tmp_path: Path) -> None:
    cache = QueueCache(tmp_path, "https://a.example.com/")
    page = CachedPage(
        [Ticket(id=1, subject="Hello", labels=["vip"])], [Person(id=2, name="Ann")], total=31
    )
    cache.save("mine", page)
    loaded = cache.load("mine")
    assert loaded == page
    assert QueueCache(tmp_path, "https://b.example.com/").load("mine") is None
    assert cache.load("other") is None


def test_damaged_cache_is_ignored(tmp_path: Path) -> None:
    cache = QueueCache(tmp_path, "https://a.example.com/")
    cache.save("mine", CachedPage([], [], 0))
    next(cache.dir.glob("*.json")).write_text("{not json")
    assert cache.load("mine") is None


def test_drafts_survive_a_new_store_and_are_private(tmp_path: Path) -> None:
    DraftStore(tmp_path / "drafts").save("reply-5", {"text": "half written"})
    again = DraftStore(tmp_path / "drafts")
    assert again.get("reply-5") == {"text": "half written"}
    assert again.keys("reply-") == ["reply-5"]
    assert stat.S_IMODE((tmp_path / "drafts").stat().st_mode) == 0o700
    again.discard("reply-5")
    assert again.get("reply-5") is None
    assert list((tmp_path / "drafts").iterdir()) == []


def test_memory_only_drafts() -> None:
    drafts = DraftStore(None)
    drafts.save("compose", {"subject": "x"})
    assert drafts.get("compose") == {"subject": "x"}
