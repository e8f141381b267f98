"""Snippets: the canned answers agents insert while replying (`GET /snippets`).

The same few whatever the seed. Their placeholders (`{{requester.first_name}}`,
`{{ticket.ref}}`, ...) are Deskpro's: the client fills them in, the helpdesk stores them
as written.
"""

from __future__ import annotations

from tui.demo.db import Database

GENERAL, ACCOUNTS, BILLING = 1, 2, 3  # snippet categories

# id: (title, shortcut code, category, HTML)
SNIPPETS: dict[int, tuple[str, str, int, str]] = {
    1: ("Greeting", "hi", GENERAL,
        "<p>Hi {{requester.first_name}},</p><p>Thanks for getting in touch. I'm looking "
        "into this now and will get back to you as soon as I have an update.</p>"),
    2: ("Need more details", "info", GENERAL,
        "<p>Hi {{requester.first_name}},</p><p>So we can look into this, could you send "
        "us:</p><ul><li>the exact error message, or a screenshot of it</li><li>roughly when "
        "it happened, with your time zone</li><li>the browser or app version you use</li>"
        "</ul><p>Just reply to this email; it will be added to ticket {{ticket.ref}}.</p>"),
    3: ("Password reset steps", "pw", ACCOUNTS,
        "<p>Hi {{requester.first_name}},</p><p>You can reset your password yourself:</p>"
        "<ol><li>Open the sign-in page and choose <b>Forgot password?</b></li><li>Enter "
        "the email address you sign in with</li><li>Follow the link in the email we send "
        "(it is valid for 24 hours)</li></ol><p>If the email doesn't arrive within 10 "
        "minutes, please check your spam folder.</p>"),
    4: ("Refund processed", "refund", BILLING,
        "<p>Hi {{requester.name}},</p><p>I've processed your refund. It usually shows on "
        "your statement within 5&ndash;10 business days, depending on your bank.</p><p>Your "
        "reference for this is {{ticket.ref}}.</p>"),
    5: ("Escalated to engineering", "esc", GENERAL,
        "<p>Hi {{requester.first_name}},</p><p>I've passed \"{{ticket.subject}}\" to our "
        "engineering team with everything you sent us. I'll update this ticket as soon as "
        "they come back to me; you don't need to do anything in the meantime.</p>"),
    6: ("Closing the ticket", "bye", GENERAL,
        "<p>I'm glad that's sorted. I'll mark ticket #{{ticket.id}} as resolved; if anything "
        "else comes up, just reply to this email and it will reopen.</p><p>Best regards,<br>"
        "{{agent.name}}</p>"),
}  # fmt: skip


def insert_snippets(db: Database) -> None:
    db.executemany(
        "INSERT INTO snippets (id, title, shortcut_code, category, html) VALUES (?, ?, ?, ?, ?)",
        [(i, title, code, category, html) for i, (title, code, category, html) in SNIPPETS.items()],
    )
