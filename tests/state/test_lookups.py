"""`HelpdeskService.lookups.load`: each of the five lookups fails alone (refused, missing,
failing), is asked for again alone, and is cleared once it loads; `why_unavailable` says
which endpoint, why, and what still works."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import httpx
import pytest
from faults import Failure, answer, time_out

from tui.api import (
    DeskproClient,
    DeskproError,
    DeskproTimeoutError,
    NotFoundError,
    PermissionDeniedError,
    RetryPolicy,
    ServerError,
)
from tui.api.errors import API_KEYS_PLACE
from tui.demo import DemoServer
from tui.state import HelpdeskService
from tui.state.optional import LOOKUPS, unavailable_notice, why_unavailable

# The demo route tag of each lookup's list endpoint (tui/demo/server/app.py ROUTES).
TAGS = {
    "agents": "people.agents.list",
    "departments": "tickets.departments.list",
    "filters": "tickets.filters.list",
    "statuses": "tickets.statuses.list",
    "teams": "people.agent_teams.list",
}


def holds(service: HelpdeskService, name: str) -> bool:
    """Whether what the lookup `name` feeds was filled."""
    return {
        "agents": bool(service.lookups.agents),
        "departments": len(service.departments) > 0,
        "filters": bool(service.lookups.ticket_filters),
        "statuses": bool(service.lookups.statuses),
        "teams": bool(service.lookups.team_names),
    }[name]


class FailingPath(httpx.AsyncBaseTransport):
    """The real helpdesk, except that the first `times` requests to `path` get `fail`'s
    answer. Records every request as "METHOD /path"."""

    def __init__(self, path: str, fail: Failure, times: int = 1) -> None:
        self.inner = httpx.AsyncHTTPTransport()
        self.path, self.fail, self.left = path, fail, times
        self.seen: list[str] = []

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.seen.append(f"{request.method} {request.url.path}")
        if request.url.path == self.path and self.left > 0:
            self.left -= 1
            return self.fail(request)
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def wrapped_service(server: DemoServer, transport: FailingPath) -> HelpdeskService:
    client = DeskproClient(
        server.url, server.api_key, transport=transport, retry=RetryPolicy(attempts=1)
    )
    return HelpdeskService(client)


REFUSED_OR_MISSING: list[Any] = [
    pytest.param(name, how, id=f"{name}-{how}")
    for name in LOOKUPS
    for how in ("refused", "missing")
]


@pytest.mark.parametrize(("name", "how"), REFUSED_OR_MISSING)
async def test_one_refused_or_missing_lookup_leaves_the_other_four(
    make_demo_server: Callable[..., DemoServer], name: str, how: str
) -> None:
    if how == "refused":
        server = make_demo_server(disallow=(TAGS[name],))
        expected: type[DeskproError] = PermissionDeniedError
    else:  # by API path: the demo's 404 must sit where LOOKUPS says the endpoint is
        server = make_demo_server(missing=(LOOKUPS[name].endpoint,))
        expected = NotFoundError
    async with DeskproClient(server.url, server.api_key) as client:
        service = HelpdeskService(client)
        failures = await service.lookups.load()

    assert list(failures) == [name]
    assert type(failures[name]) is expected
    assert service.lookups.errors == failures
    assert service.lookups.loaded == LOOKUPS.keys() - {name}
    assert not service.lookups.loaded_all
    assert {n: holds(service, n) for n in LOOKUPS} == {n: n != name for n in LOOKUPS}
    assert service.lookups.transient_failures() == []  # lasting: not retried quietly
    text = why_unavailable(LOOKUPS[name], failures[name])
    assert text.endswith(f"{LOOKUPS[name].without}.")
    if how == "missing":
        assert f"{LOOKUPS[name].endpoint} (404)" in text


@pytest.mark.parametrize("name", list(LOOKUPS))
async def test_asking_again_asks_only_for_the_failed_lookup_and_clears_it(
    demo_server: DemoServer, name: str
) -> None:
    path = LOOKUPS[name].endpoint
    transport = FailingPath(path, answer(403, "forbidden"))
    service = wrapped_service(demo_server, transport)
    assert list(await service.lookups.load()) == [name]
    service.lookups.told.add(name)  # as the UI does once it said so
    transport.seen.clear()

    assert await service.lookups.load() == {}

    assert transport.seen and set(transport.seen) == {f"GET {path}"}
    assert service.lookups.errors == {}
    assert service.lookups.told == set()
    assert service.lookups.loaded_all and holds(service, name)
    await service.client.aclose()


async def test_a_lookup_still_refused_is_asked_for_alone_and_stays_listed(
    demo_server: DemoServer,
) -> None:
    path = LOOKUPS["statuses"].endpoint
    transport = FailingPath(path, answer(404, "not_found"), times=2)
    service = wrapped_service(demo_server, transport)
    await service.lookups.load()
    service.lookups.told.add("statuses")
    transport.seen.clear()

    failures = await service.lookups.load()

    assert transport.seen == [f"GET {path}"]
    assert list(failures) == ["statuses"] and isinstance(failures["statuses"], NotFoundError)
    assert list(service.lookups.errors) == ["statuses"]
    assert service.lookups.told == {"statuses"}  # told once, not again
    await service.client.aclose()


async def test_nothing_is_asked_once_every_lookup_loaded(demo_server: DemoServer) -> None:
    transport = FailingPath("/none", answer(500, "x"), times=0)
    service = wrapped_service(demo_server, transport)
    await service.lookups.load()
    assert service.lookups.loaded_all
    transport.seen.clear()
    assert await service.lookups.load() == {}
    assert transport.seen == []
    await service.client.aclose()


@pytest.mark.parametrize(
    ("fail", "expected"),
    [
        pytest.param(answer(503, "service_unavailable"), ServerError, id="503"),
        pytest.param(time_out, DeskproTimeoutError, id="timeout"),
    ],
)
async def test_a_transient_failure_is_listed_as_transient(
    demo_server: DemoServer, fail: Failure, expected: type[DeskproError]
) -> None:
    transport = FailingPath(LOOKUPS["teams"].endpoint, fail)
    service = wrapped_service(demo_server, transport)

    failures = await service.lookups.load()

    assert list(failures) == ["teams"] and isinstance(failures["teams"], expected)
    assert service.lookups.transient_failures() == ["teams"]
    assert transport.seen.count(f"GET {LOOKUPS['teams'].endpoint}") == 1  # no retry
    assert service.lookups.loaded == LOOKUPS.keys() - {"teams"}
    await service.client.aclose()


# -- why_unavailable -----------------------------------------------------------------


def not_found(name: str) -> NotFoundError:
    path = LOOKUPS[name].endpoint.removeprefix("/api/v2/")
    return NotFoundError("Not found.", status=404, code="not_found", method="GET", path=path)


def refused(name: str) -> PermissionDeniedError:
    message = f"The API key is not allowed to use {TAGS[name]} (disallowed tag)."
    path = LOOKUPS[name].endpoint.removeprefix("/api/v2/")
    return PermissionDeniedError(
        message, tag=TAGS[name], status=403, code="forbidden", method="GET", path=path
    )


@pytest.mark.parametrize("name", list(LOOKUPS))
def test_a_missing_lookup_names_its_endpoint_and_404(name: str) -> None:
    text = why_unavailable(LOOKUPS[name], not_found(name))
    assert LOOKUPS[name].endpoint in text
    assert "(404)" in text
    assert text.endswith(f"{LOOKUPS[name].without}.")


@pytest.mark.parametrize("name", list(LOOKUPS))
def test_a_refused_lookup_says_what_was_refused_and_where_to_allow_it(name: str) -> None:
    error = refused(name)
    part = LOOKUPS[name]
    text = why_unavailable(part, error)
    # The endpoint and its 403 (not a tag Deskpro may not have), and what still works.
    assert f"may not use GET {part.endpoint} (403)" in text
    assert text.endswith(f"{LOOKUPS[name].without}.")
    assert API_KEYS_PLACE in unavailable_notice([(part, error)])  # where an admin allows it


def test_several_unavailable_lookups_make_one_notice() -> None:
    failures = [(LOOKUPS["teams"], refused("teams")), (LOOKUPS["filters"], not_found("filters"))]
    lines = unavailable_notice(failures).splitlines()
    assert lines[:2] == [why_unavailable(part, error) for part, error in failures]
    assert lines[2:] == [f"An admin can allow the API key more under {API_KEYS_PLACE}."]
    assert API_KEYS_PLACE not in unavailable_notice(failures[1:])  # a 404 is no one's to allow


def test_any_other_failure_still_ends_with_what_works() -> None:
    error = ServerError("The helpdesk answered 503 Service Unavailable.", status=503)
    text = why_unavailable(LOOKUPS["teams"], error)
    assert error.message.rstrip(".") in text
    assert text.endswith(f"{LOOKUPS['teams'].without}.")
