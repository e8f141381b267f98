"""`GET /search?q=<text>&types=ticket`: tickets of any status matching every word of `q`.

A ticket matches a word when its subject, ref, id, requester's name or email, the text of
one of its messages, or a custom field's value (a choice by its title) contains it (ASCII
letters ignore case, as SQLite's LIKE does). Newest first, at most `LIMIT` (the real
endpoint is capped too and does not page). Only the `ticket` type is served; other
requested types are left out of `grouped_results`.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from tui.demo.server import query, serialize
from tui.demo.server.context import db_of, ok
from tui.demo.server.errors import FieldErrors
from tui.demo.server.linked import TICKET_INCLUDES, sideload
from tui.demo.server.validate import BLANK

LIMIT = 50
# Messages are stored as HTML only, so a word may also match inside markup (a tag name).
_WORD_MATCHES = (
    "t.subject LIKE ? ESCAPE '\\'",
    "t.ref LIKE ? ESCAPE '\\'",
    "CAST(t.id AS TEXT) LIKE ? ESCAPE '\\'",
    "(p.first_name || ' ' || p.last_name) LIKE ? ESCAPE '\\'",
    "t.person_email LIKE ? ESCAPE '\\'",
    "EXISTS (SELECT 1 FROM messages m WHERE m.ticket = t.id AND m.html LIKE ? ESCAPE '\\')",
    # A custom field's text, or the title of a choice it holds.
    "EXISTS (SELECT 1 FROM json_each(t.fields) v"
    " WHERE json_extract(v.value, '$.value') LIKE ? ESCAPE '\\')",
    "EXISTS (SELECT 1 FROM json_each(t.fields) v"
    " JOIN ticket_custom_fields f ON f.id = CAST(v.key AS INTEGER)"
    " JOIN json_each(f.choices) c"
    " JOIN json_each(json_extract(v.value, '$.value')) x"
    " ON x.value = json_extract(c.value, '$.id')"
    " WHERE json_extract(c.value, '$.title') LIKE ? ESCAPE '\\')",
)
_SELECT = "SELECT t.* FROM tickets t LEFT JOIN people p ON p.id = t.person"


def _pattern(word: str) -> str:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def matching_tickets(request: Request, words: list[str]) -> list[dict]:
    where = query.Where()
    for word in words:
        pattern = _pattern(word)
        where.add(" OR ".join(_WORD_MATCHES), *[pattern] * len(_WORD_MATCHES))
    rows = db_of(request).rows(
        f"{_SELECT} WHERE {where.sql} ORDER BY t.date_created DESC, t.id DESC LIMIT ?",
        [*where.args, LIMIT],
    )
    return [serialize.ticket(row) for row in rows]


async def search(request: Request) -> Response:
    params = request.query_params
    words = (params.get("q") or "").split()
    if not words:
        errors = FieldErrors()
        errors.add(("q",), "required", BLANK)
        errors.raise_if_any()
    groups, linked = [], {}
    for kind in dict.fromkeys(query.values(params, "types") or ["ticket"]):
        if kind == "ticket":
            results = matching_tickets(request, words)
            groups.append({"type": "ticket", "results": results})
            linked = sideload(request, results, TICKET_INCLUDES)
    return ok(serialize.envelope({"grouped_results": groups}, {}, linked))
