"""Deskpro-shaped errors: `{"status", "code", "message"}` (+ `errors` for invalid input).

Handlers raise `ApiError`; the exception handlers registered by the app turn it, Starlette's
own HTTP exceptions (404 route, 405 method) and any crash into the same JSON shape.
"""

from __future__ import annotations

import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Match

log = logging.getLogger("tui.demo")
log.addHandler(logging.NullHandler())  # the host app (or the CLI) decides where logs go

NOT_FOUND = "The requested resource was not found."
AUTH_HEADERS = {"WWW-Authenticate": 'session,token,key realm="DeskPRO API"'}

_HTTP_CODES: dict[int, tuple[str, str]] = {
    400: ("bad_request", "The request could not be understood."),
    404: ("not_found", NOT_FOUND),
    405: ("method_not_allowed", "The request method is not allowed for this resource."),
    413: ("request_too_large", "The request body is too large."),
}


class ApiError(Exception):
    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        errors: dict[str, Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message
        self.errors, self.headers = errors, headers


def error_response(
    status: int,
    code: str,
    message: str,
    *,
    errors: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    body: dict[str, Any] = {"status": status, "code": code, "message": message}
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, headers=headers)


def not_found() -> ApiError:
    return ApiError(404, "not_found", NOT_FOUND)


def bad_request(message: str) -> ApiError:
    return ApiError(400, "bad_request", message)


def too_large(limit: int) -> ApiError:
    return ApiError(413, "request_too_large", f"The request body is over the {limit} bytes limit.")


class FieldErrors:
    """Collects validation errors in Deskpro's nesting:
    `{"errors": [global...], "fields": {"a": {"fields": {"a_0": {"errors": [...]}}}}}`."""

    def __init__(self) -> None:
        self.global_errors: list[dict[str, str]] = []
        self.fields: dict[str, Any] = {}

    def add(self, path: tuple[str, ...], code: str, message: str) -> None:
        node: dict[str, Any] = {"fields": self.fields}
        for name in path:
            node = node.setdefault("fields", {}).setdefault(name, {})
        node.setdefault("errors", []).append({"code": code, "message": message})

    def extra(self, names: list[str]) -> None:
        message = "Unexpected field names: " + ", ".join(sorted(names))
        self.global_errors.append({"code": "extra_fields", "message": message})

    def __bool__(self) -> bool:
        return bool(self.global_errors or self.fields)

    def raise_if_any(self) -> None:
        if self:
            body: dict[str, Any] = {}
            if self.global_errors:
                body["errors"] = self.global_errors
            if self.fields:
                body["fields"] = self.fields
            raise ApiError(400, "invalid_input", "Request input is invalid.", errors=body)


def as_response(exc: ApiError) -> JSONResponse:
    return error_response(exc.status, exc.code, exc.message, errors=exc.errors, headers=exc.headers)


async def on_api_error(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiError)
    return as_response(exc)


def _allowed_methods(request: Request) -> str:
    """Every method some route takes at this path (Starlette names only the first)."""
    methods: set[str] = set()
    for route in request.app.routes:
        if route.matches(request.scope)[0] != Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return ", ".join(sorted(methods))


async def on_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    code, message = _HTTP_CODES.get(exc.status_code, ("error", exc.detail))
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        headers["Allow"] = _allowed_methods(request)
    return error_response(exc.status_code, code, message, headers=headers)


async def on_crash(request: Request, exc: Exception) -> Response:
    log.error("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "An internal server error occurred.")


EXCEPTION_HANDLERS = {
    ApiError: on_api_error,
    HTTPException: on_http_exception,
    Exception: on_crash,
}
