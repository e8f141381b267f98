from __future__ import annotations

import pytest

from tui.config import (
    AppPaths,
    ConfigError,
    ConnectionSpec,
    FileStore,
    Profile,
    Settings,
    load_settings,
    resolve_connection,
)

WORK_KEY = "4:WORKWORKWORKWORKWORK"
LAB_KEY = "9:LABLABLABLABLABLABLAB"
ADHOC_KEY = "2:ADHOCADHOCADHOCADHOC"
ENV_KEY = "3:ENVENVENVENVENVENVENV"


@pytest.fixture
def settings(store: FileStore) -> Settings:
    store.set("work", WORK_KEY)
    store.set("lab", LAB_KEY)
    return Settings(
        default_profile="work",
        profiles={
            "work": Profile(name="work", url="https://work.example.com", agent_id=7),
            "lab": Profile(name="lab", url="https://lab.example.com", verify_tls=False),
        },
    )


def resolve(settings: Settings, store: FileStore, url=None, key=None, profile=None, env=None):
    return resolve_connection(url, key, profile, settings, store, env or {})


def test_args_give_an_unsaved_connection(settings: Settings, store: FileStore) -> None:
    spec = resolve(settings, store, "https://adhoc.example.com", ADHOC_KEY, "lab")
    assert spec == ConnectionSpec(url="https://adhoc.example.com", api_key=ADHOC_KEY)
    assert spec.profile is None


def test_args_beat_env(settings: Settings, store: FileStore) -> None:
    env = {"DESKPRO_URL": "https://env.example.com", "DESKPRO_API_KEY": ENV_KEY}
    spec = resolve(settings, store, "https://adhoc.example.com", ADHOC_KEY, env=env)
    assert (spec.url, spec.api_key) == ("https://adhoc.example.com", ADHOC_KEY)


def test_args_and_env_can_be_combined(settings: Settings, store: FileStore) -> None:
    spec = resolve(settings, store, "https://adhoc.example.com", env={"DESKPRO_API_KEY": ENV_KEY})
    assert (spec.url, spec.api_key, spec.profile) == ("https://adhoc.example.com", ENV_KEY, None)


def test_env_beats_profiles(settings: Settings, store: FileStore) -> None:
    env = {"DESKPRO_URL": "https://env.example.com", "DESKPRO_API_KEY": f" {ENV_KEY}\n"}
    spec = resolve(settings, store, profile="lab", env=env)
    assert (spec.url, spec.api_key, spec.profile) == ("https://env.example.com", ENV_KEY, None)


def test_named_profile_beats_default(settings: Settings, store: FileStore) -> None:
    spec = resolve(settings, store, profile="lab")
    assert spec == ConnectionSpec(
        url="https://lab.example.com", api_key=LAB_KEY, profile="lab", verify_tls=False
    )


def test_default_profile_is_used(settings: Settings, store: FileStore) -> None:
    spec = resolve(settings, store)
    assert (spec.profile, spec.url, spec.api_key, spec.agent_id) == (
        "work",
        "https://work.example.com",
        WORK_KEY,
        7,
    )


def test_nothing_configured_means_connect_screen(store: FileStore) -> None:
    assert resolve(Settings(), store) is None
    assert resolve(Settings(), store, url="  ", key="", env={"DESKPRO_URL": ""}) is None


def test_reads_os_environ_by_default(
    settings: Settings, store: FileStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DESKPRO_URL", "https://env.example.com")
    monkeypatch.setenv("DESKPRO_API_KEY", ENV_KEY)
    spec = resolve_connection(None, None, None, settings, store)
    assert spec is not None and spec.url == "https://env.example.com"


@pytest.mark.parametrize(
    ("url", "key", "env", "expected"),
    [
        ("https://h.example", None, {}, r"\(--url\) but no API key"),
        (None, None, {"DESKPRO_URL": "https://h.example"}, r"\(DESKPRO_URL\) but no API key"),
        (None, ADHOC_KEY, {}, r"\(--api-key\) but no helpdesk URL"),
        (None, None, {"DESKPRO_API_KEY": ENV_KEY}, r"\(DESKPRO_API_KEY\) but no helpdesk URL"),
    ],
)
def test_half_an_adhoc_connection_says_what_is_missing(
    settings: Settings, store: FileStore, url, key, env, expected
) -> None:
    with pytest.raises(ConfigError, match=expected) as caught:
        resolve(settings, store, url, key, env=env)
    assert ADHOC_KEY not in str(caught.value) and ENV_KEY not in str(caught.value)


def test_unknown_profile_lists_known_ones(settings: Settings, store: FileStore) -> None:
    with pytest.raises(ConfigError, match=r"No profile named 'nope'; known profiles: lab, work"):
        resolve(settings, store, profile="nope")
    with pytest.raises(ConfigError, match="no profiles are saved yet"):
        resolve(Settings(), store, profile="nope")


def test_dangling_default_is_explained(settings: Settings, store: FileStore) -> None:
    settings.default_profile = "gone"
    with pytest.raises(ConfigError, match=r"default profile 'gone'.*known profiles: lab, work"):
        resolve(settings, store)


def test_profile_without_a_stored_key(settings: Settings, store: FileStore) -> None:
    store.delete("lab")
    with pytest.raises(ConfigError) as caught:
        resolve(settings, store, profile="lab")
    message = str(caught.value)
    assert "Profile 'lab' has no stored API key" in message
    assert "connect again" in message and str(store.directory) in message


def test_repr_masks_the_key(settings: Settings, store: FileStore) -> None:
    spec = resolve(settings, store)
    for text in (repr(spec), str(spec), f"{spec}", repr([spec])):
        assert WORK_KEY not in text
        assert "WORKWORKWORK" not in text
        assert "4:WOR…ORK" in text


def test_security_warnings(settings: Settings, store: FileStore) -> None:
    assert resolve(settings, store).warnings == []
    lab = resolve(settings, store, profile="lab")
    assert len(lab.warnings) == 1 and "TLS certificate checks are OFF" in lab.warnings[0]
    insecure = ConnectionSpec(url="http://10.0.0.5", api_key=ADHOC_KEY, allow_insecure_http=True)
    assert any("plain http://" in warning for warning in insecure.warnings)


def test_no_error_ever_shows_a_key(settings: Settings, store: FileStore, paths: AppPaths) -> None:
    keys = (WORK_KEY, LAB_KEY, ADHOC_KEY, ENV_KEY)
    attempts = [
        lambda: resolve(settings, store, url="https://h.example"),
        lambda: resolve(settings, store, key=ADHOC_KEY),
        lambda: resolve(settings, store, env={"DESKPRO_API_KEY": ENV_KEY}),
        lambda: resolve(settings, store, profile="nope"),
        lambda: resolve(settings, store, url="https://h.example", key="4:A B"),
    ]
    for attempt in attempts:
        with pytest.raises(ConfigError) as caught:
            attempt()
        assert not any(key in str(caught.value) for key in keys)
    assert load_settings(paths).profiles == {}  # resolving never writes
