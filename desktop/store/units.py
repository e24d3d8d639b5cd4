"""The unit profile: name, departments, signers, default recipients."""

from __future__ import annotations

import sqlite3

from ..domain.errors import UserError
from ..domain.models import Department, Signer, Unit
from ..domain.text import clean
from .db import inserted_id


def save_unit(conn: sqlite3.Connection, unit: Unit) -> None:
    """Insert or replace the profile; departments and signers keep their ids when given."""
    conn.execute(
        "INSERT INTO unit (id, name, abbr, place, parent_body, short_name, kind, level, channels) "
        "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name=excluded.name, abbr=excluded.abbr, "
        "place=excluded.place, parent_body=excluded.parent_body, short_name=excluded.short_name, "
        "kind=excluded.kind, level=excluded.level, channels=excluded.channels",
        (
            clean(unit.name),
            clean(unit.abbr).upper(),
            clean(unit.place),
            clean(unit.parent_body),
            clean(unit.short_name),
            unit.kind,
            unit.level,
            _lines(unit.channels),
        ),
    )
    for i, d in enumerate(unit.departments):
        d.id = upsert(conn, "departments", d.id, name=clean(d.name), abbr=clean(d.abbr), position=i)
    for i, s in enumerate(unit.signers):
        s.id = upsert(
            conn,
            "signers",
            s.id,
            authority=clean(s.authority).upper(),
            position=clean(s.position).upper(),
            full_name=clean(s.full_name),
            sort=i,
        )
    conn.execute("DELETE FROM unit_recipients")
    conn.executemany(
        "INSERT INTO unit_recipients (text, position) VALUES (?, ?)",
        [(clean(r), i) for i, r in enumerate(unit.recipients)],
    )
    unit.id = 1


def update_profile(
    conn: sqlite3.Connection, name: str, abbr: str, place: str, parent_body: str, short_name: str | None = None
) -> None:
    """The unit's name, abbreviation (upper case), place, parent body and (when given) short form;
    departments and signers unchanged."""
    conn.execute(
        "UPDATE unit SET name=?, abbr=?, place=?, parent_body=? WHERE id=1",
        (clean(name), clean(abbr).upper(), clean(place), clean(parent_body)),
    )
    if short_name is not None:
        conn.execute("UPDATE unit SET short_name=? WHERE id=1", (clean(short_name),))


def update_kind(conn: sqlite3.Connection, kind: str, level: str) -> None:
    """The unit's kind and level (codes of domain/duties.UNIT_KINDS, UNIT_LEVELS; empty: read from its name)."""
    conn.execute("UPDATE unit SET kind=?, level=? WHERE id=1", (kind, level))


def _lines(lines: list[str]) -> str:
    return "\n".join(c for c in (clean(x) for x in lines) if c)


def update_channels(conn: sqlite3.Connection, channels: list[str]) -> None:
    """The unit's own channels (website, fanpage, bảng tin, loa nội bộ …), one a line; blank lines dropped."""
    conn.execute("UPDATE unit SET channels=? WHERE id=1", (_lines(channels),))


def upsert(conn: sqlite3.Connection, table: str, row_id: int | None, **cols) -> int:
    names = list(cols)
    if row_id is None:
        cur = conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})", list(cols.values())
        )
        return inserted_id(cur)
    conn.execute(f"UPDATE {table} SET {', '.join(n + '=?' for n in names)} WHERE id=?", [*cols.values(), row_id])
    return row_id


def load_unit(conn: sqlite3.Connection) -> Unit:
    row = conn.execute("SELECT * FROM unit WHERE id = 1").fetchone()
    if row is None:
        raise UserError("Cơ sở dữ liệu chưa có thông tin đơn vị; hãy nhập thông tin đơn vị trước.")
    unit = Unit(
        name=row["name"],
        abbr=row["abbr"],
        place=row["place"],
        parent_body=row["parent_body"],
        short_name=row["short_name"],
        kind=row["kind"],
        level=row["level"],
        channels=[c for c in row["channels"].split("\n") if c],
        id=1,
    )
    unit.departments = [
        Department(r["name"], r["abbr"], r["id"])
        for r in conn.execute("SELECT * FROM departments ORDER BY position, id")
    ]
    unit.signers = [
        Signer(r["authority"], r["full_name"], r["position"], r["id"])
        for r in conn.execute("SELECT * FROM signers ORDER BY sort, id")
    ]
    unit.recipients = [r["text"] for r in conn.execute("SELECT text FROM unit_recipients ORDER BY position")]
    return unit


def add_department(conn: sqlite3.Connection, name: str, abbr: str) -> Department:
    pos = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM departments").fetchone()[0]
    d = Department(clean(name), clean(abbr))
    d.id = upsert(conn, "departments", None, name=d.name, abbr=d.abbr, position=pos)
    return d


def update_department(conn: sqlite3.Connection, d: Department) -> None:
    conn.execute("UPDATE departments SET name=?, abbr=? WHERE id=?", (clean(d.name), clean(d.abbr), d.id))


def delete_department(conn: sqlite3.Connection, dept_id: int) -> int:
    """Delete a department; returns how many activities it had (they keep no department)."""
    n = conn.execute("SELECT COUNT(*) FROM activities WHERE dept_id = ?", (dept_id,)).fetchone()[0]
    conn.execute("DELETE FROM departments WHERE id = ?", (dept_id,))
    return n


def add_signer(conn: sqlite3.Connection, s: Signer) -> Signer:
    sort = conn.execute("SELECT COALESCE(MAX(sort), -1) + 1 FROM signers").fetchone()[0]
    s.id = upsert(
        conn,
        "signers",
        None,
        authority=clean(s.authority).upper(),
        position=clean(s.position).upper(),
        full_name=clean(s.full_name),
        sort=sort,
    )
    return s


def update_signer(conn: sqlite3.Connection, s: Signer) -> None:
    conn.execute(
        "UPDATE signers SET authority=?, position=?, full_name=? WHERE id=?",
        (clean(s.authority).upper(), clean(s.position).upper(), clean(s.full_name), s.id),
    )


def delete_signer(conn: sqlite3.Connection, signer_id: int) -> None:
    conn.execute("DELETE FROM signers WHERE id = ?", (signer_id,))


def set_recipients(conn: sqlite3.Connection, recipients: list[str]) -> None:
    conn.execute("DELETE FROM unit_recipients")
    conn.executemany(
        "INSERT INTO unit_recipients (text, position) VALUES (?, ?)",
        [(clean(r), i) for i, r in enumerate(x for x in recipients if clean(x))],
    )
