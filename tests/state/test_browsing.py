"""`Browsing`, what the queues screen browses, without Textual: a view kept per queue and
painted from the disk cache, words narrowing the loaded rows, rows leaving at once when a
change takes them out of the queue, and what the status bar and the empty list say."""

from __future__ import annotations

from pathlib import Path

from tui.api import DeskproClient, Person, Ticket, TicketFilter
from tui.state import CachedPage, HelpdeskService, QueueCache, filter_queue, standard_queues
from tui.state.browsing import Browsing

ME, OTHER = 7, 42
QUEUES = {q.key: q for q in standard_queues(ME)}
URL = "http://127.0.0.1:9"  # nothing is asked of it: these tests make no request


def browsing(tmp_path: Path | None = None) -> tuple[Browsing, HelpdeskService]:
    client = DeskproClient(URL, "1:key")
    cache = QueueCache(tmp_path, client.helpdesk_url) if tmp_path else None
    service = HelpdeskService(client, cache=cache)
    return Browsing(service.tickets, service.people, service.pages), service


def mine(service: HelpdeskService, *subjects: str) -> list[int]:
    """My open tickets with these subjects, loaded as the first page of "My tickets"."""
    tickets = [
        Ticket(id=n, subject=s, status="awaiting_agent", agent=ME, person=100)
        for n, s in enumerate(subjects, 1)
    ]
    service.tickets.put_many(tickets)
    return [t.id for t in tickets]


def test_a_queue_opened_again_is_the_view_it_was() -> None:
    state, _ = browsing()
    first = state.open(QUEUES["mine"])
    first.set_page(1, [1, 2], total=2)
    state.open(QUEUES["active"])
    assert state.open(QUEUES["mine"]) is first and state.view is first


def test_a_new_view_paints_from_the_disk_cache(tmp_path: Path) -> None:
    state, service = browsing(tmp_path)
    cached = [Ticket(id=5, subject="From last time", agent=ME)]
    requester = Person(id=100, first_name="Ann")
    QueueCache(tmp_path, service.helpdesk_url).save("mine", CachedPage(cached, [requester], 1))
    view = state.open(QUEUES["mine"])
    assert view.loaded_ids() == [5] and view.total == 1
    assert service.tickets.get(5) == cached[0] and service.people.get(100) == requester


def test_words_narrow_the_loaded_rows_in_order() -> None:
    state, service = browsing()
    ids = mine(service, "Printer jam", "VPN down", "printer toner")
    state.open(QUEUES["mine"]).set_page(1, ids, total=3)
    assert state.narrowed() is None  # no words: the whole view
    state.words = ["printer"]
    assert state.narrowed() == [1, 3]
    state.words = ["printer", "toner"]
    assert state.narrowed() == [3]


def test_a_ticket_assigned_away_leaves_my_tickets_at_once() -> None:
    state, service = browsing()
    ids = mine(service, "One", "Two", "Three")
    view = state.open(QUEUES["mine"])
    view.set_page(1, ids, total=3)
    service.tickets.patch(2, agent=OTHER)
    assert state.take_out_leavers({2}) is True
    assert view.loaded_ids() == [1, 3] and view.total == 2
    assert state.stale  # the helpdesk's word on the queue is still to be read


def test_a_change_that_keeps_the_ticket_in_the_queue_takes_nothing_out() -> None:
    state, service = browsing()
    ids = mine(service, "One", "Two")
    view = state.open(QUEUES["mine"])
    view.set_page(1, ids, total=2)
    service.tickets.patch(1, status="awaiting_user")  # still mine, still active
    service.tickets.patch(2, subject="Renamed")
    assert state.take_out_leavers({1, 2}) is False
    assert view.loaded_ids() == [1, 2] and not state.stale


def test_only_the_helpdesk_can_tell_for_a_saved_filter() -> None:
    state, service = browsing()
    ids = mine(service, "One")
    view = state.open(filter_queue(TicketFilter(id=3, title="VIP")))
    view.set_page(1, ids, total=1)
    service.tickets.patch(1, agent=OTHER, status="resolved")
    assert state.take_out_leavers({1}) is False and view.loaded_ids() == [1]


def test_the_title_names_the_queue_its_count_and_the_matches() -> None:
    state, service = browsing()
    assert state.title(None) == ""
    view = state.open(QUEUES["mine"])
    assert state.title(None) == "My tickets"  # the count is not known yet
    view.set_page(1, mine(service, "Printer", "VPN"), total=13)
    assert state.title(None) == "My tickets 13"
    state.words = ["printer"]
    assert state.title(1) == "My tickets 1 of 13"


def test_the_empty_list_says_why() -> None:
    state, _ = browsing()
    assert state.why_empty(0) == ""
    view = state.open(QUEUES["unassigned"])
    assert state.why_empty(0) == "Loading tickets…"
    view.set_page(1, [], total=0)
    assert state.why_empty(0) == "No tickets in Unassigned."
    state.words = ["zzz"]
    assert state.why_empty(0) == "No loaded ticket matches the filter words."
    assert state.why_empty(3) == ""
