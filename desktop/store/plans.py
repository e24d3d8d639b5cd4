"""Plans: header fields, legal basis, recipients and the item tree with tasks and targets."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.errors import UserError
from ..domain.models import PartialDate, Plan, PlanItem, Target
from ..domain.text import clean
from .dates import from_iso, to_iso
from .db import inserted_id
from .refs import load_ref, load_superior


def insert_plan(conn: sqlite3.Connection, plan: Plan) -> int:
    cur = conn.execute(
        "INSERT INTO plans (title, number, doc_year, doc_month, doc_day, superior_id, intro, "
        "lead_sentence, closing, period_start, period_end, signer_id, archive_dept_id, copied_from, cutoff) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            clean(plan.title),
            plan.number,
            plan.doc_date.year,
            plan.doc_date.month,
            plan.doc_date.day,
            plan.superior.id if plan.superior else None,
            clean(plan.intro),
            clean(plan.lead_sentence),
            clean(plan.closing),
            to_iso(plan.period_start),
            to_iso(plan.period_end),
            plan.signer_id,
            plan.archive_dept_id,
            plan.copied_from,
            plan.cutoff,
        ),
    )
    plan.id = plan_id = inserted_id(cur)
    conn.executemany(
        "INSERT INTO plan_basis (plan_id, ref_id, position) VALUES (?, ?, ?)",
        [(plan_id, r.id, i) for i, r in enumerate(plan.basis)],
    )
    conn.executemany(
        "INSERT INTO plan_recipients (plan_id, position, text) VALUES (?, ?, ?)",
        [(plan_id, i, clean(t)) for i, t in enumerate(plan.recipients)],
    )
    _insert_items(conn, plan_id, None, plan.items)
    return plan_id


def _insert_items(conn, plan_id: int, parent_id: int | None, items: list[PlanItem]) -> None:
    for pos, it in enumerate(items):
        it.id = inserted_id(
            conn.execute(
                "INSERT INTO plan_items (plan_id, parent_id, position, kind, text, is_task, lead_dept_id, "
                "time_frame) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    plan_id,
                    parent_id,
                    pos,
                    it.kind,
                    clean(it.text),
                    int(it.is_task),
                    it.lead_dept_id,
                    clean(it.time_frame),
                ),
            )
        )
        conn.executemany(
            "INSERT INTO item_coord_depts (item_id, dept_id) VALUES (?, ?)",
            [(it.id, d) for d in dict.fromkeys(it.coord_dept_ids)],
        )
        for i, t in enumerate(it.targets):
            t.id = inserted_id(conn.execute(_INSERT_TARGET, _target_row(it.id, t, i)))
        _insert_items(conn, plan_id, it.id, it.children)


_INSERT_TARGET = (
    "INSERT INTO item_targets (item_id, form_code, quantity, unit_label, position, kind, period, target_group, "
    "percent) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _target_row(item_id: int | None, t: Target, position: int) -> tuple:
    return (
        item_id,
        t.form_code,
        t.quantity,
        clean(t.unit_label),
        position,
        t.kind,
        t.period,
        clean(t.group),
        t.percent,
    )


# The year a plan is for: its period's start, else its document's year (a plan for 2027 written in December
# 2026 is a 2027 plan). One expression for every query that lists or picks plans by year.
PLAN_YEAR = "COALESCE(CAST(substr(period_start, 1, 4) AS INTEGER), doc_year)"


def list_plans(conn: sqlite3.Connection) -> list[tuple[int, str, int]]:
    """(id, title, year) of every plan, newest first (the year it is for, see PLAN_YEAR)."""
    return [
        (r["id"], r["title"], r["year"])
        for r in conn.execute(f"SELECT id, title, {PLAN_YEAR} AS year FROM plans ORDER BY year DESC, id DESC")
    ]


def plans_of_year(conn: sqlite3.Connection, year: int) -> list[tuple[int, str, int | None]]:
    """(id, title, copied_from) of the plans for `year` (their period's start, else their document's year)."""
    return [
        (r["id"], r["title"], r["copied_from"])
        for r in conn.execute(
            f"SELECT id, title, copied_from FROM plans WHERE {PLAN_YEAR} = ? ORDER BY id",
            (year,),
        )
    ]


def latest_plan_id(conn: sqlite3.Connection) -> int:
    row = conn.execute(f"SELECT id FROM plans ORDER BY {PLAN_YEAR} DESC, id DESC LIMIT 1").fetchone()
    if row is None:
        raise UserError("Cơ sở dữ liệu chưa có kế hoạch nào.")
    return row["id"]


def load_plan(conn: sqlite3.Connection, plan_id: int) -> Plan:
    row = conn.execute("SELECT * FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise UserError(f"Không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu.")
    plan = Plan(
        title=row["title"],
        number=row["number"],
        doc_date=PartialDate(row["doc_year"], row["doc_month"], row["doc_day"]),
        superior=load_superior(conn, row["superior_id"]) if row["superior_id"] else None,
        intro=row["intro"],
        lead_sentence=row["lead_sentence"],
        closing=row["closing"],
        period_start=from_iso(row["period_start"]),
        period_end=from_iso(row["period_end"]),
        signer_id=row["signer_id"],
        archive_dept_id=row["archive_dept_id"],
        copied_from=row["copied_from"],
        cutoff=row["cutoff"],
        id=row["id"],
    )
    plan.basis = [
        load_ref(conn, r["ref_id"])
        for r in conn.execute("SELECT ref_id FROM plan_basis WHERE plan_id = ? ORDER BY position", (plan_id,))
    ]
    plan.recipients = [
        r["text"]
        for r in conn.execute("SELECT text FROM plan_recipients WHERE plan_id = ? ORDER BY position", (plan_id,))
    ]
    plan.items = _load_items(conn, plan_id)
    return plan


def _load_items(conn, plan_id: int) -> list[PlanItem]:
    rows = conn.execute("SELECT * FROM plan_items WHERE plan_id = ? ORDER BY position, id", (plan_id,)).fetchall()
    coords: dict[int, list[int]] = {}
    for item_id, dept_id in conn.execute(
        "SELECT c.item_id, c.dept_id FROM item_coord_depts c JOIN plan_items i ON i.id = c.item_id WHERE i.plan_id = ?",
        (plan_id,),
    ):
        coords.setdefault(item_id, []).append(dept_id)
    targets: dict[int, list[Target]] = {}
    for r in conn.execute(
        "SELECT t.* FROM item_targets t JOIN plan_items i ON i.id = t.item_id WHERE i.plan_id = ? ORDER BY t.position",
        (plan_id,),
    ):
        targets.setdefault(r["item_id"], []).append(
            Target(
                r["quantity"],
                r["form_code"],
                r["unit_label"],
                kind=r["kind"],
                period=r["period"],
                group=r["target_group"],
                percent=r["percent"],
                id=r["id"],
            )
        )
    items = {
        r["id"]: PlanItem(
            r["kind"],
            r["text"],
            is_task=bool(r["is_task"]),
            lead_dept_id=r["lead_dept_id"],
            coord_dept_ids=coords.get(r["id"], []),
            time_frame=r["time_frame"],
            targets=targets.get(r["id"], []),
            id=r["id"],
        )
        for r in rows
    }
    roots: list[PlanItem] = []
    for r in rows:
        (items[r["parent_id"]].children if r["parent_id"] else roots).append(items[r["id"]])
    return roots


def plan_period(plan: Plan) -> tuple[date, date]:
    start = plan.period_start or date(plan.doc_date.year, 1, 1)
    end = plan.period_end or date(plan.doc_date.year, 12, 31)
    return start, end


_PLAN_FIELDS = {
    "title",
    "number",
    "doc_year",
    "doc_month",
    "doc_day",
    "superior_id",
    "intro",
    "lead_sentence",
    "closing",
    "period_start",
    "period_end",
    "signer_id",
    "archive_dept_id",
    "cutoff",
}
_ITEM_FIELDS = {"kind", "text", "is_task", "lead_dept_id", "time_frame"}


def update_plan(conn: sqlite3.Connection, plan_id: int, **fields) -> None:
    bad = set(fields) - _PLAN_FIELDS
    if bad:
        raise ValueError(f"unknown plan fields {bad}")
    vals = [
        clean(v) if isinstance(v, str) and k not in ("period_start", "period_end") else v for k, v in fields.items()
    ]
    conn.execute(f"UPDATE plans SET {', '.join(k + '=?' for k in fields)} WHERE id=?", (*vals, plan_id))


def delete_plan(conn: sqlite3.Connection, plan_id: int) -> None:
    conn.execute("DELETE FROM plans WHERE id = ?", (plan_id,))


def set_basis(conn: sqlite3.Connection, plan_id: int, ref_ids: list[int]) -> None:
    conn.execute("DELETE FROM plan_basis WHERE plan_id = ?", (plan_id,))
    conn.executemany(
        "INSERT INTO plan_basis (plan_id, ref_id, position) VALUES (?, ?, ?)",
        [(plan_id, r, i) for i, r in enumerate(dict.fromkeys(ref_ids))],
    )


def set_plan_recipients(conn: sqlite3.Connection, plan_id: int, recipients: list[str]) -> None:
    conn.execute("DELETE FROM plan_recipients WHERE plan_id = ?", (plan_id,))
    conn.executemany(
        "INSERT INTO plan_recipients (plan_id, position, text) VALUES (?, ?, ?)",
        [(plan_id, i, clean(t)) for i, t in enumerate(x for x in recipients if clean(x))],
    )


def _siblings(conn, plan_id: int, parent_id: int | None) -> list[int]:
    return [
        r["id"]
        for r in conn.execute(
            "SELECT id FROM plan_items WHERE plan_id = ? AND parent_id IS ? ORDER BY position, id", (plan_id, parent_id)
        )
    ]


def _renumber(conn, ids: list[int]) -> None:
    conn.executemany("UPDATE plan_items SET position = ? WHERE id = ?", [(i, x) for i, x in enumerate(ids)])


def add_item(
    conn: sqlite3.Connection, plan_id: int, parent_id: int | None, index: int | None, kind: str, text: str
) -> int:
    """Insert an item under `parent_id` at `index` (end when None); returns its id."""
    sibs = _siblings(conn, plan_id, parent_id)
    new_id = inserted_id(
        conn.execute(
            "INSERT INTO plan_items (plan_id, parent_id, position, kind, text) VALUES (?, ?, ?, ?, ?)",
            (plan_id, parent_id, len(sibs), kind, clean(text)),
        )
    )
    sibs.insert(len(sibs) if index is None else max(0, min(index, len(sibs))), new_id)
    _renumber(conn, sibs)
    return new_id


def update_item(conn: sqlite3.Connection, item_id: int, **fields) -> None:
    bad = set(fields) - _ITEM_FIELDS
    if bad:
        raise ValueError(f"unknown item fields {bad}")
    vals = [clean(v) if isinstance(v, str) else v for v in fields.values()]
    conn.execute(f"UPDATE plan_items SET {', '.join(k + '=?' for k in fields)} WHERE id=?", (*vals, item_id))


def set_item_details(conn: sqlite3.Connection, item_id: int, coord_dept_ids: list[int], targets: list[Target]) -> None:
    conn.execute("DELETE FROM item_coord_depts WHERE item_id = ?", (item_id,))
    conn.executemany(
        "INSERT INTO item_coord_depts (item_id, dept_id) VALUES (?, ?)",
        [(item_id, d) for d in dict.fromkeys(coord_dept_ids)],
    )
    # a target kept (same id) is updated in place: the results recorded for it stay with it
    existing = {r[0] for r in conn.execute("SELECT id FROM item_targets WHERE item_id = ?", (item_id,))}
    kept = {t.id for t in targets if t.id in existing}
    for gone in existing - kept:
        conn.execute("DELETE FROM item_targets WHERE id = ?", (gone,))
    for i, t in enumerate(targets):
        if t.id in kept:
            conn.execute(
                "UPDATE item_targets SET item_id = ?, form_code = ?, quantity = ?, unit_label = ?, position = ?, "
                "kind = ?, period = ?, target_group = ?, percent = ? WHERE id = ?",
                (*_target_row(item_id, t, i), t.id),
            )
        else:
            t.id = inserted_id(conn.execute(_INSERT_TARGET, _target_row(item_id, t, i)))


def delete_item(conn: sqlite3.Connection, item_id: int) -> None:
    """Delete an item and everything under it; activities that served it keep no task."""
    row = conn.execute("SELECT plan_id, parent_id FROM plan_items WHERE id = ?", (item_id,)).fetchone()
    conn.execute("DELETE FROM plan_items WHERE id = ?", (item_id,))
    if row:
        _renumber(conn, _siblings(conn, row["plan_id"], row["parent_id"]))


def move_item(conn: sqlite3.Connection, item_id: int, parent_id: int | None, index: int) -> None:
    """Put an item under `parent_id` at `index` (moving up/down, indenting, outdenting)."""
    plan_id, old_parent = conn.execute("SELECT plan_id, parent_id FROM plan_items WHERE id = ?", (item_id,)).fetchone()
    anc = parent_id
    while anc is not None:  # never under itself
        if anc == item_id:
            raise UserError("Không thể chuyển một mục vào bên trong chính nó.")
        anc = conn.execute("SELECT parent_id FROM plan_items WHERE id = ?", (anc,)).fetchone()[0]
    old = [x for x in _siblings(conn, plan_id, old_parent) if x != item_id]
    _renumber(conn, old)
    conn.execute("UPDATE plan_items SET parent_id = ? WHERE id = ?", (parent_id, item_id))
    new = [x for x in _siblings(conn, plan_id, parent_id) if x != item_id]
    new.insert(max(0, min(index, len(new))), item_id)
    _renumber(conn, new)
