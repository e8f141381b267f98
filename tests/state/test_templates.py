"""Local templates (a folder of `*.md`), placeholders filled from the ticket, the picker's
fuzzy narrowing by title, and the helpdesk's snippets kept for the session."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tui.api import DeskproClient, PermissionDeniedError, Person, ServerError, Ticket
from tui.state.connection import ConnectionTracker
from tui.state.requests import Requests
from tui.state.snippets import Snippets
from tui.state.templates import (
    MAX_TEMPLATE_BYTES,
    Template,
    fill,
    filter_templates,
    fuzzy_score,
    local_templates,
    template_fields,
)

TICKET = Ticket(id=42, ref="ABCD-0042", subject="Printer on fire")
JANE = Person(id=7, name="Jane Doe", first_name="Jane", primary_email="jane@example.com")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# -- the folder -------------------------------------------------------------------------


def test_a_folder_of_good_and_bad_files(tmp_path: Path) -> None:
    write(tmp_path, "thanks.md", "Thanks {{requester.first_name}}!\r\n\r\nBest,\n")
    write(tmp_path, "Apology.md", "\ufeffSorry about that.")  # a BOM is not text
    write(tmp_path, "empty.md", "  \n\n")
    write(tmp_path, "latin1.md", "Caf\xe9".encode("latin-1"))
    write(tmp_path, "huge.md", "x" * (MAX_TEMPLATE_BYTES + 1))
    write(tmp_path, "notes.txt", "not a template")
    write(tmp_path, ".hidden.md", "an editor's file")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub", "nested.md", "ignored")
    (tmp_path / "dir.md").mkdir()  # a folder named like a template

    templates, problems = local_templates(tmp_path)

    assert templates == [
        Template("Apology", "Sorry about that.", "local"),
        Template("thanks", "Thanks {{requester.first_name}}!\n\nBest,", "local"),
    ]
    assert len(problems) == 3
    by_file = {name: p for p in problems for name in ("empty", "latin1", "huge") if name in p}
    assert "empty" in by_file["empty"]
    assert "UTF-8" in by_file["latin1"]
    assert "64 KiB" in by_file["huge"]
    assert all("skipped" in p for p in problems)


def test_exactly_the_limit_is_read(tmp_path: Path) -> None:
    write(tmp_path, "long.md", "y" * MAX_TEMPLATE_BYTES)
    [template], problems = local_templates(tmp_path)
    assert len(template.text) == MAX_TEMPLATE_BYTES and problems == []


def test_no_folder_is_no_problem(tmp_path: Path) -> None:
    assert local_templates(tmp_path / "templates") == ([], [])


def test_a_file_where_the_folder_should_be(tmp_path: Path) -> None:
    blocker = write(tmp_path, "templates", "oops")
    templates, [problem] = local_templates(blocker)
    assert templates == [] and str(blocker) in problem and "not a folder" in problem


def test_titles_sort_without_regard_to_case(tmp_path: Path) -> None:
    for name in ("beta.md", "Alpha.md", "gamma.MD"):
        write(tmp_path, name, name)
    titles = [t.title for t in local_templates(tmp_path)[0]]
    assert titles == ["Alpha", "beta", "gamma"]


def test_escape_sequences_are_made_inert(tmp_path: Path) -> None:
    write(tmp_path, "evil.md", "Hi\x1b]52;c;Zm9v\x07 there\x1b[2J\tok")
    [template], _ = local_templates(tmp_path)
    assert "\x1b" not in template.text and "\x07" not in template.text
    assert template.text.startswith("Hi") and "there" in template.text


def test_an_unreadable_file_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "ok.md", "fine")
    locked = write(tmp_path, "locked.md", "secret")
    real_open = Path.open

    def refusing_open(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == locked:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing_open)
    templates, [problem] = local_templates(tmp_path)
    assert [t.title for t in templates] == ["ok"]
    assert "locked.md" in problem and "cannot be read (Permission denied)" in problem


# -- filling in -------------------------------------------------------------------------


def test_every_field_with_a_requester() -> None:
    fields = template_fields(TICKET, JANE, "Sam Agent")
    assert fields == {
        "requester.first_name": "Jane",
        "requester.name": "Jane Doe",
        "agent.name": "Sam Agent",
        "ticket.ref": "ABCD-0042",
        "ticket.id": "42",
        "ticket.subject": "Printer on fire",
    }


def test_spaces_and_case_inside_the_braces() -> None:
    fields = template_fields(TICKET, JANE, "Sam")
    text = "Hi {{ requester.first_name }}, re {{ticket.ref}} ({{  Ticket.ID}}) - {{agent.name }}"
    assert fill(text, fields) == "Hi Jane, re ABCD-0042 (42) - Sam"


def test_unknown_placeholders_stay_exactly_as_written() -> None:
    text = "{{ requester.shoe_size }} {{nope}} {{ }} {single} {{ticket.subject"
    assert fill(text, template_fields(TICKET, JANE, "Sam")) == text


def test_a_filled_value_is_not_filled_again() -> None:
    ticket = TICKET.model_copy(update={"subject": "{{agent.name}}\x1b[31m"})
    fields = template_fields(ticket, JANE, "Sam")
    assert fill("{{ticket.subject}} / {{agent.name}}", fields) == "{{agent.name}} / Sam"


def test_without_a_requester_their_placeholders_stay_visible() -> None:
    fields = template_fields(TICKET, None, "Sam")
    assert "requester.name" not in fields and "requester.first_name" not in fields
    assert fill("Hi {{requester.first_name}}, {{ticket.ref}}", fields) == (
        "Hi {{requester.first_name}}, ABCD-0042"
    )


def test_a_first_name_from_the_name_but_never_from_the_email() -> None:
    named = Person(id=1, name="Ana María López")
    assert template_fields(TICKET, named, "")["requester.first_name"] == "Ana"
    only_display = Person(id=2, display_name="Kim")
    assert template_fields(TICKET, only_display, "")["requester.name"] == "Kim"
    parts = Person(id=3, first_name="Lee", last_name="Wong")
    assert template_fields(TICKET, parts, "")["requester.name"] == "Lee Wong"
    nameless = Person(id=4, primary_email="x123@example.com")
    fields = template_fields(TICKET, nameless, "")
    assert "requester.first_name" not in fields and "requester.name" not in fields
    assert "agent.name" not in fields  # no agent name known either


def test_a_new_ticket_has_no_number_yet() -> None:
    fields = template_fields(Ticket(id=0, subject="Draft"), JANE, "Sam")
    assert "ticket.id" not in fields and "ticket.ref" not in fields
    assert fields["ticket.subject"] == "Draft"


# -- narrowing in the picker ------------------------------------------------------------


def local(*titles: str) -> list[Template]:
    return [Template(title, "", "local") for title in titles]


def test_an_empty_query_keeps_every_template_in_order() -> None:
    templates = local("b", "a", "c")
    assert filter_templates(templates, "  ") == templates


def test_letters_must_come_in_order() -> None:
    templates = local("Greeting", "Refund processed", "Password reset steps")
    assert [t.title for t in filter_templates(templates, "pwrs")] == ["Password reset steps"]
    assert filter_templates(templates, "zz") == []
    assert filter_templates(templates, "gnitteerg") == []


def test_the_best_match_comes_first() -> None:
    templates = local("Greeting", "Password reset steps", "Refund processed", "Forward the case")
    assert [t.title for t in filter_templates(templates, "re")] == [
        "Refund processed",  # the title starts with it
        "Password reset steps",  # a word starts with it
        "Greeting",  # a run inside a word
        "Forward the case",  # scattered
    ]


def test_word_starts_beat_letters_inside_words() -> None:
    templates = local("Forward on", "Out of office")
    assert filter_templates(templates, "oo")[0].title == "Out of office"
    assert [t.title for t in filter_templates(local("Xrefund", "Refund"), "ref")] == [
        "Refund",
        "Xrefund",
    ]


def test_spaces_and_case_in_the_query_do_not_matter() -> None:
    templates = local("Closing the ticket", "Greeting")
    assert filter_templates(templates, "CLOSE T") == filter_templates(templates, "closet")
    assert [t.title for t in filter_templates(templates, "Close T")] == ["Closing the ticket"]


def test_ties_prefer_the_shorter_title_then_keep_their_order() -> None:
    assert [t.title for t in filter_templates(local("Refund policy", "Refund"), "refund")] == [
        "Refund",
        "Refund policy",
    ]
    same = [Template("Same", "one", "local"), Template("Same", "two", "helpdesk")]
    assert filter_templates(same, "same") == same


def test_unusual_letters_score_safely() -> None:
    assert fuzzy_score("strasse", "Straße") is None  # "ß" folds to two letters
    assert fuzzy_score("ß", "Straße") is not None
    assert fuzzy_score("x", "") is None
    assert fuzzy_score("a", "a" * 10_000) is not None  # long titles are cut, not slow


# -- the session's snippets -------------------------------------------------------------


class Helpdesk:
    """A mock helpdesk whose `/snippets` answers `status` (200: one snippet)."""

    def __init__(self) -> None:
        self.status = 200
        self.asked = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        self.asked += 1
        await asyncio.sleep(0)  # let a second caller arrive while this one waits
        if self.status != 200:
            return httpx.Response(self.status, json={"status": self.status, "message": "No"})
        data = [{"id": 1, "title": "Hi", "snippet": "<p>Hi {{requester.name}}</p>"}]
        return httpx.Response(200, json={"data": data, "meta": {}, "linked": {}})


async def no_wait(_seconds: float) -> None:
    return None


@pytest.fixture
def helpdesk() -> Helpdesk:
    return Helpdesk()


@pytest.fixture
async def snippets(helpdesk: Helpdesk) -> AsyncIterator[Snippets]:
    transport = httpx.MockTransport(helpdesk)
    url, key = "https://help.example.com", "1:K"
    async with DeskproClient(url, key, transport=transport, sleep=no_wait) as client:
        yield Snippets(Requests(client, ConnectionTracker()))


async def test_snippets_load_once_a_session(snippets: Snippets, helpdesk: Helpdesk) -> None:
    assert snippets.known is None
    first, second = await asyncio.gather(snippets.get(), snippets.get())
    assert first == second == [Template("Hi", "Hi {{requester.name}}", "helpdesk")]
    assert await snippets.get() is snippets.known and helpdesk.asked == 1


async def test_a_refusal_is_remembered(snippets: Snippets, helpdesk: Helpdesk) -> None:
    helpdesk.status = 403
    for _ in range(2):
        with pytest.raises(PermissionDeniedError):
            await snippets.get()
    assert helpdesk.asked == 1 and snippets.known is None


async def test_an_outage_is_asked_again(snippets: Snippets, helpdesk: Helpdesk) -> None:
    helpdesk.status = 503
    with pytest.raises(ServerError):
        await snippets.get()
    helpdesk.status = 200
    assert [t.title for t in await snippets.get()] == ["Hi"]
