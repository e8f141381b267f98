"""Configuration for deskpro-tui: file locations, settings, profiles and API key storage.

No Textual here: the CLI and tests use this without starting the UI.

    paths = AppPaths.from_env()
    settings = load_settings(paths)           # ConfigError on a broken file
    store = default_store(paths)              # keyring if usable, else 0600 key files
    spec = resolve_connection(url, key, profile, settings, store)   # None: show connect screen
"""

from tui.config.connection import ConnectionSpec, resolve_connection
from tui.config.errors import ConfigError
from tui.config.models import Profile, Settings
from tui.config.paths import AppPaths, ensure_private_dir
from tui.config.profiles import forget_profile, save_profile
from tui.config.secrets import FileStore, KeyringStore, SecretStore, clean_key, default_store, mask
from tui.config.settings import load_settings, save_settings, settings_to_toml

__all__ = [
    "AppPaths",
    "ConfigError",
    "ConnectionSpec",
    "FileStore",
    "KeyringStore",
    "Profile",
    "SecretStore",
    "Settings",
    "clean_key",
    "default_store",
    "ensure_private_dir",
    "forget_profile",
    "load_settings",
    "mask",
    "resolve_connection",
    "save_profile",
    "save_settings",
    "settings_to_toml",
]
