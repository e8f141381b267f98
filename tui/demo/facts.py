"""Facts about the default seed that other code and tests may rely on.

The hand-shaped seed (`DemoServer(tickets=None)`) always has these ids, whatever `seed`.
"""

from __future__ import annotations

ADMIN_ID = 1  # the default API key's context agent; has active tickets assigned
AGENT_ID = 42  # "Agent", as in Deskpro's Basic API Usage article
ALESIA_BURVIN_ID = 77
IRENE_ADLER_ID = 311  # deliberately on the last page of GET /agents (default 10 a page)
AGENT_COUNT = 27  # three pages of /agents at the default count of 10
DISABLED_AGENT_ID = 98

SEED_TICKET_COUNT = 150

# Tickets with hostile-but-realistic content, all active (they show without `status`).
RICH_MARKUP_TICKET_ID = 141  # subject contains "[bold red]Refund[/]"
CJK_TICKET_ID = 142  # subject "プリンターが動かない 打印机无法打印", CJK conversation
SCRIPT_TICKET_ID = 143  # first message contains <script> and <style> elements
TABLE_TICKET_ID = 144  # a message with an HTML <table>
ATTACHMENTS_TICKET_ID = 145  # image (PNG) and document (PDF, CSV, TXT) attachments
LONG_SUBJECT_TICKET_ID = 146  # a very long subject with emoji
LOCKED_TICKET_ID = 147  # Greg Lestrade's (8), locked by him
# In the key agent's "My tickets", locked by a colleague. Seeded locks are taken at
# seeding time and expire after 30 minutes (`server/locks.py`), as Deskpro's do.
COLLEAGUE_LOCKED_TICKET_ID = 142  # the CJK ticket, locked by Alesia Burvin (77)
HOLD_TICKET_ID = 148  # is_hold = true

# Ticket filters (queues).
FILTER_MY_TICKETS = 1
FILTER_MY_TEAM = 2
FILTER_UNASSIGNED = 3
FILTER_ALL = 4
FILTER_VIP = 10
FILTER_URGENT = 11
FILTER_BILLING = 12
FILTER_ON_HOLD = 13
