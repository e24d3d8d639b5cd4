"""The unit profile: name, departments, signers, default recipients."""
from __future__ import annotations

import sqlite3

from ..domain.errors import UserError
from ..domain.models import Department, Signer, Unit
from ..domain.text import clean


def save_unit(conn: sqlite3.Connection, unit: Unit) -> None:
    """Insert or replace the profile; departments and signers keep their ids when given."""
    conn.execute(
        "INSERT INTO unit (id, name, abbr, place, parent_body) VALUES (1, ?, ?, ?, ?) "
        "ON CONFLICT(id) DO UPDATE SET name=excluded.name, abbr=excluded.abbr, "
        "place=excluded.place, parent_body=excluded.parent_body",
        (clean(unit.name), clean(unit.abbr).upper(), clean(unit.place), clean(unit.parent_body)),
    )
    for i, d in enumerate(unit.departments):
        d.id = upsert(conn, "departments", d.id, name=clean(d.name), abbr=clean(d.abbr), position=i)
    for i, s in enumerate(unit.signers):
        s.id = upsert(conn, "signers", s.id, authority=clean(s.authority).upper(),
                      position=clean(s.position).upper(), full_name=clean(s.full_name), sort=i)
    conn.execute("DELETE FROM unit_recipients")
    conn.executemany("INSERT INTO unit_recipients (text, position) VALUES (?, ?)",
                     [(clean(r), i) for i, r in enumerate(unit.recipients)])
    unit.id = 1


def upsert(conn: sqlite3.Connection, table: str, row_id: int | None, **cols) -> int:
    names = list(cols)
    if row_id is None:
        cur = conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            list(cols.values()))
        return cur.lastrowid
    conn.execute(f"UPDATE {table} SET {', '.join(n + '=?' for n in names)} WHERE id=?",
                 [*cols.values(), row_id])
    return row_id


def load_unit(conn: sqlite3.Connection) -> Unit:
    row = conn.execute("SELECT * FROM unit WHERE id = 1").fetchone()
    if row is None:
        raise UserError("Cơ sở dữ liệu chưa có thông tin đơn vị; hãy nhập thông tin đơn vị trước.")
    unit = Unit(name=row["name"], abbr=row["abbr"], place=row["place"],
                parent_body=row["parent_body"], id=1)
    unit.departments = [Department(r["name"], r["abbr"], r["id"]) for r in conn.execute(
        "SELECT * FROM departments ORDER BY position, id")]
    unit.signers = [Signer(r["authority"], r["full_name"], r["position"], r["id"]) for r in conn.execute(
        "SELECT * FROM signers ORDER BY sort, id")]
    unit.recipients = [r[0] for r in conn.execute("SELECT text FROM unit_recipients ORDER BY position")]
    return unit
