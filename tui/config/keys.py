"""API key hygiene: tidy a pasted key, and mask one for display."""

from __future__ import annotations

from tui.config.errors import ConfigError

# Fewer code characters than this and showing 6 of them would give too much away.
MIN_CODE_TO_HINT = 16
HIDDEN = "••••"


def clean_key(key: str) -> str:
    """The key without surrounding whitespace; refuses one that cannot be a key.

    A key with spaces, line breaks or control characters inside is a paste accident
    (and would corrupt the Authorization header), so say so instead of storing it.
    """
    cleaned = key.strip()
    if not cleaned:
        raise ConfigError("The API key is empty; paste it in the form ID:CODE, like 4:G24M….")
    if any(ch.isspace() or not ch.isprintable() for ch in cleaned):
        raise ConfigError(
            "The API key contains spaces, line breaks or control characters; copy it again "
            "from Deskpro (Apps & Integrations > API Keys) in the form ID:CODE."
        )
    return cleaned


def mask(key: str) -> str:
    """`4:G24M3K6Y3R3H8DN9B6QGH3NW4` → `4:G24…NW4`; short codes are hidden entirely.

    The numeric id before the colon is not secret (it only says which key), so it stays.
    """
    key = key.strip()
    ident, colon, code = key.partition(":")
    if not (colon and ident.isdigit()):
        ident, code = "", key
    prefix = f"{ident}:" if ident else ""
    if len(code) < MIN_CODE_TO_HINT:
        return prefix + HIDDEN
    return f"{prefix}{code[:3]}…{code[-3:]}"
