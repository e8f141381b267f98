"""Which `DeskproError` an HTTP answer or a failed request stands for, and its message."""

from __future__ import annotations

import email.utils
import ssl
import time
from collections.abc import Mapping
from typing import Any

import httpx

from tui.api import errors as e


def retry_after_seconds(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None  # an unreadable Retry-After is as good as none: back off normally
    return max(0.0, when.timestamp() - time.time())


def error_from_response(
    response: httpx.Response,
    tag: str | None = None,
    *,
    method: str | None = None,
    path: str | None = None,
) -> e.DeskproError:
    """Build the error for a non-2xx answer; copes with empty, HTML and odd JSON bodies."""
    try:
        body = response.json()
    except ValueError:
        body = None
    return error_from_body(response, body, response.status_code, tag, method=method, path=path)


def error_from_body(
    response: httpx.Response,
    body: Any,
    status: int,
    tag: str | None = None,
    *,
    method: str | None = None,
    path: str | None = None,
) -> e.DeskproError:
    """The error for `status` described by an already decoded `body` (any JSON value)."""
    body = body if isinstance(body, Mapping) else {}
    code = body.get("code") if isinstance(body.get("code"), str) else None
    message = body.get("message") if isinstance(body.get("message"), str) else None
    reason = httpx.codes.get_reason_phrase(status)
    message = message or f"The helpdesk answered {status} {reason}.".strip()
    nested = body.get("errors") if isinstance(body.get("errors"), Mapping) else {}
    items = nested.get("errors")
    items = items if isinstance(items, list) else [] if items is None else [items]
    general = [
        str(item.get("message", item)) if isinstance(item, Mapping) else str(item) for item in items
    ]
    kwargs: dict[str, Any] = {
        "status": status,
        "code": code,
        "field_errors": e.flatten_field_errors(nested.get("fields")),
        "errors": general,
        "method": method,
        "path": path,
    }
    cls = e.error_class_for(status, code)
    if cls is e.RateLimitedError:
        return e.RateLimitedError(message, retry_after=retry_after_seconds(response), **kwargs)
    if cls is e.PermissionDeniedError:
        return e.PermissionDeniedError(message, tag=tag, **kwargs)
    return cls(message, **kwargs)


def _seconds(value: float) -> str:
    return f"{value:.0f} s" if value >= 1 else f"{value:.1f} s"


def error_from_exception(
    exc: httpx.TransportError,
    url: httpx.URL,
    method: str | None = None,
    *,
    path: str | None = None,
    waited: float | None = None,
) -> e.DeskproError:
    """The error for a request that got no answer. A read (`method` GET, HEAD, OPTIONS)
    never has `request_sent`: only a write can have changed something. An unknown method
    is taken as a write. `waited` is how long a read took in all, for its timeout message."""
    where = url.host or "the helpdesk"
    read = method is not None and method.upper() in e.READ_METHODS
    known = {"method": method, "path": path}
    if isinstance(exc, httpx.ConnectTimeout | httpx.PoolTimeout):
        return e.DeskproTimeoutError(f"Timed out connecting to {where}.", **known)
    if isinstance(exc, httpx.TimeoutException):
        if read:
            took = f" ({_seconds(waited)})" if waited is not None else ""
            message = f"{where} did not answer in time{took}."
            return e.DeskproTimeoutError(message, interrupted=True, **known)
        return e.DeskproTimeoutError(
            f"{where} took too long to answer.", request_sent=True, **known
        )
    if isinstance(exc, httpx.ConnectError):
        if isinstance(exc.__context__ or exc.__cause__, ssl.SSLError) or "SSL" in str(exc):
            return e.TLSError(f"The TLS certificate of {where} could not be verified.", **known)
        return e.DeskproConnectionError(f"Could not connect to {where}.", **known)
    return e.DeskproConnectionError(
        f"The connection to {where} broke.", request_sent=not read, interrupted=True, **known
    )
