"""The unit's catalogue of forms of activity (hình thức): read, added, edited, hidden."""

from __future__ import annotations

import sqlite3

from ..domain.forms import Form
from ..domain.text import clean

_COLS = "code, label, unit, verb, tail, people, hidden"


def _form(r: sqlite3.Row) -> Form:
    return Form(
        code=r["code"],
        label=r["label"],
        unit=r["unit"],
        verb=r["verb"],
        tail=r["tail"],
        people=r["people"],
        hidden=bool(r["hidden"]),
    )


def load_forms(conn: sqlite3.Connection) -> list[Form]:
    """Every form of the unit in its order, hidden ones included."""
    return [_form(r) for r in conn.execute(f"SELECT {_COLS} FROM forms ORDER BY position, code")]


def add_form(conn: sqlite3.Connection, f: Form) -> None:
    """A new form at the end of the list, before "Khác" (its code must be new)."""
    pos = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM forms").fetchone()[0]
    other = conn.execute("SELECT position FROM forms WHERE code = 'khac'").fetchone()
    if other is not None:  # "Khác" stays last
        conn.execute("UPDATE forms SET position = ? WHERE code = 'khac'", (pos,))
        pos = other["position"]
    conn.execute(
        "INSERT INTO forms (code, position, label, unit, verb, tail, people, hidden) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (f.code, pos, clean(f.label), clean(f.unit), clean(f.verb), f.tail, clean(f.people), int(f.hidden)),
    )


def codes_like(conn: sqlite3.Connection, base: str) -> set[str]:
    """The codes `base` and `base_…` already taken (a range of the primary key: not a scan of the table)."""
    rows = conn.execute(
        "SELECT code FROM forms WHERE code = ? OR (code > ? AND code < ?)", (base, base + "_", base + "`")
    )
    return {r["code"] for r in rows}


def tail_of(conn: sqlite3.Connection, code: str) -> str | None:
    row = conn.execute("SELECT tail FROM forms WHERE code = ?", (code,)).fetchone()
    return None if row is None else row["tail"]


def state(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes since: this connection's total_changes and PRAGMA data_version (another connection's commits)."""
    return conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0]


def update_form(conn: sqlite3.Connection, f: Form) -> None:
    conn.execute(
        "UPDATE forms SET label = ?, unit = ?, verb = ?, tail = ?, people = ?, hidden = ? WHERE code = ?",
        (clean(f.label), clean(f.unit), clean(f.verb), f.tail, clean(f.people), int(f.hidden), f.code),
    )


def uses(conn: sqlite3.Connection, code: str) -> int:
    """Activities and plan targets that name the form."""
    return sum(
        conn.execute(f"SELECT COUNT(*) FROM {table} WHERE form_code = ?", (code,)).fetchone()[0]
        for table in ("activities", "item_targets")
    )


def delete_form(conn: sqlite3.Connection, code: str) -> None:
    conn.execute("DELETE FROM forms WHERE code = ?", (code,))
