"""Ticket properties without Textual: custom fields worded for the header, the form's
values read from tickets (marked ones that differ), the PUT body with only what changed,
the optimistic patch and its read-back check, and field errors placed by field."""

from __future__ import annotations

from typing import Any

from tui.api import InvalidInputError, Ticket
from tui.api.errors import flatten_field_errors
from tui.api.properties import CustomField, TicketPriority
from tui.state.properties import (
    MIXED,
    carries,
    field_text,
    header_lines,
    properties_of,
    put_body,
    store_patch,
)
from tui.state.property_form import form_fields, own_problems, read_labels, server_problems

PRODUCT = CustomField.model_validate(
    {"id": 7, "title": "Product", "widget_type": "choice",
     "choices": [{"id": 701, "title": "Cloud"}, {"id": 703, "title": "Mobile app"}]}
)  # fmt: skip
AREAS = CustomField.model_validate(
    {"id": 11, "title": "Areas", "widget_type": "multichoice",
     "choices": [{"id": 1101, "title": "Login"}, {"id": 1102, "title": "Reports"}]}
)  # fmt: skip
ESCALATED = CustomField(id=9, title="Escalated", widget_type="toggle")
ORDER = CustomField(id=8, title="Order number", widget_type="text")
RENEWAL = CustomField(id=10, title="Renewal", widget_type="date")
WEIRD = CustomField(id=13, title="Map", widget_type="location")
CUSTOM = [PRODUCT, ORDER, ESCALATED, RENEWAL, AREAS, WEIRD]


def ticket(ticket_id: int = 1, **values: Any) -> Ticket:
    fields = {k: {"aliases": [], "value": v} for k, v in values.pop("fields", {}).items()}
    return Ticket.model_validate({"id": ticket_id, "urgency": 3, "fields": fields, **values})


def test_choice_ids_show_as_their_titles_and_empty_or_unknown_fields_are_left_out() -> None:
    t = ticket(
        priority=2,
        fields={"7": [703], "11": [1102, 1101], "9": False, "8": "  ", "99": "x", "13": {"a": 1}},
    )
    lines = header_lines(t, [TicketPriority(id=2, title="Normal")], CUSTOM)
    assert lines == [
        ("Priority", "Normal"),
        ("Product", "Mobile app"),
        ("Escalated", "no"),
        ("Areas", "Login, Reports"),
    ]


def test_a_choice_the_field_no_longer_offers_is_not_shown_as_a_number() -> None:
    assert field_text(PRODUCT, [799]) == ""
    assert field_text(PRODUCT, ["701"]) == "Cloud"  # ids sent as strings too
    assert header_lines(ticket(priority=5), [], [])[0] == ("Priority", "#5")


def test_only_what_changed_goes_into_the_put() -> None:
    before = properties_of([ticket(labels=["b", "a"], fields={"7": [701]})], CUSTOM)
    after = {**before, "labels": ("a", "b"), "fields.7": [703], "urgency": 3}
    assert put_body(before, after) == {"fields": {"7": [703]}}
    after["labels"] = read_labels("a, vip ,b,")
    after["fields.8"] = ""  # still empty: no change
    assert put_body(before, after) == {"labels": ["a", "b", "vip"], "fields": {"7": [703]}}


def test_clearing_a_field_sends_null() -> None:
    before = properties_of([ticket(fields={"8": "ORD-12345"})], CUSTOM)
    assert put_body(before, {**before, "fields.8": None}) == {"fields": {"8": None}}


def test_marked_tickets_that_differ_are_left_as_each_has_it() -> None:
    shared = properties_of([ticket(1, urgency=3), ticket(2, urgency=7, is_hold=False)], CUSTOM)
    assert shared["urgency"] is MIXED and shared["is_hold"] is False
    assert put_body(shared, {**shared, "is_hold": True}) == {"is_hold": True}
    assert put_body(shared, {**shared, "urgency": 5}) == {"urgency": 5}


def test_the_optimistic_patch_merges_fields_and_the_read_back_sees_them() -> None:
    t = ticket(fields={"7": [701], "8": "ORD-12345"})
    changes = {"fields": {"7": [703], "8": None}, "labels": ["x"], "agent": 0}
    patch = store_patch(t, changes)
    assert patch["fields"] == {"7": {"aliases": [], "value": [703]}}
    assert patch["agent"] is None
    changed = t.model_copy(update=patch)
    assert carries(changed, changes)
    assert not carries(t, changes)


def test_the_form_asks_each_widget_type_and_skips_what_it_cannot_edit() -> None:
    initial = properties_of([ticket(fields={"13": {"lat": 1}})], CUSTOM)
    disabled = CustomField(id=12, title="Legacy", is_enabled=False)
    asked = form_fields(
        priorities=[TicketPriority(id=1, title="Low")],
        departments=[],
        teams={},
        custom=[*CUSTOM, disabled],
        initial=initial,
    )
    kinds = {spec.name: spec.kind for spec in asked}
    assert kinds == {
        "labels": "labels", "urgency": "choice", "priority": "choice", "is_hold": "toggle",
        "fields.7": "choice", "fields.8": "text", "fields.9": "toggle", "fields.10": "date",
        "fields.11": "multichoice",
    }  # fmt: skip
    assert own_problems(asked, {"fields.10": "30/09/2026"}) == {
        "fields.10": "'30/09/2026' is not a date: write it as YYYY-MM-DD."
    }
    assert own_problems(asked, {"fields.10": "2026-09-30"}) == {}


def test_deskpros_field_errors_go_beside_their_fields() -> None:
    tree = {"fields": {"fields": {"fields_8": {"errors": [{"message": "Use ORD-12345."}]}}},
            "labels": {"errors": [{"message": "Too long."}]},
            "cc": {"errors": [{"message": "Not here."}]}}  # fmt: skip
    error = InvalidInputError("Request input is invalid.", field_errors=flatten_field_errors(tree))
    asked = form_fields(priorities=[], departments=[], teams={}, custom=[ORDER], initial={})
    assert server_problems(error, asked) == {
        "fields.8": "Use ORD-12345.",
        "labels": "Too long.",
        "form": "cc: Not here.",
    }
    bare = InvalidInputError("Refused.")
    assert server_problems(bare, asked) == {"form": str(bare)}
