"""The superior's outline a plan's reports follow (migration 0010): its file's name and text."""

from __future__ import annotations

import sqlite3


def load_outline(conn: sqlite3.Connection, plan_id: int) -> tuple[str, str] | None:
    """(file name, text) of the plan's outline, or None."""
    row = conn.execute("SELECT name, text FROM report_outlines WHERE plan_id = ?", (plan_id,)).fetchone()
    return (row[0], row[1]) if row else None


def save_outline(conn: sqlite3.Connection, plan_id: int, name: str, text: str) -> None:
    conn.execute(
        "INSERT INTO report_outlines (plan_id, name, text) VALUES (?, ?, ?) "
        "ON CONFLICT(plan_id) DO UPDATE SET name = excluded.name, text = excluded.text",
        (plan_id, name, text),
    )


def delete_outline(conn: sqlite3.Connection, plan_id: int) -> None:
    conn.execute("DELETE FROM report_outlines WHERE plan_id = ?", (plan_id,))
