"""Uploads (`POST /blobs/temp`), downloads (`/file.php/...`) and ticket attachments."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx

from tui.demo import DemoServer, facts
from tui.demo.files import png

PAYLOAD = b"kernel panic - not syncing: VFS: Unable to mount root fs\n" * 3


def upload(api: httpx.Client, name: str = "panic.txt", data: bytes = PAYLOAD) -> httpx.Response:
    return api.post("blobs/temp", files={"file": (name, data, "text/plain")})


def test_upload_answers_201_with_a_temp_blob(api: httpx.Client, demo_server: DemoServer) -> None:
    response = upload(api)
    assert response.status_code == 201
    blob = response.json()["data"]
    assert blob["filename"] == "panic.txt"
    assert blob["content_type"] == "text/plain"
    assert blob["is_image"] is False and blob["is_temp"] is True
    assert blob["filesize_readable"] == f"{len(PAYLOAD):.2f} B"
    assert blob["blob_auth"].startswith(str(blob["blob_id"]))
    assert blob["blob_auth_id"] == f"{blob['blob_id']}-{blob['blob_auth']}"
    assert blob["download_url"] == f"{demo_server.url}/file.php/{blob['blob_auth']}/panic.txt"


def test_download_round_trip_needs_no_key(api: httpx.Client) -> None:
    blob = upload(api, "résumé notes.txt").json()["data"]
    response = httpx.get(blob["download_url"])
    assert response.status_code == 200
    assert response.content == PAYLOAD
    assert response.headers["content-type"].startswith("text/plain")
    assert "attachment" in response.headers["content-disposition"]
    assert "r%C3%A9sum%C3%A9%20notes.txt" in response.headers["content-disposition"]
    assert httpx.get(blob["download_url"].rsplit("/", 1)[0]).content == PAYLOAD


def test_images_are_detected(api: httpx.Client) -> None:
    image = png(4, 4, (255, 0, 0))
    response = api.post(
        "blobs/temp", files={"file": ("red.png", image, "application/octet-stream")}
    )
    blob = response.json()["data"]
    assert blob["content_type"] == "image/png" and blob["is_image"] is True
    assert httpx.get(blob["download_url"]).content == image


def test_unknown_file_is_404(demo_server: DemoServer) -> None:
    response = httpx.get(f"{demo_server.url}/file.php/NOPE123/x.txt")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_missing_file_field(api: httpx.Client) -> None:
    response = api.post("blobs/temp", files={"other": ("a.txt", b"x")})
    assert response.status_code == 400
    assert response.json()["errors"]["fields"]["file"]["errors"][0]["code"] == "required"
    assert api.post("blobs/temp", data={"file": "just text"}).status_code == 400


def test_attach_to_a_reply_and_list(
    api: httpx.Client, make_ticket: Callable[..., dict], demo_server: DemoServer
) -> None:
    ticket = make_ticket()
    assert ticket["has_attachments"] is False
    blob = upload(api).json()["data"]
    body = {"message": "<p>Log attached.</p>",
            "attachments": [{"blob_auth": blob["blob_auth"], "is_inline": False}]}  # fmt: skip
    message = api.post(f"tickets/{ticket['id']}/messages", json=body).json()["data"]
    assert len(message["attachments"]) == 1
    listed = api.get(f"tickets/{ticket['id']}/attachments").json()
    attachment = listed["data"][0]
    assert attachment["id"] == message["attachments"][0]
    assert attachment["message"] == message["id"]
    assert attachment["ticket"] == ticket["id"]
    assert attachment["is_agent_note"] is False and attachment["is_inline"] is False
    assert attachment["blob"]["blob_auth"] == blob["blob_auth"]
    assert attachment["blob"]["is_temp"] is False
    assert listed["meta"]["pagination"]["total"] == 1
    assert api.get(f"tickets/{ticket['id']}").json()["data"]["has_attachments"] is True
    assert httpx.get(attachment["blob"]["download_url"]).content == PAYLOAD


def test_attachments_as_a_map_keyed_by_blob_id(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    blob = upload(api).json()["data"]
    message = {"message": "<p>See file</p>",
               "attachments": {str(blob["blob_id"]): {"blob_auth": blob["blob_auth"]}}}  # fmt: skip
    ticket = make_ticket(message=message)
    assert ticket["has_attachments"] is True
    assert len(api.get(f"tickets/{ticket['id']}/attachments").json()["data"]) == 1


def test_seeded_attachments_download(api: httpx.Client) -> None:
    listed = api.get(f"tickets/{facts.ATTACHMENTS_TICKET_ID}/attachments?count=50").json()["data"]
    kinds = {a["blob"]["content_type"] for a in listed}
    assert {"image/png", "application/pdf", "text/csv", "text/plain"} <= kinds
    pdf = next(a for a in listed if a["blob"]["content_type"] == "application/pdf")
    assert httpx.get(pdf["blob"]["download_url"]).content.startswith(b"%PDF-1.4")
    image = next(a for a in listed if a["blob"]["is_image"])
    assert httpx.get(image["blob"]["download_url"]).content.startswith(b"\x89PNG\r\n\x1a\n")


def test_upload_over_the_limit_is_413(make_demo_server: Callable[..., DemoServer]) -> None:
    server = make_demo_server(max_upload_bytes=1000)
    headers = {"Authorization": f"key {server.api_key}"}
    url = server.url + "/api/v2/blobs/temp"
    small = httpx.post(url, headers=headers, files={"file": ("a.txt", b"x" * 1000)})
    assert small.status_code == 201
    big = httpx.post(url, headers=headers, files={"file": ("a.txt", b"x" * 1001)})
    assert big.status_code == 413
    assert big.json()["status"] == 413
    huge = httpx.post(url, headers=headers, files={"file": ("a.txt", b"x" * 200_000)})
    assert huge.status_code == 413


def test_chunked_upload_over_the_limit_is_413(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(max_upload_bytes=1000)
    boundary = "b0undary"
    head = f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\n'
    body = head.encode() + b"x" * 90_000 + f"\r\n--{boundary}--\r\n".encode()

    def chunks() -> Iterator[bytes]:
        for start in range(0, len(body), 8192):
            yield body[start : start + 8192]

    response = httpx.post(
        server.url + "/api/v2/blobs/temp",
        headers={"Authorization": f"key {server.api_key}",
                 "Content-Type": f"multipart/form-data; boundary={boundary}"},
        content=chunks(),
    )  # fmt: skip
    assert response.status_code == 413
