"""The helpdesk's API address from what a user typed, and API-relative request paths."""

from __future__ import annotations

import ipaddress

import httpx

from tui.api import errors as e


def is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain") or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def api_root(url: str, *, allow_insecure_http: bool = False) -> httpx.URL:
    """`https://help.example.com/api/v2/` from whatever form of the helpdesk URL was given."""
    parsed = httpx.URL(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise e.ConfigurationError(
            f"{url!r} is not a helpdesk address; use the form https://help.example.com."
        )
    if parsed.scheme == "http" and not is_loopback(parsed.host) and not allow_insecure_http:
        raise e.ConfigurationError(
            f"Refusing to send the API key over plain http:// to {parsed.host}; "
            "use https:// (or explicitly allow insecure HTTP for this profile)."
        )
    path = parsed.path.rstrip("/")
    if "/api/v2" in path:
        path = path[: path.index("/api/v2")]
    return parsed.copy_with(path=f"{path}/api/v2/", query=None, fragment=None)


def api_path(path: str) -> str:
    """The API-relative form of a request path: `"tickets/5"`, no leading slash, no query."""
    return path.split("?", 1)[0].lstrip("/")
