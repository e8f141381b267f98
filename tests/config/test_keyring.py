"""The keyring store, against a fake `keyring` module injected into sys.modules."""

from __future__ import annotations

import sys
import types
from typing import Any

import pytest

from tui.config import AppPaths, ConfigError, FileStore, KeyringStore, default_store


class PasswordDeleteError(Exception):
    pass


class GoodBackend:
    name = "FakeSecretService"
    priority = 5


def backend_class(module: str, name: str = "Keyring", priority: Any = 1) -> type:
    return type(name, (), {"__module__": module, "__qualname__": name, "priority": priority})


class ExplodingPriority:
    @property
    def priority(self) -> float:
        raise RuntimeError("no session bus")


def fake_keyring(backend: Any = None, *, broken: Exception | None = None) -> types.ModuleType:
    """A stand-in for the `keyring` package; `broken` makes every call raise it."""
    module = types.ModuleType("keyring")
    store: dict[tuple[str, str], str] = {}
    module.store = store  # type: ignore[attr-defined]
    module.errors = types.SimpleNamespace(PasswordDeleteError=PasswordDeleteError)  # type: ignore[attr-defined]

    def check() -> None:
        if broken is not None:
            raise broken

    def get_password(service: str, user: str) -> str | None:
        check()
        return store.get((service, user))

    def set_password(service: str, user: str, password: str) -> None:
        check()
        store[(service, user)] = password

    def delete_password(service: str, user: str) -> None:
        check()
        if (service, user) not in store:
            raise PasswordDeleteError("not found")
        del store[(service, user)]

    module.get_keyring = lambda: GoodBackend() if backend is None else backend  # type: ignore[attr-defined]
    module.get_password = get_password  # type: ignore[attr-defined]
    module.set_password = set_password  # type: ignore[attr-defined]
    module.delete_password = delete_password  # type: ignore[attr-defined]
    return module


@pytest.fixture
def auto_env(monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    monkeypatch.delenv("DESKPRO_TUI_SECRET_STORE")
    return {}


def test_usable_keyring_is_chosen(
    paths: AppPaths, auto_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, api_key: str
) -> None:
    fake = fake_keyring()
    monkeypatch.setitem(sys.modules, "keyring", fake)
    store = default_store(paths, auto_env)
    assert isinstance(store, KeyringStore)
    store.set("work", api_key)
    assert fake.store == {("deskpro-tui", "work"): api_key}
    assert store.get("work") == api_key
    store.delete("work")
    store.delete("work")  # the keyring's "not found" is not an error
    assert store.get("work") is None
    assert "FakeSecretService" in store.location() and "deskpro-tui" in store.location()
    assert not paths.secrets_dir.exists()  # nothing went to files


@pytest.mark.parametrize(
    "backend",
    [
        backend_class("keyring.backends.fail", priority=0),
        backend_class("keyring.backends.fail", priority=1),  # refused by name alone
        backend_class("keyring.backends.null", priority=-1),
        backend_class("keyrings.alt.file", "PlaintextKeyring", priority=0.5),
        backend_class("keyring.backends.chainer", "ChainerBackend", priority=-1),
        ExplodingPriority,
    ],
)
def test_unusable_backends_fall_back_to_files(
    paths: AppPaths, auto_env: dict[str, str], monkeypatch: pytest.MonkeyPatch, backend: type
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", fake_keyring(backend()))
    assert isinstance(default_store(paths, auto_env), FileStore)


def test_backend_initialisation_failure_falls_back(
    paths: AppPaths, auto_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fake = fake_keyring()

    def explode() -> None:
        raise RuntimeError("dbus went away")

    fake.get_keyring = explode  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "keyring", fake)
    assert isinstance(default_store(paths, auto_env), FileStore)


def test_missing_keyring_package_falls_back(
    paths: AppPaths, auto_env: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", None)  # makes `import keyring` fail
    assert isinstance(default_store(paths, auto_env), FileStore)


def test_file_env_wins_over_a_usable_keyring(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", fake_keyring())
    assert isinstance(default_store(paths), FileStore)  # conftest sets ...=file


def test_keyring_env_requires_a_usable_keyring(
    paths: AppPaths, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "keyring", fake_keyring())
    assert isinstance(default_store(paths, {"DESKPRO_TUI_SECRET_STORE": "keyring"}), KeyringStore)
    monkeypatch.setitem(sys.modules, "keyring", None)
    with pytest.raises(ConfigError, match="no usable system keyring"):
        default_store(paths, {"DESKPRO_TUI_SECRET_STORE": "keyring"})


def test_keyring_errors_become_config_errors_without_the_key(
    monkeypatch: pytest.MonkeyPatch, api_key: str
) -> None:
    fake = fake_keyring(broken=RuntimeError(f"locked collection, value was {api_key}"))
    monkeypatch.setitem(sys.modules, "keyring", fake)
    store = KeyringStore.load()
    assert store is not None
    for call in (
        lambda: store.set("work", api_key),
        lambda: store.get("work"),
        lambda: store.delete("work"),
    ):
        with pytest.raises(ConfigError) as caught:
            call()
        message = str(caught.value)
        assert "DESKPRO_TUI_SECRET_STORE=file" in message and "'work'" in message
        assert caught.value.__suppress_context__
    with pytest.raises(ConfigError) as caught:
        store.set("work", api_key)
    assert api_key not in str(caught.value) and "<redacted>" in str(caught.value)


def test_keyring_store_refuses_malformed_keys(monkeypatch: pytest.MonkeyPatch) -> None:
    fake = fake_keyring()
    monkeypatch.setitem(sys.modules, "keyring", fake)
    store = KeyringStore.load()
    assert store is not None
    with pytest.raises(ConfigError):
        store.set("work", "4:abc\ndef")
    assert fake.store == {}
