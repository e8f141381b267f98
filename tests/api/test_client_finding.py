"""Finding tickets and the properties a helpdesk defines: `/search`, a requester's or an
organization's tickets, priorities and custom fields (shapes from deskpro-api.md)."""

from __future__ import annotations

import pytest

from tui.api import ResponseFormatError
from tui.api.properties import CustomField

from .conftest import ClientFactory, Recorder, envelope, json_response, load_example, query


def searched(*groups: dict[str, object]) -> Recorder:
    return Recorder(lambda _r: json_response(envelope({"grouped_results": list(groups)})))


async def test_search_asks_for_tickets_and_reads_the_ticket_group(
    make_client: ClientFactory,
) -> None:
    ticket = load_example("ticket")["data"]
    rec = searched(
        {"type": "person", "results": [{"id": 9}]}, {"type": "ticket", "results": [ticket]}
    )
    found = await make_client(rec).search_tickets("printer jam")
    assert [t.id for t in found] == [ticket["id"]]
    assert rec.last.url.path == "/api/v2/search"
    assert query(rec.last) == [("q", "printer jam"), ("types", "ticket")]


async def test_search_with_no_ticket_group_finds_nothing(make_client: ClientFactory) -> None:
    assert await make_client(searched()).search_tickets("nothing") == []


async def test_search_results_of_another_shape_are_said_to_be_unreadable(
    make_client: ClientFactory,
) -> None:
    rec = Recorder(lambda _r: json_response(envelope({"grouped_results": "oops"})))
    with pytest.raises(ResponseFormatError):
        await make_client(rec).search_tickets("x")


@pytest.mark.parametrize(
    ("owner", "path"),
    [("people", "/api/v2/people/7/tickets"), ("organizations", "/api/v2/organizations/7/tickets")],
)
async def test_a_requesters_or_organizations_tickets_are_one_page(
    make_client: ClientFactory, owner: str, path: str
) -> None:
    rec = Recorder(lambda _r: json_response(load_example("tickets-page")))
    page = await make_client(rec).list_tickets_of(owner, 7, count=10, order_by="date_created")  # type: ignore[arg-type]
    assert page.items and rec.last.url.path == path
    assert ("count", "10") in query(rec.last) and ("order_by", "date_created") in query(rec.last)


async def test_custom_fields_keep_their_widget_and_choices(make_client: ClientFactory) -> None:
    raw = {
        "id": 4,
        "title": "Product",
        "widget_type": "choice",
        "choices": [{"id": 41, "title": "Cloud"}, {"id": 42, "title": "Mobile app"}],
        "is_enabled": True,
        "unknown_to_us": "ignored",
    }
    rec = Recorder(lambda _r: json_response(envelope([raw], total=1, count=1, per_page=200)))
    [field] = await make_client(rec).list_ticket_custom_fields()
    assert isinstance(field, CustomField) and field.widget_type == "choice"
    assert [(c.id, c.title) for c in field.choices] == [(41, "Cloud"), (42, "Mobile app")]
    assert rec.last.url.path == "/api/v2/ticket_custom_fields"


async def test_priorities_are_read(make_client: ClientFactory) -> None:
    raw = [{"id": 1, "title": "Low", "display_order": 1}, {"id": 2, "title": "High"}]
    rec = Recorder(lambda _r: json_response(envelope(raw, total=2, count=2, per_page=200)))
    priorities = await make_client(rec).list_ticket_priorities()
    assert [(p.id, p.title) for p in priorities] == [(1, "Low"), (2, "High")]
