"""API keys in the system keyring, through the optional `keyring` package.

Only used when `keyring` imports *and* picks a real backend: its `fail` and `null`
backends (what you get over SSH without a session bus) would lose keys silently.
Every keyring exception becomes a ConfigError that says how to fall back to files.
"""

from __future__ import annotations

from types import ModuleType
from typing import Any

from tui.config.errors import ConfigError
from tui.config.keys import clean_key

SERVICE = "deskpro-tui"
# Backends that cannot keep a secret (or keep it in plain text); the file store is better.
UNUSABLE_BACKENDS = frozenset(
    {
        "keyring.backends.fail.Keyring",
        "keyring.backends.null.Keyring",
        "keyrings.alt.file.PlaintextKeyring",
    }
)
FALLBACK_HINT = "Set DESKPRO_TUI_SECRET_STORE=file to keep API keys in private files instead."


def backend_is_usable(backend: Any) -> bool:
    kind = type(backend)
    if f"{kind.__module__}.{kind.__qualname__}" in UNUSABLE_BACKENDS:
        return False
    try:
        # keyring's own measure: <= 0 means "do not use" (e.g. an empty chainer).
        return float(getattr(backend, "priority", 1)) > 0
    except Exception:
        return False


class KeyringStore:
    def __init__(self, module: ModuleType, backend: Any) -> None:
        self._keyring = module
        self._backend = backend

    @classmethod
    def load(cls) -> KeyringStore | None:
        """A store on the system keyring, or None if there is no usable one."""
        try:
            import keyring

            backend = keyring.get_keyring()
        except Exception:  # ImportError, or any backend initialisation failure
            return None
        return cls(keyring, backend) if backend_is_usable(backend) else None

    def __repr__(self) -> str:
        return f"KeyringStore({self._backend_name()!r})"

    def location(self) -> str:
        return f'system keyring ({self._backend_name()}), service "{SERVICE}"'

    def get(self, profile: str) -> str | None:
        try:
            value = self._keyring.get_password(SERVICE, profile)
        except Exception as exc:
            raise self._error("read the API key for", profile, exc) from None
        if not isinstance(value, str):
            return None
        return value.strip() or None

    def set(self, profile: str, key: str) -> None:
        key = clean_key(key)
        try:
            self._keyring.set_password(SERVICE, profile, key)
        except Exception as exc:
            raise self._error("save the API key for", profile, exc, secret=key) from None

    def delete(self, profile: str) -> None:
        errors = getattr(self._keyring, "errors", None)
        not_there = getattr(errors, "PasswordDeleteError", ())
        try:
            self._keyring.delete_password(SERVICE, profile)
        except not_there:
            pass  # nothing stored: already the state we want
        except Exception as exc:
            raise self._error("delete the API key for", profile, exc) from None

    def _backend_name(self) -> str:
        return str(getattr(self._backend, "name", type(self._backend).__name__))

    def _error(self, action: str, profile: str, exc: Exception, secret: str = "") -> ConfigError:
        detail = str(exc) or type(exc).__name__
        if secret:
            detail = detail.replace(secret, "<redacted>")  # never echo the key back
        return ConfigError(
            f"The system keyring ({self._backend_name()}) could not {action} profile "
            f"{profile!r}: {detail}. Unlock the keyring and try again. {FALLBACK_HINT}"
        )
