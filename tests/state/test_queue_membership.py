"""Which tickets a queue holds by its own terms (`QueueSpec.admits`), and taking tickets
that left a queue out of its view at once (`QueueView.drop`)."""

from __future__ import annotations

import pytest

from tui.api import Ticket, TicketFilter
from tui.state import QueueSpec, QueueView, filter_queue, standard_queues
from tui.state.queues import ACTIVE_STATUSES, INACTIVE_STATUSES

ME, OTHER = 7, 42
QUEUES = {q.key: q for q in standard_queues(ME)}


def ticket(status: str = "awaiting_agent", agent: int | None = ME, id: int = 1) -> Ticket:
    return Ticket(id=id, status=status, agent=agent)


# -- admits ---------------------------------------------------------------------------


@pytest.mark.parametrize("status", ACTIVE_STATUSES)
def test_mine_admits_my_active_tickets(status: str) -> None:
    assert QUEUES["mine"].admits(ticket(status)) is True


@pytest.mark.parametrize("status", INACTIVE_STATUSES)
def test_mine_does_not_admit_my_inactive_tickets(status: str) -> None:
    assert QUEUES["mine"].admits(ticket(status)) is False


@pytest.mark.parametrize("agent", [OTHER, None])
def test_mine_does_not_admit_another_agents_or_nobodys_ticket(agent: int | None) -> None:
    assert QUEUES["mine"].admits(ticket(agent=agent)) is False


@pytest.mark.parametrize("agent", [None, 0])  # Deskpro sends 0 for "no agent" too
def test_unassigned_admits_an_active_ticket_with_no_agent(agent: int | None) -> None:
    assert QUEUES["unassigned"].admits(ticket(agent=agent)) is True


def test_unassigned_does_not_admit_an_assigned_or_resolved_ticket() -> None:
    assert QUEUES["unassigned"].admits(ticket(agent=ME)) is False
    assert QUEUES["unassigned"].admits(ticket("resolved", agent=None)) is False


@pytest.mark.parametrize("agent", [ME, OTHER, None])
def test_active_admits_every_active_ticket_whoever_holds_it(agent: int | None) -> None:
    assert QUEUES["active"].admits(ticket("awaiting_user", agent=agent)) is True


@pytest.mark.parametrize("status", INACTIVE_STATUSES)
def test_active_does_not_admit_an_inactive_ticket(status: str) -> None:
    assert QUEUES["active"].admits(ticket(status)) is False


def test_a_status_queue_admits_only_its_status() -> None:
    assert QUEUES["awaiting_user"].admits(ticket("awaiting_user", agent=OTHER)) is True
    assert QUEUES["awaiting_user"].admits(ticket("awaiting_agent")) is False
    assert QUEUES["resolved"].admits(ticket("resolved", agent=None)) is True
    assert QUEUES["resolved"].admits(ticket("pending")) is False
    assert QUEUES["archived"].admits(ticket("archived")) is True


def test_a_status_code_with_a_sub_status_matches_its_type() -> None:
    spec = QueueSpec("spam", "Spam", status=("hidden.spam",))
    assert spec.admits(ticket("hidden")) is True
    assert spec.admits(ticket("resolved")) is False


def test_a_saved_filter_queue_leaves_it_to_the_helpdesk() -> None:
    spec = filter_queue(TicketFilter(id=105, title="VIP"))
    assert spec.admits(ticket()) is None
    assert spec.admits(ticket("resolved")) is None


def test_a_queue_refined_by_other_terms_leaves_it_to_the_helpdesk() -> None:
    spec = QUEUES["mine"].refined(None, {"labels": "vip"})
    assert spec.admits(ticket()) is None
    assert spec.admits(ticket(agent=OTHER)) is None


def test_a_queue_refined_by_status_alone_still_answers() -> None:
    spec = QUEUES["mine"].refined(("resolved",), {})
    assert spec.admits(ticket("resolved")) is True
    assert spec.admits(ticket("awaiting_agent")) is False
    assert spec.admits(ticket("resolved", agent=OTHER)) is False


# -- drop -----------------------------------------------------------------------------


def three_pages() -> QueueView:
    """A view of 8 tickets in pages of 3, all loaded."""
    view = QueueView(QUEUES["active"], page_size=3)
    view.set_page(1, [1, 2, 3], total=8)
    view.set_page(2, [4, 5, 6], total=8)
    view.set_page(3, [7, 8], total=8)
    return view


def test_drop_takes_the_ticket_out_and_forgets_later_pages() -> None:
    view = three_pages()
    view.drop([5])
    assert view.pages == {1: [1, 2, 3], 2: [4, 6]}
    assert view.total == 7
    assert view.index_of(5) is None


def test_drop_of_several_pages_keeps_the_first_touched() -> None:
    view = three_pages()
    view.drop({2, 5, 8})
    assert view.pages == {1: [1, 3]}
    assert view.total == 5


def test_drop_of_ids_not_loaded_changes_nothing() -> None:
    view = three_pages()
    view.drop([99, 100])
    view.drop([])
    assert view.pages == {1: [1, 2, 3], 2: [4, 5, 6], 3: [7, 8]}
    assert view.total == 8


def test_drop_on_a_view_not_loaded_changes_nothing() -> None:
    view = QueueView(QUEUES["mine"])
    view.drop([1])
    assert (view.pages, view.total) == ({}, None)
