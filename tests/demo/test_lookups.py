"""Agents, people, teams, departments, statuses, labels, filters, organizations, /me."""

from __future__ import annotations

import httpx

from tui.demo import facts


def every_page(api: httpx.Client, path: str) -> list[list[dict]]:
    pages, page = [], 1
    while True:
        body = api.get(path, params={"page": page}).json()
        pages.append(body["data"])
        if page >= body["meta"]["pagination"]["total_pages"]:
            return pages
        page += 1


def test_agents_need_three_pages_and_irene_is_not_on_the_first(api: httpx.Client) -> None:
    pages = every_page(api, "agents")
    assert len(pages) == 3
    assert [len(p) for p in pages] == [10, 10, facts.AGENT_COUNT - 20]
    agents = [a for page in pages for a in page]
    assert [a["id"] for a in agents] == sorted(a["id"] for a in agents)
    assert all(a["is_agent"] for a in agents)
    names = {a["id"]: a["name"] for a in agents}
    assert names[facts.ADMIN_ID] == "Admin"
    assert names[facts.AGENT_ID] == "Agent"
    assert names[facts.ALESIA_BURVIN_ID] == "Alesia Burvin"
    assert names[facts.IRENE_ADLER_ID] == "Irene Adler"
    assert "Irene Adler" not in {a["name"] for a in pages[0]}
    article = {"Athelney Jones", "Chris Padfield", "Greg Lestrade", "Hannah Scott"}
    assert article <= set(names.values())


def test_agent_by_id(api: httpx.Client) -> None:
    agent = api.get(f"agents/{facts.AGENT_ID}").json()["data"]
    assert agent["name"] == "Agent" and agent["teams"]
    assert api.get("agents/100").status_code == 404  # a customer is no agent
    disabled = api.get(f"agents/{facts.DISABLED_AGENT_ID}").json()["data"]
    assert disabled["is_disabled"] is True


def test_people_by_primary_email_ignores_case(api: httpx.Client) -> None:
    body = api.get("people", params={"primary_email": "Lucius.Fairbanks@WAYNE.example"}).json()
    assert [p["id"] for p in body["data"]] == [113]
    assert body["data"][0]["organization"] == 5
    assert body["data"][0]["tickets_count"] > 0
    none = api.get("people", params={"primary_email": "nobody@nowhere.example"}).json()
    assert none["data"] == [] and none["meta"]["pagination"]["total_pages"] == 1
    assert api.get("people/113").json()["data"]["name"] == "Lucius Fairbanks"
    assert api.get("people/424242").status_code == 404


def test_people_include_customers_with_and_without_organizations(api: httpx.Client) -> None:
    people = [p for page in every_page(api, "people?count=200") for p in page]
    customers = [p for p in people if not p["is_agent"]]
    assert len(customers) >= 50
    assert any(p["organization"] for p in customers)
    assert any(p["organization"] is None for p in customers)


def test_departments_have_a_child(api: httpx.Client) -> None:
    departments = api.get("ticket_departments").json()["data"]
    titles = {d["title"] for d in departments}
    assert {"Support", "Sales", "Billing"} <= titles
    support = next(d for d in departments if d["title"] == "Support")
    assert support["children"]
    child = api.get(f"ticket_departments/{support['children'][0]}").json()["data"]
    assert child["parent"] == support["id"]


def test_agent_teams_list_members(api: httpx.Client) -> None:
    teams = api.get("agent_teams").json()["data"]
    assert len(teams) >= 3
    assert all(team["members"] for team in teams)
    admin = api.get(f"agents/{facts.ADMIN_ID}").json()["data"]
    assert set(admin["teams"]) <= {t["id"] for t in teams}


def test_statuses_cover_active_inactive_and_hidden_kinds(api: httpx.Client) -> None:
    data = api.get("ticket_statuses").json()["data"]
    codes = {s["status_code"]: s["status_type"] for s in data}
    assert codes["awaiting_agent"] == "awaiting_agent"
    assert codes["hidden.spam"] == "hidden"
    assert {"resolved", "archived", "pending", "hidden.deleted"} <= set(codes)


def test_labels_and_priorities(api: httpx.Client) -> None:
    labels = [x for page in every_page(api, "ticket_labels") for x in page]
    assert {"vip", "billing", "bug"} <= {x["label"] for x in labels}
    assert api.get("ticket_priorities").json()["data"]


def test_ticket_filters(api: httpx.Client) -> None:
    filters = api.get("ticket_filters").json()["data"]
    by_id = {f["id"]: f for f in filters}
    assert by_id[facts.FILTER_MY_TICKETS]["title"] == "My tickets"
    assert by_id[facts.FILTER_MY_TICKETS]["sys_name"] == "agent"
    assert by_id[facts.FILTER_VIP]["title"] == "VIP customers"
    assert by_id[facts.FILTER_URGENT]["title"] == "Urgent"
    assert all(isinstance(f["term"], list) for f in filters)
    one = api.get(f"ticket_filters/{facts.FILTER_VIP}").json()["data"]
    assert one == by_id[facts.FILTER_VIP]


def test_organizations(api: httpx.Client) -> None:
    orgs = api.get("organizations").json()
    assert orgs["meta"]["pagination"]["total"] >= 10
    assert api.get("organizations/5").json()["data"]["name"] == "Wayne Foundation"


def test_ids_filter_on_lookups(api: httpx.Client) -> None:
    agents = api.get("agents", params={"ids": f"{facts.AGENT_ID},{facts.IRENE_ADLER_ID}"})
    assert [a["id"] for a in agents.json()["data"]] == [facts.AGENT_ID, facts.IRENE_ADLER_ID]


def test_custom_fields(api: httpx.Client) -> None:
    fields = {f["id"]: f["title"] for f in api.get("ticket_custom_fields").json()["data"]}
    assert fields[7] == "Product"
