"""SQLite storage: the schema, and a thin wrapper around one connection.

The server answers requests on one event-loop thread and no handler awaits between its
statements, so one connection serves everything; it is created with
`check_same_thread=False` because seeding happens before the server thread starts.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

SCHEMA_VERSION = "4"  # 2: ticket priorities and custom field definitions; 3: field rules;
# 4: snippets, cc as people ids

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS organizations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, date_created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS people (
    id INTEGER PRIMARY KEY, first_name TEXT NOT NULL, last_name TEXT NOT NULL,
    primary_email TEXT COLLATE NOCASE UNIQUE, is_agent INTEGER NOT NULL DEFAULT 0,
    can_admin INTEGER NOT NULL DEFAULT 0, organization INTEGER, date_created INTEGER NOT NULL,
    is_disabled INTEGER NOT NULL DEFAULT 0, online INTEGER NOT NULL DEFAULT 0,
    last_seen INTEGER, teams TEXT NOT NULL DEFAULT '[]', primary_team INTEGER,
    timezone TEXT NOT NULL DEFAULT 'UTC');
CREATE INDEX IF NOT EXISTS people_agent ON people(is_agent, id);
CREATE TABLE IF NOT EXISTS agent_teams (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS departments (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, user_title TEXT NOT NULL, parent INTEGER,
    display_order INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS labels (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);
CREATE TABLE IF NOT EXISTS ticket_priorities (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, display_order INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS ticket_custom_fields (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, description TEXT NOT NULL,
    widget_type TEXT NOT NULL, choices TEXT NOT NULL DEFAULT '[]', default_value TEXT,
    is_enabled INTEGER NOT NULL DEFAULT 1, display_order INTEGER NOT NULL,
    pattern TEXT, pattern_message TEXT);
CREATE TABLE IF NOT EXISTS ticket_filters (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, sys_name TEXT, display_order INTEGER NOT NULL,
    terms TEXT NOT NULL, filter_set INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS tickets (
    id INTEGER PRIMARY KEY, ref TEXT NOT NULL UNIQUE, auth TEXT NOT NULL,
    subject TEXT NOT NULL, original_subject TEXT NOT NULL,
    status TEXT NOT NULL, hidden_status TEXT, is_hold INTEGER NOT NULL DEFAULT 0,
    person INTEGER NOT NULL, person_email TEXT, agent INTEGER, agent_team INTEGER,
    department INTEGER, organization INTEGER, urgency INTEGER NOT NULL DEFAULT 1,
    priority INTEGER, labels TEXT, fields TEXT NOT NULL DEFAULT '{}', cc TEXT NOT NULL DEFAULT '[]',
    creation_system TEXT NOT NULL DEFAULT 'web.api', has_attachments INTEGER NOT NULL DEFAULT 0,
    worst_sla_status TEXT, locked_by_agent INTEGER, date_locked INTEGER,
    date_created INTEGER NOT NULL, date_status INTEGER NOT NULL, date_resolved INTEGER,
    date_first_agent_assign INTEGER, date_first_agent_reply INTEGER,
    date_last_agent_reply INTEGER, date_last_user_reply INTEGER, date_last_reply INTEGER,
    date_on_hold INTEGER,
    count_agent_replies INTEGER NOT NULL DEFAULT 0, count_user_replies INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS tickets_status ON tickets(status, hidden_status);
CREATE INDEX IF NOT EXISTS tickets_agent ON tickets(agent);
CREATE INDEX IF NOT EXISTS tickets_agent_team ON tickets(agent_team);
CREATE INDEX IF NOT EXISTS tickets_department ON tickets(department);
CREATE INDEX IF NOT EXISTS tickets_person ON tickets(person);
CREATE INDEX IF NOT EXISTS tickets_organization ON tickets(organization);
CREATE INDEX IF NOT EXISTS tickets_urgency ON tickets(urgency);
CREATE INDEX IF NOT EXISTS tickets_date_created ON tickets(date_created);
CREATE INDEX IF NOT EXISTS tickets_date_status ON tickets(date_status);
CREATE INDEX IF NOT EXISTS tickets_date_resolved ON tickets(date_resolved);
CREATE INDEX IF NOT EXISTS tickets_date_last_agent_reply ON tickets(date_last_agent_reply);
CREATE INDEX IF NOT EXISTS tickets_date_last_user_reply ON tickets(date_last_user_reply);
CREATE INDEX IF NOT EXISTS tickets_date_last_reply ON tickets(date_last_reply);
CREATE TABLE IF NOT EXISTS messages (
    id INTEGER PRIMARY KEY, ticket INTEGER NOT NULL, person INTEGER NOT NULL,
    is_note INTEGER NOT NULL DEFAULT 0, date_created INTEGER NOT NULL, html TEXT NOT NULL,
    preview TEXT NOT NULL, creation_system TEXT NOT NULL DEFAULT 'web');
CREATE INDEX IF NOT EXISTS messages_ticket ON messages(ticket, id);
CREATE TABLE IF NOT EXISTS blobs (
    id INTEGER PRIMARY KEY, auth TEXT NOT NULL UNIQUE, filename TEXT NOT NULL,
    content_type TEXT NOT NULL, size INTEGER NOT NULL, data BLOB NOT NULL,
    is_temp INTEGER NOT NULL DEFAULT 1, date_created INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS attachments (
    id INTEGER PRIMARY KEY, ticket INTEGER NOT NULL, message INTEGER NOT NULL,
    person INTEGER NOT NULL, blob INTEGER NOT NULL, is_inline INTEGER NOT NULL DEFAULT 0,
    is_note INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS attachments_ticket ON attachments(ticket, id);
CREATE INDEX IF NOT EXISTS attachments_message ON attachments(message);
CREATE TABLE IF NOT EXISTS snippets (
    id INTEGER PRIMARY KEY, title TEXT NOT NULL, shortcut_code TEXT NOT NULL,
    category INTEGER NOT NULL, html TEXT NOT NULL);
"""

TABLES = (
    "snippets", "attachments", "blobs", "messages", "tickets", "ticket_filters",
    "ticket_custom_fields", "ticket_priorities", "labels",
    "departments", "agent_teams", "people", "organizations", "meta",
)  # fmt: skip


class Database:
    """One SQLite connection with small query helpers (rows come back as `sqlite3.Row`)."""

    def __init__(self, path: str) -> None:
        if path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self.conn.row_factory = sqlite3.Row
        if path != ":memory:":  # a file may be shared with another demo process
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA busy_timeout=5000")
        self.conn.execute("PRAGMA synchronous=NORMAL")
        self.conn.executescript(SCHEMA)

    def close(self) -> None:
        self.conn.close()

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, args).fetchall()

    def row(self, sql: str, args: Sequence[Any] = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, args).fetchone()

    def scalar(self, sql: str, args: Sequence[Any] = ()) -> Any:
        found = self.conn.execute(sql, args).fetchone()
        return None if found is None else found[0]

    def execute(self, sql: str, args: Sequence[Any] = ()) -> int:
        """Run one statement; returns the last inserted row id."""
        return self.conn.execute(sql, args).lastrowid or 0

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self.conn.executemany(sql, rows)

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing writes (the connection is otherwise in autocommit mode)."""
        self.conn.execute("BEGIN")
        try:
            yield
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("COMMIT")

    def get_meta(self, key: str) -> str | None:
        return self.scalar("SELECT value FROM meta WHERE key = ?", (key,))

    def set_meta(self, key: str, value: str) -> None:
        self.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", (key, value))

    def recreate(self) -> None:
        """Drop everything and start from the current schema (for --reset, or a database
        written by an older version)."""
        for table in TABLES:
            self.conn.execute(f"DROP TABLE IF EXISTS {table}")
        self.conn.executescript(SCHEMA)
