"""Where API keys are kept: the `SecretStore` protocol and the choice between stores.

Keys never go into the TOML settings. The system keyring is preferred when one is
usable; otherwise each key is a private file (see `FileStore`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Protocol, runtime_checkable

from tui.config.errors import ConfigError
from tui.config.filestore import FileStore
from tui.config.keyringstore import KeyringStore
from tui.config.keys import clean_key, mask
from tui.config.paths import AppPaths

__all__ = ["FileStore", "KeyringStore", "SecretStore", "clean_key", "default_store", "mask"]

ENV_SECRET_STORE = "DESKPRO_TUI_SECRET_STORE"
STORE_CHOICES = ("auto", "keyring", "file")


@runtime_checkable
class SecretStore(Protocol):
    def get(self, profile: str) -> str | None: ...
    def set(self, profile: str, key: str) -> None: ...
    def delete(self, profile: str) -> None: ...
    def location(self) -> str: ...


def default_store(paths: AppPaths, environ: Mapping[str, str] = os.environ) -> SecretStore:
    """The keyring if usable, else key files; `DESKPRO_TUI_SECRET_STORE` can force either."""
    choice = environ.get(ENV_SECRET_STORE, "").strip().lower() or "auto"
    if choice not in STORE_CHOICES:
        raise ConfigError(
            f"{ENV_SECRET_STORE}={choice!r} is not understood; use one of "
            f"{', '.join(STORE_CHOICES)}."
        )
    if choice == "file":
        return FileStore(paths.secrets_dir)
    keyring_store = KeyringStore.load()
    if keyring_store is not None:
        return keyring_store
    if choice == "keyring":
        raise ConfigError(
            f"{ENV_SECRET_STORE}=keyring, but no usable system keyring was found. Install "
            "the `keyring` package with a working backend, or unset the variable to use "
            "private key files."
        )
    return FileStore(paths.secrets_dir)
