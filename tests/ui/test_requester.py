"""`p` in a ticket: the requester, their other tickets and their organization's recent ones
(all statuses, newest first); `enter` opens one over the ticket, `escape` comes back, `tab`
moves between the lists. Where the helpdesk refuses or lacks a list, its section says why
and the rest works on."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot
from textual.widgets import OptionList, Static

from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.demo.facts import RICH_MARKUP_TICKET_ID
from tui.screens.requester import RequesterScreen
from tui.screens.ticket import TicketScreen

from .conftest import make_service, plain_text, queue_loaded, until

LUCIUS_TICKET = 145  # Lucius Fairbanks has six tickets, resolved ones among them
WAYNE = "Wayne Foundation"  # his organization: 14 tickets, most by others
PRIVATE_TICKET = RICH_MARKUP_TICKET_ID  # its requester belongs to no organization


async def open_ticket(app: DeskproApp, pilot: object, ticket_id: int) -> TicketScreen:
    await queue_loaded(pilot)  # type: ignore[arg-type]
    app.open_ticket(ticket_id)
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")  # type: ignore[arg-type]
    return app.screen  # type: ignore[return-value]


async def test_the_requesters_other_tickets_open_from_the_panel(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    app = DeskproApp(make_service(make_demo_server()))
    async with app.run_test(size=(120, 36)) as pilot:
        ticket_screen = await open_ticket(app, pilot, LUCIUS_TICKET)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, RequesterScreen), "the panel")
        panel = app.screen
        history = panel.query_one(OptionList)
        await until(pilot, lambda: history.option_count > 1, "their tickets")
        lines = [
            plain_text(Static(history.get_option_at_index(i).prompt))
            for i in range(history.option_count)
        ]
        assert any("resolved" in line for line in lines)  # all statuses
        assert sum("this ticket" in line for line in lines) == 1
        chosen = int(history.get_option_at_index(history.highlighted or 0).id or 0)
        assert chosen != LUCIUS_TICKET  # the cursor starts on another ticket
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, TicketScreen) and app.screen is not ticket_screen,
            "the other ticket",
        )
        assert app.screen.ticket_id == chosen
        await pilot.press("escape")
        assert app.screen is ticket_screen  # back where the agent was


async def test_a_refused_history_is_said_and_the_ticket_works_on(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("people.tickets.list",))
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        ticket_screen = await open_ticket(app, pilot, LUCIUS_TICKET)
        await pilot.press("p")
        await until(pilot, lambda: isinstance(app.screen, RequesterScreen), "the panel")
        state = app.screen.query_one("#history-state", Static)
        await until(pilot, lambda: "403" in plain_text(state), "why it is not shown")
        assert "/api/v2/people/{id}/tickets" in plain_text(state)
        await pilot.press("escape")
        assert app.screen is ticket_screen


def listed(options: OptionList) -> list[str]:
    return [
        plain_text(Static(options.get_option_at_index(i).prompt))
        for i in range(options.option_count)
    ]


async def open_panel(app: DeskproApp, pilot: Pilot[object], ticket_id: int) -> RequesterScreen:
    await open_ticket(app, pilot, ticket_id)
    await pilot.press("p")
    await until(pilot, lambda: isinstance(app.screen, RequesterScreen), "the panel")
    panel = app.screen
    assert isinstance(panel, RequesterScreen)
    states = list(panel.query("#history-state, #organization-state").results(Static))
    await until(
        pilot, lambda: all("loading" not in plain_text(s) for s in states), "the panel's lists"
    )
    return panel


async def test_the_organizations_tickets_show_and_open(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    app = DeskproApp(make_service(make_demo_server()))
    async with app.run_test(size=(120, 36)) as pilot:
        await open_panel(app, pilot, LUCIUS_TICKET)
        panel = app.screen
        heading = plain_text(panel.query_one("#organization-state", Static))
        assert f"{WAYNE}'s recent tickets" in heading
        theirs = panel.query_one("#organization-history", OptionList)
        mine = panel.query_one("#history", OptionList)
        lines = listed(theirs)
        assert len(lines) > len(listed(mine))  # colleagues' tickets too
        assert sum("this ticket" in line for line in lines) == 1
        assert any("Lucius F." in line for line in lines)  # who asked
        assert any("Lucius F." not in line for line in lines)
        assert mine.has_focus  # the requester's own list comes first
        await pilot.press("tab")
        assert theirs.has_focus
        await pilot.press("j")
        chosen = int(theirs.get_option_at_index(theirs.highlighted or 0).id or 0)
        assert chosen != LUCIUS_TICKET
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, TicketScreen) and app.screen.ticket_id == chosen,
            "the organization's ticket",
        )


async def test_a_refused_organization_list_is_said_and_their_own_tickets_open(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("organizations.tickets.list",))
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await open_panel(app, pilot, LUCIUS_TICKET)
        heading = plain_text(panel.query_one("#organization-state", Static))
        assert "not shown" in heading and "403" in heading
        assert "/api/v2/organizations/{id}/tickets" in heading
        assert not panel.query_one("#organization-history", OptionList).display
        assert "tab" not in plain_text(panel.query_one("#requester-keys", Static))
        mine = panel.query_one("#history", OptionList)
        assert len(listed(mine)) > 1
        assert "newest first" in plain_text(panel.query_one("#history-state", Static))
        chosen = int(mine.get_option_at_index(mine.highlighted or 0).id or 0)
        await pilot.press("enter")
        await until(
            pilot,
            lambda: isinstance(app.screen, TicketScreen) and app.screen.ticket_id == chosen,
            "their other ticket",
        )


async def test_a_missing_organization_record_leaves_its_tickets_under_its_number(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(missing=("organizations.get",))
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await open_panel(app, pilot, LUCIUS_TICKET)
        heading = plain_text(panel.query_one("#organization-state", Static))
        assert heading.startswith("Organization #") and "404" in heading
        assert "/api/v2/organizations/{id}" in heading and WAYNE not in heading
        assert panel.query_one("#organization-history", OptionList).option_count > 1


async def test_a_requester_without_an_organization_has_no_such_section(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    app = DeskproApp(make_service(make_demo_server()))
    async with app.run_test(size=(120, 36)) as pilot:
        panel = await open_panel(app, pilot, PRIVATE_TICKET)
        assert not panel.query("#organization-state") and not panel.query("#organization-history")
        assert panel.query_one("#history", OptionList).option_count >= 1
        assert "@" in plain_text(panel.query_one("#requester-contact", Static))
