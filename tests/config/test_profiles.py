from __future__ import annotations

import pytest

from tui.config import (
    AppPaths,
    ConfigError,
    FileStore,
    Settings,
    forget_profile,
    load_settings,
    resolve_connection,
    save_profile,
)


def test_save_profile_stores_key_apart_from_settings(
    paths: AppPaths, store: FileStore, api_key: str
) -> None:
    original = Settings()
    updated = save_profile("work", "https://help.example.com", api_key, original, store, paths)
    assert original.profiles == {}  # the caller's settings are untouched
    assert updated.default_profile == "work"
    assert load_settings(paths).model_dump() == updated.model_dump()
    assert store.get("work") == api_key
    assert api_key not in paths.config_file.read_text()
    assert api_key.split(":")[1] not in paths.config_file.read_text()
    spec = resolve_connection(None, None, None, load_settings(paths), store, {})
    assert spec is not None and spec.api_key == api_key and spec.profile == "work"


def test_make_default(paths: AppPaths, store: FileStore, api_key: str) -> None:
    settings = save_profile("work", "https://w.example", api_key, Settings(), store, paths)
    settings = save_profile("lab", "https://l.example", api_key, settings, store, paths, False)
    assert settings.default_profile == "work"
    settings = save_profile("lab", "https://l.example", api_key, settings, store, paths)
    assert settings.default_profile == "lab"
    first = save_profile("x", "https://x.example", api_key, Settings(), store, paths, False)
    assert first.default_profile == "x"  # the only profile becomes the default anyway


def test_updating_keeps_options_not_given(paths: AppPaths, store: FileStore, api_key: str) -> None:
    settings = save_profile(
        "lab", "https://l.example", api_key, Settings(), store, paths, verify_tls=False, agent_id=3
    )
    settings = save_profile(
        "lab", "https://new.example", "5:NEWNEWNEWNEWNEWNEWNEW", settings, store, paths
    )
    lab = load_settings(paths).profiles["lab"]
    assert (lab.url, lab.verify_tls, lab.agent_id) == ("https://new.example", False, 3)
    assert store.get("lab") == "5:NEWNEWNEWNEWNEWNEWNEW"


@pytest.mark.parametrize(
    ("name", "url", "expected"),
    [
        ("work", "help.example.com", "profiles|url"),
        ("bad name", "https://h.example", "not a valid profile name"),
    ],
)
def test_invalid_profiles_save_nothing(
    paths: AppPaths, store: FileStore, api_key: str, name: str, url: str, expected: str
) -> None:
    with pytest.raises(ConfigError, match=expected) as caught:
        save_profile(name, url, api_key, Settings(), store, paths)
    assert api_key not in str(caught.value)
    assert not paths.config_file.exists()
    assert not paths.secrets_dir.exists()


def test_a_refused_key_saves_nothing(paths: AppPaths, store: FileStore) -> None:
    with pytest.raises(ConfigError, match="API key"):
        save_profile("work", "https://h.example", "4:two words", Settings(), store, paths)
    assert not paths.config_file.exists()


def test_forget_profile(paths: AppPaths, store: FileStore, api_key: str) -> None:
    settings = save_profile("work", "https://w.example", api_key, Settings(), store, paths)
    settings = forget_profile("work", settings, store, paths)
    assert settings.profiles == {} and settings.default_profile is None
    assert store.get("work") is None
    assert load_settings(paths).profiles == {}
    forget_profile("never-saved", settings, store, paths)  # no error
