"""The activity ledger."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.models import Activity
from ..domain.text import clean
from .dates import from_iso

_COLS = (
    "start_date",
    "end_date",
    "dept_id",
    "task_id",
    "form_code",
    "title",
    "quantity",
    "unit_label",
    "participants",
    "cost",
    "evidence",
    "notes",
    "source_unit",
    "source_dept",
    "plan_id",
    "plan_guessed",
)


def _row(a: Activity) -> tuple:
    return (
        a.start.isoformat(),
        a.end.isoformat() if a.end else None,
        a.dept_id,
        a.task_id,
        a.form_code,
        clean(a.title),
        a.quantity,
        clean(a.unit_label),
        a.participants,
        a.cost,
        clean(a.evidence),
        clean(a.notes, multiline=True),
        clean(a.source_unit),
        clean(a.source_dept),
        a.plan_id,
        int(a.plan_guessed),
    )


def insert_activities(conn: sqlite3.Connection, acts: list[Activity]) -> None:
    sql = (
        f"INSERT INTO activities ({', '.join(_COLS)}, created_at, updated_at) "
        f"VALUES ({', '.join('?' * len(_COLS))}, datetime('now'), datetime('now'))"
    )
    if len(acts) == 1:
        acts[0].id = conn.execute(sql, _row(acts[0])).lastrowid
        return
    conn.executemany(sql, [_row(a) for a in acts])


def load_activities(
    conn: sqlite3.Connection, start: date | None = None, end: date | None = None, plan_id: int | None = None
) -> list[Activity]:
    """Activities in date order, of one plan when `plan_id` is given (else of every plan), within
    [start, end] when both are given."""
    sql = f"SELECT id, {', '.join(_COLS)} FROM activities"
    where, args = [], []
    if start and end:
        where.append("start_date BETWEEN ? AND ?")
        args += [start.isoformat(), end.isoformat()]
    if plan_id is not None:
        where.append("plan_id = ?")
        args.append(plan_id)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY start_date, id"
    return [
        Activity(
            start=date.fromisoformat(r[1]),
            end=from_iso(r[2]),
            dept_id=r[3],
            task_id=r[4],
            form_code=r[5],
            title=r[6],
            quantity=r[7],
            unit_label=r[8],
            participants=r[9],
            cost=r[10],
            evidence=r[11],
            notes=r[12],
            source_unit=r[13],
            source_dept=r[14],
            plan_id=r[15],
            plan_guessed=bool(r[16]),
            id=r[0],
        )
        for r in conn.execute(sql, args)
    ]


def count_activities(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM activities").fetchone()[0]


def count_for_department(conn: sqlite3.Connection, dept_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM activities WHERE dept_id = ?", (dept_id,)).fetchone()[0]


def count_for_task(conn: sqlite3.Connection, task_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM activities WHERE task_id = ?", (task_id,)).fetchone()[0]


def count_for_plan(conn: sqlite3.Connection, plan_id: int) -> int:
    """Activities serving the plan (under one of its tasks or the plan itself)."""
    return conn.execute("SELECT COUNT(*) FROM activities WHERE plan_id = ?", (plan_id,)).fetchone()[0]


def guessed_for_plan(conn: sqlite3.Connection, plan_id: int) -> int:
    """The plan's activities that the upgrade assigned to it without a task, for the clerk to check."""
    return conn.execute(
        "SELECT COUNT(*) FROM activities WHERE plan_id = ? AND plan_guessed = 1", (plan_id,)
    ).fetchone()[0]


def update_activity(conn: sqlite3.Connection, a: Activity) -> None:
    conn.execute(
        f"UPDATE activities SET {', '.join(c + '=?' for c in _COLS)}, updated_at=datetime('now') WHERE id=?",
        (*_row(a), a.id),
    )


def restore_activities(conn: sqlite3.Connection, acts: list[Activity]) -> None:
    """Insert activities with their former ids (undo of a delete)."""
    conn.executemany(
        f"INSERT INTO activities (id, {', '.join(_COLS)}, created_at, updated_at) "
        f"VALUES (?, {', '.join('?' * len(_COLS))}, datetime('now'), datetime('now'))",
        [(a.id, *_row(a)) for a in acts],
    )


def delete_activities(conn: sqlite3.Connection, ids: list[int]) -> None:
    conn.executemany("DELETE FROM activities WHERE id = ?", [(i,) for i in ids])


def key_fields(conn: sqlite3.Connection) -> list[tuple]:
    """(start date, source unit, department id, source department, title) of every activity: what
    an import compares a workbook row with to skip what is already present."""
    return conn.execute("SELECT start_date, source_unit, dept_id, source_dept, title FROM activities").fetchall()


def ids_for_tasks(conn: sqlite3.Connection, task_ids: list[int]) -> dict[int, list[int]]:
    """The activities recorded under each of these tasks: {task id: [activity ids]}."""
    out: dict[int, list[int]] = {}
    for tid in task_ids:
        ids = [r[0] for r in conn.execute("SELECT id FROM activities WHERE task_id = ? ORDER BY id", (tid,))]
        if ids:
            out[tid] = ids
    return out


def set_task(conn: sqlite3.Connection, ids: list[int], task_id: int | None) -> None:
    """Put activities back under a task (undo of deleting it); their plan follows the task (trigger)."""
    conn.executemany("UPDATE activities SET task_id = ? WHERE id = ?", [(task_id, i) for i in ids])
