from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.config import (
    AppPaths,
    ConfigError,
    Profile,
    Settings,
    load_settings,
    save_settings,
    settings_to_toml,
)

from .conftest import file_mode


def write_config(paths: AppPaths, text: str) -> Path:
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(text, encoding="utf-8")
    return paths.config_file


def sample_settings() -> Settings:
    return Settings(
        default_profile="work",
        theme="nord",
        keymap={"ticket.reply": "R", "queue.refresh": "ctrl+r"},
        profiles={
            "work": Profile(name="work", url="https://help.example.com", agent_id=42),
            "lab": Profile(
                name="lab",
                url="http://10.0.0.5",
                auth_scheme="token",
                verify_tls=False,
                allow_insecure_http=True,
            ),
        },
        max_attachment_mb=10,
        refresh_seconds=60,
        notify="bell",
    )


def test_missing_file_gives_defaults(paths: AppPaths) -> None:
    settings = load_settings(paths)
    assert settings == Settings()
    assert settings.theme == "textual-dark"
    assert settings.refresh_seconds == 30 and settings.max_attachment_mb == 25
    assert settings.notify == "desktop"
    assert settings.profiles == {} and settings.default_profile is None
    assert settings.warnings == []


def test_round_trip_keeps_everything(paths: AppPaths) -> None:
    original = sample_settings()
    save_settings(original, paths)
    loaded = load_settings(paths)
    assert loaded.model_dump() == original.model_dump()
    assert loaded.profiles["lab"].verify_tls is False
    assert loaded.profiles["work"].agent_id == 42
    assert loaded.warnings == []


def test_saved_file_is_private_and_dir_is_0700(paths: AppPaths) -> None:
    save_settings(sample_settings(), paths)
    assert file_mode(paths.config_file) == 0o600
    assert file_mode(paths.config_dir) == 0o700
    assert [p.name for p in paths.config_dir.iterdir()] == ["config.toml"]  # no temp files


def test_save_tightens_a_loose_existing_config_dir(paths: AppPaths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.config_dir.chmod(0o755)
    save_settings(Settings(), paths)
    assert file_mode(paths.config_dir) == 0o700


def test_saved_text_is_stable_and_ordered(paths: AppPaths) -> None:
    save_settings(sample_settings(), paths)
    first = paths.config_file.read_bytes()
    save_settings(load_settings(paths), paths)
    assert paths.config_file.read_bytes() == first
    text = first.decode()
    assert text.index("default_profile") < text.index("theme") < text.index("[keymap]")
    assert text.index("[profiles.lab]") < text.index("[profiles.work]")
    assert "name =" not in text  # the table name is the profile name
    assert '"ticket.reply" = "R"' in text


def test_config_override_elsewhere_keeps_the_parent_mode(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dotfiles = tmp_path / "dotfiles"
    dotfiles.mkdir()
    dotfiles.chmod(0o755)
    monkeypatch.setenv("DESKPRO_TUI_CONFIG", str(dotfiles / "deskpro.toml"))
    paths = AppPaths.from_env()
    save_settings(sample_settings(), paths)
    assert file_mode(dotfiles / "deskpro.toml") == 0o600
    assert file_mode(dotfiles) == 0o755  # not ours to tighten
    assert load_settings(paths).theme == "nord"


def test_save_writes_through_a_symlink(paths: AppPaths, tmp_path: Path) -> None:
    real = tmp_path / "real.toml"
    real.write_text("")
    paths.config_dir.mkdir(parents=True)
    paths.config_file.symlink_to(real)
    save_settings(sample_settings(), paths)
    assert paths.config_file.is_symlink()
    assert "nord" in real.read_text()


def test_failed_save_leaves_the_old_file_and_no_temp(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    save_settings(Settings(theme="old"), paths)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ConfigError, match="No space left"):
        save_settings(Settings(theme="new"), paths)
    assert load_settings(paths).theme == "old"
    assert [p.name for p in paths.config_dir.iterdir()] == ["config.toml"]


def test_malformed_toml_names_file_line_and_column(paths: AppPaths) -> None:
    path = write_config(paths, 'theme = "nord"\n\nrefresh_seconds = \n')
    with pytest.raises(ConfigError) as caught:
        load_settings(paths)
    message = str(caught.value)
    assert str(path) in message
    assert "line 3" in message and "column" in message
    assert "move the file aside" in message
    assert caught.value.path == path
    assert caught.value.__suppress_context__  # no chained TOML traceback


def test_invalid_values_are_listed_by_setting(paths: AppPaths) -> None:
    write_config(
        paths,
        'refresh_seconds = 1\nkeymap = { "ticket.reply" = 5 }\n'
        '[profiles.work]\nurl = "ftp://nope"\nauth_scheme = "basic"\n',
    )
    with pytest.raises(ConfigError) as caught:
        load_settings(paths)
    message = str(caught.value)
    for where in (
        "refresh_seconds",
        "keymap.ticket.reply",
        "profiles.work.url",
        "profiles.work.auth_scheme",
    ):
        assert where in message
    assert "https://help.example.com" in message


def test_notify_is_read_and_written(paths: AppPaths) -> None:
    write_config(paths, 'notify = "off"\n')
    settings = load_settings(paths)
    assert settings.notify == "off" and settings.warnings == []
    save_settings(settings, paths)
    assert 'notify = "off"' in paths.config_file.read_text()
    assert 'notify = "desktop"' in settings_to_toml(Settings())


def test_an_unknown_notify_mode_names_the_setting_and_the_choices(paths: AppPaths) -> None:
    path = write_config(paths, 'notify = "loud"\n')
    with pytest.raises(ConfigError) as caught:
        load_settings(paths)
    message = str(caught.value)
    assert "notify:" in message and str(path) in message
    assert "'bell', 'desktop' or 'off'" in message
    assert "loud" not in message  # the rejected value is not echoed back
    assert caught.value.path == path


def test_bad_profile_name_is_refused(paths: AppPaths) -> None:
    write_config(paths, '[profiles."../evil"]\nurl = "https://h.example"\n')
    with pytest.raises(ConfigError, match="not a valid profile name"):
        load_settings(paths)


def test_non_utf8_file_is_explained(paths: AppPaths) -> None:
    paths.config_dir.mkdir(parents=True)
    paths.config_file.write_bytes(b'theme = "\xff"\n')
    with pytest.raises(ConfigError, match="UTF-8"):
        load_settings(paths)


def test_unreadable_path_is_explained(paths: AppPaths) -> None:
    paths.config_file.mkdir(parents=True)  # a directory where the file should be
    with pytest.raises(ConfigError, match="cannot be read"):
        load_settings(paths)


@pytest.mark.parametrize(
    ("toml", "name"),
    [
        ('[profiles.work]\nurl = "https://h.example"\napi_key = "{key}"\n', "api_key"),
        ('[profiles.work]\nurl = "https://h.example"\nkey = "{key}"\n', "key"),
        ('[profiles.work]\nurl = "https://h.example"\ntoken = "{key}"\n', "token"),
        ('[profiles.work]\nurl = "https://h.example"\nAPI-KEY = "{key}"\n', "API-KEY"),
        ('api_key = "{key}"\n', "api_key"),
    ],
)
def test_an_api_key_in_the_toml_is_refused(
    paths: AppPaths, api_key: str, toml: str, name: str
) -> None:
    write_config(paths, toml.replace("{key}", api_key))
    with pytest.raises(ConfigError) as caught:
        load_settings(paths)
    message = str(caught.value)
    assert repr(name) in message and str(paths.config_file) in message
    assert "keyring" in message and "connect again" in message
    assert api_key not in message
    assert api_key.split(":")[1][:6] not in message


def test_unknown_keys_are_ignored_with_warnings(paths: AppPaths) -> None:
    write_config(
        paths,
        'theme = "nord"\ncolour = "red"\n[keymaps]\nx = "y"\n'
        '[profiles.work]\nurl = "https://h.example"\nname = "other"\ntimeout = 3\n',
    )
    settings = load_settings(paths)
    assert settings.theme == "nord"
    assert settings.profiles["work"].name == "work"  # the table name wins
    text = "\n".join(settings.warnings)
    for key in ("'colour'", "'keymaps'", "'name'", "'timeout'"):
        assert key in text
    assert len(settings.warnings) == 4


def test_dangling_default_profile_is_a_warning(paths: AppPaths) -> None:
    write_config(paths, 'default_profile = "gone"\n')
    settings = load_settings(paths)
    assert settings.default_profile == "gone"
    assert any("'gone'" in warning for warning in settings.warnings)


def test_profiles_must_be_stored_under_their_own_name() -> None:
    with pytest.raises(ValueError, match="stored under the name"):
        Settings(profiles={"a": Profile(name="b", url="https://h.example")})
