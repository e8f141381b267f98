from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tui.config import AppPaths, ConfigError, ensure_private_dir

from .conftest import file_mode


def test_home_override_puts_every_dir_under_one_root(app_home: Path) -> None:
    paths = AppPaths.from_env()
    assert paths.config_dir == app_home / "config"
    assert paths.config_file == app_home / "config" / "config.toml"
    assert paths.data_dir == app_home / "data"
    assert paths.cache_dir == app_home / "cache"
    assert paths.state_dir == app_home / "state"
    assert paths.secrets_dir.is_relative_to(paths.config_dir)


def test_templates_sit_beside_the_config_file(app_home: Path, tmp_path: Path) -> None:
    assert AppPaths.from_env().templates_dir == app_home / "config" / "templates"
    custom = tmp_path / "elsewhere" / "mine.toml"
    moved = AppPaths.from_env({"DESKPRO_TUI_CONFIG": str(custom)})
    assert moved.templates_dir == tmp_path / "elsewhere" / "templates"


def test_building_paths_creates_nothing(app_home: Path) -> None:
    AppPaths.from_env()
    assert not app_home.exists()


def test_config_override_moves_only_the_config_file(tmp_path: Path) -> None:
    custom = tmp_path / "elsewhere" / "mine.toml"
    paths = AppPaths.from_env(
        {"DESKPRO_TUI_HOME": str(tmp_path / "h"), "DESKPRO_TUI_CONFIG": str(custom)}
    )
    assert paths.config_file == custom
    assert paths.config_dir == tmp_path / "h" / "config"


def test_relative_and_tilde_overrides_become_absolute(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.chdir(tmp_path)
    paths = AppPaths.from_env({"DESKPRO_TUI_HOME": "rel", "DESKPRO_TUI_CONFIG": "~/dp.toml"})
    assert paths.config_dir == tmp_path / "rel" / "config"
    assert paths.config_file == tmp_path / "user" / "dp.toml"


def test_blank_overrides_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    paths = AppPaths.from_env({"DESKPRO_TUI_HOME": "  ", "DESKPRO_TUI_CONFIG": ""})
    assert paths.config_file.name == "config.toml"
    assert paths.config_file.parent == paths.config_dir


@pytest.mark.skipif(sys.platform != "linux", reason="XDG variables apply on Linux")
def test_without_overrides_platformdirs_decides(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, sub in [
        ("XDG_CONFIG_HOME", "c"),
        ("XDG_DATA_HOME", "d"),
        ("XDG_CACHE_HOME", "k"),
        ("XDG_STATE_HOME", "s"),
    ]:
        monkeypatch.setenv(name, str(tmp_path / sub))
    paths = AppPaths.from_env({})
    assert paths.config_file == tmp_path / "c" / "deskpro-tui" / "config.toml"
    assert paths.data_dir == tmp_path / "d" / "deskpro-tui"
    assert paths.cache_dir == tmp_path / "k" / "deskpro-tui"
    assert paths.state_dir == tmp_path / "s" / "deskpro-tui"
    assert not (tmp_path / "c").exists()


def test_describe_lists_every_location(paths: AppPaths) -> None:
    lines = dict(paths.describe())
    assert lines["Config file"] == str(paths.config_file)
    assert lines["API keys"] == str(paths.secrets_dir)
    assert set(lines.values()) >= {str(paths.data_dir), str(paths.cache_dir), str(paths.state_dir)}
    assert str(paths.templates_dir) in lines.values()
    described = dict(paths.describe("system keyring (SecretService)"))
    assert described["API keys"] == "system keyring (SecretService)"


def test_ensure_private_dir_creates_0700(tmp_path: Path) -> None:
    target = tmp_path / "a" / "b"
    assert ensure_private_dir(target) == target
    assert file_mode(target) == 0o700


def test_ensure_private_dir_tightens_an_existing_dir(tmp_path: Path) -> None:
    target = tmp_path / "loose"
    target.mkdir()
    target.chmod(0o755)
    ensure_private_dir(target)
    assert file_mode(target) == 0o700


def test_ensure_private_dir_explains_a_file_in_the_way(tmp_path: Path) -> None:
    blocker = tmp_path / "blocker"
    blocker.write_text("x")
    with pytest.raises(ConfigError) as caught:
        ensure_private_dir(blocker / "sub")
    assert str(blocker / "sub") in str(caught.value)
    assert "DESKPRO_TUI_HOME" in str(caught.value)
