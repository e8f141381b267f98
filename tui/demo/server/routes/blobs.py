"""`POST /blobs/temp` (multipart field `file`) and `/file.php/<blob_auth>/<filename>`.

File downloads need no API key: as on real Deskpro, the blob_auth in the URL is the key.
"""

from __future__ import annotations

import mimetypes
import re
from urllib.parse import quote

from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.responses import Response

from tui.demo.dates import now_ts
from tui.demo.server import serialize, writes
from tui.demo.server.context import app_state, base_url, db_of, ok
from tui.demo.server.errors import ApiError, FieldErrors, not_found, too_large


def _safe_name(name: str | None) -> str:
    base = re.split(r"[\\/]", name or "")[-1].strip().replace("\x00", "")
    return base or "file"


async def post_temp(request: Request) -> Response:
    limit = app_state(request).config.max_upload_bytes
    try:
        form = await request.form(max_files=1, max_fields=20)
    except ApiError:
        raise
    except Exception as exc:  # multipart parse errors: a bad request, not a crash
        raise ApiError(400, "bad_request", f"Malformed multipart body: {exc}") from None
    upload = form.get("file")
    errors = FieldErrors()
    if upload is None:
        errors.add(("file",), "required", "No file was uploaded in the `file` field.")
    elif not isinstance(upload, UploadFile):
        errors.add(("file",), "invalid_type", "The `file` field must be a file upload.")
    errors.raise_if_any()
    assert isinstance(upload, UploadFile)
    data = await upload.read()
    await form.close()
    if len(data) > limit:
        raise too_large(limit)
    filename = _safe_name(upload.filename)
    content_type = (upload.content_type or "").split(";")[0].strip()
    if not content_type or content_type == "application/octet-stream":
        content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    db = db_of(request)
    blob_id = writes.store_blob(db, filename, content_type, data, now_ts())
    row = db.row("SELECT *, id AS blob_id, auth AS blob_auth FROM blobs WHERE id = ?", (blob_id,))
    return ok(serialize.envelope(serialize.blob(row, base_url(request))), 201)


async def download(request: Request) -> Response:
    row = db_of(request).row(
        "SELECT filename, content_type, data FROM blobs WHERE auth = ?",
        (request.path_params["blob_auth"],),
    )
    if row is None:
        raise not_found()
    name = row["filename"]
    fallback = name.encode("ascii", "replace").decode().replace('"', "'").replace("?", "_")
    disposition = "inline" if row["content_type"].startswith("image/") else "attachment"
    headers = {
        "Content-Disposition": f'{disposition}; filename="{fallback}"; '
        f"filename*=UTF-8''{quote(name)}",
        "Cache-Control": "private, max-age=3600",
    }
    return Response(bytes(row["data"]), media_type=row["content_type"], headers=headers)
