"""The activity ledger."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.models import Activity
from ..domain.target_kinds import PEOPLE_GROUPS
from ..domain.text import clean
from .dates import from_iso
from .db import inserted_id

# people reached by group (domain.target_kinds.PEOPLE_GROUPS) -> the column that holds them (migration 0010)
REACH_COLUMNS = dict(zip(PEOPLE_GROUPS, ("reach_patients", "reach_relatives", "reach_staff", "reach_community")))


def _row(a: Activity) -> dict[str, object]:
    """The activity as the named columns of its row (the one list of columns: SQL is built from its keys)."""
    return {
        "start_date": a.start.isoformat(),
        "end_date": a.end.isoformat() if a.end else None,
        "dept_id": a.dept_id,
        "task_id": a.task_id,
        "form_code": a.form_code,
        "title": clean(a.title),
        "quantity": a.quantity,
        "unit_label": clean(a.unit_label),
        "participants": a.participants,
        "cost": a.cost,
        "evidence": clean(a.evidence),
        "notes": clean(a.notes, multiline=True),
        "source_unit": clean(a.source_unit),
        "source_dept": clean(a.source_dept),
        "plan_id": a.plan_id,
        "plan_guessed": int(a.plan_guessed),
        **{col: a.reach.get(group) for group, col in REACH_COLUMNS.items()},
    }


_COLS = tuple(_row(Activity(start=date(2000, 1, 1), dept_id=None, form_code="", title="")))


def _activity(r: sqlite3.Row) -> Activity:
    return Activity(
        start=date.fromisoformat(r["start_date"]),
        end=from_iso(r["end_date"]),
        dept_id=r["dept_id"],
        task_id=r["task_id"],
        form_code=r["form_code"],
        title=r["title"],
        quantity=r["quantity"],
        unit_label=r["unit_label"],
        participants=r["participants"],
        cost=r["cost"],
        evidence=r["evidence"],
        notes=r["notes"],
        source_unit=r["source_unit"],
        source_dept=r["source_dept"],
        plan_id=r["plan_id"],
        plan_guessed=bool(r["plan_guessed"]),
        reach={group: r[col] for group, col in REACH_COLUMNS.items() if r[col] is not None},
        id=r["id"],
    )


def insert_activities(conn: sqlite3.Connection, acts: list[Activity]) -> None:
    sql = (
        f"INSERT INTO activities ({', '.join(_COLS)}, created_at, updated_at) "
        f"VALUES ({', '.join(':' + c for c in _COLS)}, datetime('now'), datetime('now'))"
    )
    if len(acts) == 1:
        acts[0].id = inserted_id(conn.execute(sql, _row(acts[0])))
        return
    conn.executemany(sql, [_row(a) for a in acts])


def load_activities(
    conn: sqlite3.Connection, start: date | None = None, end: date | None = None, plan_id: int | None = None
) -> list[Activity]:
    """Activities in date order, of one plan when `plan_id` is given (else of every plan), within
    [start, end] when both are given."""
    sql = f"SELECT id, {', '.join(_COLS)} FROM activities"
    where: list[str] = []
    args: list[object] = []
    if start and end:
        where.append("start_date BETWEEN ? AND ?")
        args += [start.isoformat(), end.isoformat()]
    if plan_id is not None:
        where.append("plan_id = ?")
        args.append(plan_id)
    if where:
        sql += " WHERE " + " AND ".join(where)
    sql += " ORDER BY start_date, id"
    return [_activity(r) for r in conn.execute(sql, args)]


def activities_by_id(conn: sqlite3.Connection, ids: list[int]) -> list[Activity]:
    """The activities of these ids as stored, in the order of `ids` (missing ones left out)."""
    found: dict[int, Activity] = {}
    for i in range(0, len(ids), 500):  # SQLite's limit on bound parameters
        chunk = ids[i : i + 500]
        sql = f"SELECT id, {', '.join(_COLS)} FROM activities WHERE id IN ({', '.join('?' * len(chunk))})"
        found.update((r["id"], _activity(r)) for r in conn.execute(sql, chunk))
    return [found[i] for i in ids if i in found]


def task_plans(conn: sqlite3.Connection, task_ids: list[int]) -> dict[int, int]:
    """{task id: the plan it belongs to} for these plan items."""
    out: dict[int, int] = {}
    for tid in set(task_ids):
        r = conn.execute("SELECT plan_id FROM plan_items WHERE id = ?", (tid,)).fetchone()
        if r is not None:
            out[tid] = r["plan_id"]
    return out


def count_activities(conn: sqlite3.Connection) -> int:
    return conn.execute("SELECT COUNT(*) FROM activities").fetchone()[0]


def count_for_department(conn: sqlite3.Connection, dept_id: int) -> int:
    return conn.execute("SELECT COUNT(*) FROM activities WHERE dept_id = ?", (dept_id,)).fetchone()[0]


def count_for_form(conn: sqlite3.Connection, form_code: str) -> int:
    return conn.execute("SELECT COUNT(*) FROM activities WHERE form_code = ?", (form_code,)).fetchone()[0]


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
        f"UPDATE activities SET {', '.join(f'{c} = :{c}' for c in _COLS)}, updated_at = datetime('now') WHERE id = :id",
        {**_row(a), "id": a.id},
    )


def restore_activities(conn: sqlite3.Connection, acts: list[Activity]) -> None:
    """Insert activities with their former ids (undo of a delete)."""
    conn.executemany(
        f"INSERT INTO activities (id, {', '.join(_COLS)}, created_at, updated_at) "
        f"VALUES (:id, {', '.join(':' + c for c in _COLS)}, datetime('now'), datetime('now'))",
        [{**_row(a), "id": a.id} for a in acts],
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
        ids = [r["id"] for r in conn.execute("SELECT id FROM activities WHERE task_id = ? ORDER BY id", (tid,))]
        if ids:
            out[tid] = ids
    return out


def set_task(conn: sqlite3.Connection, ids: list[int], task_id: int | None) -> None:
    """Put activities back under a task (undo of deleting it); their plan follows the task (trigger)."""
    conn.executemany("UPDATE activities SET task_id = ? WHERE id = ?", [(task_id, i) for i in ids])
