"""The Textual-free half of compose: checks, drafts and where server errors land."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.api import InvalidInputError
from tui.state.outgoing import (
    NewTicket,
    OutgoingFile,
    check_file,
    field_for,
    form_errors,
    validate,
)


def filled(**changes: object) -> NewTicket:
    ticket = NewTicket(to="jo@example.com", subject="Printer on fire", body="Help **now**")
    for name, value in changes.items():
        setattr(ticket, name, value)
    return ticket


def test_a_complete_form_has_no_problems() -> None:
    assert validate(filled()) == {}


def test_required_fields_each_get_a_message() -> None:
    problems = validate(NewTicket(to=" ", subject="", body="\n"))
    assert set(problems) == {"to", "subject", "message"}
    assert "email" in problems["to"]


@pytest.mark.parametrize("address", ["jo", "jo@", "jo@example", "jo @example.com", "@x.org"])
def test_bad_emails_are_refused(address: str) -> None:
    assert "not an email address" in validate(filled(to=address))["to"]


def test_urgency_must_be_in_range() -> None:
    assert "urgency" in validate(filled(urgency=11))
    assert validate(filled(urgency=10)) == {}


def test_check_file_explains_each_problem(tmp_path: Path) -> None:
    good = tmp_path / "log.txt"
    good.write_bytes(b"x" * 2048)
    assert check_file(good) is None
    assert "does not exist" in (check_file(tmp_path / "nope.txt") or "")
    assert "is a folder" in (check_file(tmp_path) or "")
    too_big = check_file(good, max_bytes=1024) or ""
    assert "2.0 KB" in too_big and "1.0 KB limit" in too_big and "max_attachment_mb" in too_big


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_check_file_unreadable(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("x")
    secret.chmod(0)
    assert "not readable" in (check_file(secret) or "")


def test_files_are_checked_by_validate(tmp_path: Path) -> None:
    problems = validate(filled(files=[(str(tmp_path / "gone.pdf"), False)]))
    assert "gone.pdf does not exist" in problems["attachments"]


def test_outgoing_file_knows_type_and_inline_only_for_images(tmp_path: Path) -> None:
    image, text = tmp_path / "shot.png", tmp_path / "notes.txt"
    image.write_bytes(b"\x89PNG")
    text.write_text("hi")
    png = OutgoingFile.from_path(image, inline=True)
    assert (png.content_type, png.is_image, png.inline, png.size) == ("image/png", True, True, 4)
    assert OutgoingFile.from_path(text, inline=True).inline is False


def test_draft_round_trip() -> None:
    ticket = filled(department=3, agent=7, urgency=5, labels="vip, fire", files=[("/a.png", True)])
    assert NewTicket.from_draft(ticket.to_draft()) == ticket
    assert ticket.label_list() == ["vip", "fire"]


def test_a_damaged_draft_keeps_what_it_can() -> None:
    draft = {"to": "jo@example.com", "subject": 42, "agent": "seven", "files": [["/a", 1], "x"]}
    ticket = NewTicket.from_draft(draft)
    assert ticket == NewTicket(to="jo@example.com", files=[("/a", True)])


def test_empty_form() -> None:
    assert NewTicket().is_empty
    assert not NewTicket(files=[("/a", False)]).is_empty


@pytest.mark.parametrize(
    ("server", "form"),
    [
        ("subject", "subject"),
        ("person", "to"),
        ("person.email", "to"),
        ("message", "message"),
        ("message.message", "message"),
        ("message.attachments.attachments_0", "attachments"),
        ("agent", "agent"),
        ("department", "department"),
        ("urgency", "urgency"),
        ("labels", "labels"),
        ("fields.7", "form"),
    ],
)
def test_server_fields_map_to_form_fields(server: str, form: str) -> None:
    assert field_for(server) == form


def test_form_errors_groups_messages() -> None:
    error = InvalidInputError(
        "Request input is invalid.",
        status=400,
        code="invalid_input",
        field_errors={"agent": ["The person is not an agent."], "subject": ["Blank."]},
        errors=["Unexpected field names: foo"],
    )
    assert form_errors(error) == {
        "agent": "The person is not an agent.",
        "subject": "Blank.",
        "form": "Unexpected field names: foo",
    }
