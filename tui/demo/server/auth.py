"""`Authorization: key ID:CODE` / `token ID:CODE` checks, with Deskpro's 401 messages."""

from __future__ import annotations

import hmac

NO_CREDENTIALS = "No authentication credentials were found in your request."
MALFORMED = 'Malformed Authorization header (should be "Authorization: type value").'


class AuthFailure(Exception):
    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code, self.message = code, message


def authenticate(header: str | None, api_key: str) -> str:
    """The auth method (`api_key` or `api_token`) if the header carries the demo key.

    A token is accepted when it equals the key: the demo has one identity to offer.
    """
    if header is None or not header.strip():
        raise AuthFailure("not_authenticated", NO_CREDENTIALS)
    parts = header.strip().split()
    if len(parts) != 2:
        raise AuthFailure("malformed_auth_header", MALFORMED)
    scheme, value = parts[0].lower(), parts[1]
    if scheme not in ("key", "token"):
        raise AuthFailure("not_authenticated", NO_CREDENTIALS)
    if not hmac.compare_digest(value.encode(), api_key.encode()):
        if scheme == "key":
            raise AuthFailure("invalid_api_key", "Invalid API Key.")
        raise AuthFailure("invalid_api_token", "Invalid API Token.")
    return "api_key" if scheme == "key" else "api_token"
