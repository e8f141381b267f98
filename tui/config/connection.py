"""Decide what to connect to at startup, from arguments, environment and saved profiles.

Precedence: `--url`/`--api-key` (or `DESKPRO_URL`/`DESKPRO_API_KEY`) give an unsaved
ad-hoc connection; else `--profile NAME`; else the default profile; else None, and the UI
shows its connect screen.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

from tui.config.errors import ConfigError
from tui.config.keys import clean_key, mask
from tui.config.models import AuthScheme, Profile, Settings
from tui.config.profiles import forget_profile, save_profile
from tui.config.secrets import SecretStore

__all__ = ["ConnectionSpec", "forget_profile", "resolve_connection", "save_profile"]

ENV_URL = "DESKPRO_URL"
ENV_API_KEY = "DESKPRO_API_KEY"


@dataclass(frozen=True)
class ConnectionSpec:
    """Everything needed to build a DeskproClient; `repr` shows only a masked key."""

    url: str
    api_key: str = field(repr=False)
    profile: str | None = None  # None: ad-hoc, not saved
    auth_scheme: AuthScheme = "key"
    verify_tls: bool = True
    allow_insecure_http: bool = False
    agent_id: int | None = None

    def __repr__(self) -> str:
        return (
            f"ConnectionSpec(url={self.url!r}, api_key={mask(self.api_key)!r}, "
            f"profile={self.profile!r}, auth_scheme={self.auth_scheme!r}, "
            f"verify_tls={self.verify_tls!r}, allow_insecure_http={self.allow_insecure_http!r}, "
            f"agent_id={self.agent_id!r})"
        )

    __str__ = __repr__

    @property
    def warnings(self) -> list[str]:
        """Security warnings the UI must show before connecting with this spec."""
        out = []
        if not self.verify_tls:
            out.append(
                f"TLS certificate checks are OFF for profile {self.profile!r}: anyone on the "
                "network path could read the API key. Set verify_tls = true unless you "
                "trust this network."
            )
        if self.allow_insecure_http and self.url.startswith("http://"):
            out.append(
                f"Profile {self.profile!r} sends the API key over plain http://. Use https:// "
                "unless the helpdesk is on a network you trust."
            )
        return out

    @classmethod
    def from_profile(cls, profile: Profile, api_key: str) -> ConnectionSpec:
        return cls(
            url=profile.url,
            api_key=api_key,
            profile=profile.name,
            auth_scheme=profile.auth_scheme,
            verify_tls=profile.verify_tls,
            allow_insecure_http=profile.allow_insecure_http,
            agent_id=profile.agent_id,
        )


def _pick(arg: str | None, environ: Mapping[str, str], name: str, flag: str) -> tuple[str, str]:
    """The value and where it came from (for messages that never show the value)."""
    if arg and arg.strip():
        return arg.strip(), flag
    value = environ.get(name, "").strip()
    return (value, name) if value else ("", "")


def resolve_connection(
    args_url: str | None,
    args_key: str | None,
    args_profile: str | None,
    settings: Settings,
    store: SecretStore,
    environ: Mapping[str, str] = os.environ,
) -> ConnectionSpec | None:
    url, url_from = _pick(args_url, environ, ENV_URL, "--url")
    key, key_from = _pick(args_key, environ, ENV_API_KEY, "--api-key")
    if url and key:
        return ConnectionSpec(url=url, api_key=clean_key(key))
    if url:
        raise ConfigError(
            f"A helpdesk URL was given ({url_from}) but no API key; pass --api-key ID:CODE "
            f"or set {ENV_API_KEY}."
        )
    if key:
        raise ConfigError(
            f"An API key was given ({key_from}) but no helpdesk URL; pass --url "
            f"https://help.example.com or set {ENV_URL}."
        )
    name = (args_profile or "").strip() or settings.default_profile
    if not name:
        return None
    profile = settings.profiles.get(name)
    if profile is None:
        raise ConfigError(_no_such_profile(name, settings, explicit=bool(args_profile)))
    api_key = store.get(name)
    if not api_key:
        raise ConfigError(
            f"Profile {name!r} has no stored API key (looked in {store.location()}); run "
            "deskpro-tui and connect again."
        )
    return ConnectionSpec.from_profile(profile, api_key)


def _no_such_profile(name: str, settings: Settings, *, explicit: bool) -> str:
    known = ", ".join(settings.profile_names())
    known_text = f"known profiles: {known}" if known else "no profiles are saved yet"
    if explicit:
        return f"No profile named {name!r}; {known_text}."
    return (
        f"The default profile {name!r} (default_profile in the config file) does not exist; "
        f"{known_text}. Fix default_profile, or pass --profile NAME."
    )
