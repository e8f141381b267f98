"""`fields: {"<id>": value}` in ticket writes, checked against `/ticket_custom_fields`.

Problems are reported per field under `fields.fields_<id>` (so the response carries
`errors.fields.fields.fields.fields_<id>.errors[]`). A null value clears the field. Choice
values come back as lists of choice ids, the shape tickets show them in.
"""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

from tui.demo.db import Database
from tui.demo.server.errors import FieldErrors
from tui.demo.server.validate import MISSING, NOT_CHOICE, Path, boolean, wrong_type

SINGLE_CHOICE = {"choice", "radio", "select"}
MULTI_CHOICE = {"multichoice", "checkbox"}


def _choices(errors: FieldErrors, field: Any, value: Any, path: Path) -> Any:
    items = value if isinstance(value, list) else [value]
    if field["widget_type"] in SINGLE_CHOICE and len(items) > 1:
        errors.add(path, "bad_choice", "Only one choice may be selected.")
        return MISSING
    allowed = {choice["id"] for choice in json.loads(field["choices"])}
    picked = []
    for item in items:
        if isinstance(item, str) and item.strip().isdigit():
            item = int(item)
        if isinstance(item, bool) or not isinstance(item, int):
            return wrong_type(errors, path, "choice id")
        if item not in allowed:
            errors.add(path, "bad_choice", NOT_CHOICE)
            return MISSING
        picked.append(item)
    return sorted(set(picked))


def _value(errors: FieldErrors, field: Any, value: Any, path: Path) -> Any:
    kind = field["widget_type"]
    if kind in SINGLE_CHOICE | MULTI_CHOICE:
        return _choices(errors, field, value, path)
    if kind == "toggle":
        return boolean(errors, value, path)
    if not isinstance(value, str):
        return wrong_type(errors, path, "string")
    if kind == "date":
        try:
            return date.fromisoformat(value.strip()).isoformat()
        except ValueError:
            errors.add(path, "invalid_date", "This value is not a valid date (YYYY-MM-DD).")
            return MISSING
    if field["pattern"] and not re.fullmatch(field["pattern"], value.strip()):
        errors.add(path, "invalid_format", field["pattern_message"] or "This value is not valid.")
        return MISSING
    return value


def custom_fields(errors: FieldErrors, db: Database, value: Any, path: Path) -> Any:
    """Clean `{"<id>": value or None}`; unknown and disabled fields are refused."""
    if value is MISSING:
        return MISSING
    if not isinstance(value, dict):
        return wrong_type(errors, path, "object")
    known = {row["id"]: row for row in db.rows("SELECT * FROM ticket_custom_fields")}
    clean: dict[str, Any] = {}
    for key, raw in value.items():
        item_path = (*path, f"fields_{key}")
        field = known.get(int(key)) if str(key).isdigit() else None
        if field is None:
            errors.add(item_path, "resource_not_found", f"No custom field {key}.")
        elif not field["is_enabled"]:  # inferred: a disabled field takes no new values
            errors.add(item_path, "field_disabled", f"The field {field['title']} is disabled.")
        elif raw is None:
            clean[str(field["id"])] = None
        elif (checked := _value(errors, field, raw, item_path)) is not MISSING:
            clean[str(field["id"])] = checked
    return clean


def merged(current: str | None, changes: dict[str, Any]) -> dict[str, Any]:
    """A ticket's `fields` JSON with `changes` applied (None removes a value)."""
    fields = json.loads(current or "{}") or {}
    for key, value in changes.items():
        if value is None:
            fields.pop(key, None)
        else:
            fields[key] = {"aliases": [], "value": value}
    return fields
