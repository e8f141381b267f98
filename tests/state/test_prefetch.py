"""A prefetched thread is handed over once, while fresh and while its ticket is unchanged."""

from tui.api import Ticket
from tui.state.prefetch import FRESH_SECONDS, PrefetchedThreads


def ticket(id: int, **kw: object) -> Ticket:
    return Ticket.model_validate({"id": id, "subject": f"t{id}", "status": "awaiting_agent", **kw})


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_prefetch_is_taken_once() -> None:
    threads = PrefetchedThreads()
    one = ticket(1)
    threads.put(1, one, [])
    assert threads.holds(1, one)
    assert threads.take(1, one) == []
    assert threads.take(1, one) is None  # used up: a later open asks the server again
    assert not threads.holds(2, None)


def test_a_changed_ticket_or_an_old_prefetch_is_stale() -> None:
    clock = Clock()
    threads = PrefetchedThreads(clock)
    one, two = ticket(1), ticket(2)
    threads.put(1, one, [])
    threads.put(2, two, [])
    # A refresh that brought a new version of the ticket: its thread may have changed too.
    assert not threads.holds(1, ticket(1, subject="changed"))
    assert threads.holds(2, two)
    clock.now += FRESH_SECONDS + 1
    assert not threads.holds(2, two)
    threads.put(3, ticket(3), [])
    assert threads.take(2, two) is None  # and forgotten by the next put
