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

from textual.pilot import Pilot

from tui.api import DeskproClient
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.state import HelpdeskService

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
            screen.view is not None
            and screen.view.loaded  # type: ignore[attr-defined]
            and sidebar.specs
            and len(sidebar.counts) == len(sidebar.specs)
        ),
    )
    await pilot.app.workers.wait_for_complete()


async def ticket_ready(pilot: Pilot[object]) -> None:
    from tui.screens.ticket import TicketScreen
    from tui.widgets.message_view import MessageView

    await queues_ready(pilot)
    app = pilot.app
    assert isinstance(app, DeskproApp) and app.service is not None
    ticket_id = next(t.id for t in app.service.tickets.values() if t.has_attachments)
    app.open_ticket(ticket_id, app.screen)
    await until(
        pilot,
        lambda: isinstance(app.screen, TicketScreen) and len(app.screen.query(MessageView)) > 1,
    )
    await app.workers.wait_for_complete()


async def assign_open(pilot: Pilot[object]) -> None:
    from tui.screens.assign import AssignScreen

    await ticket_ready(pilot)
    await pilot.press("a", *"er")
    await until(pilot, lambda: isinstance(pilot.app.screen, AssignScreen))
    await pilot.pause()


async def help_open(pilot: Pilot[object]) -> None:
    from tui.screens.help import HelpScreen

    await ticket_ready(pilot)
    await pilot.press("question_mark")
    await until(pilot, lambda: isinstance(pilot.app.screen, HelpScreen))
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
)


async def shoot(scene: Scene, output: Path) -> Path:
    with DemoServer(db=":memory:", now=NOW) as server:
        service = HelpdeskService(DeskproClient(server.url, server.api_key))
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
