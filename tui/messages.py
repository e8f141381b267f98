"""What screens ask of the app, posted up the DOM (the app handles them): attributes come
down, messages go up, and no screen calls the app's methods."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.state.arrivals import Arrival

Neighbour = Callable[[int, int], int | None]
"""Given a ticket id and +1/-1, the next or previous ticket id of the queue (for J/K)."""


class OpenTicket(Message):
    """Show this ticket; `neighbour` gives J/K the tickets around it."""

    def __init__(self, ticket_id: int, neighbour: Neighbour | None = None) -> None:
        super().__init__()
        self.ticket_id = ticket_id
        self.neighbour = neighbour


class Arrived(Message):
    """Tickets arrived in "My tickets" at this refresh: announce them, once for all."""

    def __init__(self, arrivals: list[Arrival]) -> None:
        super().__init__()
        self.arrivals = arrivals


class ComposeTicket(Message):
    """Open the new-ticket form; once sent, the ticket opens with `neighbour` for J/K."""

    def __init__(self, neighbour: Neighbour | None = None) -> None:
        super().__init__()
        self.neighbour = neighbour
