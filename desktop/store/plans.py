"""Plans: header fields, legal basis, recipients and the item tree with tasks and targets."""
from __future__ import annotations

import sqlite3
from datetime import date

from ..domain.errors import UserError
from ..domain.models import PartialDate, Plan, PlanItem, Target
from ..domain.text import clean
from .refs import _date, _iso, load_ref, load_superior


def insert_plan(conn: sqlite3.Connection, plan: Plan) -> int:
    cur = conn.execute(
        "INSERT INTO plans (title, number, doc_year, doc_month, doc_day, superior_id, intro, "
        "lead_sentence, closing, period_start, period_end, signer_id, archive_dept_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (clean(plan.title), plan.number, plan.doc_date.year, plan.doc_date.month, plan.doc_date.day,
         plan.superior.id if plan.superior else None, clean(plan.intro), clean(plan.lead_sentence),
         clean(plan.closing), _iso(plan.period_start), _iso(plan.period_end), plan.signer_id,
         plan.archive_dept_id))
    plan.id = cur.lastrowid
    conn.executemany("INSERT INTO plan_basis (plan_id, ref_id, position) VALUES (?, ?, ?)",
                     [(plan.id, r.id, i) for i, r in enumerate(plan.basis)])
    conn.executemany("INSERT INTO plan_recipients (plan_id, position, text) VALUES (?, ?, ?)",
                     [(plan.id, i, clean(t)) for i, t in enumerate(plan.recipients)])
    _insert_items(conn, plan.id, None, plan.items)
    return plan.id


def _insert_items(conn, plan_id: int, parent_id: int | None, items: list[PlanItem]) -> None:
    for pos, it in enumerate(items):
        it.id = conn.execute(
            "INSERT INTO plan_items (plan_id, parent_id, position, kind, text, is_task, lead_dept_id, "
            "time_frame) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (plan_id, parent_id, pos, it.kind, clean(it.text), int(it.is_task), it.lead_dept_id,
             clean(it.time_frame))).lastrowid
        conn.executemany("INSERT INTO item_coord_depts (item_id, dept_id) VALUES (?, ?)",
                         [(it.id, d) for d in dict.fromkeys(it.coord_dept_ids)])
        conn.executemany(
            "INSERT INTO item_targets (item_id, form_code, quantity, unit_label, position) VALUES (?, ?, ?, ?, ?)",
            [(it.id, t.form_code, t.quantity, clean(t.unit_label), i) for i, t in enumerate(it.targets)])
        _insert_items(conn, plan_id, it.id, it.children)


def list_plans(conn: sqlite3.Connection) -> list[tuple[int, str, int]]:
    """(id, title, year) of every plan, newest first."""
    return [(r["id"], r["title"], r["doc_year"]) for r in conn.execute(
        "SELECT id, title, doc_year FROM plans ORDER BY doc_year DESC, id DESC")]


def latest_plan_id(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT id FROM plans ORDER BY doc_year DESC, id DESC LIMIT 1").fetchone()
    if row is None:
        raise UserError("Cơ sở dữ liệu chưa có kế hoạch nào.")
    return row[0]


def load_plan(conn: sqlite3.Connection, plan_id: int) -> Plan:
    row = conn.execute("SELECT * FROM plans WHERE id = ?", (plan_id,)).fetchone()
    if row is None:
        raise UserError(f"Không có kế hoạch mã số {plan_id} trong cơ sở dữ liệu.")
    plan = Plan(
        title=row["title"], number=row["number"],
        doc_date=PartialDate(row["doc_year"], row["doc_month"], row["doc_day"]),
        superior=load_superior(conn, row["superior_id"]) if row["superior_id"] else None,
        intro=row["intro"], lead_sentence=row["lead_sentence"], closing=row["closing"],
        period_start=_date(row["period_start"]), period_end=_date(row["period_end"]),
        signer_id=row["signer_id"], archive_dept_id=row["archive_dept_id"], id=row["id"])
    plan.basis = [load_ref(conn, r[0]) for r in conn.execute(
        "SELECT ref_id FROM plan_basis WHERE plan_id = ? ORDER BY position", (plan_id,))]
    plan.recipients = [r[0] for r in conn.execute(
        "SELECT text FROM plan_recipients WHERE plan_id = ? ORDER BY position", (plan_id,))]
    plan.items = _load_items(conn, plan_id)
    return plan


def _load_items(conn, plan_id: int) -> list[PlanItem]:
    rows = conn.execute("SELECT * FROM plan_items WHERE plan_id = ? ORDER BY position, id",
                        (plan_id,)).fetchall()
    coords: dict[int, list[int]] = {}
    for item_id, dept_id in conn.execute(
            "SELECT c.item_id, c.dept_id FROM item_coord_depts c JOIN plan_items i ON i.id = c.item_id "
            "WHERE i.plan_id = ?", (plan_id,)):
        coords.setdefault(item_id, []).append(dept_id)
    targets: dict[int, list[Target]] = {}
    for r in conn.execute(
            "SELECT t.* FROM item_targets t JOIN plan_items i ON i.id = t.item_id WHERE i.plan_id = ? "
            "ORDER BY t.position", (plan_id,)):
        targets.setdefault(r["item_id"], []).append(Target(r["quantity"], r["form_code"], r["unit_label"]))
    items = {r["id"]: PlanItem(r["kind"], r["text"], is_task=bool(r["is_task"]), lead_dept_id=r["lead_dept_id"],
                               coord_dept_ids=coords.get(r["id"], []), time_frame=r["time_frame"],
                               targets=targets.get(r["id"], []), id=r["id"]) for r in rows}
    roots = []
    for r in rows:
        (items[r["parent_id"]].children if r["parent_id"] else roots).append(items[r["id"]])
    return roots


def plan_period(plan: Plan) -> tuple[date, date]:
    start = plan.period_start or date(plan.doc_date.year, 1, 1)
    end = plan.period_end or date(plan.doc_date.year, 12, 31)
    return start, end
