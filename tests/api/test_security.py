"""The API key: sent as `key ID:CODE` to the helpdesk's own origin only, never shown."""

from __future__ import annotations

import logging
import traceback
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from tui.api import (
    Attachment,
    Blob,
    ConfigurationError,
    DeskproClient,
    DeskproError,
    RetryPolicy,
)
from tui.api.urls import api_root

from .conftest import (
    API_KEY,
    KEY_CODE,
    ClientFactory,
    Recorder,
    json_response,
    load_example,
)


def me_handler(_request: httpx.Request) -> httpx.Response:
    return json_response(load_example("me"))


# -- the header --------------------------------------------------------------------------


async def test_key_header(make_client: ClientFactory) -> None:
    rec = Recorder(me_handler)
    await make_client(rec).me()
    assert rec.last.headers["Authorization"] == f"key {API_KEY}"
    assert "X-DeskPRO-Agent-ID" not in rec.last.headers


async def test_token_scheme_and_agent_id(make_client: ClientFactory) -> None:
    rec = Recorder(me_handler)
    await make_client(rec, api_key=f"  {API_KEY}\n", auth_scheme="token", agent_id=77).me()
    assert rec.last.headers["Authorization"] == f"token {API_KEY}"
    assert rec.last.headers["X-DeskPRO-Agent-ID"] == "77"


async def test_key_sent_on_every_api_method(make_client: ClientFactory) -> None:
    rec = Recorder(lambda _r: httpx.Response(204))
    client = make_client(rec)
    await client.update_ticket(1, agent=2)
    await client.delete_ticket(1)
    assert [r.headers.get("Authorization") for r in rec.requests] == [f"key {API_KEY}"] * 2


# -- other origins -------------------------------------------------------------------------


def file_server(rec_hosts: list[tuple[str, str | None]]) -> Callable[[httpx.Request], Any]:
    def handler(request: httpx.Request) -> httpx.Response:
        rec_hosts.append((str(request.url), request.headers.get("Authorization")))
        return httpx.Response(200, content=b"file bytes")

    return handler


@pytest.mark.parametrize(
    "url",
    [
        "https://cdn.example.net/file.php/AUTH/report.pdf",
        "https://evil.help.example.com/file.php/AUTH/report.pdf",
        "https://help.example.com.evil.net/file.php/AUTH/report.pdf",
        "https://help.example.com:8443/file.php/AUTH/report.pdf",
        "http://help.example.com/file.php/AUTH/report.pdf",
    ],
    ids=["other-host", "subdomain", "suffix-host", "other-port", "plain-http"],
)
async def test_no_key_to_another_origin(
    make_client: ClientFactory, tmp_path: Path, url: str
) -> None:
    seen: list[tuple[str, str | None]] = []
    target = await make_client(file_server(seen)).download(url, tmp_path)
    assert seen == [(url, None)]
    assert target == tmp_path / "report.pdf"
    assert target.read_bytes() == b"file bytes"


async def test_key_sent_to_own_origin_download(make_client: ClientFactory, tmp_path: Path) -> None:
    seen: list[tuple[str, str | None]] = []
    client = make_client(file_server(seen))
    await client.download("/file.php/AUTH/a.txt", tmp_path)
    await client.download("https://help.example.com:443/file.php/AUTH/b.txt", tmp_path)
    assert [auth for _url, auth in seen] == [f"key {API_KEY}"] * 2
    assert seen[0][0] == "https://help.example.com/file.php/AUTH/a.txt"


async def test_no_key_after_redirect_to_another_host(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    seen: list[tuple[str, str | None]] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers.get("Authorization")))
        if request.url.host == "help.example.com":
            return httpx.Response(302, headers={"Location": "https://files.example.net/x/y.bin"})
        return httpx.Response(200, content=b"redirected")

    blob = Blob.model_validate(load_example("blob")["data"])
    target = await make_client(handler).download(blob, tmp_path)
    assert seen == [("help.example.com", f"key {API_KEY}"), ("files.example.net", None)]
    assert target.name == "panic.txt" and target.read_bytes() == b"redirected"


async def test_api_redirect_to_another_host_not_followed(make_client: ClientFactory) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return httpx.Response(301, headers={"Location": "https://evil.example.net/api/v2/me"})

    with pytest.raises(DeskproError) as info:
        await make_client(handler, retry=RetryPolicy(attempts=1)).me()
    assert info.value.status == 301
    assert seen == ["help.example.com"]


# -- never shown --------------------------------------------------------------------------


def test_repr_hides_key() -> None:
    client = DeskproClient("https://help.example.com", API_KEY)
    for text in (repr(client), str(client)):
        assert KEY_CODE not in text
        assert "redacted" in text
        assert "help.example.com" in text


FailingCall = Callable[[DeskproClient], Awaitable[Any]]


def _failures(
    tmp_path: Path,
) -> list[tuple[Callable[[httpx.Request], httpx.Response], FailingCall]]:
    def raise_(exc: Exception) -> Callable[[httpx.Request], httpx.Response]:
        def handler(request: httpx.Request) -> httpx.Response:
            raise exc

        return handler

    upload = tmp_path / "up.txt"
    upload.write_bytes(b"data")
    attachment = Attachment.model_validate(load_example("attachments-page")["data"][0])
    echo = {"status": 401, "message": "Invalid API Key.", "code": "invalid_api_key"}
    return [
        (lambda _r: json_response(echo, 401), lambda c: c.me()),
        (lambda _r: httpx.Response(403), lambda c: c.upload_blob(upload)),
        (lambda _r: httpx.Response(429, headers={"Retry-After": "999"}), lambda c: c.me()),
        (lambda _r: json_response(load_example("error-400-invalid-input"), 400), lambda c: c.me()),
        (lambda _r: httpx.Response(502, text="<html>proxy</html>"), lambda c: c.me()),
        (lambda _r: httpx.Response(200, text="<html>login</html>"), lambda c: c.me()),
        (raise_(httpx.ConnectError("refused")), lambda c: c.list_agents()),
        (raise_(httpx.ConnectError("[SSL: CERTIFICATE_VERIFY_FAILED]")), lambda c: c.me()),
        (raise_(httpx.ReadTimeout("slow")), lambda c: c.update_ticket(1, agent=None)),
        (lambda _r: httpx.Response(404), lambda c: c.download(attachment, tmp_path)),
        (raise_(httpx.ReadError("reset")), lambda c: c.download(attachment, tmp_path)),
    ]


async def test_key_never_in_errors_or_logs(
    make_client: ClientFactory, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    raised: list[DeskproError] = []
    for handler, call in _failures(tmp_path):
        with pytest.raises(DeskproError) as info:
            await call(make_client(handler))
        raised.append(info.value)
    assert len(raised) == 11
    for error in raised:
        shown = [str(error), repr(error), "".join(traceback.format_exception(error))]
        assert all(KEY_CODE not in text for text in shown), type(error)
    # Successful traffic and retries are logged too: the key must not be in any record.
    await make_client(me_handler).me()
    assert any(r.name == "tui.api" for r in caplog.records)
    for record in caplog.records:
        assert KEY_CODE not in record.getMessage()
        assert KEY_CODE not in repr(record.args)
    assert KEY_CODE not in caplog.text


# -- URL forms and plain http ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "https://help.example.com",
        "https://help.example.com/",
        "https://help.example.com/api/v2",
        "https://help.example.com/api/v2/",
        "https://help.example.com/api/v2/20170601/",
        "https://help.example.com/api/v2/tickets/3432?x=1#top",
        "  https://help.example.com/  ",
        "HTTPS://Help.Example.com",
    ],
)
async def test_url_forms(make_client: ClientFactory, url: str) -> None:
    assert str(api_root(url)) == "https://help.example.com/api/v2/"
    rec = Recorder(me_handler)
    client = make_client(rec, url=url)
    assert client.api_url == "https://help.example.com/api/v2/"
    assert client.helpdesk_url == "https://help.example.com/"
    await client.me()
    assert str(rec.last.url) == "https://help.example.com/api/v2/me"


def test_subfolder_and_port_kept() -> None:
    assert (
        str(api_root("https://h.example.com/helpdesk/")) == "https://h.example.com/helpdesk/api/v2/"
    )
    assert str(api_root("https://h.example.com:8443")) == "https://h.example.com:8443/api/v2/"


def test_subfolder_helpdesk_url() -> None:
    client = DeskproClient("https://h.example.com/helpdesk/api/v2/", API_KEY)
    assert client.helpdesk_url == "https://h.example.com/helpdesk/"


@pytest.mark.parametrize(
    "url",
    ["http://help.example.com", "http://10.0.0.5/", "http://localhost.evil.net", "http://[::2]/"],
)
def test_plain_http_refused(url: str) -> None:
    with pytest.raises(ConfigurationError) as info:
        DeskproClient(url, API_KEY)
    assert "http://" in str(info.value) and info.value.hint in str(info.value)
    assert KEY_CODE not in str(info.value)


async def test_plain_http_allowed_explicitly(make_client: ClientFactory) -> None:
    rec = Recorder(me_handler)
    await make_client(rec, url="http://help.example.com", allow_insecure_http=True).me()
    assert str(rec.last.url) == "http://help.example.com/api/v2/me"
    assert rec.last.headers["Authorization"] == f"key {API_KEY}"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("http://127.0.0.1:8080", "http://127.0.0.1:8080/api/v2/me"),
        ("http://localhost", "http://localhost/api/v2/me"),
        ("http://[::1]:8000/", "http://[::1]:8000/api/v2/me"),
        ("http://127.4.5.6", "http://127.4.5.6/api/v2/me"),
    ],
)
async def test_loopback_http_allowed(make_client: ClientFactory, url: str, expected: str) -> None:
    rec = Recorder(me_handler)
    await make_client(rec, url=url).me()
    assert str(rec.last.url) == expected
    assert rec.last.headers["Authorization"] == f"key {API_KEY}"


@pytest.mark.parametrize("url", ["help.example.com", "ftp://help.example.com", "", "https://"])
def test_not_a_helpdesk_address(url: str) -> None:
    with pytest.raises(ConfigurationError, match="not a helpdesk address"):
        DeskproClient(url, API_KEY)
