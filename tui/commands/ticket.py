"""The ticket screen's commands: each makes its key, footer entry, help line and palette
entry."""

from __future__ import annotations

from tui.commands import Command

TICKET_COMMANDS = (
    Command("ticket.reply", "r", "reply", "Reply", "Reply to the requester"),
    Command("ticket.note", "n", "note", "Note", "Add an internal note (agents only)"),
    Command("ticket.status", "s", "status", "Status", "Set the ticket's status"),
    Command("ticket.assign", "a", "assign", "Assign", "Assign the ticket to an agent"),
    Command(
        "ticket.edit",
        "e",
        "edit",
        "Edit",
        "Edit labels, urgency, priority, department, team, hold and custom fields",
    ),
    Command("ticket.download", "d", "download", "Download", "Save an attachment to disk"),
    Command(
        "ticket.requester",
        "p",
        "requester",
        "Requester",
        "The requester, their organization and their tickets, all statuses",
        show=False,
    ),
    Command("ticket.next", "J", "neighbour(1)", "Next", "Open the next ticket of the queue"),
    Command(
        "ticket.previous",
        "K",
        "neighbour(-1)",
        "Previous",
        "Open the previous ticket of the queue",
    ),
    Command(
        "ticket.copy_ref",
        "y",
        "copy(False)",
        "Copy ref",
        "Copy the ticket's reference (works over SSH)",
        show=False,
    ),
    Command(
        "ticket.copy_link",
        "Y",
        "copy(True)",
        "Copy link",
        "Copy the ticket's link in Deskpro's agent interface",
        show=False,
    ),
    Command(
        "ticket.flip", "o", "flip", "Newest first", "Flip the conversation's order", show=False
    ),
    Command("ticket.refresh", "ctrl+r", "refresh", "Refresh", "Reload this ticket", show=False),
    Command("ticket.down", "j,down", "scroll(1)", "Scroll down", "Scroll the thread", show=False),
    Command("ticket.up", "k,up", "scroll(-1)", "Scroll up", "Scroll the thread", show=False),
    Command("ticket.top", "g,home", "ends(0)", "Top", "The thread's start", show=False),
    Command("ticket.bottom", "G,end", "ends(1)", "Bottom", "The thread's end", show=False),
    Command("ticket.back", "escape,q", "back", "Back", "Back to the queue"),
)
