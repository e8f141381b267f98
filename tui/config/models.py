"""The settings model: profiles, theme, keymap overrides and a few limits.

Reading and writing the TOML file lives in `tui.config.settings`; this module only says
what a valid configuration is. API keys are deliberately not part of it.
"""

from __future__ import annotations

import re
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

# Profile names become key-file names, so they are kept to a filesystem-safe alphabet.
PROFILE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
PROFILE_NAME_RULE = "use up to 64 letters, digits, '.', '_' or '-', starting with a letter or digit"

AuthScheme = Literal["key", "token"]
# How a ticket arriving in "My tickets" is announced: the terminal's bell, the bell and a
# desktop notification sent through the terminal, or nothing.
NotifyMode = Literal["bell", "desktop", "off"]


def check_profile_name(name: str) -> str:
    if not PROFILE_NAME.fullmatch(name):
        raise ValueError(f"{name!r} is not a valid profile name; {PROFILE_NAME_RULE}")
    return name


class Profile(BaseModel):
    """A saved helpdesk connection. Its API key lives in the secret store, never here."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True, defer_build=True)

    name: str
    url: str
    auth_scheme: AuthScheme = "key"
    # TLS verification stays on unless a user turns it off for this one profile.
    verify_tls: bool = True
    # Plain http:// to a non-loopback host is refused by the API client unless this is set.
    allow_insecure_http: bool = False
    agent_id: int | None = None

    @field_validator("name")
    @classmethod
    def _check_name(cls, value: str) -> str:
        return check_profile_name(value)

    @field_validator("url")
    @classmethod
    def _check_url(cls, value: str) -> str:
        value = value.strip()
        if not re.match(r"https?://[^/\s]+", value):
            raise ValueError("must be the helpdesk address, like https://help.example.com")
        return value


class Settings(BaseModel):
    model_config = ConfigDict(extra="ignore", validate_assignment=True, defer_build=True)

    default_profile: str | None = None
    theme: str = Field("textual-dark", min_length=1)
    # Binding id -> keys, e.g. {"ticket.reply": "R"}; the UI knows which ids exist.
    keymap: dict[str, str] = {}  # copied for each instance by pydantic
    profiles: dict[str, Profile] = {}
    max_attachment_mb: int = Field(25, ge=1, le=2048)
    refresh_seconds: int = Field(30, ge=5, le=86400)
    notify: NotifyMode = "desktop"

    # Problems that did not stop loading (unknown keys, a dangling default); shown by the UI.
    _warnings: list[str] = PrivateAttr(default=[])

    @property
    def warnings(self) -> list[str]:
        return self._warnings

    @model_validator(mode="before")
    @classmethod
    def _name_profiles_from_keys(cls, data: Any) -> Any:
        # In TOML the table name *is* the profile name ([profiles.work]); copy it in.
        if isinstance(data, dict) and isinstance(data.get("profiles"), dict):
            profiles = {}
            for key, value in data["profiles"].items():
                if isinstance(value, dict):
                    value = {**value, "name": key}
                profiles[key] = value
            data = {**data, "profiles": profiles}
        return data

    @model_validator(mode="after")
    def _keys_match_names(self) -> Settings:
        for key, profile in self.profiles.items():
            if key != profile.name:
                raise ValueError(f"profile {profile.name!r} is stored under the name {key!r}")
        return self

    def profile_names(self) -> list[str]:
        return sorted(self.profiles)
