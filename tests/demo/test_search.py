"""`GET /search?q=..&types=ticket`: every status, every word, newest first, capped."""

from __future__ import annotations

import httpx

from tui.demo import facts
from tui.demo.statuses import CODES

EVERY_STATUS = ",".join(sorted(CODES))


def found(api: httpx.Client, q: str, **params: object) -> list[dict]:
    response = api.get("search", params={"q": q, "types": "ticket", **params})
    assert response.status_code == 200, response.text
    body = response.json()
    [group] = body["data"]["grouped_results"]
    assert group["type"] == "ticket"
    return group["results"]


def active_ids(api: httpx.Client) -> set[int]:
    body = api.get("tickets", params={"count": 200}).json()
    assert body["meta"]["pagination"]["total_pages"] == 1
    return {t["id"] for t in body["data"]}


def test_a_resolved_ticket_is_found_by_its_ref(api: httpx.Client) -> None:
    resolved = api.get("tickets", params={"status": "resolved"}).json()["data"][0]
    assert resolved["id"] not in active_ids(api)
    results = found(api, resolved["ref"].lower())
    assert [t["id"] for t in results] == [resolved["id"]]


def test_results_are_serialised_like_ticket_list_items(api: httpx.Client) -> None:
    results = found(api, "printer")
    assert len(results) >= 2
    ids = ",".join(str(t["id"]) for t in results)
    listed = api.get("tickets", params={"ids": ids, "status": EVERY_STATUS, "count": 200})
    by_id = {t["id"]: t for t in listed.json()["data"]}
    assert results == [by_id[t["id"]] for t in results]


def test_every_word_must_match_ignoring_case(api: httpx.Client) -> None:
    printer = found(api, "Printer")
    blank = found(api, "PRINTER blank pages")
    assert blank and len(blank) <= len(printer)
    assert {t["id"] for t in blank} <= {t["id"] for t in printer}
    assert all("blank" in t["subject"].lower() for t in blank)
    assert found(api, "printer qzxwvut") == []


def test_the_requesters_name_and_email_match(api: httpx.Client) -> None:
    by_name = found(api, "lucius fairbanks")
    by_email = found(api, "lucius.fairbanks@wayne.example")
    assert by_name and {t["person"] for t in by_name} == {113}
    assert [t["id"] for t in by_email] == [t["id"] for t in by_name]
    history = api.get("people/113/tickets", params={"count": 50}).json()["data"]
    assert {t["id"] for t in by_name} == {t["id"] for t in history}
    assert "resolved" in {t["status"] for t in by_name}


def test_message_text_and_id_match(api: httpx.Client) -> None:
    assert facts.CJK_TICKET_ID in {t["id"] for t in found(api, "services.msc")}
    assert facts.TABLE_TICKET_ID in {t["id"] for t in found(api, str(facts.TABLE_TICKET_ID))}


def test_newest_first_and_capped_at_fifty(api: httpx.Client) -> None:
    results = found(api, "the")
    assert len(results) == 50
    keys = [(t["date_created"], t["id"]) for t in results]
    assert keys == sorted(keys, reverse=True)


def test_like_wildcards_are_taken_literally(api: httpx.Client) -> None:
    assert found(api, "printer")
    assert found(api, "pr_nter") == []
    assert found(api, "pr%er") == []


def test_a_missing_or_blank_q_is_invalid_input(api: httpx.Client) -> None:
    for params in ({}, {"q": ""}, {"q": "   ", "types": "ticket"}):
        response = api.get("search", params=params)
        assert response.status_code == 400, params
        body = response.json()
        assert body["code"] == "invalid_input"
        assert body["errors"]["fields"]["q"]["errors"][0]["code"] == "required"


def test_only_the_ticket_type_is_served(api: httpx.Client) -> None:
    people = api.get("search", params={"q": "printer", "types": "person"}).json()
    assert people["data"] == {"grouped_results": []}
    both = api.get("search", params={"q": "printer", "types": "person,ticket"}).json()
    assert [g["type"] for g in both["data"]["grouped_results"]] == ["ticket"]
    default = api.get("search", params={"q": "printer"}).json()["data"]["grouped_results"]
    assert [g["type"] for g in default] == ["ticket"]


def test_include_sideloads_the_requesters(api: httpx.Client) -> None:
    body = api.get("search", params={"q": "printer", "include": "person"}).json()
    results = body["data"]["grouped_results"][0]["results"]
    assert {str(t["person"]) for t in results} == set(body["linked"]["person"])


def test_custom_field_values_are_searched_choices_by_title(api: httpx.Client) -> None:
    def found(q: str) -> list[dict]:
        body = api.get("search", params={"q": q, "types": "ticket"}).json()
        return body["data"]["grouped_results"][0]["results"]

    by_title = found("Reporting add-on")
    assert by_title and all(t["fields"]["7"]["value"] == [704] for t in by_title)
    order = next(t for t in found("ORD-") if "8" in t["fields"])
    assert found(order["fields"]["8"]["value"])[0]["id"] == order["id"]
