"""Evidence rows (minh chứng): the files attached to an activity (the files themselves: app/evidence.py)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass


@dataclass(frozen=True)
class EvidenceFile:
    id: int | None
    activity_id: int
    name: str  # the original file name
    stored: str  # the path under the evidence folder, with "/"
    size: int
    sha256: str
    added_at: str = ""


_COLS = "id, activity_id, name, stored, size, sha256, added_at"


def _file(r) -> EvidenceFile:
    return EvidenceFile(r[0], r[1], r[2], r[3], r[4], r[5], r[6])


def add_evidence(conn: sqlite3.Connection, f: EvidenceFile) -> EvidenceFile:
    """The row stored (with its id; with its former id when `f` has one: the undo of a delete)."""
    cur = conn.execute(
        "INSERT INTO evidence (id, activity_id, name, stored, size, sha256, added_at) "
        "VALUES (?, ?, ?, ?, ?, ?, COALESCE(?, datetime('now')))",
        (f.id, f.activity_id, f.name, f.stored, f.size, f.sha256, f.added_at or None),
    )
    return get_evidence(conn, cur.lastrowid)


def get_evidence(conn: sqlite3.Connection, evidence_id: int) -> EvidenceFile | None:
    r = conn.execute(f"SELECT {_COLS} FROM evidence WHERE id = ?", (evidence_id,)).fetchone()
    return None if r is None else _file(r)


def list_evidence(conn: sqlite3.Connection, activity_id: int) -> list[EvidenceFile]:
    """An activity's files in the order they were attached."""
    return [
        _file(r)
        for r in conn.execute(f"SELECT {_COLS} FROM evidence WHERE activity_id = ? ORDER BY id", (activity_id,))
    ]


def for_activities(conn: sqlite3.Connection, ids: list[int]) -> dict[int, list[EvidenceFile]]:
    """{activity id: its files} for those of `ids` that have any."""
    out: dict[int, list[EvidenceFile]] = {}
    for i in ids:
        files = list_evidence(conn, i)
        if files:
            out[i] = files
    return out


def counts(conn: sqlite3.Connection) -> dict[int, int]:
    """{activity id: number of files} of every activity that has files."""
    return dict(conn.execute("SELECT activity_id, COUNT(*) FROM evidence GROUP BY activity_id").fetchall())


def stored_paths(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT stored FROM evidence")}


def delete_evidence(conn: sqlite3.Connection, evidence_id: int) -> None:
    conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
