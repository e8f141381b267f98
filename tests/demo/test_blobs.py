"""Uploads (`POST /blobs/temp`), downloads (`/file.php/...`) and ticket attachments."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx

from tui.demo import DemoServer, facts
from tui.demo.files import png
from tui.demo.statuses import CODES

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


def attachment_error(response: httpx.Response, *path: str) -> dict:
    """The one field error under `path` (e.g. "message", "attachments", "attachments_0")."""
    assert response.status_code == 400, response.text
    body = response.json()
    assert body["code"] == "invalid_input"
    node = body["errors"]
    for name in path:
        node = node["fields"][name]
    [error] = node["errors"]
    return error


def counts(api: httpx.Client, ticket_id: int) -> tuple[int, int, int]:
    """(tickets of any status, messages on the ticket, attachments on the ticket)."""
    every = ",".join(sorted(CODES))
    listed = api.get("tickets", params={"status": every, "count": 1})
    total = listed.json()["meta"]["pagination"]["total"]
    messages = api.get(f"tickets/{ticket_id}/messages", params={"count": 1})
    files = api.get(f"tickets/{ticket_id}/attachments", params={"count": 1})
    return (total, *(r.json()["meta"]["pagination"]["total"] for r in (messages, files)))


def test_a_linked_blob_cannot_be_linked_again(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    ticket = make_ticket()
    blob = upload(api).json()["data"]
    attach = [{"blob_auth": blob["blob_auth"], "is_inline": False}]
    first = {"message": "<p>Log attached.</p>", "attachments": attach}
    assert api.post(f"tickets/{ticket['id']}/messages", json=first).status_code == 201
    before = counts(api, ticket["id"])

    again = api.post(f"tickets/{ticket['id']}/messages", json={**first, "message": "<p>2</p>"})
    error = attachment_error(again, "attachments", "attachments_0")
    assert error["code"] == "resource_not_found"
    assert "already attached" in error["message"] and blob["blob_auth"] in error["message"]

    new_ticket = {"subject": "Reused file", "person": "casey.tester@example.org",
                  "message": {"message": "<p>Same log.</p>", "attachments": attach}}  # fmt: skip
    refused = api.post("tickets", json=new_ticket)
    error = attachment_error(refused, "message", "attachments", "attachments_0")
    assert error["code"] == "resource_not_found" and "already attached" in error["message"]
    assert counts(api, ticket["id"]) == before  # nothing written


def test_a_seeded_attachment_cannot_be_relinked(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    path = f"tickets/{facts.ATTACHMENTS_TICKET_ID}/attachments"
    seeded = api.get(path).json()["data"][0]["blob"]
    ticket = make_ticket()
    body = {"message": "<p>Forwarding.</p>", "attachments": [seeded["blob_auth"]]}
    response = api.post(f"tickets/{ticket['id']}/messages", json=body)
    assert attachment_error(response, "attachments", "attachments_0")["code"] == (
        "resource_not_found"
    )


def test_one_blob_twice_in_one_message_is_refused(
    api: httpx.Client, make_ticket: Callable[..., dict]
) -> None:
    ticket = make_ticket()
    blob = upload(api).json()["data"]
    body = {"message": "<p>Twice.</p>", "attachments": [blob["blob_auth"], blob["blob_auth"]]}
    response = api.post(f"tickets/{ticket['id']}/messages", json=body)
    error = attachment_error(response, "attachments", "attachments_1")
    assert "more than once" in error["message"]
    assert "attachments_0" not in response.json()["errors"]["fields"]["attachments"]["fields"]
    # refused as a whole, so the blob is still temporary and can be linked once
    once = {"message": "<p>Once.</p>", "attachments": [blob["blob_auth"]]}
    assert api.post(f"tickets/{ticket['id']}/messages", json=once).status_code == 201
