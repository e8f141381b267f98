"""The seed data: deterministic, realistic, with the hostile content later tests need."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from tui.demo import DemoServer, facts
from tui.demo.db import Database
from tui.demo.statuses import CODES

EVERY_STATUS = ",".join(sorted(CODES))
ANCHOR = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
MakeServer = Callable[..., DemoServer]
ClientOf = Callable[[DemoServer], httpx.Client]


def every_ticket(api: httpx.Client) -> list[dict]:
    found, page = [], 1
    while True:
        body = api.get("tickets", params={"status": EVERY_STATUS, "count": 200, "page": page})
        found += body.json()["data"]
        if page >= body.json()["meta"]["pagination"]["total_pages"]:
            return found
        page += 1


def messages(api: httpx.Client, ticket_id: int) -> list[dict]:
    return api.get(f"tickets/{ticket_id}/messages", params={"count": 200}).json()["data"]


def test_same_seed_same_data(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    first, second, other = (client_of(make_demo_server(seed=s, now=ANCHOR)) for s in (1, 1, 2))
    assert every_ticket(first) == every_ticket(second)
    assert messages(first, 40) == messages(second, 40)
    assert every_ticket(first) != every_ticket(other)


def test_seed_data_is_pinned(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    """UI snapshot tests render this data: changing the seed means updating them too."""
    tickets = every_ticket(client_of(make_demo_server(now=ANCHOR)))
    digest = hashlib.sha256(json.dumps(tickets, sort_keys=True).encode()).hexdigest()
    # Seeded at ANCHOR, long past: its locks have expired, so they are served as none.
    assert digest == "6b4564ab672287d076d126860bf5a1099f680b5b6bef519746372abf7ab00c75"


def test_dates_spread_over_six_months_before_the_anchor(
    make_demo_server: MakeServer, client_of: ClientOf
) -> None:
    tickets = every_ticket(client_of(make_demo_server(now=ANCHOR)))
    assert len(tickets) == facts.SEED_TICKET_COUNT
    created = sorted(datetime.strptime(t["date_created"], "%Y-%m-%dT%H:%M:%S%z") for t in tickets)
    assert created[0] >= ANCHOR - timedelta(days=181)
    assert created[-1] <= ANCHOR
    assert created[-1] - created[0] > timedelta(days=120)
    assert [t["id"] for t in tickets] == list(range(1, facts.SEED_TICKET_COUNT + 1))


def test_every_status_appears(api: httpx.Client) -> None:
    seen = {t["ticket_status"] for t in every_ticket(api) if t["id"] <= facts.SEED_TICKET_COUNT}
    assert seen >= CODES - {"hidden"}


def test_hostile_tickets(api: httpx.Client) -> None:
    def get(ticket_id: int) -> dict:
        return api.get(f"tickets/{ticket_id}").json()["data"]

    assert "[bold red]Refund[/]" in get(facts.RICH_MARKUP_TICKET_ID)["subject"]
    cjk = get(facts.CJK_TICKET_ID)
    assert cjk["subject"] == "プリンターが動かない 打印机无法打印"
    assert "打印机" in messages(api, facts.CJK_TICKET_ID)[0]["message"]
    script = messages(api, facts.SCRIPT_TICKET_ID)[0]["message"]
    assert "<script>" in script and "<style>" in script
    assert "alert" not in messages(api, facts.SCRIPT_TICKET_ID)[0]["message_preview_text"]
    assert "<table>" in messages(api, facts.TABLE_TICKET_ID)[0]["message"]
    assert len(get(facts.LONG_SUBJECT_TICKET_ID)["subject"]) > 150
    assert get(facts.LOCKED_TICKET_ID)["locked_by_agent"] == 8
    assert get(facts.HOLD_TICKET_ID)["is_hold"] is True
    active = api.get("tickets", params={"ids": "141,142,143,144,145,146,147,148"})
    assert active.json()["meta"]["pagination"]["total"] == 8


def test_conversations_are_rich_html(api: httpx.Client) -> None:
    html = " ".join(m["message"] for t in range(1, 60) for m in messages(api, t))
    for marker in ("<blockquote>", "<ul>", "<ol>", "<a href=", "&amp;", "<strong>", "<code>"):
        assert marker in html, marker
    notes = [m for t in range(1, 60) for m in messages(api, t) if m["is_agent_note"]]
    assert notes


def test_seed_has_sla_labels_urgency_and_attachments(api: httpx.Client) -> None:
    tickets = [t for t in every_ticket(api) if t["id"] <= facts.SEED_TICKET_COUNT]
    assert {"ok", "warning", "fail"} <= {t["worst_sla_status"] for t in tickets}
    assert len({t["urgency"] for t in tickets}) >= 6
    assert sum(1 for t in tickets if t["labels"]) > 50
    assert sum(1 for t in tickets if t["has_attachments"]) >= 10
    mine = [t for t in tickets if t["agent"] == facts.ADMIN_ID and t["status"] != "resolved"]
    assert len(mine) >= 5


def test_generated_tickets(make_demo_server: MakeServer, client_of: ClientOf) -> None:
    api = client_of(make_demo_server(tickets=2000))
    total = api.get("tickets", params={"status": EVERY_STATUS}).json()["meta"]["pagination"]
    assert total["total"] == 2000
    active = api.get("tickets").json()["meta"]["pagination"]["total"]
    assert 0 < active < 2000
    assert messages(api, 1999)
    assert api.get("agents").json()["meta"]["pagination"]["total"] == facts.AGENT_COUNT


def test_a_database_file_survives_a_restart(tmp_path: Path, client_of: ClientOf) -> None:
    path = str(tmp_path / "demo.sqlite3")
    with DemoServer(db=path) as server:
        ticket = client_of(server).post(
            "tickets", json={"subject": "Persisted", "person": 113, "message": {"message": "x"}}
        )
        ticket_id = ticket.json()["data"]["id"]
    with DemoServer(db=path, seed=99) as server:  # already seeded: the seed is not re-applied
        again = client_of(server).get(f"tickets/{ticket_id}")
        assert again.json()["data"]["subject"] == "Persisted"


def test_a_database_from_another_schema_is_rebuilt(tmp_path: Path, client_of: ClientOf) -> None:
    path = str(tmp_path / "old.sqlite3")
    with DemoServer(db=path):
        pass
    old = Database(path)
    old.set_meta("schema", "0")
    old.execute("INSERT INTO labels (label) VALUES ('left-over')")
    old.close()
    with DemoServer(db=path) as server:
        labels = client_of(server).get("ticket_labels", params={"count": 200}).json()["data"]
        assert "left-over" not in {x["label"] for x in labels}
