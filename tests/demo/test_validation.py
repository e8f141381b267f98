"""400 `invalid_input` with Deskpro's nesting, `invalid_json_body`, wrong types."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

MESSAGE = {"message": "<p>Hi</p>", "format": "html"}


def invalid(response: httpx.Response) -> dict:
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["status"] == 400
    assert body["code"] == "invalid_input"
    assert body["message"] == "Request input is invalid."
    return body["errors"]


def codes(node: dict) -> list[str]:
    return [error["code"] for error in node["errors"]]


def test_missing_subject(api: httpx.Client) -> None:
    errors = invalid(api.post("tickets", json={"person": "a@example.org", "message": MESSAGE}))
    assert errors["fields"]["subject"] == {
        "errors": [{"code": "required", "message": "This value should not be blank."}]
    }


def test_blank_subject_and_missing_message(api: httpx.Client) -> None:
    errors = invalid(api.post("tickets", json={"subject": "  ", "person": "a@example.org"}))
    assert codes(errors["fields"]["subject"]) == ["required"]
    assert codes(errors["fields"]["message"]) == ["required"]


def test_message_without_text(api: httpx.Client) -> None:
    body = {"subject": "x", "person": "a@example.org", "message": {"format": "html"}}
    errors = invalid(api.post("tickets", json=body))
    assert codes(errors["fields"]["message"]["fields"]["message"]) == ["required"]


def test_non_agent_agent(api: httpx.Client, make_ticket: Callable[..., dict]) -> None:
    errors = invalid(
        api.post("tickets", json={"subject": "x", "person": 113, "agent": 113, "message": MESSAGE})
    )
    assert codes(errors["fields"]["agent"]) == ["person_not_agent"]
    ticket = make_ticket()
    errors = invalid(api.put(f"tickets/{ticket['id']}", json={"agent": 120}))
    assert codes(errors["fields"]["agent"]) == ["person_not_agent"]
    errors = invalid(api.put(f"tickets/{ticket['id']}", json={"agent": 999999}))
    assert codes(errors["fields"]["agent"]) == ["resource_not_found"]


def test_unknown_blob_auth(api: httpx.Client, make_ticket: Callable[..., dict]) -> None:
    message = {**MESSAGE, "attachments": [{"blob_auth": "3AAAAAAAAAAAAAAAAA0", "is_inline": False}]}
    errors = invalid(api.post("tickets", json={"subject": "x", "person": 113, "message": message}))
    node = errors["fields"]["message"]["fields"]["attachments"]["fields"]["attachments_0"]
    assert codes(node) == ["resource_not_found"]
    ticket = make_ticket()
    errors = invalid(api.post(f"tickets/{ticket['id']}/messages", json=message))
    assert "attachments_0" in errors["fields"]["attachments"]["fields"]


def test_unknown_fields(api: httpx.Client, make_ticket: Callable[..., dict]) -> None:
    body = {"subject": "x", "person": 113, "message": MESSAGE, "foo": 1}
    errors = invalid(api.post("tickets", json=body))
    assert errors["errors"] == [{"code": "extra_fields", "message": "Unexpected field names: foo"}]
    ticket = make_ticket()
    errors = invalid(api.put(f"tickets/{ticket['id']}", json={"bar": 2, "subject": "ok"}))
    assert errors["errors"][0]["code"] == "extra_fields"
    assert api.get(f"tickets/{ticket['id']}").json()["data"]["subject"] != "ok"


@pytest.mark.parametrize(
    ("field", "value", "code"),
    [
        ("subject", 42, "invalid_type"),
        ("urgency", "high", "invalid_type"),
        ("urgency", 11, "out_of_range"),
        ("labels", "vip", "invalid_type"),
        ("is_hold", "yes", "invalid_type"),
        ("status", "open", "bad_choice"),
        ("department", 999, "resource_not_found"),
        ("person", "not-an-email", "invalid_email"),
        ("agent", [1], "invalid_type"),
    ],
)
def test_wrong_types(api: httpx.Client, field: str, value: object, code: str) -> None:
    body = {"subject": "x", "person": 113, "message": MESSAGE, field: value}
    errors = invalid(api.post("tickets", json=body))
    assert codes(errors["fields"][field]) == [code]


def test_cc_errors_nest_per_item(api: httpx.Client) -> None:
    body = {"subject": "x", "person": 113, "message": MESSAGE,
            "cc": ["ok@example.org", "support@helpdesk.example.com"]}  # fmt: skip
    errors = invalid(api.post("tickets", json=body))
    assert codes(errors["fields"]["cc"]["fields"]["cc_1"]) == ["system_email"]


def test_every_error_at_once(api: httpx.Client) -> None:
    errors = invalid(api.post("tickets", json={"agent": 113, "foo": True}))
    assert set(errors["fields"]) == {"subject", "person", "message", "agent"}
    assert errors["errors"][0]["code"] == "extra_fields"


@pytest.mark.parametrize("raw", [b"{not json", b'{"subject": "x",}', b"\xff\xfe"])
def test_malformed_json(api: httpx.Client, raw: bytes) -> None:
    response = api.post("tickets", content=raw, headers={"Content-Type": "application/json"})
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_json_body"


def test_json_that_is_not_an_object(api: httpx.Client) -> None:
    response = api.post("tickets", json=["subject"])
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_json_body"


def test_message_body_wrong_types(api: httpx.Client, make_ticket: Callable[..., dict]) -> None:
    ticket = make_ticket()
    body = {"message": 5, "is_note": "maybe", "format": "markdown", "person": "x"}
    errors = invalid(api.post(f"tickets/{ticket['id']}/messages", json=body))
    assert codes(errors["fields"]["message"]) == ["invalid_type"]
    assert codes(errors["fields"]["is_note"]) == ["invalid_type"]
    assert codes(errors["fields"]["format"]) == ["bad_choice"]
    assert codes(errors["fields"]["person"]) == ["invalid_email"]
    # nothing was written
    assert len(api.get(f"tickets/{ticket['id']}/messages").json()["data"]) == 1
