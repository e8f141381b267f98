"""Telling what arrived in "My tickets" between refreshes: new, assigned, replied; the
agent's own doing kept quiet; rows marked new until opened."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from tui.api import Ticket
from tui.state.arrivals import MAX_EXPECTED, Arrival, Arrivals

# The helpdesk's clock: deliberately far from ours, which the code must never consult.
T0 = datetime(2031, 5, 4, 9, 0, tzinfo=UTC)


def at(minutes: int) -> datetime:
    return T0 + timedelta(minutes=minutes)


def ticket(
    id: int,
    created: int = 0,
    *,
    status: int | None = None,
    replies: int = 0,
    replied: int | None = None,
    subject: str = "Printer on fire",
) -> Ticket:
    return Ticket(
        id=id,
        subject=subject,
        agent=7,
        date_created=at(created),
        date_status=at(created if status is None else status),
        date_last_user_reply=None if replied is None else at(replied),
        count_user_replies=replies,
    )


def watching(*tickets: Ticket) -> Arrivals:
    arrivals = Arrivals()
    assert arrivals.take(tickets) == []
    return arrivals


def whys(arrivals: list[Arrival]) -> list[tuple[int, str]]:
    return [(a.ticket.id, a.why) for a in arrivals]


# -- what counts ------------------------------------------------------------------------


def test_the_first_take_is_the_baseline() -> None:
    arrivals = Arrivals()
    assert arrivals.take([ticket(1), ticket(2, replies=3)]) == []
    assert arrivals.marked == frozenset()


def test_nothing_changed_is_nothing() -> None:
    arrivals = watching(ticket(1, 10))
    assert arrivals.take([ticket(1, 10)]) == []


def test_a_ticket_created_after_the_last_look_is_new() -> None:
    arrivals = watching(ticket(1, 10))
    assert whys(arrivals.take([ticket(2, 11), ticket(1, 10)])) == [(2, "new")]


def test_an_older_ticket_turning_up_was_assigned() -> None:
    arrivals = watching(ticket(1, 10))
    assert whys(arrivals.take([ticket(1, 10), ticket(2, 5, status=6)])) == [(2, "assigned")]


def test_any_helpdesk_date_seen_counts_as_the_last_look() -> None:
    # Ticket 1 was created long ago but the customer wrote at minute 30: a ticket created
    # at minute 20 existed at the last look, so it was assigned, not new.
    arrivals = watching(ticket(1, 0, replies=1, replied=30))
    assert whys(arrivals.take([ticket(2, 20)])) == [(2, "assigned")]


def test_now_from_the_helpdesk_sharpens_the_last_look() -> None:
    arrivals = Arrivals()
    arrivals.take([ticket(1, 0)], now=at(60))
    assert whys(arrivals.take([ticket(2, 30), ticket(3, 61)])) == [
        (2, "assigned"),
        (3, "new"),
    ]


def test_with_nothing_to_compare_a_newcomer_is_assigned() -> None:
    arrivals = watching()  # the agent had no tickets: no helpdesk date known at all
    assert whys(arrivals.take([ticket(1, 10)])) == [(1, "assigned")]


def test_the_horizon_never_goes_back() -> None:
    arrivals = watching(ticket(1, 50))
    arrivals.take([])  # ticket 1 left; its dates still tell the helpdesk's time
    assert whys(arrivals.take([ticket(2, 40)])) == [(2, "assigned")]


def test_more_user_replies_is_a_reply() -> None:
    arrivals = watching(ticket(1, 0, replies=1, replied=5))
    assert whys(arrivals.take([ticket(1, 0, replies=2, replied=5)])) == [(1, "reply")]


def test_a_later_user_reply_date_is_a_reply() -> None:
    arrivals = watching(ticket(1, 0, replies=1, replied=5))
    assert whys(arrivals.take([ticket(1, 0, replies=1, replied=9)])) == [(1, "reply")]


def test_a_first_user_reply_date_is_a_reply() -> None:
    arrivals = watching(ticket(1, 0))
    assert whys(arrivals.take([ticket(1, 0, replied=9)])) == [(1, "reply")]


def test_other_changes_are_not_news() -> None:
    arrivals = watching(ticket(1, 0, replies=1, replied=5))
    assert arrivals.take([ticket(1, 0, status=20, replies=1, replied=5)]) == []


def test_a_ticket_that_left_and_came_back_counts_again() -> None:
    arrivals = watching(ticket(1, 0), ticket(2, 10))
    assert arrivals.take([ticket(2, 10)]) == []
    assert whys(arrivals.take([ticket(1, 0), ticket(2, 10)])) == [(1, "assigned")]


def test_coming_back_after_a_customer_wrote_is_a_reply() -> None:
    arrivals = watching(ticket(1, 0), ticket(2, 10))
    arrivals.take([ticket(2, 10)])
    assert whys(arrivals.take([ticket(1, 0, replies=1, replied=11)])) == [(1, "reply")]


def test_several_arrive_at_once() -> None:
    arrivals = watching(ticket(1, 10, replies=1, replied=10))
    got = arrivals.take([ticket(3, 12), ticket(1, 10, replies=2, replied=12), ticket(2, 1)])
    assert whys(got) == [(3, "new"), (1, "reply"), (2, "assigned")]


def test_naive_dates_are_taken_as_utc() -> None:
    naive = Ticket(id=2, date_created=datetime(2031, 5, 4, 9, 30))
    arrivals = watching(ticket(1, 10))
    assert whys(arrivals.take([naive])) == [(2, "new")]


# -- a first page cut short -------------------------------------------------------------


def test_a_ticket_sliding_up_from_below_the_cut_is_not_assigned() -> None:
    arrivals = Arrivals()
    arrivals.take([ticket(1, 0, status=30), ticket(2, 0, status=20)], more=True)
    # Ticket 1 was resolved; ticket 3, mine all along, moves up onto the first page.
    assert arrivals.take([ticket(2, 0, status=20), ticket(3, 0, status=10)], more=True) == []


def test_a_ticket_ranking_above_the_cut_was_assigned() -> None:
    arrivals = Arrivals()
    arrivals.take([ticket(1, 0, status=30), ticket(2, 0, status=20)], more=True)
    got = arrivals.take([ticket(1, 0, status=30), ticket(3, 0, status=25)], more=True)
    assert whys(got) == [(3, "assigned")]


def test_new_tickets_and_replies_still_count_on_a_cut_page() -> None:
    arrivals = Arrivals()
    arrivals.take([ticket(1, 0, status=30), ticket(2, 0, status=20)], more=True)
    got = arrivals.take([ticket(4, 31), ticket(3, 0, status=5, replies=1, replied=31)], more=True)
    assert whys(got) == [(4, "new"), (3, "reply")]


# -- the agent's own doing --------------------------------------------------------------


def test_an_expected_arrival_is_not_news() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.expect(2)
    assert arrivals.take([ticket(1, 10), ticket(2, 11)]) == []
    assert not arrivals.is_new(2)


def test_an_expectation_is_used_once() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.expect(2)
    arrivals.take([ticket(2, 11)])
    assert whys(arrivals.take([ticket(2, 11, replies=1, replied=12)])) == [(2, "reply")]


def test_an_expectation_waits_for_a_refresh_already_asked() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.expect(2)
    assert arrivals.take([ticket(1, 10)]) == []  # this answer predates the agent's change
    assert arrivals.take([ticket(1, 10), ticket(2, 5)]) == []


def test_an_expectation_that_never_comes_is_forgotten() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.expect(2)
    arrivals.take([ticket(1, 10)])
    arrivals.take([ticket(1, 10)])
    assert whys(arrivals.take([ticket(1, 10), ticket(2, 5)])) == [(2, "assigned")]


def test_an_expectation_before_the_baseline_is_settled_by_it() -> None:
    arrivals = Arrivals()
    arrivals.expect(1)
    arrivals.take([ticket(1, 10)])
    arrivals.take([])
    assert whys(arrivals.take([ticket(1, 10)])) == [(1, "assigned")]


def test_expectations_do_not_pile_up() -> None:
    arrivals = watching(ticket(1, 10))
    for ticket_id in range(100, 100 + MAX_EXPECTED + 50):
        arrivals.expect(ticket_id)
    assert len(arrivals._expected) == MAX_EXPECTED
    # The oldest were let go: ticket 100 arriving is news again.
    assert whys(arrivals.take([ticket(1, 10), ticket(100, 5)])) == [(100, "assigned")]


# -- marked as new ----------------------------------------------------------------------


def test_arrivals_are_marked_new_until_seen() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.take([ticket(1, 10), ticket(2, 11)])
    assert arrivals.marked == {2} and arrivals.is_new(2) and not arrivals.is_new(1)
    arrivals.take([ticket(1, 10), ticket(2, 11)])
    assert arrivals.is_new(2)  # still unopened
    arrivals.seen(2)
    assert arrivals.marked == frozenset()


def test_seeing_an_unmarked_ticket_is_harmless() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.seen(1)
    arrivals.seen(99)
    assert arrivals.marked == frozenset()


def test_a_marked_ticket_that_left_the_queue_is_unmarked() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.take([ticket(1, 10), ticket(2, 11)])
    arrivals.take([ticket(1, 10)])
    assert arrivals.marked == frozenset()


def test_a_marked_ticket_below_the_cut_stays_marked() -> None:
    arrivals = watching(ticket(1, 10))
    arrivals.take([ticket(1, 10), ticket(2, 11)])
    arrivals.take([ticket(1, 10, status=40)], more=True)
    assert arrivals.marked == {2}


def test_marked_is_a_live_view_that_cannot_be_changed_from_outside() -> None:
    arrivals = watching(ticket(1, 10))
    marked = arrivals.marked
    arrivals.take([ticket(1, 10), ticket(2, 11)])
    assert marked == {2}
    arrivals.take([ticket(1, 10)])  # a complete list without it: it left the queue
    assert marked == frozenset()
    assert not hasattr(marked, "add") and not hasattr(marked, "discard")


# -- the notification's line ------------------------------------------------------------


def test_texts_say_why() -> None:
    t = ticket(150)
    assert Arrival(t, "new").text == "New ticket #150: Printer on fire"
    assert Arrival(t, "assigned").text == "Assigned to you: #150 Printer on fire"
    assert Arrival(t, "reply").text == "Customer replied: #150 Printer on fire"
    assert Arrival(t, "reply").label == "#150 Printer on fire"


def test_a_subject_is_made_inert_and_short() -> None:
    hostile = "Hi\x1b]777;notify;pwned;x\x07 there\x07\nsecond line " + "x" * 200
    text = Arrival(ticket(150, subject=hostile), "new").text
    assert text.isprintable() and "\x1b" not in text and "\x07" not in text
    assert "pwned" not in text
    assert text.endswith("…") and len(text) < 90


def test_an_empty_subject_is_named() -> None:
    assert Arrival(ticket(150, subject=""), "assigned").text == "Assigned to you: #150 (no subject)"
