"""ctrl+t in the reply composer: a local template and a helpdesk snippet inserted at the
cursor with the ticket's fields filled in."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, TextArea

from tui.app import DeskproApp
from tui.config import AppPaths
from tui.screens.reply import ReplyScreen
from tui.screens.templates import TemplatePicker
from tui.state import HelpdeskService

from .conftest import CreateTicket, until
from .test_ticket import open_ticket


def paths_in(root: Path) -> AppPaths:
    return AppPaths.from_env({"DESKPRO_TUI_HOME": str(root)})


async def test_a_local_template_and_a_snippet_are_inserted_filled_in(
    service: HelpdeskService, create_ticket: CreateTicket, tmp_path: Path
) -> None:
    paths = paths_in(tmp_path)
    paths.templates_dir.mkdir(parents=True)
    (paths.templates_dir / "Sign off.md").write_text(
        "Regards, {{agent.name}} (ticket {{ ticket.ref }})\n"
    )
    ticket = await create_ticket(
        "Template test", person={"name": "Jo Bloggs", "email": "jo.bloggs@example.com"}
    )
    app = DeskproApp(service, paths=paths)
    async with app.run_test(size=(120, 36)) as pilot:
        await open_ticket(pilot, app, ticket.id)
        await pilot.press("r")
        await until(pilot, lambda: isinstance(app.screen, ReplyScreen), "the composer")
        composer = app.screen
        body = composer.query_one("#body", TextArea)
        for query in ("greet", "sign off"):
            await pilot.press("ctrl+t")
            await until(pilot, lambda: isinstance(app.screen, TemplatePicker), "the picker")
            await until(pilot, lambda: app.screen.snippets is not None, "the snippets")
            app.screen.query_one("#picker-filter", Input).value = query
            await pilot.press("enter")
            await until(pilot, lambda: app.screen is composer, "back in the composer")
        me = app.service.lookups.me
        assert "Hi Jo," in body.text  # the demo's Greeting snippet
        assert f"Regards, {me.label} (ticket {ticket.ref})" in body.text
        assert "{{" not in body.text
