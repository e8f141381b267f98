"""Saving and forgetting profiles: the settings file and the secret store together.

Both functions return a new Settings (the one passed in is not changed) after writing
it to disk, so the caller swaps it in only once everything is saved.
"""

from __future__ import annotations

from pydantic import ValidationError

from tui.config.errors import ConfigError
from tui.config.models import AuthScheme, Profile, Settings
from tui.config.paths import AppPaths
from tui.config.secrets import SecretStore
from tui.config.settings import save_settings


def save_profile(
    name: str,
    url: str,
    api_key: str,
    settings: Settings,
    store: SecretStore,
    paths: AppPaths,
    make_default: bool = True,
    *,
    auth_scheme: AuthScheme | None = None,
    verify_tls: bool | None = None,
    allow_insecure_http: bool | None = None,
    agent_id: int | None = None,
) -> Settings:
    """Store the key, then add or update profile `name`; options left None keep their value."""
    existing = settings.profiles.get(name)
    values = existing.model_dump() if existing else {}
    options = {
        "auth_scheme": auth_scheme,
        "verify_tls": verify_tls,
        "allow_insecure_http": allow_insecure_http,
        "agent_id": agent_id,
    }
    values.update({k: v for k, v in options.items() if v is not None}, name=name, url=url)
    try:
        profile = Profile.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, err['loc']))}: {err['msg'].removeprefix('Value error, ')}"
            for err in exc.errors(include_input=False, include_url=False)
        )
        raise ConfigError(f"Cannot save profile {name!r}: {problems}.") from None
    # Key first: if the keyring refuses it, the settings file is left as it was.
    store.set(name, api_key)
    updated = settings.model_copy(deep=True)
    updated.profiles = {**updated.profiles, name: profile}
    if make_default or not updated.default_profile:
        updated.default_profile = name
    save_settings(updated, paths)
    return updated


def forget_profile(name: str, settings: Settings, store: SecretStore, paths: AppPaths) -> Settings:
    """Remove profile `name` and its stored key (a no-op for names that are not saved)."""
    updated = settings.model_copy(deep=True)
    updated.profiles = {k: v for k, v in updated.profiles.items() if k != name}
    if updated.default_profile == name:
        updated.default_profile = None
    save_settings(updated, paths)
    store.delete(name)
    return updated
