"""Snippets: `Snippet.coerce` on the shapes helpdesks send, and `helpdesk_snippets` turning
them into the composer's templates, with its fallback to the older `/ticket_snippets`.

The coercion and fallback tests run over `httpx.MockTransport`; the last few read the demo
helpdesk (over loopback) to check the whole way from its seeded snippets to templates."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest

from tui.api import (
    DeskproClient,
    NotFoundError,
    PermissionDeniedError,
    Person,
    ServerError,
    Ticket,
)
from tui.api.snippets import Snippet
from tui.demo import DemoServer
from tui.state.snippets import helpdesk_snippets
from tui.state.templates import Template, fill, template_fields

from .conftest import ClientFactory, envelope, json_response

MakeServer = Callable[..., DemoServer]

# -- Snippet.coerce ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "title", "html"),
    [
        ({"id": 1, "title": "Hi", "snippet": "<p>Hello</p>"}, "Hi", "<p>Hello</p>"),
        (
            {"id": 2, "title": [{"language": 1, "value": "Bye"}], "snippet": [
                {"language": 1, "value": "  "}, {"language": 2, "value": "<p>Au revoir</p>"},
            ]},
            "Bye",
            "<p>Au revoir</p>",
        ),  # the first translation with text stands
        ({"id": 3, "title": {"1": "Map", "2": "Carte"}, "text": {"1": "<b>x</b>"}},
         "Map", "<b>x</b>"),
        ({"id": 4, "name": "By name", "content": {"value": "v"}}, "By name", "v"),
        ({"id": 5, "title": "T", "snippet": "", "html": "<p>later</p>"}, "T", "<p>later</p>"),
        ({"id": 6, "snippet": "untitled"}, "Snippet 6", "untitled"),
    ],
)  # fmt: skip
def test_coerce_reads_the_shapes_helpdesks_send(raw: Any, title: str, html: str) -> None:
    snippet = Snippet.coerce(raw)
    assert (snippet.id, snippet.title, snippet.html, snippet.usable) == (
        raw["id"],
        title,
        html,
        True,
    )


@pytest.mark.parametrize(
    "raw",
    [
        {"id": 7, "title": "Empty"},
        {"id": 8, "title": "Blank", "snippet": "   "},
        {"id": 9, "title": "Odd", "snippet": 12345},
        {"id": 10, "title": "No translation", "snippet": [{"language": 1, "value": None}]},
    ],
)
def test_a_snippet_without_text_is_kept_as_unusable(raw: dict[str, Any]) -> None:
    snippet = Snippet.coerce(raw)
    assert snippet.id == raw["id"] and snippet.title == raw["title"] and not snippet.usable


@pytest.mark.parametrize("raw", [None, "a string", 7, ["list"]])
def test_a_non_object_becomes_an_empty_snippet(raw: Any) -> None:
    snippet = Snippet.coerce(raw)
    assert (snippet.id, snippet.title, snippet.usable) == (0, "", False)


def test_an_id_that_is_not_a_number_is_dropped() -> None:
    snippet = Snippet.coerce({"id": "12", "title": "T", "snippet": "x"})
    assert snippet.id == 0 and snippet.title == "T"


# -- helpdesk_snippets over a mock helpdesk ---------------------------------------------


def snippets_server(routes: dict[str, httpx.Response]) -> tuple[Callable[..., Any], list[str]]:
    """A handler answering `/api/v2/<name>` from `routes` (404 for others), and the list of
    names it was asked for."""
    asked: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        name = request.url.path.removeprefix("/api/v2/")
        asked.append(name)
        return routes.get(name) or json_response({"status": 404, "message": "No route"}, 404)

    return handler, asked


def page(*snippets: dict[str, Any]) -> httpx.Response:
    return json_response(envelope(list(snippets), total=len(snippets), count=len(snippets),
                                  per_page=200, current_page=1, total_pages=1))  # fmt: skip


async def test_snippets_become_templates(make_client: ClientFactory) -> None:
    handler, asked = snippets_server({"snippets": page(
        {"id": 1, "title": "zeta", "snippet": "<p>Hi {{ requester.first_name }},</p><p>Ref "
         "<a href='https://h/t/{{ticket.ref}}'>{{ticket.ref}}</a> <b>now</b></p>"},
        {"id": 2, "title": "Alpha", "snippet": "Plain {{agent.name}}\nline two"},
        {"id": 3, "title": "Unusable"},
        "not a snippet",
        {"id": 4, "title": "Only markup", "snippet": "<p> </p><div></div>"},
        {"id": 5, "title": "Unknown", "snippet": "<p>{{ticket.custom_field_3}} &amp; co</p>"},
    )})  # fmt: skip
    templates = await helpdesk_snippets(make_client(handler))
    assert asked == ["snippets"]
    assert templates == [
        Template("Alpha", "Plain {{agent.name}}\nline two", "helpdesk"),
        Template("Unknown", "{{ticket.custom_field_3}} & co", "helpdesk"),
        Template(
            "zeta",
            "Hi {{ requester.first_name }},\n\nRef {{ticket.ref}} <https://h/t/{{ticket.ref}}> "
            "**now**",
            "helpdesk",
        ),
    ]


async def test_a_404_asks_the_older_name(make_client: ClientFactory) -> None:
    handler, asked = snippets_server(
        {"ticket_snippets": page({"id": 1, "title": "Old", "snippet": "x"})}
    )
    templates = await helpdesk_snippets(make_client(handler))
    assert asked == ["snippets", "ticket_snippets"]
    assert templates == [Template("Old", "x", "helpdesk")]


async def test_no_snippets_at_all_is_a_not_found(make_client: ClientFactory) -> None:
    handler, asked = snippets_server({})
    with pytest.raises(NotFoundError):
        await helpdesk_snippets(make_client(handler))
    assert asked == ["snippets", "ticket_snippets"]


@pytest.mark.parametrize(("status", "error"), [(403, PermissionDeniedError), (500, ServerError)])
async def test_other_failures_are_raised_without_a_fallback(
    make_client: ClientFactory, status: int, error: type[Exception]
) -> None:
    refusal = json_response({"status": status, "message": "No"}, status)
    handler, asked = snippets_server({"snippets": refusal, "ticket_snippets": page()})
    with pytest.raises(error):
        await helpdesk_snippets(make_client(handler))
    assert set(asked) == {"snippets"}  # a 500 may be retried, never sent elsewhere


# -- the demo helpdesk ------------------------------------------------------------------


async def test_the_demo_snippets_fill_in(demo_server: DemoServer) -> None:
    async with DeskproClient(demo_server.url, demo_server.api_key) as client:
        templates = await helpdesk_snippets(client)
    by_title = {t.title: t for t in templates}
    assert len(by_title) == 6 and all(t.source == "helpdesk" for t in templates)
    details = by_title["Need more details"].text
    assert details.startswith("Hi {{requester.first_name}},\n\n")
    assert "  - the exact error message" in details
    ticket = Ticket(id=9, ref="DEMO-9", subject="Login")
    fields = template_fields(ticket, Person(id=1, first_name="Ada", name="Ada L"), "Sam")
    assert fill(details, fields).startswith("Hi Ada,")
    assert "ticket DEMO-9." in fill(details, fields)
    assert "{{" not in "".join(fill(t.text, fields) for t in templates)


async def test_the_demo_without_snippets_falls_back(make_demo_server: MakeServer) -> None:
    server = make_demo_server(missing=("snippets.list",))
    async with DeskproClient(server.url, server.api_key) as client:
        assert len(await helpdesk_snippets(client)) == 6


async def test_the_demo_refusing_snippets_says_so(make_demo_server: MakeServer) -> None:
    server = make_demo_server(disallow=("snippets.list",))
    async with DeskproClient(server.url, server.api_key) as client:
        with pytest.raises(PermissionDeniedError):
            await helpdesk_snippets(client)
