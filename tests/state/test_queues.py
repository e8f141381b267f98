from tui.api import TicketFilter
from tui.state import QueueView, filter_queue, standard_queues


def test_standard_queues_name_inactive_statuses_explicitly() -> None:
    queues = {q.key: q for q in standard_queues(me_id=5)}
    assert queues["mine"].api_filters() == {"agent": 5}
    assert queues["unassigned"].api_filters() == {"agent": 0}
    assert queues["active"].status is None
    assert queues["resolved"].status == ("resolved",)
    assert queues["archived"].status == ("archived",)
    assert list(queues)[:3] == ["mine", "unassigned", "active"]


def test_filter_queue_uses_the_filter_id() -> None:
    spec = filter_queue(TicketFilter(id=105, title="VIP"))
    assert (spec.key, spec.title, spec.filter_id) == ("filter:105", "VIP", 105)


def test_view_pages_load_on_demand_and_hold_only_viewed_pages() -> None:
    view = QueueView(standard_queues(1)[2], page_size=10)
    assert view.missing_pages(0, 9) == [1]
    view.set_page(1, list(range(100, 110)), total=95)
    assert view.id_at(3) == 103
    assert view.id_at(12) is None
    assert view.missing_pages(5, 25) == [2, 3]
    assert view.missing_pages(90, 200) == [10]  # clipped to the total
    view.set_page(10, [1, 2, 3, 4, 5], total=95)
    assert view.id_at(94) == 5
    assert sorted(view.pages) == [1, 10]
    assert view.index_of(4) == 93


def test_a_changed_total_forgets_other_pages() -> None:
    view = QueueView(standard_queues(1)[2], page_size=2)
    view.set_page(1, [1, 2], total=4)
    view.set_page(2, [3, 4], total=4)
    view.set_page(1, [9, 1], total=5)
    assert view.pages == {1: [9, 1]}


def test_refined_spec_keeps_base_filters_and_takes_term_status() -> None:
    mine = standard_queues(3)[0]
    refined = mine.refined(("resolved",), {"labels": "vip"})
    assert refined.status == ("resolved",)
    assert refined.api_filters() == {"agent": 3, "labels": "vip"}
    assert refined != mine and hash(refined) != hash(mine)
