"""Load and save the settings file (TOML), turning every problem into a ConfigError.

The models themselves live in `tui.config.models` and are re-exported here.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from tui.config.errors import ConfigError
from tui.config.fileio import atomic_write_private
from tui.config.models import Profile, Settings
from tui.config.paths import AppPaths

if TYPE_CHECKING:
    import tomllib

__all__ = ["Profile", "Settings", "load_settings", "save_settings", "settings_to_toml"]

# Names under which people paste secrets; any of them in the file is refused outright.
SECRET_KEY_NAMES = frozenset(
    {"api_key", "apikey", "key", "token", "api_token", "secret", "password"}
)
HEADER = (
    "# deskpro-tui settings. API keys are never stored here: they live in the system\n"
    "# keyring or a private key file (run `deskpro-tui --paths` to see where).\n\n"
)
PROFILE_ORDER = ("url", "auth_scheme", "verify_tls", "allow_insecure_http", "agent_id")


def load_settings(paths: AppPaths) -> Settings:
    """Read the config file; a missing file means defaults, a broken one a ConfigError."""
    path = paths.config_file
    try:
        text = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return Settings()
    except UnicodeDecodeError:
        raise _error(path, "is not UTF-8 text", "Save it as UTF-8") from None
    except OSError as exc:
        raise _error(
            path, f"cannot be read ({exc.strerror or exc})", "Check its permissions"
        ) from None
    import tomllib  # here: a first start, with no file yet, need not load the parser

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _error(path, f"is not valid TOML: {_describe_toml_error(exc)}", "Fix it") from None
    _refuse_secrets(path, data)
    try:
        settings = Settings.model_validate(data)
    except ValidationError as exc:
        raise _error(path, f"has invalid settings:\n{_describe_invalid(exc)}", "Fix them") from None
    settings.warnings.extend(_unknown_keys(path, data))
    if settings.default_profile and settings.default_profile not in settings.profiles:
        settings.warnings.append(
            f"default_profile {settings.default_profile!r} in {path} names no saved profile."
        )
    return settings


def save_settings(settings: Settings, paths: AppPaths) -> None:
    """Write the settings atomically as a 0600 file in a 0700 directory."""
    path = paths.config_file
    # Only our own config dir is tightened; a DESKPRO_TUI_CONFIG elsewhere keeps its dir mode.
    tighten = path.parent == paths.config_dir
    atomic_write_private(path, settings_to_toml(settings).encode(), tighten_parent=tighten)


def settings_to_toml(settings: Settings) -> str:
    """The file's text, in a fixed key order so saving twice gives identical bytes."""
    doc: dict[str, Any] = {}
    if settings.default_profile:
        doc["default_profile"] = settings.default_profile
    doc["theme"] = settings.theme
    doc["max_attachment_mb"] = settings.max_attachment_mb
    doc["refresh_seconds"] = settings.refresh_seconds
    doc["notify"] = settings.notify
    if settings.keymap:
        doc["keymap"] = dict(sorted(settings.keymap.items()))
    if settings.profiles:
        doc["profiles"] = {
            name: _profile_table(settings.profiles[name]) for name in sorted(settings.profiles)
        }
    import tomli_w  # only when saving: not on the start-up path

    return HEADER + tomli_w.dumps(doc)


def _profile_table(profile: Profile) -> dict[str, Any]:
    values = profile.model_dump()
    # The name is the table's own name; None cannot be written in TOML, so it is left out.
    return {key: values[key] for key in PROFILE_ORDER if values[key] is not None}


def _error(path: Path, problem: str, action: str) -> ConfigError:
    # A multi-line problem (a list of invalid settings) gets the advice on its own line.
    separator = "\n" if "\n" in problem else ". "
    return ConfigError(
        f"The config file {path} {problem}{separator}{action}, or move the file aside to "
        "start again with default settings.",
        path=path,
    )


def _describe_toml_error(exc: tomllib.TOMLDecodeError) -> str:
    # Python 3.11 only has the text "Invalid value (at line 3, column 7)"; reword it.
    text = str(exc)
    match = re.search(r"\s*\(at line (\d+), column (\d+)\)$", text)
    if match:
        return f"{text[: match.start()]} at line {match[1]}, column {match[2]}"
    return text.replace("(at end of document)", "at the end of the file")


def _describe_invalid(exc: ValidationError) -> str:
    lines = []
    # include_input=False: the rejected value is not echoed back (it could be anything).
    for err in exc.errors(include_input=False, include_url=False):
        where = ".".join(str(part) for part in err["loc"]) or "(top level)"
        message = err["msg"].removeprefix("Value error, ")
        lines.append(f"  {where}: {message}")
    return "\n".join(lines)


def _refuse_secrets(path: Path, data: dict[str, Any]) -> None:
    tables: list[tuple[str, Any]] = [("the top level", data)]
    profiles = data.get("profiles")
    if isinstance(profiles, dict):
        tables += [(f"[profiles.{name}]", table) for name, table in profiles.items()]
    for where, table in tables:
        if not isinstance(table, dict):
            continue
        for key in table:
            if key.lower().replace("-", "_") in SECRET_KEY_NAMES:
                raise ConfigError(
                    f"The config file {path} contains {key!r} in {where}. API keys are never "
                    "read from the config file, which is easy to share or commit by mistake. "
                    "Delete that line, then run deskpro-tui and connect again: the key is "
                    "then kept in the system keyring or a private key file (see "
                    "`deskpro-tui --paths`). If the file was shared, revoke the key in "
                    "Deskpro under Apps & Integrations > API Keys.",
                    path=path,
                )


def _unknown_keys(path: Path, data: dict[str, Any]) -> list[str]:
    warnings = [
        f"Unknown setting {key!r} in {path} is ignored."
        for key in data
        if key not in Settings.model_fields
    ]
    known = set(PROFILE_ORDER)
    for name, table in (data.get("profiles") or {}).items():
        warnings += [
            f"Unknown setting {key!r} in [profiles.{name}] of {path} is ignored."
            for key in table
            if key not in known
        ]
    return warnings
