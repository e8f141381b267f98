"""Request bodies → clean values, collecting every problem as a Deskpro field error.

Each checker takes the `FieldErrors` collector and the field's path; on a problem it
records it and returns `MISSING`, so one response reports all errors at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Final

from tui.demo import statuses
from tui.demo.db import Database
from tui.demo.seed.people import AGENT_DOMAIN
from tui.demo.server import repo
from tui.demo.server.errors import FieldErrors


class _Missing:
    def __repr__(self) -> str:
        return "MISSING"


MISSING: Final = _Missing()
Path = tuple[str, ...]
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
BLANK = "This value should not be blank."
NOT_CHOICE = "The value you selected is not a valid choice."


@dataclass(frozen=True)
class NewPerson:
    """A requester given by an email the helpdesk does not know yet."""

    email: str
    first_name: str
    last_name: str


PersonRef = int | NewPerson


@dataclass
class MessageSpec:
    html: str
    is_note: bool = False
    person: PersonRef | None = None  # None: the acting agent (replies) / the requester
    blobs: list[tuple[int, bool]] = field(default_factory=list)  # (blob id, is_inline)


def check_extra(
    errors: FieldErrors, body: dict[str, Any], allowed: set[str], prefix: str = ""
) -> None:
    extra = [f"{prefix}{name}" for name in body if name not in allowed]
    if extra:
        errors.extra(extra)


def wrong_type(errors: FieldErrors, path: Path, kind: str) -> _Missing:
    errors.add(path, "invalid_type", f"This value should be of type {kind}.")
    return MISSING


def text(errors: FieldErrors, value: Any, path: Path, required: bool = False) -> Any:
    if value is MISSING or value is None:
        if required:
            errors.add(path, "required", BLANK)
        return MISSING
    if not isinstance(value, str):
        return wrong_type(errors, path, "string")
    if required and not value.strip():
        errors.add(path, "required", BLANK)
        return MISSING
    return value


def integer(errors: FieldErrors, value: Any, path: Path, low: int = 0, high: int = 2**31) -> Any:
    if value is MISSING:
        return MISSING
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int):
        return wrong_type(errors, path, "int")
    if not low <= value <= high:
        errors.add(path, "out_of_range", f"This value should be between {low} and {high}.")
        return MISSING
    return value


def boolean(errors: FieldErrors, value: Any, path: Path) -> Any:
    if value is MISSING:
        return MISSING
    if isinstance(value, bool) or value in (0, 1):
        return bool(value)
    return wrong_type(errors, path, "bool")


def status(errors: FieldErrors, value: Any, path: Path) -> Any:
    value = text(errors, value, path)
    if value is not MISSING and value not in statuses.CODES:
        errors.add(path, "bad_choice", NOT_CHOICE)
        return MISSING
    return value


def labels(errors: FieldErrors, value: Any, path: Path) -> Any:
    if value is MISSING or value is None:
        return [] if value is None else MISSING
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return wrong_type(errors, path, "list of strings")
    return sorted({v.strip() for v in value if v.strip()})


def reference(
    errors: FieldErrors, db: Database, value: Any, path: Path, table: str, noun: str = ""
) -> Any:
    """An id of a row in `table`; 0 or null mean none. `noun` names a row in messages."""
    if value is MISSING:
        return MISSING
    if value is None or value == 0:
        return None
    number = integer(errors, value, path)
    if number is not MISSING and not repo.exists(db, table, number):
        noun = noun or table[:-1].replace("_", " ")
        errors.add(path, "resource_not_found", f"No {noun} {number}.")
        return MISSING
    return number


def email(errors: FieldErrors, value: str, path: Path) -> Any:
    if not _EMAIL.match(value):
        errors.add(path, "invalid_email", f'"{value}" is not a valid email address.')
        return MISSING
    return value


def person(errors: FieldErrors, db: Database, value: Any, path: Path) -> Any:
    """An id, an email, `{"id"}` or `{"email", "name"}`; unknown emails become new people."""
    if value is MISSING or value is None:
        return MISSING
    if isinstance(value, dict):
        if "id" in value:
            return person(errors, db, value["id"], path)
        address = text(errors, value.get("email"), (*path, "email"), required=True)
        if address is MISSING or email(errors, address, (*path, "email")) is MISSING:
            return MISSING
        name = value.get("name") if isinstance(value.get("name"), str) else None
        return _person_by_email(db, address, name or value.get("first_name"))
    if isinstance(value, str) and not value.isdigit():
        if email(errors, value, path) is MISSING:
            return MISSING
        return _person_by_email(db, value, None)
    number = integer(errors, value, path)
    if number is not MISSING and repo.person(db, number) is None:
        errors.add(path, "resource_not_found", f"There is no person with id {number}.")
        return MISSING
    return number


def _person_by_email(db: Database, address: str, name: str | None) -> PersonRef:
    found = repo.person_by_email(db, address)
    if found is not None:
        return int(found["id"])
    if not name:  # "joanne.bloggs@x" → "Joanne Bloggs"
        name = " ".join(p.capitalize() for p in re.split(r"[._-]+", address.split("@")[0]) if p)
    first, _, last = name.strip().partition(" ")
    return NewPerson(address, first, last)


def agent(errors: FieldErrors, db: Database, value: Any, path: Path) -> Any:
    """An agent by id or email; 0/null unassign; any other person → `person_not_agent`."""
    if value is MISSING:
        return MISSING
    if value is None or value == 0 or value == "0":
        return None
    found = person(errors, db, value, path)
    if found is MISSING:
        return MISSING
    row = repo.person(db, found) if isinstance(found, int) else None
    if row is None or not row["is_agent"]:
        errors.add(path, "person_not_agent", "The person is not an agent.")
        return MISSING
    return found


def cc(errors: FieldErrors, db: Database, value: Any, path: Path) -> Any:
    """People to copy: ids and/or emails (an unknown email becomes a new person), repeats
    dropped. Helpdesk addresses and agents cannot be CC'd (`system_email`)."""
    if value is MISSING:
        return MISSING
    if value is None:
        return []
    if not isinstance(value, list):
        return wrong_type(errors, path, "list")
    clean: dict[int | str, PersonRef] = {}
    for index, item in enumerate(value):
        item_path = (*path, f"{path[-1]}_{index}")
        if item is None or isinstance(item, (bool, float, list)):
            wrong_type(errors, item_path, "person id or email")
            continue
        if isinstance(item, str) and item.lower().endswith("@" + AGENT_DOMAIN):
            errors.add(item_path, "system_email", f'Email "{item}" is a helpdesk address.')
            continue
        found = person(errors, db, item, item_path)
        if found is MISSING:
            continue
        if isinstance(found, int) and repo.person(db, found)["is_agent"]:
            message = f"Person {found} is an agent; agents follow tickets, they are not CC'd."
            errors.add(item_path, "system_email", message)
            continue
        clean.setdefault(found if isinstance(found, int) else found.email.lower(), found)
    return list(clean.values())
