"""Downloads: streamed to disk under a safe name, never overwriting, atomic on failure."""

from __future__ import annotations

import asyncio
import gzip
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tui.api import Attachment, Blob, DeskproConnectionError, NotFoundError
from tui.api.downloads import safe_filename

from .conftest import ClientFactory, Recorder, load_example

CONTENT = b"0123456789" * 1000


def serve(content: bytes = CONTENT) -> Recorder:
    return Recorder(lambda _request: httpx.Response(200, content=content))


def blob_named(filename: str) -> Blob:
    raw = load_example("blob")["data"]
    return Blob.model_validate({**raw, "filename": filename})


def entries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


class BrokenStream(httpx.AsyncByteStream):
    """Sends some bytes, then the connection drops."""

    async def __aiter__(self) -> AsyncIterator[bytes]:
        yield CONTENT[:4000]
        raise httpx.ReadError("connection reset by peer")


def broken(_request: httpx.Request) -> httpx.Response:
    return httpx.Response(200, stream=BrokenStream(), headers={"Content-Length": str(len(CONTENT))})


# -- names ------------------------------------------------------------------------------------


async def test_attachment_to_folder_keeps_its_name(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    attachment = Attachment.model_validate(load_example("attachments-page")["data"][0])
    rec = serve()
    target = await make_client(rec).download(attachment, tmp_path)
    assert target == tmp_path / "panic.txt"
    assert target.read_bytes() == CONTENT
    assert str(rec.last.url) == "https://help.example.com/file.php/27604SWTHHKQXHCZKCJY0T"
    assert entries(tmp_path) == ["panic.txt"]


@pytest.mark.parametrize(
    ("server_name", "saved_as"),
    [
        ("../../.bashrc", "bashrc"),
        ("..\\..\\Windows\\win.ini", "win.ini"),
        ("/etc/passwd", "passwd"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),  # RIGHT-TO-LEFT OVERRIDE
        ("a\u200bb\u2066c.txt", "abc.txt"),  # zero-width space, isolate
        ("line\r\nbreak\x00\x1b[31m.txt", "linebreak[31m.txt"),
        ('what?:*"<>|.txt', "what_______.txt"),
        ("  spaced name .txt. ", "spaced name .txt"),
        ("..", "attachment"),
        ("", "attachment"),
        ("\u202e\u200f", "attachment"),
    ],
)
async def test_server_names_are_made_safe(
    make_client: ClientFactory, tmp_path: Path, server_name: str, saved_as: str
) -> None:
    folder = tmp_path / "downloads"
    folder.mkdir()
    target = await make_client(serve()).download(blob_named(server_name), folder)
    assert target == folder / saved_as
    assert target.resolve().parent == folder.resolve()
    assert entries(folder) == [saved_as]
    assert entries(tmp_path) == ["downloads"]  # nothing escaped the folder


def test_safe_filename_unit() -> None:
    assert safe_filename("re\u0301sume\u0301.pdf") == "résumé.pdf"  # NFC-normalised
    assert safe_filename("x" * 300 + ".txt") == "x" * 236 + ".txt"  # 240 bytes, extension kept
    assert safe_filename("", fallback="file") == "file"
    assert safe_filename("\x7fdel.txt") == "del.txt"


async def test_name_from_url_path(make_client: ClientFactory, tmp_path: Path) -> None:
    target = await make_client(serve()).download(
        "https://help.example.com/file.php/AUTH/r%C3%A9sum%C3%A9%20final.pdf", tmp_path
    )
    assert target == tmp_path / "résumé final.pdf"


async def test_url_without_name_gets_fallback(make_client: ClientFactory, tmp_path: Path) -> None:
    target = await make_client(serve()).download("/file.php/AUTH/", tmp_path)
    assert target == tmp_path / "attachment"


async def test_explicit_file_destination(make_client: ClientFactory, tmp_path: Path) -> None:
    dest = tmp_path / "new" / "sub" / "chosen.bin"
    target = await make_client(serve()).download(blob_named("ignored.txt"), dest)
    assert target == dest
    assert dest.read_bytes() == CONTENT
    assert entries(dest.parent) == ["chosen.bin"]


async def test_long_non_ascii_name_fits_the_filesystem(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    target = await make_client(serve()).download(blob_named("文" * 150 + ".txt"), tmp_path)
    assert target.parent == tmp_path
    assert len(target.name.encode()) <= 255
    assert target.read_bytes() == CONTENT


# -- overwrite --------------------------------------------------------------------------------


async def test_existing_file_is_not_overwritten(make_client: ClientFactory, tmp_path: Path) -> None:
    (tmp_path / "panic.txt").write_bytes(b"mine")
    rec = serve()
    with pytest.raises(FileExistsError, match="already exists"):
        await make_client(rec).download(blob_named("panic.txt"), tmp_path)
    assert (tmp_path / "panic.txt").read_bytes() == b"mine"
    assert rec.requests == []
    assert entries(tmp_path) == ["panic.txt"]


async def test_overwrite_replaces(make_client: ClientFactory, tmp_path: Path) -> None:
    (tmp_path / "panic.txt").write_bytes(b"mine")
    target = await make_client(serve()).download(blob_named("panic.txt"), tmp_path, overwrite=True)
    assert target.read_bytes() == CONTENT
    assert entries(tmp_path) == ["panic.txt"]


# -- atomic ------------------------------------------------------------------------------------


async def test_failure_mid_stream_leaves_nothing(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    received: list[int] = []
    with pytest.raises(DeskproConnectionError) as info:
        await make_client(broken).download(
            blob_named("panic.txt"), tmp_path, lambda got, _total: received.append(got)
        )
    # A download is a read: cut off, it changed nothing on the helpdesk.
    assert info.value.interrupted is True and info.value.request_sent is False
    assert "nothing was changed" in info.value.hint
    assert received == [4000]  # it really was mid-stream
    assert entries(tmp_path) == []  # no panic.txt, no .part-* file


async def test_failure_mid_stream_keeps_the_old_file(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    (tmp_path / "panic.txt").write_bytes(b"previous")
    with pytest.raises(DeskproConnectionError):
        await make_client(broken).download(blob_named("panic.txt"), tmp_path, overwrite=True)
    assert (tmp_path / "panic.txt").read_bytes() == b"previous"
    assert entries(tmp_path) == ["panic.txt"]


async def test_http_error_leaves_nothing(make_client: ClientFactory, tmp_path: Path) -> None:
    client = make_client(lambda _r: httpx.Response(404, text="<html>gone</html>"))
    with pytest.raises(NotFoundError) as info:
        await client.download(blob_named("panic.txt"), tmp_path)
    assert info.value.status == 404
    assert entries(tmp_path) == []


async def test_interrupted_by_cancellation_leaves_nothing(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    class Cancelled(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            yield b"partial"
            raise asyncio.CancelledError  # the user cancelled: a BaseException

    client = make_client(lambda _r: httpx.Response(200, stream=Cancelled()))
    with pytest.raises(asyncio.CancelledError):
        await client.download(blob_named("panic.txt"), tmp_path)
    assert entries(tmp_path) == []


# -- progress -------------------------------------------------------------------------------------


async def test_progress_with_known_length(make_client: ClientFactory, tmp_path: Path) -> None:
    calls: list[tuple[int, int | None]] = []
    await make_client(serve()).download(
        blob_named("p.bin"), tmp_path, lambda got, total: calls.append((got, total))
    )
    assert calls, "progress never called"
    assert all(total == len(CONTENT) for _got, total in calls)
    got = [g for g, _total in calls]
    assert got == sorted(got) and got[-1] == len(CONTENT)


async def test_progress_without_length(make_client: ClientFactory, tmp_path: Path) -> None:
    class Chunks(httpx.AsyncByteStream):
        async def __aiter__(self) -> AsyncIterator[bytes]:
            for i in range(3):
                yield bytes([65 + i]) * 10

    calls: list[tuple[int, int | None]] = []
    client = make_client(lambda _r: httpx.Response(200, stream=Chunks()))
    target = await client.download(
        blob_named("s.bin"), tmp_path, lambda got, total: calls.append((got, total))
    )
    assert calls == [(10, None), (20, None), (30, None)]
    assert target.read_bytes() == b"A" * 10 + b"B" * 10 + b"C" * 10


async def test_progress_never_exceeds_total_for_compressed_bodies(
    make_client: ClientFactory, tmp_path: Path
) -> None:
    compressed = gzip.compress(CONTENT)
    client = make_client(
        lambda _r: httpx.Response(200, content=compressed, headers={"Content-Encoding": "gzip"})
    )
    calls: list[tuple[int, int | None]] = []
    target = await client.download(
        blob_named("log.txt"), tmp_path, lambda got, total: calls.append((got, total))
    )
    assert target.read_bytes() == CONTENT
    assert all(total is None or got <= total for got, total in calls), calls[-1]
