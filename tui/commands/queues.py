"""The queues screen's commands: each makes its key, footer entry, help line and palette
entry. The list's own movement keys are bound by the list (`bind=False` here)."""

from __future__ import annotations

from dataclasses import replace

from tui.commands import Command
from tui.commands.lists import LIST_COMMANDS

QUEUES_COMMANDS = (
    *(replace(command, bind=False) for command in LIST_COMMANDS),
    Command(
        "queues.assign",
        "a",
        "assign",
        "Assign",
        "Assign the marked tickets (or the highlighted one)",
    ),
    Command(
        "queues.status",
        "s",
        "status",
        "Status",
        "Set the status of the marked tickets (or the highlighted one)",
    ),
    Command(
        "queues.edit",
        "e",
        "edit",
        "Edit",
        "Edit the properties of the marked tickets (or the highlighted one)",
        show=False,
    ),
    Command("queues.mark", "space", "mark", "Mark", "Mark or unmark a ticket for bulk actions"),
    Command(
        "queues.mark_all",
        "ctrl+a,V",
        "mark_all",
        "Mark all",
        "Mark every ticket shown (escape unmarks them all)",
        show=False,
    ),
    Command(
        "queues.filter",
        "slash",
        "filter",
        "Filter",
        "Filter: words narrow rows; status:, agent:, dept:, created:, label:, urgency:; "
        "a ticket's number or ref + enter opens it",
    ),
    Command(
        "queues.copy_ref",
        "y",
        "copy(False)",
        "Copy ref",
        "Copy the highlighted ticket's reference (works over SSH)",
        show=False,
    ),
    Command(
        "queues.copy_link",
        "Y",
        "copy(True)",
        "Copy link",
        "Copy the highlighted ticket's link in Deskpro's agent interface",
        show=False,
    ),
    Command("queues.refresh", "ctrl+r", "refresh", "Refresh", "Reload the queue now"),
    Command(
        "queues.find",
        "ctrl+f",
        "find",
        "Find",
        "Find any ticket: words search every status; a number or ref opens that ticket",
        show=False,
    ),
    Command(
        "queues.number",
        "1",
        "queue(1)",
        "Queue 1-9",
        "Digits 1 to 9 switch to the sidebar's queues, in order",
        show=False,
    ),
    Command("queues.sidebar", "tab", "toggle_focus", "Queues", "Move between queues and list"),
    Command("queues.sort", "o", "sort", "Sort", "Choose the order of the list"),
    Command("queues.compose", "c", "compose", "New ticket", "Write a new ticket"),
    Command("queues.reverse", "O", "reverse", "Reverse", "Flip the sort direction", show=False),
    Command(
        "queues.back",
        "escape",
        "clear_filter",
        "Clear filter",
        "Unmark every marked ticket, or else clear the filter (or leave the filter box)",
        show=False,
    ),
)
