"""The finding and property endpoints each answer to their own tag: `--disallow` refuses
just that one (403), `--missing` hides just that one (404)."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from tui.demo import DemoServer

ENDPOINTS = {
    "search.search.get": "search?q=printer&types=ticket",
    "people.tickets.list": "people/113/tickets",
    "organizations.tickets.list": "organizations/5/tickets",
    "tickets.priorities.list": "ticket_priorities",
    "tickets.custom_fields.list": "ticket_custom_fields",
}
NEIGHBOURS = ("tickets", "people/113", "organizations/5", "ticket_statuses")


@pytest.mark.parametrize("tag", ENDPOINTS)
@pytest.mark.parametrize(("option", "status"), [("disallow", 403), ("missing", 404)])
def test_one_tag_refused_alone(
    make_demo_server: Callable[..., DemoServer],
    client_of: Callable[[DemoServer], httpx.Client],
    tag: str,
    option: str,
    status: int,
) -> None:
    api = client_of(make_demo_server(**{option: (tag,)}))
    refused = api.get(ENDPOINTS[tag])
    assert refused.status_code == status, refused.text
    if status == 403:
        assert refused.json()["code"] == "forbidden" and tag in refused.json()["message"]
    for other_tag, path in ENDPOINTS.items():
        if other_tag != tag:
            assert api.get(path).status_code == 200, path
    for path in NEIGHBOURS:
        assert api.get(path).status_code == 200, path
