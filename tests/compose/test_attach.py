"""The file dialog: `~` and completion, folders re-root the tree, problems are shown."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, Label, Static

from tui.screens.attach import AttachScreen, AttachTree, _completion, expand, starting_folder

from .conftest import wait_for


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Documents").mkdir()
    (tmp_path / "Documents" / "report.pdf").write_bytes(b"%PDF-" + b"0" * 100)
    (tmp_path / "Downloads").mkdir()
    (tmp_path / ".secret").write_text("x")
    (tmp_path / "notes.txt").write_text("notes")
    return tmp_path


def test_expand_takes_home_and_relative_paths(home: Path) -> None:
    assert expand("~/notes.txt", Path("/elsewhere")) == home / "notes.txt"
    assert expand("notes.txt", home) == home / "notes.txt"
    assert expand("/abs/x", home) == Path("/abs/x")


def test_completion_of_the_last_segment(home: Path) -> None:
    assert _completion("~/Doc", Path("/")) == "~/Documents/"
    assert _completion("~/Documents/r", Path("/")) == "~/Documents/report.pdf"
    assert _completion("no", home) == "notes.txt"
    assert _completion("~/.s", Path("/")) == "~/.secret"  # hidden only when asked for
    assert _completion("~/", Path("/")) == "~/Documents/"
    assert _completion("~/zzz", Path("/")) is None
    assert _completion("/does/not/exist/x", home) is None


class Host(App[None]):
    """Shows the dialog and keeps what it answered."""

    def __init__(self, start: Path, max_bytes: int = 1024) -> None:
        super().__init__()
        self.start, self.max_bytes = start, max_bytes
        self.answers: list[Path | None] = []

    def compose(self) -> ComposeResult:
        yield Label("host")

    def on_mount(self) -> None:
        self.push_screen(AttachScreen(self.start, self.max_bytes), self.answers.append)


def error_text(app: App[None]) -> str:
    return str(app.screen.query_one("#attach-error", Static).render())


async def test_enter_on_a_file_attaches_it(home: Path) -> None:
    app = Host(home)
    async with app.run_test() as pilot:
        assert isinstance(app.focused, Input)
        await pilot.press(*"~/no", "right", "enter")  # right accepts the completion
        await wait_for(pilot, lambda: app.answers, "an answer")
    assert app.answers == [home / "notes.txt"]


async def test_problems_are_shown_and_the_dialog_stays(home: Path) -> None:
    app = Host(home, max_bytes=50)
    async with app.run_test() as pilot:
        await pilot.press(*"gone.txt", "enter")
        assert "does not exist" in error_text(app)
        box = app.screen.query_one(Input)
        box.value = "Documents/report.pdf"
        await pilot.press("enter")
        assert "over the 50 B limit" in error_text(app)
        assert app.answers == []
        await pilot.press("escape")
        await wait_for(pilot, lambda: app.answers, "cancel")
    assert app.answers == [None]


@pytest.mark.parametrize(
    ("keys", "answer", "then_send"),
    [
        ((*"notes.txt", "ctrl+s"), "notes.txt", True),  # attach, then the composer sends
        (("ctrl+s",), None, True),  # nothing typed: just send
        ((*"notes.txt", "enter"), "notes.txt", False),
        ((*"notes.txt", "escape"), None, False),
    ],
    ids=["ctrl+s", "ctrl+s-empty", "enter", "escape"],
)
async def test_how_the_dialog_closes_says_whether_to_send(
    home: Path, keys: tuple[str, ...], answer: str | None, then_send: bool
) -> None:
    app = Host(home)
    async with app.run_test() as pilot:
        dialog = app.screen
        await pilot.press(*keys)
        await wait_for(pilot, lambda: app.answers, "an answer")
    assert app.answers == [home / answer if answer else None]
    assert dialog.then_send is then_send


async def test_ctrl_s_on_a_path_that_cannot_go_says_why_and_sends_nothing(home: Path) -> None:
    app = Host(home)
    async with app.run_test() as pilot:
        dialog = app.screen
        await pilot.press(*"gone.txt", "ctrl+s")
        assert "does not exist" in error_text(app)
        app.screen.query_one(Input).value = "Documents"
        await pilot.press("ctrl+s")
        assert "folder" in error_text(app)
        assert app.answers == [] and not dialog.then_send


async def test_a_folder_reroots_the_tree_and_a_tree_pick_attaches(home: Path) -> None:
    app = Host(home)
    async with app.run_test() as pilot:
        await pilot.press(*"Documents", "enter")
        tree = app.screen.query_one(AttachTree)
        assert Path(tree.path) == home / "Documents"
        assert app.screen.query_one(Input).value == "Documents/"
        await wait_for(pilot, lambda: tree.root.children, "the folder listing")
        tree.focus()
        await pilot.press("down", "enter")
        await wait_for(pilot, lambda: app.answers, "the picked file")
    assert app.answers == [home / "Documents" / "report.pdf"]


async def test_hidden_files_stay_out_of_the_tree(home: Path) -> None:
    app = Host(home)
    async with app.run_test() as pilot:
        tree = app.screen.query_one(AttachTree)
        await wait_for(pilot, lambda: tree.root.children, "the listing")
        names = [str(node.label) for node in tree.root.children]
    assert names == ["Documents", "Downloads", "notes.txt"]


def test_a_deleted_working_folder_opens_the_dialog_at_home(
    home: Path, tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path_factory.mktemp("gone")
    monkeypatch.chdir(gone)
    gone.rmdir()  # the shell's folder deleted while the app runs
    assert starting_folder() == home
    assert AttachScreen().base == home
