"""`e`: a ticket's properties and custom fields, shown in the header and edited in one form
(one PUT with only what changed, optimistic, rolled back with the helpdesk's field errors
beside their fields); also on marked tickets in the queue."""

from __future__ import annotations

from collections.abc import Callable

from textual.widgets import Checkbox, Select

from tui.api import DeskproClient, Ticket
from tui.app import DeskproApp
from tui.demo import DemoServer
from tui.screens.properties import PropertiesScreen
from tui.screens.queues import QueuesScreen
from tui.screens.ticket import TicketScreen
from tui.widgets.field_error import FieldError
from tui.widgets.ticket_header import TicketHeader

from .conftest import Notices, make_service, plain_text, queue_loaded, until

PRODUCT, ORDER = "7", "8"
CHOICES = {701: "Cloud", 702: "On-premise", 703: "Mobile app", 704: "Reporting add-on"}


async def a_ticket(server: DemoServer, check: Callable[[Ticket], bool]) -> Ticket:
    async with DeskproClient(server.url, server.api_key) as client:
        page = await client.list_tickets(count=100)
    return next(t for t in page.items if check(t))


def product_of(ticket: Ticket) -> int | None:
    value = (ticket.fields.get(PRODUCT) or {}).get("value")
    return value[0] if value else None


async def open_ticket(app: DeskproApp, pilot: object, ticket_id: int) -> TicketScreen:
    await queue_loaded(pilot)  # type: ignore[arg-type]
    app.open_ticket(ticket_id)
    await until(pilot, lambda: isinstance(app.screen, TicketScreen), "the ticket")  # type: ignore[arg-type]
    return app.screen  # type: ignore[return-value]


async def open_form(
    app: DeskproApp, pilot: object, ticket_id: int
) -> tuple[TicketScreen, PropertiesScreen]:
    """The ticket, then `e` on it: its properties form."""
    screen = await open_ticket(app, pilot, ticket_id)
    await pilot.press("e")  # type: ignore[attr-defined]
    await until(pilot, lambda: isinstance(app.screen, PropertiesScreen), "the form")  # type: ignore[arg-type]
    return screen, app.screen  # type: ignore[return-value]


def header_text(screen: TicketScreen) -> str:
    headers = screen.query(TicketHeader)
    return plain_text(headers.first(), width=160) if headers else ""


async def pick(pilot: object, select: Select[object], value: object) -> None:
    """Choose `value` in `select` the way an agent does: enter opens it, arrows, enter."""
    values = [v for _label, v in select._options]
    here = values.index(select.value if select.value in values else values[0])
    steps = values.index(value) - here
    select.focus()
    keys = ["enter", *(["down"] * steps if steps > 0 else ["up"] * -steps), "enter"]
    await pilot.press(*keys)  # type: ignore[attr-defined]


async def test_a_choice_field_shows_by_title_and_changes_through_e(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    ticket = await a_ticket(server, lambda t: product_of(t) == 701)
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await open_ticket(app, pilot, ticket.id)
        await until(pilot, lambda: "Product" in header_text(screen), "the custom fields")
        assert "Cloud" in header_text(screen)  # the choice's title, never its id
        assert "701" not in header_text(screen)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, PropertiesScreen), "the form")
        form = app.screen
        product = form.query_one("#prop-fields-7", Select)
        assert product.value == 701  # the form starts from what the ticket has
        await pick(pilot, product, 703)
        await pilot.press("ctrl+s")
        await until(pilot, lambda: app.screen is screen, "the form saved and closed")
        assert "Mobile app" in header_text(screen)
        async with DeskproClient(server.url, server.api_key) as client:
            saved = await client.get_ticket(ticket.id)
        assert product_of(saved) == 703
        assert saved.labels == ticket.labels  # only what changed was sent
        assert saved.urgency == ticket.urgency


async def test_a_refused_field_is_rolled_back_with_the_servers_words_beside_it(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    ticket = await a_ticket(server, lambda t: product_of(t) == 701 and ORDER not in t.fields)
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen, form = await open_form(app, pilot, ticket.id)
        await pick(pilot, form.query_one("#prop-fields-7", Select), 702)
        form.query_one("#prop-fields-8").focus()
        await pilot.press(*"12345", "ctrl+s")  # in one burst, as over SSH
        error = form.query_one("#fields-8-error", FieldError)
        await until(pilot, lambda: error.has_class("-shown"), "the field's error")
        assert "Order numbers look like ORD-12345." in plain_text(error)
        assert app.screen is form  # still open, with what the agent chose
        assert form.query_one("#prop-fields-7", Select).value == 702
        assert form.query_one("#prop-fields-8").value == "12345"  # type: ignore[attr-defined]
        assert "Cloud" in header_text(screen)  # the optimistic change rolled back
        assert app.service.tickets.get(ticket.id).fields == ticket.fields  # type: ignore[union-attr]
        await pilot.press("escape")  # changes made: asked before they are given up
        await pilot.press("y")
        await until(pilot, lambda: app.screen is screen, "back on the ticket")


async def test_marked_tickets_change_together_and_keep_what_differs(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server()
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await queue_loaded(pilot)
        assert isinstance(screen, QueuesScreen)
        await pilot.press("space", "space", "e")  # in one burst
        await until(pilot, lambda: isinstance(app.screen, PropertiesScreen), "the form")
        form = app.screen
        assert form.ticket_ids == sorted(form.ticket_ids) and len(form.ticket_ids) == 2
        ids = form.ticket_ids
        before = [app.service.tickets.get(i) for i in ids]
        hold = form.query_one("#prop-is_hold")
        if isinstance(hold, Checkbox):
            hold.focus()
            await pilot.press("enter")
            wanted = not before[0].is_hold  # type: ignore[union-attr]
        else:  # they differ: a yes/no choice
            await pick(pilot, hold, True)  # type: ignore[arg-type]
            wanted = True
        await pilot.press("ctrl+s", "y")  # several tickets: asked first, like assign
        await until(pilot, lambda: app.screen is screen, "saved")
        async with DeskproClient(server.url, server.api_key) as client:
            after = [await client.get_ticket(i) for i in ids]
        assert [t.is_hold for t in after] == [wanted, wanted]
        # Urgency was left alone: each ticket keeps its own.
        assert [t.urgency for t in after] == [t.urgency for t in before]  # type: ignore[union-attr]
        assert not screen.browser.marked


async def test_without_custom_fields_the_ticket_and_its_other_properties_work_on(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("tickets.custom_fields.list",))
    ticket = await a_ticket(server, lambda t: product_of(t) == 701)
    notices = Notices()
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36), message_hook=notices) as pilot:
        screen = await open_ticket(app, pilot, ticket.id)
        await until(pilot, lambda: "Priority" in header_text(screen), "the priority")
        assert "Product" not in header_text(screen)
        assert any("/api/v2/ticket_custom_fields (403)" in t for t in notices.texts)
        await pilot.press("e")
        await until(pilot, lambda: isinstance(app.screen, PropertiesScreen), "the form")
        form = app.screen
        assert not form.query("#prop-fields-7")  # no custom fields to offer
        form.query_one("#prop-labels").focus()
        await pilot.press("end", *", urgent", "ctrl+s")
        await until(pilot, lambda: app.screen is screen, "saved")
        async with DeskproClient(server.url, server.api_key) as client:
            saved = await client.get_ticket(ticket.id)
        assert "urgent" in saved.labels and product_of(saved) == 701


async def test_a_key_that_may_not_change_tickets_is_said_in_the_form_and_rolled_back(
    make_demo_server: Callable[..., DemoServer],
) -> None:
    server = make_demo_server(disallow=("tickets.tickets.put",))
    ticket = await a_ticket(server, lambda t: not t.is_hold)
    app = DeskproApp(make_service(server))
    async with app.run_test(size=(120, 36)) as pilot:
        screen, form = await open_form(app, pilot, ticket.id)
        form.query_one("#prop-is_hold", Checkbox).focus()
        await pilot.press("space", "ctrl+s")
        error = form.query_one("#form-error", FieldError)
        await until(pilot, lambda: "tickets.tickets.put" in plain_text(error), "why")
        assert form.query_one("#prop-is_hold", Checkbox).value is True  # kept as chosen
        assert app.service.tickets.get(ticket.id).is_hold is False  # type: ignore[union-attr]
        assert "(on hold)" not in header_text(screen)
