"""Filter terms asked of a ticket at hand (what narrows `/search`'s answers, which the
endpoint cannot filter): the same terms, and the same meaning, `/` sends to `/tickets`."""

from __future__ import annotations

from datetime import UTC, datetime

from tui.api import Ticket
from tui.state import FilterNames, parse_filter
from tui.state.terms import Terms

NAMES = FilterNames(me_id=7)


def ticket(**fields: object) -> Ticket:
    fields.setdefault("status", "awaiting_agent")
    return Ticket(id=1, **fields)  # type: ignore[arg-type]


def admits(text: str, t: Ticket) -> bool:
    query = parse_filter(text, NAMES)
    assert query.errors == [] and query.words == []
    return Terms.of(query).admit(t)


def test_no_terms_admit_every_ticket() -> None:
    assert not Terms()
    assert Terms().admit(ticket(status="resolved"))


def test_status_admits_any_of_the_codes_named() -> None:
    assert admits("status:resolved", ticket(status="resolved"))
    assert not admits("status:resolved", ticket(status="awaiting_agent"))
    assert admits("status:resolved,archived", ticket(status="archived"))


def test_a_sub_status_is_of_its_status() -> None:
    spam = ticket(status="hidden", ticket_status="hidden.spam")
    assert admits("status:hidden", spam)
    assert admits("status:hidden.spam", spam)
    assert not admits("status:hidden.deleted", spam)
    assert admits("status:hidden.spam", ticket(status="hidden"))  # no sub-status said


def test_agent_me_and_none() -> None:
    assert admits("agent:me", ticket(agent=7))
    assert not admits("agent:me", ticket(agent=8))
    assert admits("agent:none", ticket(agent=None))
    assert not admits("agent:none", ticket(agent=7))


def test_department_label_and_urgency() -> None:
    assert Terms(params=(("department", 3),)).admit(ticket(department=3))
    assert not Terms(params=(("department", 3),)).admit(ticket(department=4))
    assert admits("label:VIP", ticket(labels=["vip", "billing"]))  # labels ignore case
    assert not admits("label:vip", ticket(labels=None))
    assert admits("urgency:>5", ticket(urgency=8))
    assert not admits("urgency:>5", ticket(urgency=5))


def test_created_holds_whole_days_and_open_ends() -> None:
    late = ticket(date_created=datetime(2020, 4, 7, 23, 30, tzinfo=UTC))
    assert admits("created:2019-06-16..2020-04-07", late)  # the end day whole
    assert not admits("created:2019-06-16..2020-04-06", late)
    assert admits("created:2020-04-07", late)
    assert admits("created:..2020-04-07", late) and admits("created:2020-01-01..", late)
    assert not admits("created:2020-04-08..", late)
    assert not admits("created:2020-04-07", ticket())  # no date: in no range


def test_every_term_must_hold() -> None:
    t = ticket(status="resolved", agent=7, urgency=2)
    assert admits("status:resolved agent:me", t)
    assert not admits("status:resolved agent:me urgency:>5", t)


def test_a_term_only_the_helpdesk_can_judge_admits() -> None:
    assert Terms(params=(("ticket_field.7", "x"),)).admit(ticket())
