"""Database rows → Deskpro API v2 JSON objects, with the full field sets real servers send.

`base` is the server's own origin (`http://127.0.0.1:PORT`), used for absolute URLs.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from typing import Any
from urllib.parse import quote

from tui.demo import statuses
from tui.demo.dates import fmt, now_ts
from tui.demo.files import readable_size
from tui.demo.server import locks

Row = sqlite3.Row | dict[str, Any]


def envelope(data: Any, meta: Any = None, linked: Any = None) -> dict[str, Any]:
    return {"data": data, "meta": {} if meta is None else meta, "linked": linked or {}}


def pagination(total: int, count: int, page: int, per_page: int) -> dict[str, Any]:
    return {
        "pagination": {
            "total": total,
            "count": count,
            "per_page": per_page,
            "current_page": page,
            "total_pages": max(1, -(-total // per_page)),
        }
    }


def person(row: Row, base: str) -> dict[str, Any]:
    name = f"{row['first_name']} {row['last_name']}".strip()
    email = row["primary_email"]
    is_agent = bool(row["is_agent"])
    teams = json.loads(row["teams"])
    avatar = base + "/file.php/avatar/{{IMG_SIZE}}/default.jpg?size-fit=1"
    return {
        "id": row["id"], "primary_email": email, "first_name": row["first_name"],
        "last_name": row["last_name"], "title_prefix": "", "name": name, "display_name": name,
        "is_agent": is_agent,
        "avatar": {
            "default_url_pattern": avatar, "url_pattern": None, "base_gravatar_url": None,
        },
        "online": bool(row["online"]), "online_for_chat": False, "last_seen": fmt(row["last_seen"]),
        "agent_data": None, "is_user": not is_agent, "was_agent": False, "can_agent": is_agent,
        "can_admin": bool(row["can_admin"]), "can_billing": bool(row["can_admin"]),
        "can_reports": is_agent, "picture_blob": None, "disable_picture": False,
        "is_contact": True, "is_confirmed": True, "is_deleted": False,
        "is_disabled": bool(row["is_disabled"]), "creation_system": "web.person",
        "display_contact": f"{name} <{email}>" if email else name, "summary": "",
        "language": 1, "organization": row["organization"], "timezone": row["timezone"],
        "date_created": fmt(row["date_created"]), "date_last_login": fmt(row["last_seen"]),
        "user_groups": [], "agent_groups": [], "labels": [], "emails": [email] if email else [],
        "phone_numbers": [], "tickets_count": row["tickets_count"], "fields": {},
        "teams": teams, "primary_team": row["primary_team"], "brands": [1],
    }  # fmt: skip


def ticket(row: Row, now: int | None = None) -> dict[str, Any]:
    """`now` (default: the clock) decides whether the ticket's lock has expired."""
    code = statuses.join(row["status"], row["hidden_status"])
    locked_by, date_locked = locks.current(row, now_ts() if now is None else now)
    waiting = row["status"] == "awaiting_agent"
    return {
        "id": row["id"], "ref": row["ref"], "auth": row["auth"], "parent": None, "language": None,
        "brand": 1, "department": row["department"], "category": None,
        "priority": row["priority"],
        "workflow": None, "product": None, "person": row["person"],
        "person_email": row["person_email"], "agent": row["agent"],
        "agent_team": row["agent_team"], "organization": row["organization"],
        "linked_chat": None, "sent_to_address": [], "email_account": None,
        "email_account_address": "", "creation_system": row["creation_system"],
        "creation_system_option": "",
        "ticket_hash": hashlib.sha1(f"{row['id']}:{row['auth']}".encode()).hexdigest(),
        "status": row["status"], "ticket_status": code, "is_hold": bool(row["is_hold"]),
        "labels": json.loads(row["labels"]) if row["labels"] else None,
        "urgency": row["urgency"], "feedback_rating": None, "date_feedback_rating": None,
        "date_created": fmt(row["date_created"]), "date_resolved": fmt(row["date_resolved"]),
        "date_archived": fmt(row["date_status"]) if row["status"] == "archived" else None,
        "date_first_agent_assign": fmt(row["date_first_agent_assign"]),
        "date_first_agent_reply": fmt(row["date_first_agent_reply"]),
        "date_last_agent_reply": fmt(row["date_last_agent_reply"]),
        "date_last_user_reply": fmt(row["date_last_user_reply"]),
        "date_agent_waiting": fmt(row["date_status"]) if waiting else None,
        "date_user_waiting": fmt(row["date_status"]) if row["status"] == "awaiting_user" else None,
        "date_status": fmt(row["date_status"]), "total_user_waiting": 0,
        "total_to_first_reply": (row["date_first_agent_reply"] or row["date_created"])
        - row["date_created"],
        "locked_by_agent": locked_by, "date_locked": fmt(date_locked),
        "date_on_hold": fmt(row["date_on_hold"]), "has_attachments": bool(row["has_attachments"]),
        "subject": row["subject"], "original_subject": row["original_subject"],
        "properties": None, "problems": [], "count_agent_replies": row["count_agent_replies"],
        "count_user_replies": row["count_user_replies"],
        "worst_sla_status": row["worst_sla_status"], "waiting_times": [],
        "ticket_slas": [row["id"] * 10 + 1] if row["worst_sla_status"] else [],
        "fields": json.loads(row["fields"]) or {}, "contextual_fields": {}, "children": [],
        "siblings": [], "cc": json.loads(row["cc"]), "star": None, "ticket_layout": None,
        "ticket_excerpt": None, "ticket_agent_errors": None, "ticket_user_errors": None,
        "ticket_permissions": None, "access_code": "FCA" + row["auth"], "followers": "",
    }  # fmt: skip


def message(row: Row, attachment_ids: list[int]) -> dict[str, Any]:
    created = fmt(row["date_created"])
    kind = "agent" if row["author_is_agent"] else "user"
    return {
        "id": row["id"], "ticket": row["ticket"], "person": row["person"], "email_source": None,
        "attributes": [
            {"name": "agent_type", "value": kind, "date_created": created, "type": "value"}
        ],
        "attachments": attachment_ids, "date_created": created,
        "is_agent_note": int(row["is_note"]), "creation_system": row["creation_system"],
        "ip_address": "", "visitor_id": None, "hostname": "", "email": "",
        "message_hash": hashlib.sha1(row["html"].encode()).hexdigest(),
        "primary_translation": None, "message": row["html"],
        "message_without_images": row["html"], "message_full": "", "message_raw": None,
        "message_preview_text": row["preview"], "show_full_hint": False, "lang_code": None,
    }  # fmt: skip


def download_url(base: str, auth: str, filename: str) -> str:
    return f"{base}/file.php/{auth}/{quote(filename)}"


def blob(row: Row, base: str) -> dict[str, Any]:
    """Works on a `blobs` row, or on an attachment row with the blob's columns joined in."""
    blob_id, auth = row["blob_id"], row["blob_auth"]
    return {
        "content_type": row["content_type"],
        "is_image": row["content_type"].startswith("image/"),
        "blob_id": blob_id,
        "blob_auth": auth,
        "blob_auth_id": f"{blob_id}-{auth}",
        "download_url": download_url(base, auth, row["filename"]),
        "filename": row["filename"],
        "filesize_readable": readable_size(row["size"]),
        "is_temp": bool(row["is_temp"]),
    }


def attachment(row: Row, base: str) -> dict[str, Any]:
    return {
        "id": row["id"],
        "ticket": row["ticket"],
        "person": row["person"],
        "blob": blob(row, base),
        "message": row["message"],
        "is_agent_note": bool(row["is_note"]),
        "is_inline": bool(row["is_inline"]),
    }


def department(row: Row, children: dict[int, list[int]]) -> dict[str, Any]:
    """`children`: department id → its child ids (see `repo.department_children`)."""
    return {
        "id": row["id"], "parent": row["parent"], "children": children.get(row["id"], []),
        "title": row["title"],
        "user_title": row["user_title"], "is_tickets_enabled": True, "is_chat_enabled": False,
        "display_order": row["display_order"], "avatar": None, "brands": [1],
    }  # fmt: skip


def agent_team(row: Row, members: dict[int, list[int]]) -> dict[str, Any]:
    """`members`: team id → its agent ids (see `repo.team_members`)."""
    return {
        "id": row["id"],
        "name": row["name"],
        "members": members.get(row["id"], []),
        "avatar": None,
    }


def label(row: Row) -> dict[str, Any]:
    return {"id": row["id"], "label": row["label"]}


def organization(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"], "name": row["name"], "summary": "", "importance": 0, "labels": [],
        "fields": {}, "email_domains": [], "date_created": fmt(row["date_created"]),
    }  # fmt: skip


def ticket_filter(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"], "display_order": row["display_order"], "sys_name": row["sys_name"],
        "title": row["title"], "term": json.loads(row["terms"]),
        "ticket_filter_set": row["filter_set"], "filter_views": None,
        "filter_preferences": None, "date_created": None, "date_updated": None,
    }  # fmt: skip


def priority(row: Row) -> dict[str, Any]:
    return {"id": row["id"], "title": row["title"], "display_order": row["display_order"]}


def custom_field(row: Row) -> dict[str, Any]:
    return {
        "id": row["id"], "title": row["title"], "description": row["description"],
        "widget_type": row["widget_type"], "choices": json.loads(row["choices"]),
        "default_value": json.loads(row["default_value"] or "null"),
        "is_enabled": bool(row["is_enabled"]), "is_user_enabled": False,
        "is_agent_required": False, "display_order": row["display_order"],
    }  # fmt: skip


def snippet(row: Row) -> dict[str, Any]:
    """Deskpro documents no shape; this one keeps each text per language, as its
    translatable objects do."""
    return {
        "id": row["id"],
        "title": [{"language": 1, "value": row["title"]}],
        "snippet": [{"language": 1, "value": row["html"]}],
        "category": row["category"],
        "shortcut_code": row["shortcut_code"],
    }
