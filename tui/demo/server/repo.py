"""Reads shared by the routes: people, tickets, lookups, with ready-made SELECTs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from tui.demo.db import Database

PEOPLE_SELECT = (
    "SELECT p.*, (SELECT COUNT(*) FROM tickets t WHERE t.person = p.id) AS tickets_count"
    " FROM people p"
)
MESSAGES_SELECT = (
    "SELECT m.*, p.is_agent AS author_is_agent FROM messages m"
    " LEFT JOIN people p ON p.id = m.person"
)
ATTACHMENTS_SELECT = (
    "SELECT a.*, b.id AS blob_id, b.auth AS blob_auth, b.filename, b.content_type, b.size,"
    " b.is_temp FROM attachments a JOIN blobs b ON b.id = a.blob"
)


def marks(values: Iterable[Any]) -> str:
    return ",".join("?" for _ in values)


def person(db: Database, person_id: int) -> sqlite3.Row | None:
    return db.row(f"{PEOPLE_SELECT} WHERE p.id = ?", (person_id,))


def person_by_email(db: Database, email: str) -> sqlite3.Row | None:
    return db.row(f"{PEOPLE_SELECT} WHERE p.primary_email = ? COLLATE NOCASE", (email,))


def people(db: Database, ids: Iterable[int]) -> list[sqlite3.Row]:
    wanted = sorted(set(ids))
    if not wanted:
        return []
    return db.rows(f"{PEOPLE_SELECT} WHERE p.id IN ({marks(wanted)}) ORDER BY p.id", wanted)


def agent_teams_of(db: Database, agent_id: int) -> tuple[int, ...]:
    teams = db.scalar("SELECT teams FROM people WHERE id = ?", (agent_id,))
    return tuple(json.loads(teams)) if teams else ()


def team_members(db: Database) -> dict[int, list[int]]:
    members: dict[int, list[int]] = {}
    for row in db.rows(
        "SELECT p.id, j.value AS team FROM people p, json_each(p.teams) j"
        " WHERE p.is_agent = 1 ORDER BY p.id"
    ):
        members.setdefault(row["team"], []).append(row["id"])
    return members


def department_children(db: Database) -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for row in db.rows("SELECT id, parent FROM departments WHERE parent IS NOT NULL ORDER BY id"):
        children.setdefault(row["parent"], []).append(row["id"])
    return children


def ticket(db: Database, key: str) -> sqlite3.Row | None:
    """A ticket by id (`123`) or reference (`ref:ABCD-1234-EFGH`)."""
    if key.startswith("ref:"):
        return db.row("SELECT * FROM tickets WHERE ref = ? COLLATE NOCASE", (key[4:],))
    if key.isdigit():
        return db.row("SELECT * FROM tickets WHERE id = ?", (int(key),))
    return None


def attachment_ids(db: Database, message_ids: Iterable[int]) -> dict[int, list[int]]:
    wanted = list(message_ids)
    found: dict[int, list[int]] = {m: [] for m in wanted}
    if wanted:
        for row in db.rows(
            f"SELECT id, message FROM attachments WHERE message IN ({marks(wanted)}) ORDER BY id",
            wanted,
        ):
            found[row["message"]].append(row["id"])
    return found


def exists(db: Database, table: str, row_id: int) -> bool:
    return db.scalar(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)) is not None


def page(
    db: Database, select: str, where_sql: str, args: list[Any], order_sql: str, paging: Any
) -> tuple[list[sqlite3.Row], int]:
    """One page of rows and the total matching (LIMIT/OFFSET on an indexed order)."""
    total = db.scalar(f"SELECT COUNT(*) FROM ({select} WHERE {where_sql})", args)
    rows = db.rows(
        f"{select} WHERE {where_sql} {order_sql} LIMIT ? OFFSET ?",
        [*args, paging.count, paging.offset],
    )
    return rows, int(total)
