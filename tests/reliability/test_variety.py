"""Issue 13's matrix: the core loop (queues, open, compose with a file, reply, note,
status, assign) against helpdesks that refuse (403) or lack (404) each optional endpoint
in turn, and against a key allowed only the core tags. Every core action must work, each
missing feature must say why, and nothing may crash."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from textual.pilot import Pilot
from ui.conftest import Notices, queue_loaded, until

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.widgets.message_view import MessageView

from .conftest import db_rows, patient_service
from .session import assign, compose_ticket, set_status, ticket_ready, write_message

CORE_TAGS = (
    "me.get",
    "tickets.tickets.list",
    "tickets.messages.list",
    "tickets.tickets.post",
    "tickets.messages.post",
    "tickets.tickets.put",
    "blobs.post_temp",
    "people.agents.list",
)
# Optional endpoints, and the words of what says it is unavailable (None: the app does
# without it silently, e.g. an author shown by number).
OPTIONAL = {
    "people.agent_teams.list": "Could not load the agent teams",
    "tickets.departments.list": "Could not load the departments",
    "tickets.filters.list": "Could not load the helpdesk's saved filters",
    "tickets.statuses.list": "Could not load the ticket statuses",
    "tickets.attachments.list": "Could not load the attachments list",
    "tickets.filters.tickets": None,
    "tickets.tickets.get": None,
    "people.people.*": None,
}
CASES = [
    *(
        pytest.param({"disallow": (tag,)}, [said], id=f"403-{tag}")
        for tag, said in OPTIONAL.items()
    ),
    *(pytest.param({"missing": (tag,)}, [said], id=f"404-{tag}") for tag, said in OPTIONAL.items()),
    pytest.param({"allow": CORE_TAGS}, list(OPTIONAL.values()), id="core-tags-only"),
]


async def open_first_ticket(pilot: Pilot[object]) -> None:
    """Open the highlighted ticket of the queue; its conversation shows; back again."""
    app = pilot.app
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket screen")
    screen = app.screen
    await until(pilot, lambda: bool(screen.query(MessageView)), "the conversation")
    await pilot.press("escape")
    await until(pilot, lambda: isinstance(app.screen, QueuesScreen), "back to the queue")


@pytest.mark.parametrize(("options", "told"), CASES)
async def test_the_core_loop_works_without_each_optional_endpoint(
    make_demo_server: Callable[..., DemoServer],
    tmp_path: Path,
    options: dict[str, tuple[str, ...]],
    told: list[str | None],
) -> None:
    db = tmp_path / "helpdesk.sqlite3"
    server = make_demo_server(db=str(db), **options)
    (tmp_path / "log.txt").write_text("the log\n")
    app = DeskproApp(patient_service(server))
    notices = Notices()
    subject = "Varied13"  # short texts: typing them is most of the time
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        await queue_loaded(pilot)
        await open_first_ticket(pilot)
        screen = await compose_ticket(pilot, "v@ex.com", subject, "Hi", tmp_path / "log.txt")
        await ticket_ready(pilot, screen)
        await write_message(pilot, "r", "Reply")
        await write_message(pilot, "n", "Note")
        await set_status(pilot, "pend")
        irene = next(a for a in app.service.lookups.agents if a.name == "Irene Adler")
        await assign(pilot, screen.ticket_id, "ire", irene.id)
        screen.action_download()  # the attachments list may be missing: says so
        await pilot.pause()
    rows = db_rows(db, "SELECT id, status, agent FROM tickets WHERE subject = ?", subject)
    assert [(status, agent) for _id, status, agent in rows] == [("pending", irene.id)]
    ticket_id = rows[0][0]
    assert db_rows(db, "SELECT COUNT(*) FROM messages WHERE ticket = ?", ticket_id) == [(3,)]
    assert db_rows(db, "SELECT COUNT(*) FROM attachments WHERE ticket = ?", ticket_id) == [(1,)]
    for said in filter(None, told):
        assert sum(said in text for text in notices.texts) == 1, (said, notices.texts)
    assert not any("Could not connect" in text for text in notices.texts)
    assert not any("Something went wrong" in text for text in notices.texts)
