"""The JSON body of a 2xx answer, refusing what is not JSON or is an error in disguise."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from tui.api.error_mapping import error_from_body
from tui.api.errors import ResponseFormatError
from tui.api.urls import api_path


def json_body(response: httpx.Response, tag: str | None, path: str) -> Any:
    """The decoded body of a 2xx answer to `path`; errors name the request."""
    request = {"method": response.request.method, "path": api_path(path)}
    try:
        body = response.json()
    except ValueError as exc:
        kind = response.headers.get("Content-Type", "").split(";")[0] or "no content type"
        size = len(response.content)
        raise ResponseFormatError(
            f"The helpdesk sent something that is not JSON ({kind}, {size} bytes).", **request
        ) from exc
    if isinstance(body, Mapping) and "data" not in body:
        status = body.get("status")
        if isinstance(status, int) and status >= 400:
            # A proxy or an old build answering 200 with an error body: treat it as that
            # error (Retry-After is read from the real answer's headers).
            raise error_from_body(response, body, status, tag, **request)
    return body


def json_body_or_none(response: httpx.Response, tag: str | None, path: str) -> Any:
    """As `json_body`, but `None` for an answer with no body (a write's 204)."""
    if response.status_code == 204 or not response.content:
        return None
    return json_body(response, tag, path)
