"""`POST /blobs/temp`: an exact multipart body, streamed from disk, never held in memory."""

from __future__ import annotations

import email.parser
import email.policy
import tracemalloc
from email.message import EmailMessage
from pathlib import Path

import httpx
import pytest

from tui.api import Blob, DeskproConnectionError, PermissionDeniedError, ServerError
from tui.api.uploads import CHUNK_SIZE, MultipartFile

from .conftest import (
    ClientFactory,
    FakeSleep,
    Recorder,
    StreamingTransport,
    json_response,
    load_example,
)

MB = 1024 * 1024
# Bytes that trip naive parsers: CRLF, bare CR/LF, a fake boundary line, NULs, high bytes.
PAYLOAD = b"line one\r\nline two\nthree\r--not-a-boundary\r\n\x00\xff\xfe" * 50


def blob_created(_request: httpx.Request) -> httpx.Response:
    return json_response(load_example("blob"), 201)


def parse_multipart(request: httpx.Request) -> list[EmailMessage]:
    head = f"Content-Type: {request.headers['Content-Type']}\r\n\r\n".encode()
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(head + request.content)
    assert isinstance(message, EmailMessage)
    assert message.is_multipart()
    return list(message.iter_parts())  # type: ignore[arg-type]


async def test_upload_body_parses_back(make_client: ClientFactory, tmp_path: Path) -> None:
    path = tmp_path / "panic.txt"
    path.write_bytes(PAYLOAD)
    rec = Recorder(blob_created)
    blob = await make_client(rec).upload_blob(path)
    assert isinstance(blob, Blob)
    assert blob.blob_auth == "26854KPJHXXQWRNRQHBQ0"
    (req,) = rec.requests
    assert (req.method, str(req.url)) == ("POST", "https://help.example.com/api/v2/blobs/temp")
    assert req.headers["Content-Type"].startswith("multipart/form-data; boundary=")
    assert int(req.headers["Content-Length"]) == len(req.content)
    assert "Transfer-Encoding" not in req.headers
    (part,) = parse_multipart(req)
    assert part.get_param("name", header="content-disposition") == "file"
    assert part.get_filename() == "panic.txt"
    assert part.get_content_type() == "text/plain"
    assert part.get_payload(decode=True) == PAYLOAD


async def test_upload_body_exact_bytes(make_client: ClientFactory, tmp_path: Path) -> None:
    path = tmp_path / "notes.bin"
    path.write_bytes(b"\x00\x01payload")
    rec = Recorder(blob_created)
    await make_client(rec).upload_blob(path)
    boundary = rec.last.headers["Content-Type"].split("boundary=", 1)[1]
    assert len(boundary) >= 16
    assert (
        rec.last.content
        == (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="file"; filename="notes.bin"\r\n'
            "Content-Type: application/octet-stream\r\n"
            "\r\n"
        ).encode()
        + b"\x00\x01payload"
        + f"\r\n--{boundary}--\r\n".encode()
    )


@pytest.mark.parametrize(
    ("disk_name", "filename", "content_type", "sent_name", "sent_type"),
    [
        ("a.png", None, None, "a.png", "image/png"),
        ("a.png", "shot.jpg", None, "shot.jpg", "image/jpeg"),
        ("a.png", None, "application/x-custom", "a.png", "application/x-custom"),
        ("résumé é.pdf", None, None, "résumé é.pdf", "application/pdf"),
        ("noext", None, None, "noext", "application/octet-stream"),
    ],
)
async def test_filename_and_content_type(
    make_client: ClientFactory,
    tmp_path: Path,
    disk_name: str,
    filename: str | None,
    content_type: str | None,
    sent_name: str,
    sent_type: str,
) -> None:
    path = tmp_path / disk_name
    path.write_bytes(b"12345")
    rec = Recorder(blob_created)
    await make_client(rec).upload_blob(path, filename=filename, content_type=content_type)
    assert int(rec.last.headers["Content-Length"]) == len(rec.last.content)
    (part,) = parse_multipart(rec.last)
    assert part.get_filename() == sent_name
    assert part.get_content_type() == sent_type
    assert part.get_payload(decode=True) == b"12345"


def test_filename_quotes_and_line_breaks_escaped(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"")
    body = MultipartFile(path, filename='evil".txt\r\nX-Injected: 1')
    head = body._head.decode()
    assert 'filename="evil%22.txt%0D%0AX-Injected: 1"' in head
    assert head.count("\r\n") == 4  # boundary, disposition, type, blank: nothing injected


async def test_progress_monotonic_to_file_size(make_client: ClientFactory, tmp_path: Path) -> None:
    size = 2 * CHUNK_SIZE + 12_345
    path = tmp_path / "big.bin"
    path.write_bytes(b"z" * size)
    calls: list[tuple[int, int]] = []
    rec = Recorder(blob_created)
    await make_client(rec).upload_blob(path, lambda sent, total: calls.append((sent, total)))
    assert calls == [(CHUNK_SIZE, size), (2 * CHUNK_SIZE, size), (size, size)]
    (part,) = parse_multipart(rec.last)
    assert part.get_payload(decode=True) == b"z" * size


async def test_upload_retried_on_connect_error_resends_whole_body(
    make_client: ClientFactory, sleep: FakeSleep, tmp_path: Path
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(PAYLOAD)
    attempts = 0

    def handler(request: httpx.Request) -> httpx.Response:
        nonlocal attempts
        attempts += 1
        if attempts == 1:
            raise httpx.ConnectError("refused")
        return blob_created(request)

    rec = Recorder(handler)
    progress: list[int] = []
    await make_client(rec).upload_blob(path, lambda sent, _total: progress.append(sent))
    assert len(rec.requests) == 2 and len(sleep.delays) == 1
    (part,) = parse_multipart(rec.requests[1])
    assert part.get_payload(decode=True) == PAYLOAD
    assert int(rec.requests[1].headers["Content-Length"]) == len(rec.requests[1].content)


@pytest.mark.parametrize(
    "failure",
    [httpx.Response(503), httpx.RemoteProtocolError("dropped")],
    ids=["503", "dropped"],
)
async def test_upload_not_retried_once_sent(
    make_client: ClientFactory, sleep: FakeSleep, tmp_path: Path, failure: object
) -> None:
    path = tmp_path / "r.txt"
    path.write_bytes(b"data")

    def handler(_request: httpx.Request) -> httpx.Response:
        if isinstance(failure, Exception):
            raise failure
        assert isinstance(failure, httpx.Response)
        return failure

    rec = Recorder(handler)
    with pytest.raises((ServerError, DeskproConnectionError)) as info:
        await make_client(rec).upload_blob(path)
    if isinstance(info.value, DeskproConnectionError):
        assert info.value.request_sent is True
    assert len(rec.requests) == 1 and sleep.delays == []


async def test_upload_forbidden_names_tag(make_client: ClientFactory, tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"a")
    with pytest.raises(PermissionDeniedError, match=r"blobs\.post_temp"):
        await make_client(lambda _r: httpx.Response(403)).upload_blob(path)


async def test_missing_file_sends_nothing(make_client: ClientFactory, tmp_path: Path) -> None:
    rec = Recorder(blob_created)
    with pytest.raises(FileNotFoundError):
        await make_client(rec).upload_blob(tmp_path / "nope.txt")
    assert rec.requests == []


async def test_growing_file_still_matches_content_length(tmp_path: Path) -> None:
    path = tmp_path / "app.log"
    path.write_bytes(b"x" * 100)
    body = MultipartFile(path)
    with open(path, "ab") as handle:
        handle.write(b"y" * 200)
    sent = b"".join([chunk async for chunk in body.stream()])
    assert len(sent) == int(body.headers["Content-Length"])


async def test_50_mb_upload_is_streamed_not_held_in_memory(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    size = 50 * MB
    path = tmp_path / "big.iso"
    with open(path, "wb") as handle:
        handle.truncate(size)  # sparse: costs no disk and no memory to create
    received: list[int] = []
    declared: list[int] = []
    chunks: list[int] = []

    async def handler(request: httpx.Request) -> httpx.Response:
        # Count the bytes as they arrive and drop them: a real socket keeps nothing either.
        declared.append(int(request.headers["Content-Length"]))
        total = 0
        async for chunk in request.stream:  # type: ignore[union-attr]
            total += len(chunk)
            chunks.append(len(chunk))
        received.append(total)
        return blob_created(request)

    progress_calls: list[int] = []
    client = make_client(transport=StreamingTransport(handler))
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        blob = await client.upload_blob(path, lambda sent, _total: progress_calls.append(sent))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 5 * MB, f"peak traced memory {peak / MB:.1f} MB during a 50 MB upload"
    assert blob.blob_id == 26854
    assert received == declared
    assert declared[0] > size  # the file plus multipart framing
    assert progress_calls[-1] == size
    assert max(chunks) <= CHUNK_SIZE
