"""Excel exchange: the department workbook, imports (dry run, then one transaction a file), export."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from ..domain.errors import UserError
from ..store import activities, plans, units
from .documents import resolve_plan_id
from .forms import load_forms


def excel_lookup(conn: sqlite3.Connection, plan_id: int | None = None):
    """What workbook values are matched against: the unit's departments and the plan's tasks."""
    from ..excel.lookup import Lookup

    unit = units.load_unit(conn)
    if plan_id is not None:  # a plan asked for by its id must exist
        plan = plans.load_plan(conn, plan_id)
    else:
        try:
            plan = plans.load_plan(conn, resolve_plan_id(conn, None))
        except UserError:  # no plan yet: activities without a task
            plan = None
    return Lookup.build(unit, plan, load_forms(conn)), plan  # the unit's forms: dropdown, matching, labels


def write_xlsx_template(conn: sqlite3.Connection, out: str | Path, plan_id: int | None = None) -> Path:
    from ..excel.template import write_template

    lookup, plan = excel_lookup(conn, plan_id)
    return write_template(Path(out), lookup, plan.title if plan else "")


def _task_names(conn: sqlite3.Connection) -> tuple[dict[int, str], dict[int, str]]:
    from ..domain.plan_text import task_labels

    labels: dict[int, str] = {}
    texts: dict[int, str] = {}
    for pid, _, _ in plans.list_plans(conn):
        plan = plans.load_plan(conn, pid)
        labels.update(task_labels(plan))
        texts.update({t.id: t.text for t in plan.tasks() if t.id is not None})  # all: a stored plan
    return labels, texts


def task_names(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Task id -> (its number in its plan, its text), for every plan's tasks."""
    labels, texts = _task_names(conn)
    return {tid: (labels.get(tid, ""), text) for tid, text in texts.items()}


def write_xlsx_export(
    conn: sqlite3.Connection, out: str | Path, acts=None, progress=None, plan_id: int | None = None
) -> Path:
    """The given activities (the ledger's filter), else those of `plan_id`, else every activity."""
    from ..excel.export import write_export

    lookup, _ = excel_lookup(conn, plan_id)
    unit = units.load_unit(conn)
    labels, texts = _task_names(conn)
    acts = activities.load_activities(conn, plan_id=plan_id) if acts is None else acts
    depts = {d.id: d.name for d in unit.departments if d.id is not None}  # all: a stored unit
    return write_export(Path(out), acts, lookup, labels, texts, depts, progress)


def existing_keys(conn: sqlite3.Connection) -> set[tuple]:
    from ..excel.reader import activity_key

    return {activity_key(*r) for r in activities.key_fields(conn)}


def read_imports(conn: sqlite3.Connection, paths, progress=None, plan_id: int | None = None):
    """Dry run over several workbooks for one plan (default: the latest): what each would add, skip
    and reject (nothing written). Tasks are matched among that plan's, and every row to add serves
    it. Rows of an earlier file count as present for a later one."""
    from ..excel.reader import dedupe_key, read_workbook

    lookup, plan = excel_lookup(conn, plan_id)
    seen = existing_keys(conn)
    results = []
    for p in paths:
        res = read_workbook(Path(p), lookup, seen, progress)
        for a in res.to_add:
            a.plan_id = plan.id if plan else None
        results.append(res)
        if res.ok:
            seen |= {dedupe_key(a) for a in res.to_add}
    return results


def commit_import(conn: sqlite3.Connection, result, valid_only: bool = False) -> int:
    """Writes one file's rows in one transaction, only when the file has no rejected row; with `valid_only`
    its valid rows even when others were rejected (those go back to the department: write_rejected), less
    any the ledger has by now (the same row in an earlier file of this import)."""
    from ..excel.reader import dedupe_key
    from ..store import db

    if result.rejected and not valid_only:
        return 0
    rows = result.to_add
    if valid_only:  # an earlier file's valid rows were not counted as present when this one was read
        have = existing_keys(conn)
        rows = [a for a in rows if dedupe_key(a) not in have]
    with db.transaction(conn):
        activities.insert_activities(conn, rows)
    return len(rows)


def check_rejected_target(out: str | Path, sources, db_path: str | Path | None = None) -> None:
    """UserError when the workbook of rejected rows would be written over the data or over a file being read."""
    from ..files import one_line, refuse_data_target, same_file

    refuse_data_target(out, db_path)
    for p in sources:
        if same_file(Path(out), Path(p)):
            raise UserError(
                f"{one_line(Path(out).name)} là tệp đang nhập: hãy lưu các dòng bị từ chối vào một tệp khác; "
                "chưa nhập và chưa ghi gì."
            )


def write_rejected(results, out: str | Path, db_path: str | Path | None = None) -> Path:
    """The rejected rows of every file, with their reason, as a workbook to send back to the departments (the
    entry template's columns + “Lý do”). Never over one of the files read, nor over the data."""
    from ..excel.rejected import write_rejected as write

    check_rejected_target(out, [r.path for r in results], db_path)
    rows = []
    for r in results:
        sheets: dict[str, int] = {}
        for x in r.rejected:
            sheets.setdefault(x.sheet, len(sheets))
        rows += [(r.path.name, x) for x in sorted(r.rejected, key=lambda x: (sheets[x.sheet], x.row))]
    return write(Path(out), rows)


def _rows_in(paths) -> int:
    """Rows in the workbooks' visible sheets, as the files declare them (for a progress bar; 0 when unknown)."""
    from openpyxl import load_workbook

    total = 0
    for p in paths:
        try:
            wb = load_workbook(Path(p), read_only=True)
        except Exception:  # noqa: BLE001 — the read itself says what is wrong with the file
            continue
        try:
            total += sum(ws.max_row or 0 for ws in wb.worksheets if getattr(ws, "sheet_state", "visible") == "visible")
        finally:
            wb.close()
    return total


def read_imports_rows(conn: sqlite3.Connection, paths, progress=None, plan_id: int | None = None):
    """read_imports for the window's preview: the same results, each with `present`, the rows skipped because
    the ledger (or an earlier file) already has them, to list. progress(rows read, rows in the files) after
    each batch; it may raise (UserError) to stop the read — nothing is ever written here."""
    from ..excel.reader import dedupe_key, read_workbook

    lookup, plan = excel_lookup(conn, plan_id)
    seen = existing_keys(conn)
    total = _rows_in(paths) if progress else 0
    done = 0
    results = []
    for p in paths:

        def each(n: int, base: int = done) -> None:
            progress(base + n, max(total, base + n))

        res = read_workbook(Path(p), lookup, set(), each if progress else None)
        done += res.rows_read
        present = [a for a in res.to_add if dedupe_key(a) in seen]
        res.to_add = [a for a in res.to_add if dedupe_key(a) not in seen]
        res.duplicates += len(present)
        res.present = present
        for a in res.to_add:
            a.plan_id = plan.id if plan else None
        results.append(res)
        if res.ok:
            seen |= {dedupe_key(a) for a in res.to_add}
    return results
