"""Canned answers for the composer (ctrl+t): the agent's own Markdown templates, read from
the templates folder, and the helpdesk's snippets (see `tui.state.snippets`), both as
`Template`s; their `{{placeholders}}` filled from the ticket being answered.

Local files are the agent's, but are still made inert for the terminal: a template is
inserted into a text area and sent, so an escape sequence in one must not reach either.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from tui.api import Person, Ticket
from tui.state.optional import Part
from tui.text.sanitize import safe, safe_multiline

MAX_TEMPLATE_BYTES = 64 * 1024  # templates are short answers; a bigger file is a mistake
MAX_TEMPLATES = 500  # read when the picker opens: a huge folder must not stall it
PLACEHOLDER = re.compile(r"\{\{\s*([A-Za-z_][\w.]*)\s*\}\}")

SNIPPETS = Part(
    "the helpdesk's snippets",
    "/api/v2/snippets",
    "your own templates (Markdown files in the templates folder) still work",
)


@dataclass(frozen=True)
class Template:
    title: str
    text: str  # Markdown, placeholders unfilled
    source: Literal["helpdesk", "local"]


def local_templates(folder: Path) -> tuple[list[Template], list[str]]:
    """The `*.md` files directly in `folder` (title: the name without `.md`), sorted by
    title, and what was skipped and why, one sentence each. No folder is no problem:
    most agents have none. Subfolders and hidden files are ignored."""
    if not folder.exists():
        return [], []
    if not folder.is_dir():
        return [], [f"No templates: {folder} is a file, not a folder."]
    try:
        paths = sorted(p for p in folder.iterdir() if _is_template_name(p.name))
    except OSError as exc:
        return [], [f"Could not read the templates folder {folder}: {exc.strerror or exc}."]
    problems: list[str] = []
    if len(paths) > MAX_TEMPLATES:
        problems.append(f"Only the first {MAX_TEMPLATES} of {len(paths)} templates in {folder}.")
        paths = paths[:MAX_TEMPLATES]
    templates: list[Template] = []
    for path in paths:
        text, problem = _read(path)
        if problem:
            problems.append(problem)
        elif text is not None:
            templates.append(Template(path.name[:-3], text, "local"))
    templates.sort(key=lambda t: (t.title.casefold(), t.title))
    return templates, problems


def _is_template_name(name: str) -> bool:
    return name.lower().endswith(".md") and len(name) > 3 and not name.startswith(".")


def _read(path: Path) -> tuple[str | None, str]:
    """A template's text, or why it was skipped ("" with None: not a file, say nothing)."""
    name = f"Template {path.name!r} skipped"
    try:
        if not path.is_file():
            return None, ""  # a subfolder (or a socket): not a template
        if path.stat().st_size > MAX_TEMPLATE_BYTES:
            return None, f"{name}: it is over {MAX_TEMPLATE_BYTES // 1024} KiB."
        with path.open("rb") as file:
            data = file.read(MAX_TEMPLATE_BYTES + 1)  # it may have grown since
    except OSError as exc:
        return None, f"{name}: it cannot be read ({exc.strerror or exc})."
    if len(data) > MAX_TEMPLATE_BYTES:
        return None, f"{name}: it is over {MAX_TEMPLATE_BYTES // 1024} KiB."
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None, f"{name}: it is not UTF-8 text (save it as UTF-8)."
    text = safe_multiline(text).strip()
    return (text, "") if text else (None, f"{name}: it is empty.")


def template_fields(ticket: Ticket, requester: Person | None, agent_name: str) -> dict[str, str]:
    """The placeholders' values for answering `ticket`. A value that is not known (no
    requester loaded, a person without a name, a new ticket's id) is left out, so that
    `fill` leaves its placeholder as written for the agent to see and complete: guessing
    ("Hi there", an email's local part) would be sent unnoticed more often than not.
    `requester.first_name` falls back to the first word of the name; names are never
    made from an email address."""
    name = _full_name(requester) if requester else ""
    first = (requester.first_name.strip() if requester else "") or name.partition(" ")[0]
    values = {
        "requester.first_name": first,
        "requester.name": name,
        "agent.name": agent_name,
        "ticket.ref": ticket.ref,
        "ticket.id": str(ticket.id) if ticket.id else "",
        "ticket.subject": ticket.subject,
    }
    return {key: cleaned for key, value in values.items() if (cleaned := safe(value).strip())}


def _full_name(person: Person) -> str:
    joined = f"{person.first_name.strip()} {person.last_name.strip()}".strip()
    return (person.name or person.display_name or joined).strip()


def fill(text: str, fields: Mapping[str, str]) -> str:
    """`text` with each known `{{ field }}` (spaces inside the braces allowed, any case)
    replaced by its value, in one pass: a value that itself looks like a placeholder (a
    subject "{{agent.name}}") stays as it is. Unknown placeholders stay exactly as written."""
    known = {key.casefold(): value for key, value in fields.items()}

    def value(match: re.Match[str]) -> str:
        return known.get(match.group(1).casefold(), match.group(0))

    return PLACEHOLDER.sub(value, text)


def filter_templates(templates: Iterable[Template], query: str) -> list[Template]:
    """The templates whose title holds the typed letters in order (see `fuzzy_score`),
    best match first; ties keep their order. Every template for an empty query."""
    templates = list(templates)
    if not query.strip():
        return templates
    scored = [(score, t) for t in templates if (score := fuzzy_score(query, t.title)) is not None]
    scored.sort(key=lambda pair: -pair[0])  # stable: equal scores keep their order
    return [template for _score, template in scored]


# Fuzzy scoring: points per matched letter, more at a word's start and for runs, less for
# a gap; the best alignment of the query's letters wins (as editors' file pickers do).
LETTER, TITLE_START, WORD_START, RUN, GAP = 1.0, 10.0, 8.0, 6.0, 3.0
MAX_TITLE_CHARS = 200  # scoring is O(query × title): a runaway title must not cost more
NO_MATCH = float("-inf")


def fuzzy_score(query: str, title: str) -> float | None:
    """How well `title` matches `query` typed in the picker, or None when its letters
    (spaces ignored, any case) are not all in the title, in order. Higher is better;
    among equal matches a shorter title scores a little higher."""
    wanted = [c.casefold() for c in query if not c.isspace()]  # per letter: "ß" → "ss"
    shown = title[:MAX_TITLE_CHARS]
    letters = [c.casefold() for c in shown]
    if not wanted:
        return 0.0
    bonus = [_letter_bonus(shown, j) for j in range(len(shown))]
    row = [bonus[j] if c == wanted[0] else NO_MATCH for j, c in enumerate(letters)]
    for letter in wanted[1:]:
        row = _next_row(row, letter, letters, bonus)
    best = max(row, default=NO_MATCH)
    return None if best == NO_MATCH else best - len(title) / 1000


def _letter_bonus(title: str, j: int) -> float:
    if j == 0:
        return LETTER + TITLE_START
    before, here = title[j - 1], title[j]
    if not before.isalnum() or (before.islower() and here.isupper()):
        return LETTER + WORD_START
    return LETTER


def _next_row(row: list[float], letter: str, letters: list[str], bonus: list[float]) -> list[float]:
    """The best score of a match ending with `letter` at each position, from the best
    for the letters before it (`row`): right after one (a run), or after a gap."""
    out = [NO_MATCH] * len(letters)
    before_gap = NO_MATCH  # the best of row[:j - 1]
    for j in range(1, len(letters)):
        if j >= 2:
            before_gap = max(before_gap, row[j - 2])
        if letters[j] == letter:
            out[j] = bonus[j] + max(row[j - 1] + RUN, before_gap - GAP)
    return out
