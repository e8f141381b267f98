"""Regenerate the README's screenshots: `python -m tui.screenshots [OUTPUT_DIR]`.

Each scene runs the real app against a fresh demo helpdesk seeded at a fixed date, with
the app's clock fixed too, at a fixed size, then saves an SVG. Never edit the SVGs by
hand: change the app (or a scene here) and run this again.
"""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from tempfile import TemporaryDirectory

from textual.pilot import Pilot

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.demo.facts import ATTACHMENTS_TICKET_ID
from tui.state import DraftStore, HelpdeskService
from tui.widgets.attachments_field import AttachmentsField

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
OUTPUT = Path(__file__).resolve().parent.parent / "screenshots"

Steps = Callable[[Pilot[object]], Awaitable[None]]


async def until(pilot: Pilot[object], check: Callable[[], object], timeout: float = 20) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not check():
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the scene did not settle")
        await pilot.pause(0.05)


async def queues_ready(pilot: Pilot[object]) -> None:
    from tui.screens.queues import QueuesScreen
    from tui.widgets.queue_sidebar import QueueSidebar

    await until(pilot, lambda: isinstance(pilot.app.screen, QueuesScreen))
    screen = pilot.app.screen
    sidebar = screen.query_one(QueueSidebar)
    await until(
        pilot,
        lambda: (
            screen.browser.view is not None
            and screen.browser.view.loaded  # type: ignore[attr-defined]
            and sidebar.specs
            and len(sidebar.counts) == len(sidebar.specs)
        ),
    )
    await pilot.app.workers.wait_for_complete()


async def ticket_ready(pilot: Pilot[object]) -> None:
    from tui.screens.queues import QueuesScreen
    from tui.screens.ticket import TicketScreen
    from tui.widgets.message_view import MessageView

    await queues_ready(pilot)
    app = pilot.app
    assert isinstance(app, DeskproApp) and app.service is not None
    queues = app.screen
    assert isinstance(queues, QueuesScreen)
    app.open_ticket(ATTACHMENTS_TICKET_ID, queues.browser.neighbour)  # notes and attachments
    await until(
        pilot,
        lambda: isinstance(app.screen, TicketScreen) and len(app.screen.query(MessageView)) > 1,
    )
    await app.workers.wait_for_complete()
    await pilot.pause()  # one more frame: the footer follows the new screen's bindings


async def assign_open(pilot: Pilot[object]) -> None:
    from tui.screens.assign import AssignScreen

    await ticket_ready(pilot)
    await pilot.press("a", *"er")
    await until(pilot, lambda: isinstance(pilot.app.screen, AssignScreen))
    await pilot.pause()


async def requester_open(pilot: Pilot[object]) -> None:
    from textual.widgets import OptionList

    from tui.screens.requester import RequesterScreen

    await ticket_ready(pilot)
    await pilot.press("p")
    app = pilot.app

    def listed() -> bool:
        screen = app.screen
        return isinstance(screen, RequesterScreen) and screen.query_one(OptionList).option_count > 0

    await until(pilot, listed)
    await pilot.pause()


async def search_shown(pilot: Pilot[object]) -> None:
    from tui.screens.queues import QueuesScreen

    await queues_ready(pilot)
    await pilot.press("ctrl+f", *"invoice", "enter")
    screen = pilot.app.screen
    assert isinstance(screen, QueuesScreen)
    await until(pilot, lambda: bool(screen.browser.view and screen.browser.view.spec.search))
    await until(pilot, lambda: bool(screen.browser.view and screen.browser.view.loaded))
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def properties_refused(pilot: Pilot[object]) -> None:
    """The properties form after the helpdesk refused an order number, its words beside it."""
    from tui.screens.properties import PropertiesScreen

    await ticket_ready(pilot)
    await pilot.press("e")
    await until(pilot, lambda: isinstance(pilot.app.screen, PropertiesScreen))
    form = pilot.app.screen
    form.query_one("#prop-fields-8").focus()
    await pilot.press(*"12345", "ctrl+s")
    await until(pilot, lambda: form.query_one("#fields-8-error").has_class("-shown"))
    await pilot.pause()  # (the worker that opened the form waits on it: not for it)


async def help_open(pilot: Pilot[object]) -> None:
    from tui.screens.help import HelpScreen

    await ticket_ready(pilot)
    await pilot.press("question_mark")
    await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
    await pilot.pause()


def compose_files(folder: Path) -> list[tuple[str, bool]]:
    """Two files for the compose scene: a small PNG shown inline, and a log."""
    import struct
    import zlib

    image = folder / "printer-error.png"
    raw = b"".join(b"\x00" + b"\xd0\x30\x30" * 16 for _ in range(16))

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", 16, 16, 8, 2, 0, 0, 0)
    image.write_bytes(
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(raw))
        + chunk(b"IEND", b"")
    )
    log = folder / "cups-error_log.txt"
    log.write_text("E [01/Nov/2026:09:12:01] Unable to open device usb://HP/LaserJet\n" * 600)
    return [(str(image), True), (str(log), False)]


async def composer_open(
    pilot: Pilot[object], key: str, kind: type, files: int, ready: Callable[[], bool]
) -> None:
    """`key` pressed; until a `kind` composer shows its `files` draft files and `ready`."""
    await pilot.press(key)
    app = pilot.app
    await until(
        pilot,
        lambda: (
            isinstance(app.screen, kind)
            and len(app.screen.query("AttachmentRow")) == files
            and ready()
        ),
    )


async def compose_uploading(pilot: Pilot[object]) -> None:
    """The new-ticket form with its two files half uploaded (progress frozen for the shot)."""
    from tui.screens.compose import ComposeScreen

    await queues_ready(pilot)
    await composer_open(pilot, "c", ComposeScreen, 2, lambda: True)
    app = pilot.app
    await app.workers.wait_for_complete()
    screen = app.screen
    assert isinstance(screen, ComposeScreen)
    for file, share in zip(screen.files, (0.8, 0.35), strict=True):
        file.state, file.sent = "uploading", int(file.size * share)
        screen.query_one(AttachmentsField).progress(file)
    await pilot.pause()


async def reply_with_file_and_cc(pilot: Pilot[object]) -> None:
    """The reply composer opened on the drafted answer: text, two people copied, a file,
    the ticket locked."""
    from tui.screens.reply import ReplyScreen

    await ticket_ready(pilot)
    service = pilot.app.service  # type: ignore[attr-defined]
    await composer_open(
        pilot, "r", ReplyScreen, 1, lambda: ATTACHMENTS_TICKET_ID in service.locks.held
    )
    # Not `workers.wait_for_complete()`: the ticket screen's worker waits for this screen.
    await pilot.pause()


@dataclass(frozen=True)
class Scene:
    name: str
    size: tuple[int, int]
    steps: Steps


SCENES = (
    Scene("queues", (120, 36), queues_ready),
    Scene("queues-80x24", (80, 24), queues_ready),
    Scene("ticket", (120, 36), ticket_ready),
    Scene("assign", (120, 36), assign_open),
    Scene("help", (120, 36), help_open),
    Scene("requester", (120, 36), requester_open),
    Scene("search", (120, 36), search_shown),
    Scene("properties", (120, 36), properties_refused),
    Scene("compose", (120, 36), compose_uploading),
    Scene("reply", (120, 36), reply_with_file_and_cc),
)


def compose_draft(folder: Path) -> DraftStore:
    """A saved new-ticket draft, so the compose scene opens filled in."""
    from tui.state.outgoing import NewTicket

    drafts = DraftStore(folder / "drafts")
    draft = NewTicket(
        to="joanne.bloggs@example.com",
        subject="Printer on floor 3 shows error 0x5B",
        body="The printer stopped after the update.\n\nSee the **screenshot** and the log.",
        department=4,
        agent=3,
        urgency=7,
        labels="hardware, printer",
        files=compose_files(folder),
    )
    drafts.save("compose", draft.to_draft())
    return drafts


def reply_draft(folder: Path) -> DraftStore:
    """A saved reply draft on the attachments ticket, so the reply scene opens filled in."""
    from tui.state.outgoing.answer import Answer

    drafts = DraftStore(folder / "drafts")
    log = folder / "deploy-2026-11-01.log"
    log.write_text("2026-11-01T09:12:01Z step 4/7 migrate: ok\n" * 300)
    answer = Answer(
        text="Hi Lucius,\n\nThanks for the logs. The deploy failed at the migration step;"
        " I have attached our side of the log.\n\nI have copied our ops lead and yours.",
        cc="ops.lead@example.com, jane.doe@example.com",
        files=[(str(log), False)],
    )
    drafts.save(f"reply-{ATTACHMENTS_TICKET_ID}", answer.to_draft())
    return drafts


DRAFTS = {"compose": compose_draft, "reply": reply_draft}


async def shoot(scene: Scene, output: Path) -> Path:
    with DemoServer(db=":memory:", now=NOW) as server, TemporaryDirectory() as tmp:
        drafted = DRAFTS.get(scene.name)
        drafts = drafted(Path(tmp)) if drafted else None
        service = HelpdeskService(DeskproClient(server.url, server.api_key), drafts=drafts)
        service.label = "demo helpdesk"
        app = DeskproApp(service, clock=lambda: NOW)
        async with app.run_test(size=scene.size) as pilot:
            await scene.steps(pilot)
            path = app.save_screenshot(f"{scene.name}.svg", str(output))
    return Path(path)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    output = Path(args[0]) if args else OUTPUT
    output.mkdir(parents=True, exist_ok=True)
    for scene in SCENES:
        print(asyncio.run(shoot(scene, output)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
