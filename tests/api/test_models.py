"""Every model parsed from the example payloads, each documented quirk, and edge cases."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from pydantic import ValidationError

from tui.api import (
    Agent,
    AgentTeam,
    Attachment,
    Blob,
    Department,
    Discover,
    Label,
    Me,
    Message,
    Person,
    Ticket,
    TicketFilter,
    TicketStatus,
)

from .conftest import load_example


def data(name: str) -> Any:
    return load_example(name)["data"]


# -- the examples ---------------------------------------------------------------------


def test_ticket_example() -> None:
    t = Ticket.model_validate(data("ticket"))
    assert t.id == 3432
    assert t.ref == "SDST-2025XON927"
    assert t.subject == "Developer Hub: Support Enquiry"
    assert (t.status, t.ticket_status) == ("awaiting_user", "awaiting_user")
    assert (t.person, t.person_email, t.agent, t.agent_team) == (61, "bob@example.com", 61, 8)
    assert (t.department, t.organization, t.priority) == (37, 13, None)
    assert t.urgency == 1
    assert t.labels == []  # `labels: null`
    assert t.is_hold is False
    assert t.has_attachments is True
    assert t.date_created == datetime(2025, 5, 1, 8, 2, 2, tzinfo=UTC)
    assert t.date_resolved is None
    assert t.date_status == datetime(2025, 5, 20, 7, 24, 41, tzinfo=UTC)
    assert t.locked_by_agent is None
    assert t.date_locked is None
    assert (t.count_agent_replies, t.count_user_replies) == (3, 0)
    assert t.worst_sla_status is None
    assert t.fields["7"] == {"aliases": [], "value": "Finding the API I need"}
    assert t.last_activity == datetime(2025, 5, 20, 7, 24, 41, tzinfo=UTC)


def test_tickets_page_example_labels_list() -> None:
    t = Ticket.model_validate(data("tickets-page")[0])
    assert t.labels == ["vip"]
    assert t.agent == 42


def test_person_example() -> None:
    p = Person.model_validate(data("person"))
    assert p.id == 82
    assert p.name == "dave testerson"
    assert (p.first_name, p.last_name) == ("dave", "testerson")
    assert p.primary_email == "dave@example.com"
    assert p.is_agent is False
    assert p.teams == []
    assert p.primary_team is None
    assert p.organization is None
    assert p.label == "dave testerson"


def test_agent_example() -> None:
    a = Agent.model_validate(data("agents-page")[0])
    assert Agent is Person
    assert a.id == 42
    assert a.display_name == "Phil Rigby"
    assert a.is_agent is True
    assert a.online is True
    assert a.teams == [8]
    assert a.primary_team == 8
    assert (a.is_disabled, a.is_deleted) == (False, False)


def test_me_example() -> None:
    me = Me.model_validate(data("me"))
    assert me.auth_method == "api_key"
    assert me.person_id == 42
    assert me.person.name == "Phil Rigby"
    assert me.person.is_agent is True


def test_discover_example() -> None:
    d = Discover.model_validate(data("discover"))
    assert d.is_deskpro is True
    assert d.helpdesk_url == "https://help.example.com/"
    assert d.base_api_url == "https://help.example.com/api/v2/"
    assert (d.build, d.build_name, d.is_cloud) == ("1477995658", "2026.1.2", True)


def test_department_example() -> None:
    d = Department.model_validate(data("departments-page")[0])
    assert (d.id, d.title, d.user_title) == (1, "Support", "Support")
    assert d.parent is None
    assert d.children == []
    assert d.is_tickets_enabled is True
    assert d.display_order == 0


def test_ticket_filter_example() -> None:
    f = TicketFilter.model_validate(data("ticket-filters-page")[0])
    assert (f.id, f.title, f.sys_name, f.display_order) == (105, "All", "all", 5)
    assert f.ticket_filter_set == 1
    assert len(f.term) == 2
    assert f.term[0]["options"] == {"status": "awaiting_agent"}


def test_ticket_status_objects_example() -> None:
    statuses = [TicketStatus.coerce(raw) for raw in data("ticket-statuses")]
    assert [(s.status_code, s.status_type, s.title) for s in statuses] == [
        ("awaiting_agent", "awaiting_agent", "Awaiting Agent"),
        ("hidden.spam", "hidden", "Spam"),
    ]


def test_blob_example() -> None:
    b = Blob.model_validate(data("blob"))
    assert (b.blob_id, b.blob_auth) == (26854, "26854KPJHXXQWRNRQHBQ0")
    assert b.blob_auth_id == "26854-26854KPJHXXQWRNRQHBQ0"
    assert b.download_url.endswith("/file.php/26854KPJHXXQWRNRQHBQ0/panic.txt")
    assert (b.filename, b.content_type, b.filesize_readable) == (
        "panic.txt",
        "text/plain",
        "183.00 B",
    )
    assert (b.is_image, b.is_temp) == (False, True)


def test_attachment_example_is_agent_note_bool() -> None:
    a = Attachment.model_validate(data("attachments-page")[0])
    assert (a.id, a.ticket, a.person, a.message) == (83, 3432, 1, 6504)
    assert a.is_agent_note is False
    assert a.is_inline is False
    assert a.blob.blob_id == 27604
    assert a.blob.filename == "panic.txt"
    assert a.blob.is_temp is False


def test_messages_example_is_agent_note_int() -> None:
    first, second = (Message.model_validate(raw) for raw in data("messages-page"))
    assert (first.id, first.ticket, first.person) == (3698, 3432, 61)
    assert first.is_agent_note is False  # 0
    assert second.is_agent_note is True  # 1
    assert first.attachments == [60]
    assert second.attachments == []
    assert first.message.startswith("<p>Reply from the agent.")
    assert first.message_preview_text == "Reply from the agent. What else do you need?"
    assert first.date_created == datetime(2025, 5, 19, 11, 54, 53, tzinfo=UTC)


# -- quirks and edge cases --------------------------------------------------------------


def test_unknown_fields_are_ignored_not_kept() -> None:
    t = Ticket.model_validate({"id": 1, "brand_new_field": {"x": 1}, "auth": "SECRET"})
    assert t.id == 1
    assert not hasattr(t, "brand_new_field")
    assert "auth" not in t.model_dump()


def test_missing_fields_default() -> None:
    t = Ticket.model_validate({"id": 5})
    assert (t.ref, t.subject, t.status) == ("", "", "")
    assert t.agent is None
    assert t.labels == []
    assert t.fields == {}
    assert t.urgency == 0
    assert t.last_activity is None
    p = Person.model_validate({"id": 9})
    assert p.label == "#9"
    assert p.teams == []


@pytest.mark.parametrize(
    ("name", "email", "display", "expected"),
    [
        ("", "x@example.com", "", "x@example.com"),
        ("Name", "x@example.com", "", "Name"),
        ("Name", None, "Display", "Display"),
    ],
)
def test_person_label_preference(name: str, email: str | None, display: str, expected: str) -> None:
    p = Person.model_validate(
        {"id": 1, "name": name, "primary_email": email, "display_name": display}
    )
    assert p.label == expected


def test_required_fields_missing_raise() -> None:
    with pytest.raises(ValidationError):
        Ticket.model_validate({"subject": "no id"})
    with pytest.raises(ValidationError):
        Blob.model_validate({"blob_id": 1})  # no blob_auth


def test_unknown_status_string_kept() -> None:
    t = Ticket.model_validate({"id": 1, "status": "custom.escalated", "ticket_status": "x.y"})
    assert t.status == "custom.escalated"
    assert t.ticket_status == "x.y"


@pytest.mark.parametrize("raw", [0, "0", "", None])
def test_agent_zero_or_empty_means_unassigned(raw: Any) -> None:
    assert Ticket.model_validate({"id": 1, "agent": raw}).agent is None


@pytest.mark.parametrize(("raw", "expected"), [(42, 42), ("42", 42), ({"id": 42, "name": "P"}, 42)])
def test_related_id_forms(raw: Any, expected: int) -> None:
    t = Ticket.model_validate({"id": 1, "agent": raw, "department": raw, "person": raw})
    assert (t.agent, t.department, t.person) == (expected, expected, expected)


def test_wrong_but_coercible_types() -> None:
    t = Ticket.model_validate(
        {
            "id": "3432",
            "urgency": "7",
            "is_hold": 1,
            "has_attachments": "true",
            "count_agent_replies": None,
            "count_user_replies": "2",
        }
    )
    assert (t.id, t.urgency, t.is_hold, t.has_attachments) == (3432, 7, True, True)
    assert (t.count_agent_replies, t.count_user_replies) == (0, 2)
    assert Ticket.model_validate({"id": 1, "urgency": None}).urgency == 0


def test_labels_null_and_empty() -> None:
    assert Ticket.model_validate({"id": 1, "labels": None}).labels == []
    assert Ticket.model_validate({"id": 1, "labels": ""}).labels == []
    assert Ticket.model_validate({"id": 1, "labels": ["a", "b"]}).labels == ["a", "b"]


def test_fields_empty_php_list_becomes_dict() -> None:
    assert Ticket.model_validate({"id": 1, "fields": []}).fields == {}
    assert Ticket.model_validate({"id": 1, "fields": None}).fields == {}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2025-05-01T08:02:02+0000", datetime(2025, 5, 1, 8, 2, 2, tzinfo=UTC)),
        ("2025-05-01T08:02:02+00:00", datetime(2025, 5, 1, 8, 2, 2, tzinfo=UTC)),
        ("2025-05-01T08:02:02Z", datetime(2025, 5, 1, 8, 2, 2, tzinfo=UTC)),
        (
            "2025-05-01T10:02:02+0200",
            datetime(2025, 5, 1, 10, 2, 2, tzinfo=timezone(timedelta(hours=2))),
        ),
        ("", None),
        (None, None),
    ],
)
def test_dates(raw: Any, expected: datetime | None) -> None:
    t = Ticket.model_validate({"id": 1, "date_created": raw})
    assert t.date_created == expected
    if expected is not None:
        assert t.date_created is not None
        assert t.date_created.utcoffset() == expected.utcoffset()


def test_last_activity_is_latest_of_status_and_replies() -> None:
    t = Ticket.model_validate(
        {
            "id": 1,
            "date_created": "2025-01-01T00:00:00+0000",
            "date_status": "2025-01-02T00:00:00+0000",
            "date_last_user_reply": "2025-01-05T00:00:00+0000",
            "date_last_agent_reply": "2025-01-03T00:00:00+0000",
        }
    )
    assert t.last_activity == datetime(2025, 1, 5, tzinfo=UTC)
    only_created = Ticket.model_validate({"id": 1, "date_created": "2025-01-01T00:00:00+0000"})
    assert only_created.last_activity == datetime(2025, 1, 1, tzinfo=UTC)


@pytest.mark.parametrize(("raw", "expected"), [(0, False), (1, True), ("1", True), (True, True)])
def test_message_is_agent_note_int_or_bool(raw: Any, expected: bool) -> None:
    assert Message.model_validate({"id": 1, "is_agent_note": raw}).is_agent_note is expected


def test_message_attachment_objects_become_ids() -> None:
    m = Message.model_validate(
        {
            "id": 1,
            "attachments": [
                {"id": 60, "blob": {"blob_id": 1, "blob_auth": "A"}},
                61,
                {"id": "62"},
            ],
        }
    )
    assert m.attachments == [60, 61, 62]
    assert Message.model_validate({"id": 1, "attachments": None}).attachments == []


def test_person_teams_null_and_primary_team_zero() -> None:
    p = Person.model_validate({"id": 1, "teams": None, "primary_team": 0, "organization": "0"})
    assert p.teams == []
    assert p.primary_team is None
    assert p.organization is None


def test_ticket_status_plain_strings() -> None:
    s = TicketStatus.coerce("hidden.deleted")
    assert (s.status_code, s.status_type, s.title) == ("hidden.deleted", "hidden", "hidden.deleted")
    live = TicketStatus.coerce("awaiting_agent")
    assert (live.status_code, live.status_type) == ("awaiting_agent", "awaiting_agent")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("vip", ("vip", None)),
        ({"id": 3, "label": "vip"}, ("vip", 3)),
        ({"id": 4, "title": "billing"}, ("billing", 4)),
        ({"name": "spam"}, ("spam", None)),
    ],
)
def test_label_strings_or_objects(raw: Any, expected: tuple[str, int | None]) -> None:
    label = Label.coerce(raw)
    assert (label.label, label.id) == expected


def test_agent_team_and_department_parent() -> None:
    team = AgentTeam.model_validate({"id": 8, "name": "Support", "members": [42, 61], "x": 1})
    assert (team.id, team.name, team.members) == (8, "Support", [42, 61])
    child = Department.model_validate({"id": 2, "parent": {"id": 1}, "is_tickets_enabled": 0})
    assert child.parent == 1
    assert child.is_tickets_enabled is False


def test_models_are_frozen() -> None:
    t = Ticket.model_validate({"id": 1})
    with pytest.raises(ValidationError):
        t.subject = "changed"  # type: ignore[misc]
