"""The directory: a person's addresses and organization, and `GET /organizations/{id}`
(tolerant like every model; a refusal or an absence names the endpoint's tag)."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tui.api import DeskproError, NotFoundError, Organization, PermissionDeniedError
from tui.api.lookups import ById, EveryPage

from .conftest import ClientFactory, Recorder, envelope, json_response, load_example, query

# As the demo helpdesk and Deskpro send one: more than the client reads.
ORGANIZATION = {
    "id": 5,
    "name": "Wayne Foundation",
    "summary": "",
    "importance": 0,
    "labels": [],
    "fields": {},
    "email_domains": ["wayne.example"],
    "date_created": "2024-08-16T14:04:18+0000",
}


async def test_get_organization_reads_the_record(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _r: json_response({"data": ORGANIZATION, "meta": [], "linked": []}))
    organization = await make_client(rec).get_organization(5)
    assert isinstance(organization, Organization)
    assert (organization.id, organization.name, organization.label) == (
        5,
        "Wayne Foundation",
        "Wayne Foundation",
    )
    assert (rec.last.method, rec.last.url.path, query(rec.last)) == (
        "GET",
        "/api/v2/organizations/5",
        [],
    )


async def test_an_organization_without_a_name_is_labelled_by_number(
    make_client: ClientFactory,
) -> None:
    rec = Recorder(lambda _r: json_response(envelope({"id": 9})))
    assert (await make_client(rec).get_organization(9)).label == "Organization #9"


@pytest.mark.parametrize(("status", "error"), [(403, PermissionDeniedError), (404, NotFoundError)])
async def test_a_refused_or_missing_organization_names_its_request(
    make_client: ClientFactory, status: int, error: type[DeskproError]
) -> None:
    body = load_example("error-404") if status == 404 else {"status": 403, "message": "No."}
    client = make_client(lambda _r: json_response(body, status))
    with pytest.raises(error) as info:
        await client.get_organization(5)
    assert (info.value.method, info.value.path) == ("GET", "organizations/5")
    if isinstance(info.value, PermissionDeniedError):  # the tag an admin allows
        assert info.value.tag == "organizations.get"


def test_a_persons_addresses_and_organization_are_read() -> None:
    from tui.api import Person

    example = load_example("person")["data"]
    person = Person.model_validate(example)
    assert (person.emails, person.organization) == (["dave@example.com"], None)
    odd: dict[str, Any] = {
        **example,
        "emails": [{"email": "d@work.example"}, "dave@example.com", None, ""],
        "organization": {"id": 13, "name": "Acme"},
    }
    person = Person.model_validate(odd)
    assert (person.emails, person.organization) == (["d@work.example", "dave@example.com"], 13)
    assert Person.model_validate({**example, "emails": None}).emails == []


def test_lookups_stay_declared_on_the_client() -> None:
    # Declared lookups still read as the client's own (docs, introspection).
    from tui.api import DeskproClient

    assert isinstance(DeskproClient.get_organization, ById)
    assert isinstance(DeskproClient.list_departments, EveryPage)
    assert DeskproClient.get_organization.tag == "organizations.get"


async def test_lookups_are_bound_to_each_client(make_client: ClientFactory) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(f"{request.url.host}{request.url.path}")
        return json_response(envelope(ORGANIZATION))

    first = make_client(handler, url="https://one.example.com")
    second = make_client(handler, url="https://two.example.com")
    await first.get_organization(5)
    await second.get_person(5)
    assert seen == ["one.example.com/api/v2/organizations/5", "two.example.com/api/v2/people/5"]
