from __future__ import annotations

import os
from pathlib import Path

import pytest

from tui.config import AppPaths, ConfigError, FileStore, default_store

from .conftest import file_mode


def test_set_get_delete(store: FileStore, api_key: str) -> None:
    assert store.get("work") is None
    store.set("work", api_key)
    assert store.get("work") == api_key
    store.delete("work")
    assert store.get("work") is None
    store.delete("work")  # deleting twice is fine


def test_keys_are_kept_per_profile(store: FileStore, api_key: str) -> None:
    store.set("work", api_key)
    store.set("lab", "7:OTHERKEYOTHERKEY00")
    assert store.get("work") == api_key
    assert store.get("lab") == "7:OTHERKEYOTHERKEY00"


def test_key_file_is_0600_in_a_0700_dir(store: FileStore, paths: AppPaths, api_key: str) -> None:
    store.set("work", api_key)
    key_file = paths.secrets_dir / "work.key"
    assert key_file.read_text() == api_key + "\n"
    assert file_mode(key_file) == 0o600
    assert file_mode(paths.secrets_dir) == 0o700


def test_overwrite_is_atomic_and_leaves_no_temp_files(store: FileStore, paths: AppPaths) -> None:
    for n in range(5):
        store.set("work", f"4:KEYNUMBER{n}XXXXXXXXXX")
    assert store.get("work") == "4:KEYNUMBER4XXXXXXXXXX"
    assert sorted(p.name for p in paths.secrets_dir.iterdir()) == ["work.key"]


def test_failed_write_keeps_the_old_key(
    store: FileStore, paths: AppPaths, api_key: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.set("work", api_key)

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(5, "I/O error")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(ConfigError, match="I/O error"):
        store.set("work", "4:NEWKEYNEWKEYNEWKEY")
    monkeypatch.undo()
    assert store.get("work") == api_key
    assert sorted(p.name for p in paths.secrets_dir.iterdir()) == ["work.key"]


def test_loose_key_file_is_tightened_with_a_warning(
    store: FileStore, paths: AppPaths, api_key: str
) -> None:
    store.set("work", api_key)
    key_file = paths.secrets_dir / "work.key"
    key_file.chmod(0o644)
    paths.secrets_dir.chmod(0o755)
    assert store.get("work") == api_key
    assert file_mode(key_file) == 0o600
    assert file_mode(paths.secrets_dir) == 0o700
    assert len(store.warnings) == 1 and "readable by other users" in store.warnings[0]
    assert api_key not in store.warnings[0]
    store.get("work")
    assert len(store.warnings) == 1  # already private: no new warning


def test_key_is_cleaned_before_storing(store: FileStore, api_key: str) -> None:
    store.set("work", f"  {api_key}\n")
    assert store.get("work") == api_key


@pytest.mark.parametrize("bad", ["", "   ", "4:abc def", "4:abc\ndef", "4:abc\x00"])
def test_malformed_keys_are_refused(store: FileStore, bad: str) -> None:
    with pytest.raises(ConfigError, match="API key"):
        store.set("work", bad)
    assert store.get("work") is None


@pytest.mark.parametrize("name", ["../evil", "a/b", "", ".hidden", "x" * 65])
def test_unsafe_profile_names_are_refused(store: FileStore, name: str, tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="not a valid profile name"):
        store.set(name, "4:WHATEVERWHATEVER")
    assert not (tmp_path / "evil").exists()


def test_location_names_the_directory(store: FileStore, paths: AppPaths) -> None:
    assert str(paths.secrets_dir) in store.location()


def test_env_forces_the_file_store(paths: AppPaths) -> None:
    store = default_store(paths, {"DESKPRO_TUI_SECRET_STORE": "file"})
    assert isinstance(store, FileStore)
    assert store.directory == paths.secrets_dir


def test_unknown_store_choice_is_explained(paths: AppPaths) -> None:
    with pytest.raises(ConfigError, match="auto, keyring, file"):
        default_store(paths, {"DESKPRO_TUI_SECRET_STORE": "vault"})
