"""The errors `DeskproClient` raises: one hierarchy under `DeskproError`.

Each error keeps what Deskpro said (`status`, `code`, `message`, per-field messages) and
offers `hint`, a sentence telling a person what to do about it. `str(error)` is the
server's message followed by the hint, and never contains the API key.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

API_KEYS_PLACE = "Apps & Integrations > API Keys"

READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})

# The API key tags Deskpro's documentation confirms. A hint names only these: telling an
# admin to allow a tag that does not exist sends them looking for nothing.
DOCUMENTED_TAGS = frozenset(
    {
        "tickets.tickets.list",
        "tickets.tickets.get",
        "tickets.tickets.post",
        "tickets.tickets.put",
        "tickets.tickets.delete",
        "tickets.messages.list",
        "tickets.messages.post",
        "people.agents.list",
        "blobs.post_temp",
    }
)


class DeskproError(Exception):
    """Anything that went wrong talking to a Deskpro helpdesk.

    `method` and `path` name the request (`"GET"`, `"agent_teams"`: the path under
    /api/v2/, without query) when the error came from one; otherwise they are None.
    """

    hint = "Try again; if it keeps happening, tell your helpdesk administrator."

    def __init__(
        self,
        message: str,
        *,
        status: int | None = None,
        code: str | None = None,
        field_errors: Mapping[str, list[str]] | None = None,
        errors: list[str] | None = None,
        method: str | None = None,
        path: str | None = None,
    ) -> None:
        self.message = message
        self.status = status
        self.code = code
        self.field_errors: dict[str, list[str]] = dict(field_errors or {})
        self.errors: list[str] = list(errors or [])
        self.method = method.upper() if method else None
        self.path = path
        super().__init__(message)

    @property
    def is_read(self) -> bool:
        """Whether the failed request only read (GET, HEAD, OPTIONS): it changed nothing."""
        return self.method in READ_METHODS

    @property
    def endpoint(self) -> str | None:
        """`"GET /api/v2/agent_teams"`, when the request is known."""
        if self.method is None or self.path is None:
            return None
        return f"{self.method} /api/v2/{self.path}"

    def __str__(self) -> str:
        return f"{self.message} {self.hint}".strip()


class ConfigurationError(DeskproError):
    """The client was set up in a way that would be unsafe or cannot work."""

    hint = "Check the helpdesk URL and API key settings."


class AuthenticationError(DeskproError):
    """401: the key or token is missing, malformed or unknown."""

    hint = (
        "Check the API key (it looks like 4:G24M3K6Y3R3H8DN9B6QGH3NW4) and that it is still "
        f"enabled under {API_KEYS_PLACE}."
    )


class PermissionDeniedError(DeskproError):
    """403: the key may not use this endpoint (a disallowed tag) or this record."""

    def __init__(self, message: str, *, tag: str | None = None, **kwargs: Any) -> None:
        self.tag = tag
        super().__init__(message, **kwargs)

    @property
    def hint(self) -> str:  # type: ignore[override]
        if self.tag in DOCUMENTED_TAGS:
            return (
                f"The API key lacks the {self.tag} permission: ask an admin to allow it "
                f"under {API_KEYS_PLACE}."
            )
        if self.endpoint:
            return (
                f"The API key may not use {self.endpoint}: ask an admin to check the key's "
                f"allowed tags under {API_KEYS_PLACE}."
            )
        return f"Ask an admin to check the API key's allowed tags under {API_KEYS_PLACE}."


class NotFoundError(DeskproError):
    """404: the ticket, person or endpoint does not exist (or was deleted)."""

    hint = "It may have been deleted or merged; refresh the list."


class BadRequestError(DeskproError):
    """400 other than invalid input, e.g. an unknown order or more than 200 a page."""

    hint = "The request was not accepted as sent; this is likely a bug worth reporting."


class InvalidInputError(BadRequestError):
    """400 `invalid_input`: validation failed; see `field_errors` and `errors`."""

    hint = "Correct the marked fields and send again."

    def __str__(self) -> str:
        details = [f"{name}: {'; '.join(msgs)}" for name, msgs in self.field_errors.items()]
        details += self.errors
        suffix = f" ({' | '.join(details)})" if details else ""
        return f"{self.message}{suffix} {self.hint}"


class RateLimitedError(DeskproError):
    """429: the key's hourly or daily limit is used up."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)

    @property
    def hint(self) -> str:  # type: ignore[override]
        wait = f"in {self.retry_after:.0f} seconds" if self.retry_after is not None else "later"
        return (
            f"Try again {wait}, or ask an admin to raise the key's hourly/daily limit "
            f"under {API_KEYS_PLACE}."
        )


class ServerError(DeskproError):
    """5xx (and 423 maintenance): the helpdesk or a proxy in front of it failed."""

    hint = "The helpdesk is having trouble; wait a moment and try again."


class DeskproConnectionError(DeskproError):
    """The helpdesk could not be reached, or the connection broke mid-request.

    `interrupted` is True when the connection was made and then broke or went quiet, so
    the request may have reached the server. `request_sent` is True only when that
    request was a write (or of unknown method): the change may then have happened even
    though no answer came. A read that was cut off changed nothing.
    """

    def __init__(
        self,
        message: str,
        *,
        request_sent: bool = False,
        interrupted: bool = False,
        **kwargs: Any,
    ) -> None:
        self.request_sent = request_sent
        self.interrupted = interrupted or request_sent
        super().__init__(message, **kwargs)

    @property
    def hint(self) -> str:  # type: ignore[override]
        if self.request_sent:
            return "The change may have been saved: refresh and check before sending again."
        if self.interrupted:
            return "Check the connection and try again; nothing was changed."
        return "Check the network connection and the helpdesk URL, then try again."


class DeskproTimeoutError(DeskproConnectionError):
    """The helpdesk took too long to answer."""


class TLSError(DeskproConnectionError):
    """The helpdesk's TLS certificate could not be verified."""

    hint = (
        "The certificate is not trusted by this machine. Check the URL; if the helpdesk uses "
        "a private CA, point SSL_CERT_FILE at it."
    )


class ResponseFormatError(DeskproError):
    """A 2xx answer whose body is not what Deskpro sends (a proxy page, truncated JSON...)."""

    hint = "Check that the URL points at the helpdesk itself and not a proxy or login page."


_BY_STATUS: dict[int, type[DeskproError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: PermissionDeniedError,
    404: NotFoundError,
    429: RateLimitedError,
}


def error_class_for(status: int, code: str | None) -> type[DeskproError]:
    """The class for an HTTP error status (the status decides; `code` varies by version)."""
    if status == 400 and code == "invalid_input":
        return InvalidInputError
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if status >= 500 or status == 423:
        return ServerError
    return DeskproError


def flatten_field_errors(tree: Any, prefix: str = "") -> dict[str, list[str]]:
    """Turn Deskpro's nested `errors.fields` into `{"cc.cc_0": ["message", ...]}`."""
    flat: dict[str, list[str]] = {}
    if not isinstance(tree, Mapping):
        return flat
    for name, node in tree.items():
        path = f"{prefix}.{name}" if prefix else str(name)
        if not isinstance(node, Mapping):
            continue
        messages = [
            str(e.get("message") or e.get("code") or "invalid")
            for e in node.get("errors") or []
            if isinstance(e, Mapping)
        ]
        if messages:
            flat[path] = messages
        flat.update(flatten_field_errors(node.get("fields"), path))
    return flat
