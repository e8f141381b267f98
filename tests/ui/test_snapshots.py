"""Snapshots of the queues and ticket screens at 80x24, 100x30, 120x36 and 160x48 (the
assign picker at the smallest and the usual size).

Each runs against its own demo helpdesk seeded at a fixed date, with the app's clock
fixed too, so relative times ("3d") and every row are the same on every run.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.demo.facts import ATTACHMENTS_TICKET_ID
from tui.screens.assign import AssignScreen
from tui.screens.ticket import TicketScreen
from tui.widgets.message_view import MessageView
from tui.widgets.queue_sidebar import QueueSidebar

from .conftest import FIXED_NOW, make_service, queue_loaded, until

SIZES = [(80, 24), (100, 30), (120, 36), (160, 48)]
PICKER_SIZES = [(80, 24), (120, 36)]


def snapshot_app(make_demo_server: Callable[..., DemoServer]) -> DeskproApp:
    server = make_demo_server(now=FIXED_NOW)
    return DeskproApp(make_service(server), clock=lambda: FIXED_NOW)


async def settled_queues(pilot: Pilot[object]) -> None:
    screen = await queue_loaded(pilot)
    sidebar = screen.query_one(QueueSidebar)
    await until(pilot, lambda: len(sidebar.counts) == len(sidebar.specs), "every count")
    await pilot.app.workers.wait_for_complete()


async def settled_ticket(pilot: Pilot[object]) -> None:
    await settled_queues(pilot)
    app = pilot.app
    assert isinstance(app, DeskproApp)
    screen = app.screen
    app.open_ticket(ATTACHMENTS_TICKET_ID, screen.browser.neighbour)  # has notes and attachments
    await until(
        pilot,
        lambda: isinstance(app.screen, TicketScreen) and len(app.screen.query(MessageView)) > 0,
        "the conversation",
    )
    await pilot.app.workers.wait_for_complete()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_queues_screen(snap_compare, make_demo_server, size: tuple[int, int]) -> None:
    app = snapshot_app(make_demo_server)
    assert snap_compare(app, terminal_size=size, run_before=settled_queues)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_ticket_screen(snap_compare, make_demo_server, size: tuple[int, int]) -> None:
    app = snapshot_app(make_demo_server)
    assert snap_compare(app, terminal_size=size, run_before=settled_ticket)


async def assign_open(pilot: Pilot[object]) -> None:
    await settled_ticket(pilot)
    await pilot.press("a", *"a")
    await until(pilot, lambda: isinstance(pilot.app.screen, AssignScreen), "the assign picker")
    await pilot.pause()


@pytest.mark.parametrize("size", PICKER_SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_assign_modal(snap_compare, make_demo_server, size: tuple[int, int]) -> None:
    app = snapshot_app(make_demo_server)
    assert snap_compare(app, terminal_size=size, run_before=assign_open)
