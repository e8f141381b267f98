"""Every answer and failure maps to the right `DeskproError`, with a message and a hint."""

from __future__ import annotations

import email.utils
import gzip
import json
import ssl
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tui.api import (
    DOCUMENTED_TAGS,
    AuthenticationError,
    BadRequestError,
    ConfigurationError,
    DeskproConnectionError,
    DeskproError,
    DeskproTimeoutError,
    InvalidInputError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitedError,
    ResponseFormatError,
    RetryPolicy,
    ServerError,
    TLSError,
)
from tui.api.error_mapping import (
    error_from_exception,
    error_from_response,
    retry_after_seconds,
)
from tui.api.errors import API_KEYS_PLACE, flatten_field_errors

from .conftest import API_ROOT, ClientFactory, FakeSleep, json_response, load_example

ONE_TRY = RetryPolicy(attempts=1)
PROXY_PAGE = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


def assert_explained(error: DeskproError) -> None:
    """`str()` is the message plus a non-empty hint."""
    text = str(error)
    assert text.strip()
    assert error.hint and error.hint in text
    assert error.message and error.message in text


async def raised_by(
    make_client: ClientFactory, handler: Callable[[httpx.Request], httpx.Response]
) -> DeskproError:
    client = make_client(handler, retry=ONE_TRY)
    with pytest.raises(DeskproError) as info:
        await client.me()
    return info.value


def html(status: int, body: bytes = PROXY_PAGE) -> httpx.Response:
    return httpx.Response(status, content=body, headers={"Content-Type": "text/html"})


# -- status codes ---------------------------------------------------------------------


async def test_400_bad_request(make_client: ClientFactory) -> None:
    err = await raised_by(
        make_client, lambda _r: json_response(load_example("error-400-count"), 400)
    )
    assert type(err) is BadRequestError
    assert (err.status, err.code) == (400, "bad_request")
    assert err.message == "You can select maximum 200 entities"
    assert err.field_errors == {} and err.errors == []
    assert_explained(err)


async def test_400_invalid_input_fields_flattened(make_client: ClientFactory) -> None:
    body = load_example("error-400-invalid-input")
    err = await raised_by(make_client, lambda _r: json_response(body, 400))
    assert type(err) is InvalidInputError
    assert isinstance(err, BadRequestError)
    assert (err.status, err.code, err.message) == (
        400,
        "invalid_input",
        "Request input is invalid.",
    )
    assert err.field_errors == {
        "subject": ["This value should not be blank."],
        "cc.cc_0": ['Email "support@help.example.com" is a helpdesk address.'],
    }
    assert err.errors == ["Unexpected field names: foo"]
    text = str(err)
    assert "subject: This value should not be blank." in text
    assert "cc.cc_0: Email" in text
    assert "Unexpected field names: foo" in text
    assert err.hint in text


def test_flatten_field_errors_shapes() -> None:
    tree = {
        "a": {"errors": [{"code": "required"}, {"message": "too long"}, "ignored"]},
        "b": {"fields": {"b_0": {"fields": {"x": {"errors": [{}]}}}}},
        "c": "not a node",
    }
    assert flatten_field_errors(tree) == {"a": ["required", "too long"], "b.b_0.x": ["invalid"]}
    assert flatten_field_errors(None) == {}
    assert flatten_field_errors([]) == {}


async def test_401_json(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: json_response(load_example("error-401"), 401))
    assert type(err) is AuthenticationError
    assert (err.status, err.code, err.message) == (401, "invalid_api_key", "Invalid API Key.")
    assert "API Keys" in err.hint
    assert_explained(err)


@pytest.mark.parametrize(
    "response",
    [
        httpx.Response(401),
        httpx.Response(401, content=b"<html><body>Login required</body></html>"),
        httpx.Response(401, json=["unexpected", "list"]),
    ],
    ids=["empty", "html", "json-list"],
)
async def test_401_without_a_json_object(
    make_client: ClientFactory, response: httpx.Response
) -> None:
    err = await raised_by(make_client, lambda _r: response)
    assert type(err) is AuthenticationError
    assert err.status == 401 and err.code is None
    assert err.message == "The helpdesk answered 401 Unauthorized."
    assert_explained(err)


async def test_403_names_the_upload_tag(make_client: ClientFactory, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x")
    body = {"status": 403, "code": "forbidden", "message": "API key not allowed."}
    client = make_client(lambda _r: json_response(body, 403))
    with pytest.raises(PermissionDeniedError) as info:
        await client.upload_blob(path)
    err = info.value
    assert (err.status, err.tag, err.message) == (403, "blobs.post_temp", "API key not allowed.")
    assert "blobs.post_temp" in err.hint and "blobs.post_temp" in str(err)
    assert_explained(err)


@pytest.mark.parametrize(
    ("call", "tag"),
    [
        (lambda c: c.list_tickets(), "tickets.tickets.list"),
        (lambda c: c.update_ticket(1, agent=2), "tickets.tickets.put"),
        (lambda c: c.delete_ticket(1), "tickets.tickets.delete"),
        (lambda c: c.list_agents(), "people.agents.list"),
        (lambda c: c.list_messages(1), "tickets.messages.list"),
    ],
)
async def test_403_names_each_endpoint_tag(
    make_client: ClientFactory, call: Callable[[Any], Any], tag: str
) -> None:
    client = make_client(lambda _r: httpx.Response(403), retry=ONE_TRY)
    with pytest.raises(PermissionDeniedError) as info:
        await call(client)
    assert info.value.tag == tag
    assert tag in str(info.value)


def test_403_without_tag_still_hints() -> None:
    err = error_from_response(httpx.Response(403))
    assert isinstance(err, PermissionDeniedError) and err.tag is None
    assert "allowed tags" in str(err)


@pytest.mark.parametrize("tag", sorted(DOCUMENTED_TAGS))
def test_403_hint_names_a_documented_tag(tag: str) -> None:
    err = PermissionDeniedError("Denied.", tag=tag, status=403, method="GET", path="x")
    assert err.hint == (
        f"The API key lacks the {tag} permission: ask an admin to allow it under "
        "Apps & Integrations > API Keys."
    )


@pytest.mark.parametrize(
    ("call", "tag", "endpoint"),
    [
        (lambda c: c.list_agent_teams(), "people.agent_teams.list", "GET /api/v2/agent_teams"),
        (lambda c: c.list_attachments(5), "tickets.attachments.list",
         "GET /api/v2/tickets/5/attachments"),
        (lambda c: c.list_tickets_of("ticket_filters", 3), "tickets.filters.tickets",
         "GET /api/v2/ticket_filters/3/tickets"),
        (lambda c: c.get_person(9), "people.people.get", "GET /api/v2/people/9"),
        (lambda c: c.me(), "me.get", "GET /api/v2/me"),
    ],
)  # fmt: skip
async def test_403_on_an_undocumented_tag_names_the_endpoint(
    make_client: ClientFactory, call: Callable[[Any], Any], tag: str, endpoint: str
) -> None:
    client = make_client(lambda _r: httpx.Response(403), retry=ONE_TRY)
    with pytest.raises(PermissionDeniedError) as info:
        await call(client)
    err = info.value
    assert err.tag == tag and tag not in DOCUMENTED_TAGS
    assert err.hint == (
        f"The API key may not use {endpoint}: ask an admin to check the key's allowed tags "
        "under Apps & Integrations > API Keys."
    )
    assert tag not in str(err)  # a tag Deskpro does not document is never named


def test_403_undocumented_tag_without_a_request_falls_back() -> None:
    err = PermissionDeniedError("Denied.", tag="people.agent_teams.list")
    assert err.hint == f"Ask an admin to check the API key's allowed tags under {API_KEYS_PLACE}."


async def test_404(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: json_response(load_example("error-404"), 404))
    assert type(err) is NotFoundError
    assert (err.code, err.message) == ("not_found", "The requested resource was not found.")
    assert_explained(err)


async def test_423_maintenance_is_server_error(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: html(423, b"<h1>Offline for maintenance</h1>"))
    assert type(err) is ServerError and err.status == 423
    assert_explained(err)


async def test_405_is_a_plain_deskpro_error(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: httpx.Response(405))
    assert type(err) is DeskproError and err.status == 405
    assert_explained(err)


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_5xx_with_html_proxy_page(make_client: ClientFactory, status: int) -> None:
    err = await raised_by(make_client, lambda _r: html(status))
    assert type(err) is ServerError and err.status == status
    assert err.message.startswith(f"The helpdesk answered {status} ")
    assert "nginx" not in str(err)
    assert_explained(err)


async def test_429_retry_after_seconds(make_client: ClientFactory) -> None:
    headers = {"Retry-After": "120"}
    err = await raised_by(
        make_client, lambda _r: json_response(load_example("error-429"), 429, headers)
    )
    assert type(err) is RateLimitedError
    assert err.retry_after == 120.0
    assert err.message == "API key hourly limit reached."
    assert "in 120 seconds" in str(err)
    assert_explained(err)


async def test_429_retry_after_http_date(make_client: ClientFactory) -> None:
    when = email.utils.formatdate(time.time() + 3600, usegmt=True)
    err = await raised_by(
        make_client, lambda _r: httpx.Response(429, headers={"Retry-After": when})
    )
    assert isinstance(err, RateLimitedError)
    assert err.retry_after is not None and 3000 < err.retry_after <= 3600
    assert_explained(err)


def test_retry_after_forms() -> None:
    past = email.utils.formatdate(0, usegmt=True)
    assert retry_after_seconds(httpx.Response(429, headers={"Retry-After": past})) == 0.0
    assert retry_after_seconds(httpx.Response(429, headers={"Retry-After": "-5"})) == 0.0
    assert retry_after_seconds(httpx.Response(429, headers={"Retry-After": "2.5"})) == 2.5
    assert retry_after_seconds(httpx.Response(429)) is None


async def test_429_without_retry_after(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: json_response(load_example("error-429"), 429))
    assert isinstance(err, RateLimitedError) and err.retry_after is None
    assert "Try again later" in str(err)


async def test_429_with_garbage_retry_after(make_client: ClientFactory) -> None:
    err = await raised_by(
        make_client, lambda _r: httpx.Response(429, headers={"Retry-After": "soon"})
    )
    assert isinstance(err, RateLimitedError) and err.retry_after is None


# -- 2xx answers that are not what Deskpro sends ----------------------------------------


async def test_200_html_login_page(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: html(200, b"<html>Please log in</html>"))
    assert type(err) is ResponseFormatError
    assert "text/html" in err.message and "26 bytes" in err.message
    assert_explained(err)


@pytest.mark.parametrize(
    "content", [b'{"data": {"auth_method": "api_k', b"", b"\xff\xfe\x00garbage"]
)
async def test_200_truncated_or_empty_or_binary(make_client: ClientFactory, content: bytes) -> None:
    err = await raised_by(make_client, lambda _r: httpx.Response(200, content=content))
    assert type(err) is ResponseFormatError
    assert "not JSON" in err.message
    assert_explained(err)


async def test_200_with_an_error_body(make_client: ClientFactory) -> None:
    body = load_example("error-401")
    err = await raised_by(make_client, lambda _r: json_response(body, 200))
    assert type(err) is AuthenticationError
    assert (err.status, err.message) == (401, "Invalid API Key.")


async def test_200_with_an_error_body_names_tag(make_client: ClientFactory) -> None:
    client = make_client(lambda _r: json_response({"status": 403, "message": "no"}), retry=ONE_TRY)
    with pytest.raises(PermissionDeniedError) as info:
        await client.list_tickets()
    assert info.value.tag == "tickets.tickets.list"


async def test_200_gzipped_error_body(make_client: ClientFactory) -> None:
    raw = gzip.compress(json.dumps(load_example("error-401")).encode())
    headers = {"Content-Type": "application/json", "Content-Encoding": "gzip"}
    err = await raised_by(make_client, lambda _r: httpx.Response(200, content=raw, headers=headers))
    assert type(err) is AuthenticationError


@pytest.mark.parametrize("content", [b"[]", b'"text"', b"null", b'{"status": "error"}'])
async def test_200_json_that_is_not_an_envelope(make_client: ClientFactory, content: bytes) -> None:
    err = await raised_by(make_client, lambda _r: httpx.Response(200, content=content))
    assert type(err) is ResponseFormatError
    assert_explained(err)


@pytest.mark.parametrize("content", [b"5", b"true", b"1.5"])
async def test_200_json_scalar_body(make_client: ClientFactory, content: bytes) -> None:
    err = await raised_by(make_client, lambda _r: httpx.Response(200, content=content))
    assert type(err) is ResponseFormatError


async def test_unreadable_record_in_a_200(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, lambda _r: json_response({"data": {"person_id": "x"}}))
    assert type(err) is ResponseFormatError and "Me" in err.message


# -- transport failures -----------------------------------------------------------------


def raising(exc: Exception) -> Callable[[httpx.Request], httpx.Response]:
    def handler(_request: httpx.Request) -> httpx.Response:
        raise exc

    return handler


async def test_connect_error(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, raising(httpx.ConnectError("[Errno 111] refused")))
    assert type(err) is DeskproConnectionError
    assert err.request_sent is False
    assert "help.example.com" in err.message
    assert "Check the network" in err.hint
    assert_explained(err)


async def write_raised_by(
    make_client: ClientFactory, handler: Callable[[httpx.Request], httpx.Response]
) -> DeskproError:
    with pytest.raises(DeskproError) as info:
        await make_client(handler, retry=ONE_TRY).update_ticket(5, agent=42)
    return info.value


async def test_dropped_connection_on_a_write(make_client: ClientFactory) -> None:
    err = await write_raised_by(make_client, raising(httpx.RemoteProtocolError("peer closed")))
    assert type(err) is DeskproConnectionError
    assert err.request_sent is True and err.interrupted is True
    assert "may have been saved" in str(err)


async def test_dropped_connection_on_a_read(make_client: ClientFactory) -> None:
    err = await raised_by(make_client, raising(httpx.RemoteProtocolError("peer closed")))
    assert type(err) is DeskproConnectionError
    assert err.request_sent is False and err.interrupted is True
    assert err.hint == "Check the connection and try again; nothing was changed."
    assert "saved" not in str(err)
    assert_explained(err)


async def test_read_timeout_on_a_write(make_client: ClientFactory) -> None:
    err = await write_raised_by(make_client, raising(httpx.ReadTimeout("timed out")))
    assert type(err) is DeskproTimeoutError
    assert err.request_sent is True
    assert err.message == "help.example.com took too long to answer."
    assert "may have been saved" in err.hint
    assert_explained(err)


async def test_read_timeout_on_a_read(make_client: ClientFactory, sleep: FakeSleep) -> None:
    def silent(_request: httpx.Request) -> httpx.Response:
        sleep.advance(10)  # the whole budget passes with no answer
        raise httpx.ReadTimeout("timed out")

    err = await raised_by(make_client, silent)
    assert type(err) is DeskproTimeoutError
    assert isinstance(err, DeskproConnectionError)
    assert err.request_sent is False and err.interrupted is True
    assert err.message == "help.example.com did not answer in time (10 s)."
    assert err.hint == "Check the connection and try again; nothing was changed."
    assert_explained(err)


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("refused"),
        httpx.ConnectTimeout("slow"),
        httpx.ReadTimeout("slow"),
        httpx.WriteTimeout("slow"),
        httpx.ReadError("reset"),
        httpx.WriteError("broken"),
        httpx.RemoteProtocolError("dropped"),
    ],
)
@pytest.mark.parametrize("method", ["GET", "get", "HEAD", "OPTIONS"])
def test_a_read_never_says_a_change_may_be_saved(exc: httpx.TransportError, method: str) -> None:
    # `tui.state.pending.may_have_been_saved` trusts `request_sent` to mean a write.
    err = error_from_exception(exc, httpx.URL(API_ROOT), method, path="me")
    assert isinstance(err, DeskproConnectionError)
    assert err.request_sent is False
    assert "saved" not in str(err)
    assert (err.method, err.path) == (method.upper(), "me")


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", None])
def test_a_cut_off_write_or_unknown_request_may_be_saved(method: str | None) -> None:
    url = httpx.URL(API_ROOT)
    for exc in (httpx.ReadTimeout("slow"), httpx.ReadError("reset")):
        err = error_from_exception(exc, url, method)
        assert isinstance(err, DeskproConnectionError) and err.request_sent is True
    never_sent = error_from_exception(httpx.ConnectError("refused"), url, method)
    assert isinstance(never_sent, DeskproConnectionError) and never_sent.request_sent is False


@pytest.mark.parametrize("exc", [httpx.ConnectTimeout("slow"), httpx.PoolTimeout("busy")])
async def test_connect_timeout_not_sent(make_client: ClientFactory, exc: Exception) -> None:
    err = await raised_by(make_client, raising(exc))
    assert type(err) is DeskproTimeoutError
    assert err.request_sent is False


def _ssl_cause() -> httpx.ConnectError:
    try:
        try:
            raise ssl.SSLCertVerificationError("certificate verify failed: self-signed")
        except ssl.SSLError as inner:
            raise httpx.ConnectError("handshake failed") from inner
    except httpx.ConnectError as outer:
        return outer


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed"),
        _ssl_cause(),
    ],
    ids=["message", "cause"],
)
async def test_tls_error(make_client: ClientFactory, exc: Exception) -> None:
    err = await raised_by(make_client, raising(exc))
    assert type(err) is TLSError
    assert isinstance(err, DeskproConnectionError)
    assert "SSL_CERT_FILE" in err.hint
    assert "help.example.com" in str(err)
    assert_explained(err)


# -- which request failed -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "method", "path"),
    [
        (lambda c: c.list_agent_teams(), "GET", "agent_teams"),
        (lambda c: c.list_attachments(5), "GET", "tickets/5/attachments"),
        (lambda c: c.list_tickets(status="resolved"), "GET", "tickets"),
        (lambda c: c.get_ticket("ABCD-1234"), "GET", "tickets/ref:ABCD-1234"),
        (lambda c: c.update_ticket(5, agent=42), "PUT", "tickets/5"),
        (lambda c: c.add_message(5, "Hi"), "POST", "tickets/5/messages"),
        (lambda c: c.delete_ticket(5), "DELETE", "tickets/5"),
    ],
)
@pytest.mark.parametrize(
    "failure",
    [
        lambda _r: httpx.Response(404),
        lambda _r: httpx.Response(503),
        lambda _r: json_response(load_example("error-429"), 429),
        lambda _r: json_response({"status": 403, "message": "no"}),  # an error in a 200
        lambda _r: html(200),  # not JSON
        raising(httpx.ConnectError("refused")),
        raising(httpx.ReadTimeout("slow")),
    ],
    ids=["404", "503", "429", "200-error", "200-html", "connect", "timeout"],
)
async def test_every_error_names_its_request(
    make_client: ClientFactory,
    call: Callable[[Any], Any],
    method: str,
    path: str,
    failure: Callable[[httpx.Request], httpx.Response],
) -> None:
    client = make_client(failure, retry=ONE_TRY)
    with pytest.raises(DeskproError) as info:
        await call(client)
    err = info.value
    assert (err.method, err.path) == (method, path)  # no query, no host, no leading slash
    assert err.endpoint == f"{method} /api/v2/{path}"
    assert err.is_read is (method == "GET")


async def test_an_upload_error_names_its_request(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    (tmp_path / "a.txt").write_bytes(b"x")
    client = make_client(lambda _r: httpx.Response(413), retry=ONE_TRY)
    with pytest.raises(DeskproError) as info:
        await client.upload_blob(tmp_path / "a.txt")
    assert info.value.endpoint == "POST /api/v2/blobs/temp"


def test_errors_built_elsewhere_name_no_request() -> None:
    err = DeskproError("Something failed.")
    assert (err.method, err.path, err.endpoint, err.is_read) == (None, None, None, False)
    assert error_from_response(httpx.Response(404)).endpoint is None


# -- the hierarchy and hints --------------------------------------------------------------


@pytest.mark.parametrize(
    "cls",
    [
        ConfigurationError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        BadRequestError,
        InvalidInputError,
        RateLimitedError,
        ServerError,
        DeskproConnectionError,
        DeskproTimeoutError,
        TLSError,
        ResponseFormatError,
        DeskproError,
    ],
)
def test_every_class_has_a_hint_in_str(cls: type[DeskproError]) -> None:
    err = cls("Something failed.")
    assert issubclass(cls, DeskproError)
    assert isinstance(err.hint, str) and len(err.hint) > 10
    assert str(err).startswith("Something failed.")
    assert err.hint in str(err)


def test_error_keeps_what_deskpro_said() -> None:
    err = error_from_response(
        httpx.Response(
            409, json={"status": 409, "code": "dupe_ticket", "message": "Duplicate.", "x": 1}
        )
    )
    assert type(err) is DeskproError
    assert (err.status, err.code, err.message) == (409, "dupe_ticket", "Duplicate.")


def test_odd_json_error_fields_are_ignored() -> None:
    err = error_from_response(
        httpx.Response(400, json={"code": 7, "message": ["a"], "errors": "nope"})
    )
    assert type(err) is BadRequestError
    assert err.code is None
    assert err.message == "The helpdesk answered 400 Bad Request."
    assert err.field_errors == {} and err.errors == []
