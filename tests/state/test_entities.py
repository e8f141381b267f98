from tui.api import Ticket
from tui.state import EntityStore


def ticket(id: int, **kw: object) -> Ticket:
    return Ticket.model_validate({"id": id, "subject": f"t{id}", "status": "awaiting_agent", **kw})


def test_put_many_notifies_only_changed_ids() -> None:
    store: EntityStore[Ticket] = EntityStore()
    seen: list[frozenset[int]] = []
    store.subscribe(seen.append)
    assert store.put_many([ticket(1), ticket(2)]) == {1, 2}
    assert store.put_many([ticket(1), ticket(2, subject="new")]) == {2}
    assert store.put_many([ticket(1)]) == frozenset()
    assert seen == [frozenset({1, 2}), frozenset({2})]


def test_patch_then_restore_puts_back_the_previous_copy() -> None:
    store: EntityStore[Ticket] = EntityStore()
    store.put(ticket(7, agent=42))
    undo = store.patch(7, agent=77)
    assert store.get(7).agent == 77
    store.restore(undo)
    assert store.get(7).agent == 42


def test_unsubscribe_and_failing_subscriber() -> None:
    store: EntityStore[Ticket] = EntityStore()
    calls: list[frozenset[int]] = []

    def broken(_ids: frozenset[int]) -> None:
        raise RuntimeError("boom")

    store.subscribe(broken)
    unsubscribe = store.subscribe(calls.append)
    store.put(ticket(1))
    unsubscribe()
    store.put(ticket(2))
    assert calls == [frozenset({1})]
