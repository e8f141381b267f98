"""`send_new_ticket` over a mock helpdesk: concurrent uploads, one create, safe retries."""

from __future__ import annotations

import asyncio
import json
import re
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import httpx
import pytest

from tui.api import DeskproClient, InvalidInputError
from tui.state import HelpdeskService
from tui.state.outgoing import (
    NewTicket,
    OutgoingFile,
    UploadsFailedError,
    send_new_ticket,
)

FORBIDDEN = {"status": 403, "code": "forbidden", "message": "You may not use this endpoint."}


class FakeHelpdesk:
    """Answers uploads and ticket creation; `fail` names files whose upload fails once."""

    def __init__(self, expect_uploads: int, fail: dict[str, httpx.Response] | None = None) -> None:
        self.expect_uploads = expect_uploads
        self.fail = dict(fail or {})
        self.uploaded: list[str] = []
        self.created: list[dict] = []
        self.all_arrived = asyncio.Event()
        self.arrived = 0

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/blobs/temp"):
            return await self.upload(request)
        if request.url.path.endswith("/tickets") and request.method == "POST":
            self.created.append(json.loads(request.content))
            return httpx.Response(201, json={"data": {"id": 901, "subject": "x"}})
        return httpx.Response(404, json={"status": 404, "message": "not here"})

    async def upload(self, request: httpx.Request) -> httpx.Response:
        name = re.search(rb'filename="([^"]+)"', request.content).group(1).decode()
        # Every upload waits until all have started: only a concurrent send gets past this.
        self.arrived += 1
        if self.arrived >= self.expect_uploads:
            self.all_arrived.set()
        await asyncio.wait_for(self.all_arrived.wait(), timeout=5)
        if name in self.fail:
            return self.fail.pop(name)
        self.uploaded.append(name)
        number = len(self.uploaded)
        blob = {"blob_id": number, "blob_auth": f"AUTH{number}-{name}", "filename": name}
        return httpx.Response(201, json={"data": blob})


@pytest.fixture
def files(tmp_path: Path) -> list[OutgoingFile]:
    (tmp_path / "shot.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"0" * 100)
    (tmp_path / "log.txt").write_text("kernel panic\n" * 50)
    return [
        OutgoingFile.from_path(tmp_path / "shot.png", inline=True),
        OutgoingFile.from_path(tmp_path / "log.txt"),
    ]


@pytest.fixture
async def make_service() -> AsyncIterator[Callable[[FakeHelpdesk], HelpdeskService]]:
    clients: list[DeskproClient] = []

    def make(helpdesk: FakeHelpdesk) -> HelpdeskService:
        transport = httpx.MockTransport(helpdesk)
        clients.append(DeskproClient("https://help.example.com", "1:KEY", transport=transport))
        return HelpdeskService(clients[-1])

    yield make
    for client in clients:
        await client.aclose()


TICKET = NewTicket(
    to=" jo@example.com ",
    subject="Printer on fire",
    body="It is **very** hot",
    department=3,
    agent=7,
    urgency=9,
    labels="hardware, fire, hardware",
)


async def test_uploads_concurrently_then_creates_once(
    make_service: Callable[[FakeHelpdesk], HelpdeskService], files: list[OutgoingFile]
) -> None:
    helpdesk = FakeHelpdesk(expect_uploads=2)
    seen: list[tuple[str, str]] = []
    ticket = await send_new_ticket(
        make_service(helpdesk), TICKET, files, lambda f: seen.append((f.name, f.state))
    )
    assert ticket.id == 901
    assert sorted(helpdesk.uploaded) == ["log.txt", "shot.png"]
    [body] = helpdesk.created
    auth = {f.name: f.blob.blob_auth for f in files if f.blob}
    assert body["message"]["attachments"] == [
        {"blob_auth": auth["shot.png"], "is_inline": True},
        {"blob_auth": auth["log.txt"], "is_inline": False},
    ]
    assert body["person"] == "jo@example.com"
    assert body["subject"] == "Printer on fire"
    assert body["message"]["format"] == "html"
    assert "<strong>very</strong>" in body["message"]["message"]
    assert (body["department"], body["agent"], body["urgency"]) == (3, 7, 9)
    assert body["labels"] == ["hardware", "fire"]
    assert all(f.state == "uploaded" and f.sent == f.size for f in files)
    assert ("shot.png", "uploading") in seen and ("shot.png", "uploaded") in seen


async def test_optional_fields_are_left_out(
    make_service: Callable[[FakeHelpdesk], HelpdeskService],
) -> None:
    helpdesk = FakeHelpdesk(expect_uploads=0)
    plain = NewTicket(to="jo@example.com", subject="Hi", body="Hello")
    await send_new_ticket(make_service(helpdesk), plain, [])
    [body] = helpdesk.created
    assert set(body) == {"subject", "person", "message"}
    assert "attachments" not in body["message"]


async def test_a_failed_upload_stops_before_create_and_retry_sends_only_it(
    make_service: Callable[[FakeHelpdesk], HelpdeskService], files: list[OutgoingFile]
) -> None:
    broken = httpx.Response(500, json={"status": 500, "message": "Disk full."})
    helpdesk = FakeHelpdesk(expect_uploads=2, fail={"log.txt": broken})
    service = make_service(helpdesk)
    with pytest.raises(UploadsFailedError) as caught:
        await send_new_ticket(service, TICKET, files)
    assert "log.txt: Disk full." in str(caught.value)
    assert "retry" in str(caught.value)
    assert caught.value.failed == [files[1]]
    assert helpdesk.created == []
    assert [f.state for f in files] == ["uploaded", "failed"]
    assert helpdesk.uploaded == ["shot.png"]

    helpdesk.all_arrived.set()  # one upload this time: nothing to wait for
    await send_new_ticket(service, TICKET, files)
    assert helpdesk.uploaded == ["shot.png", "log.txt"]  # shot.png was not sent again
    assert len(helpdesk.created) == 1
    assert len(helpdesk.created[0]["message"]["attachments"]) == 2


async def test_permission_denied_says_how_an_admin_grants_it(
    make_service: Callable[[FakeHelpdesk], HelpdeskService], files: list[OutgoingFile]
) -> None:
    denied = {name: httpx.Response(403, json=FORBIDDEN) for name in ("shot.png", "log.txt")}
    helpdesk = FakeHelpdesk(expect_uploads=2, fail=denied)
    with pytest.raises(UploadsFailedError) as caught:
        await send_new_ticket(make_service(helpdesk), TICKET, files)
    text = str(caught.value)
    assert "shot.png, log.txt" in text  # one reason, named once with both files
    assert "lacks the blobs.post_temp permission" in text
    assert "Apps & Integrations > API Keys" in text
    assert caught.value.denied
    assert helpdesk.created == []


async def test_a_vanished_file_fails_without_a_request(
    make_service: Callable[[FakeHelpdesk], HelpdeskService], files: list[OutgoingFile]
) -> None:
    files[1].path.unlink()
    helpdesk = FakeHelpdesk(expect_uploads=1)
    with pytest.raises(UploadsFailedError) as caught:
        await send_new_ticket(make_service(helpdesk), TICKET, files)
    assert "log.txt does not exist" in str(caught.value)
    assert helpdesk.uploaded == ["shot.png"]


async def test_server_validation_errors_come_through(
    make_service: Callable[[FakeHelpdesk], HelpdeskService],
) -> None:
    refusal = {
        "status": 400,
        "code": "invalid_input",
        "message": "Request input is invalid.",
        "errors": {
            "fields": {"agent": {"errors": [{"code": "person_not_agent", "message": "No"}]}}
        },
    }

    class Refusing(FakeHelpdesk):
        async def __call__(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(400, json=refusal)

    with pytest.raises(InvalidInputError) as caught:
        await send_new_ticket(make_service(Refusing(0)), TICKET, [])
    assert caught.value.field_errors == {"agent": ["No"]}
