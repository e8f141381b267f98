"""Property tests: whatever a server (or a proxy in front of it) answers, the API layer
returns a model or raises a `DeskproError` subclass, never KeyError/TypeError/...

Three sources of bad input: arbitrary JSON values as a whole body; the real example payloads
with one node replaced by an arbitrary value (or removed); and raw HTTP answers (random
bytes, truncated JSON, HTML pages, error bodies) with random status codes, through the client.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.api import DeskproClient, DeskproError, RateLimitedError, ResponseFormatError
from tui.api import models as m
from tui.api.envelope import Page, parse_one, parse_page

from .conftest import API_KEY, BASE, _raw_example, load_example

# deadline=None: CI machines stall; database=None: nothing written into the work tree.
PROPS = settings(
    max_examples=200,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
CLIENT_PROPS = settings(PROPS, max_examples=150)

# (example file, model, "page" or "one"): every payload the fixtures hold.
EXAMPLES: list[tuple[str, type[Any], str]] = [
    ("agents-page", m.Person, "page"),
    ("attachments-page", m.Attachment, "page"),
    ("blob", m.Blob, "one"),
    ("departments-page", m.Department, "page"),
    ("discover", m.Discover, "one"),
    ("me", m.Me, "one"),
    ("messages-page", m.Message, "page"),
    ("person", m.Person, "one"),
    ("ticket-filters-page", m.TicketFilter, "page"),
    ("ticket-statuses", m.TicketStatus, "page"),
    ("ticket", m.Ticket, "one"),
    ("tickets-page", m.Ticket, "page"),
]
MODELS = sorted({model for _name, model, _kind in EXAMPLES}, key=lambda t: t.__name__)


def json_like(floats: st.SearchStrategy[float]) -> tuple[st.SearchStrategy[Any], ...]:
    """(scalars, values): None/bool/int/float/str leaves, nested in lists and dicts."""
    scalars = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(2**70), max_value=2**70),  # past int64 on purpose
        floats,
        st.text(max_size=20),
        st.sampled_from(["", "0", "1", "null", "2026-13-45T99:99:99+0000", "0000-00-00"]),
    )
    values = st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)
        ),
        max_leaves=10,
    )
    return scalars, values


# NaN and ±inf included: Python's json module decodes them.
json_scalars, json_values = json_like(st.floats())


def parse(body: Any, model: type[Any], kind: str) -> None:
    """Parse `body`; a `ResponseFormatError` is a fine answer, anything else fails the test."""
    try:
        result = parse_page(body, model) if kind == "page" else parse_one(body, model)
    except ResponseFormatError:
        return
    if isinstance(result, Page):
        assert all(isinstance(item, model) for item in result.items)
        assert result.pagination.total_pages is not None
    else:
        assert isinstance(result, model)


# -- whole bodies ---------------------------------------------------------------------------


@PROPS
@given(body=json_values, model=st.sampled_from(MODELS), kind=st.sampled_from(["page", "one"]))
def test_any_json_body(body: Any, model: type[Any], kind: str) -> None:
    parse(body, model, kind)


@PROPS
@given(data=json_values, meta=json_values, model=st.sampled_from(MODELS))
def test_any_data_inside_a_real_envelope(data: Any, meta: Any, model: type[Any]) -> None:
    body = {"data": data, "meta": meta, "linked": {}}
    parse(body, model, "page")
    parse(body, model, "one")


# -- one field of a real payload at a time ---------------------------------------------------


def node_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """The path of every node below the root (containers and leaves)."""
    if isinstance(value, dict):
        children = list(value.items())
    elif isinstance(value, list):
        children = list(enumerate(value))
    else:
        return []
    paths: list[tuple[Any, ...]] = []
    for key, child in children:
        paths.append((*prefix, key))
        paths.extend(node_paths(child, (*prefix, key)))
    return paths


def mutated(body: Any, path: tuple[Any, ...], new: Any, remove: bool) -> Any:
    parent = body
    for key in path[:-1]:
        parent = parent[key]
    if remove:
        del parent[path[-1]]  # a missing field (or a shorter list)
    else:
        parent[path[-1]] = new
    return body


@PROPS
@given(data=st.data(), example=st.sampled_from(EXAMPLES), new=json_values, remove=st.booleans())
def test_one_field_of_a_real_payload_changed(
    data: st.DataObject, example: tuple[str, type[Any], str], new: Any, remove: bool
) -> None:
    name, model, kind = example
    body = load_example(name)
    path = data.draw(st.sampled_from(node_paths(body)), label="path")
    parse(mutated(body, path, new, remove), model, kind)


def test_every_example_parses_unchanged() -> None:
    # The baseline the mutations start from: each payload is valid as it is.
    for name, model, kind in EXAMPLES:
        body = load_example(name)
        result = parse_page(body, model) if kind == "page" else parse_one(body, model)
        assert result is not None, name


# -- sideloaded records (parsed only when the state layer asks for them) ------------------


# Keyed by id, as Deskpro sends them, or not a map at all (PHP's [] for "none").
linked_maps = st.one_of(
    st.dictionaries(st.integers(0, 10**6).map(str), json_values, max_size=3),
    st.dictionaries(st.text(max_size=4), json_values, max_size=3),  # keys that are not ids
    st.lists(json_values, max_size=3),
    json_scalars,
)


@PROPS
@given(people=linked_maps, departments=linked_maps)
def test_linked_records_with_any_values(people: Any, departments: Any) -> None:
    page = parse_page(
        {"data": [], "linked": {"person": people, "department": departments}}, m.Ticket
    )
    for read in (page.linked_people, page.linked_departments):
        try:
            records = read()
        except ResponseFormatError:
            continue
        assert all(isinstance(key, int) for key in records)


def test_linked_record_under_a_non_numeric_key() -> None:
    page = parse_page({"data": [], "linked": {"person": {"abc": {"id": 1}}}}, m.Ticket)
    with pytest.raises(ResponseFormatError):
        page.linked_people()


@pytest.mark.parametrize(("errors", "expected"), [("1", ["1"]), ('"bad"', ["bad"])])
async def test_an_error_body_whose_errors_list_is_not_a_list(
    errors: str, expected: list[str]
) -> None:
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(400, content=b'{"errors": {"errors": %s}}' % errors.encode())

    async with DeskproClient(BASE, API_KEY, transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(DeskproError) as caught:
            await client.me()
    assert caught.value.errors == expected  # one message, not one per character


async def test_a_200_error_body_holding_infinity() -> None:
    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=b'{"status": 429, "x": Infinity}', headers={"Retry-After": "7"}
        )

    async with DeskproClient(BASE, API_KEY, transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(RateLimitedError) as caught:
            await client.me()
    assert caught.value.retry_after == 7


# -- raw answers through the client ----------------------------------------------------------

PROXY_PAGES = [
    b"<html><head><title>502 Bad Gateway</title></head><body><center>nginx</center></body>",
    b"<!DOCTYPE html><html><body><form action='/login'>Sign in</form></body></html>",
    b"<html><body>Attention Required! | Cloudflare</body></html>",
    b"",
    b"null",
    b"{}",
    b"[]",
    b'{"data": null}',
    b'{"status": "error"}',
]
CONTENT_TYPES = ["application/json", "text/html; charset=utf-8", "text/plain", ""]


@st.composite
def truncated_json(draw: st.DrawFn) -> bytes:
    raw = _raw_example(draw(st.sampled_from([e[0] for e in EXAMPLES]))).encode()
    return raw[: draw(st.integers(0, len(raw) - 1))]


error_bodies = st.fixed_dictionaries(
    {"status": st.one_of(st.integers(-5, 1000), json_values)},
    optional={
        "message": json_values,
        "code": json_values,
        "errors": st.one_of(
            json_values,
            # errors.errors as Deskpro sends it (a list, or null/string from odd builds), or
            # any other value.
            st.fixed_dictionaries(
                {},
                optional={
                    "errors": st.one_of(st.none(), st.lists(json_values), json_values),
                    "fields": json_values,
                },
            ),
        ),
    },
).map(lambda body: json.dumps(body).encode())

raw_bodies = st.one_of(
    st.binary(max_size=200),
    truncated_json(),
    st.sampled_from(PROXY_PAGES),
    st.builds(lambda text: f"<html><body>{text}</body></html>".encode(), st.text(max_size=50)),
    json_values.map(lambda value: json.dumps(value).encode()),
    error_bodies,
)
statuses = st.one_of(st.sampled_from([200, 201, 204, 400, 401, 403, 404, 429, 500, 502, 503]),
                     st.integers(200, 599))  # fmt: skip
header_text = st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=8)
retry_after = st.one_of(st.none(), st.sampled_from(["0", "-1", "1e9", "nan", "soon"]), header_text)


async def _no_sleep(_delay: float) -> None:
    return None


CALLS = {
    "me": lambda c: c.me(),
    "get_ticket": lambda c: c.get_ticket(1),
    "list_tickets": lambda c: c.list_tickets(),
    "update_ticket": lambda c: c.update_ticket(1, agent=2),
    "discover": lambda c: c.discover(),
}


@CLIENT_PROPS
@given(
    status=statuses,
    body=raw_bodies,
    content_type=st.sampled_from(CONTENT_TYPES),
    retry=retry_after,
    call=st.sampled_from(sorted(CALLS)),
)
def test_client_raises_only_deskpro_errors(
    status: int, body: bytes, content_type: str, retry: str | None, call: str
) -> None:
    headers = {"Content-Type": content_type} if content_type else {}
    if retry is not None:
        headers["Retry-After"] = retry

    def handler(_request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, content=body, headers=headers)

    async def run() -> None:
        transport = httpx.MockTransport(handler)
        async with DeskproClient(BASE, API_KEY, transport=transport, sleep=_no_sleep) as client:
            try:
                await CALLS[call](client)
            except DeskproError as exc:
                assert str(exc)  # a message a person can read

    asyncio.run(run())
