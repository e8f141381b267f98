"""Finding where the helpdesk refuses (403) or lacks (404) its search: a requester's email
still finds their tickets (all statuses, newest first), other words say why search is
unavailable and what works; failures that may pass are not fallen back from. Terms typed
with the words narrow the answer here, and `/` terms on a search narrow its rows without
asking again."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest
from faults import counting_client

from tui.api import DeskproClient, RetryPolicy, ServerError
from tui.demo import DemoServer
from tui.state import FilterNames, HelpdeskService, parse_filter, search_queue
from tui.state.browsing import Browsing
from tui.state.filters import free_words
from tui.state.finding import Finder, looks_like_email
from tui.state.terms import Terms

LUCIUS = "lucius.fairbanks@wayne.example"  # six tickets in the demo, resolved ones among them
GATES = {"403": {"disallow": ("search.search.get",)}, "404": {"missing": ("search.search.get",)}}


NoSearch = tuple[str, DemoServer]


@pytest.fixture(params=sorted(GATES))
def no_search(
    request: pytest.FixtureRequest, make_demo_server: Callable[..., DemoServer]
) -> NoSearch:
    """The demo helpdesk with its search refused (403) or missing (404), and which."""
    return request.param, make_demo_server(**GATES[request.param])


def status_of(service: HelpdeskService, ticket_id: int) -> str:
    ticket = service.tickets.get(ticket_id)
    assert ticket is not None
    return ticket.status


def served(no_search: NoSearch) -> tuple[str, DeskproClient]:
    status, server = no_search
    return status, DeskproClient(server.url, server.api_key)


async def test_an_email_finds_the_requesters_tickets_and_says_so(no_search: NoSearch) -> None:
    status, client = served(no_search)
    async with client:
        found = await Finder(client).find(LUCIUS)
        assert len(found.tickets) == 6
        assert {"resolved", "awaiting_agent"} <= {t.status for t in found.tickets}  # all
        created = [t.date_created for t in found.tickets]
        assert created == sorted(created, reverse=True)  # newest first
        assert found.note.startswith("Search is unavailable (")
        assert f"({status})" in found.note and "/api/v2/search" in found.note
        assert found.note.endswith(f"showing the tickets of {LUCIUS} instead.")


async def test_words_say_why_search_is_unavailable_and_what_works(no_search: NoSearch) -> None:
    status, client = served(no_search)
    async with client:
        finder = Finder(client)
        found = await finder.find("printer")
        assert found.tickets == []
        assert f"/api/v2/search ({status})" in found.note
        assert "number or ref" in found.note and "email" in found.note and "/" in found.note
        assert finder.unavailable is not None  # for the notice, once


async def test_an_email_nobody_has_is_said(no_search: NoSearch) -> None:
    _, client = served(no_search)
    async with client:
        found = await Finder(client).find("nobody@nowhere.example")
        assert found.tickets == [] and "no one has the email nobody@nowhere.example" in found.note


async def test_a_refused_people_lookup_is_said_too(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("search.search.get", "people.people.list"))
    async with DeskproClient(server.url, server.api_key) as client:
        found = await Finder(client).find(LUCIUS)
    assert found.tickets == []
    assert "/api/v2/search (403)" in found.note and "/api/v2/people (403)" in found.note


async def test_a_working_search_has_no_note(demo_server: DemoServer) -> None:
    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        finder = Finder(client)
        found = await finder.find("Lucius")
    assert found.tickets and found.note == "" and finder.unavailable is None


async def test_an_outage_is_not_fallen_back_from() -> None:
    seen: list[str] = []

    def failing(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(500, json={"status": 500, "message": "Internal error."})

    client = DeskproClient(
        "https://help.example.com",
        "1:key",
        transport=httpx.MockTransport(failing),
        retry=RetryPolicy(attempts=1),
    )
    async with client:
        with pytest.raises(ServerError):
            await Finder(client).find(LUCIUS)
    assert seen == ["/api/v2/search"]  # nothing asked instead: asking again may work


def test_the_words_are_what_is_searched_and_an_email_is_told() -> None:
    assert free_words("Printer  status:resolved jam agent:me") == "Printer jam"
    assert free_words("status:resolved") == ""
    assert looks_like_email(LUCIUS) and not looks_like_email("lucius fairbanks")


async def test_terms_with_the_words_narrow_the_answer_here(no_search: NoSearch) -> None:
    _, client = served(no_search)
    service = HelpdeskService(client)
    terms = Terms.of(parse_filter("status:resolved", FilterNames(me_id=1)))
    spec = search_queue(LUCIUS, terms, f"{LUCIUS} status:resolved")
    assert spec.title == f"Search: {LUCIUS} status:resolved"
    view = Browsing(service.tickets, service.people, service.pages).open(spec)
    await service.pages.load(view, 1)
    statuses = {status_of(service, i) for i in view.loaded_ids()}
    assert statuses == {"resolved"} and view.total == 2
    assert view.note.endswith("instead.")  # how they were found, for the list to say
    await client.aclose()


async def test_slash_terms_on_a_search_narrow_its_rows_without_asking_again(
    demo_server: DemoServer,
) -> None:
    seen: list[str] = []
    client = counting_client(demo_server, seen)
    service = HelpdeskService(client)
    state = Browsing(service.tickets, service.people, service.pages)
    spec = search_queue("Lucius")
    state.browse(spec)
    view = state.open(spec)
    await service.pages.load(view, 1)
    every = view.loaded_ids()
    assert len({status_of(service, i) for i in every}) > 1
    assert state.refine(parse_filter("status:resolved", FilterNames(me_id=1))) is None
    resolved = state.narrowed()
    assert resolved and all(status_of(service, i) == "resolved" for i in resolved)
    assert state.title(len(resolved)) == f"Search: Lucius {len(resolved)} of {len(every)}"
    assert seen == ["GET /api/v2/search"]  # once: the narrowing is done here
    state.clear_filter()
    assert state.narrowed() is None
    state.refine(parse_filter("status:resolved", FilterNames(me_id=1)))
    state.browse(search_queue("other"))  # another search: the terms went with the first
    assert not state.terms
    await client.aclose()


def test_the_list_says_why_in_place_of_rows_and_the_note_line_above_them() -> None:
    service = HelpdeskService(DeskproClient("http://127.0.0.1:9", "1:key"))  # asked nothing
    state = Browsing(service.tickets, service.people, service.pages)
    view = state.open(search_queue("printer"))
    view.note = "Search is unavailable (this helpdesk has no /api/v2/search (404))."
    view.set_page(1, [], total=0)
    message = state.why_empty(0)
    assert message == view.note and state.note(message) == ""  # said once, in the list
    view.set_page(1, [5], total=1)
    assert state.why_empty(1) == "" and state.note("") == view.note  # above the rows
