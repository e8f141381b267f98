"""Every answer has the field set of the example payloads real servers send."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from tui.demo import facts

EXAMPLES = Path(__file__).parent.parent / "fixtures" / "deskpro-api"


def example(name: str) -> dict:
    return json.loads((EXAMPLES / name).read_text())


def first(data: object) -> dict:
    return data[0] if isinstance(data, list) else data  # type: ignore[index,return-value]


@pytest.mark.parametrize(
    ("fixture", "path"),
    [
        ("ticket.json", f"tickets/{facts.ATTACHMENTS_TICKET_ID}"),
        ("tickets-page.json", "tickets"),
        ("person.json", "people/113"),
        ("agents-page.json", "agents"),
        ("me.json", "me"),
        ("messages-page.json", f"tickets/{facts.ATTACHMENTS_TICKET_ID}/messages"),
        ("attachments-page.json", f"tickets/{facts.ATTACHMENTS_TICKET_ID}/attachments"),
        ("departments-page.json", "ticket_departments"),
        ("ticket-filters-page.json", "ticket_filters"),
        ("ticket-statuses.json", "ticket_statuses"),
        ("discover.json", "helpdesk/discover"),
    ],
)
def test_field_sets_match_the_examples(api: httpx.Client, fixture: str, path: str) -> None:
    expected, actual = example(fixture), api.get(path).json()
    assert set(actual) == {"data", "meta", "linked"}
    want, got = first(expected["data"]), first(actual["data"])
    assert set(want) <= set(got), set(want) - set(got)
    for key, value in want.items():
        if isinstance(value, dict) and value and key != "fields":
            assert set(value) <= set(got[key]), key
    if "pagination" in expected["meta"]:
        assert set(actual["meta"]["pagination"]) == set(expected["meta"]["pagination"])


def test_value_types_follow_the_quirks(api: httpx.Client) -> None:
    ticket = api.get(f"tickets/{facts.ATTACHMENTS_TICKET_ID}").json()["data"]
    assert ticket["date_created"].endswith("+0000") and len(ticket["date_created"]) == 24
    assert isinstance(ticket["is_hold"], bool) and isinstance(ticket["urgency"], int)
    unlabelled = api.get(f"tickets/{facts.HOLD_TICKET_ID}").json()["data"]
    assert unlabelled["labels"] is None  # real servers send null, not []
    path = f"tickets/{facts.ATTACHMENTS_TICKET_ID}/attachments"
    attachment = api.get(path).json()["data"][0]
    assert isinstance(attachment["is_agent_note"], bool)
    blob = api.post("blobs/temp", files={"file": ("panic.txt", b"x")}).json()
    assert set(blob["data"]) == set(example("blob.json")["data"])


@pytest.mark.parametrize(
    ("fixture", "path", "params", "headers"),
    [
        ("error-401.json", "me", {}, {"Authorization": "key 1:WRONG"}),
        ("error-404.json", "tickets/99999999", {}, {}),
        ("error-400-count.json", "tickets", {"count": 500}, {}),
    ],
)
def test_errors_match_the_examples(
    api: httpx.Client, fixture: str, path: str, params: dict, headers: dict
) -> None:
    assert api.get(path, params=params, headers=headers).json() == example(fixture)
