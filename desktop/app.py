"""Operations shared by the command line and the window: load, compile, render."""
from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from .domain.errors import UserError
from .domain.models import PartialDate
from .domain.report import Compiled, Section, apply_edits, compile_report, default_report, drafts
from .store import activities, plans, reports, units


def resolve_plan_id(conn: sqlite3.Connection, plan_id: int | None) -> int:
    return plans.latest_plan_id(conn) if plan_id is None else plan_id


def write_plan(conn: sqlite3.Connection, out: str | Path, plan_id: int | None = None, pdf: bool = False,
               template: Path | None = None) -> list[Path]:
    from .docgen.pdf import to_pdf
    from .docgen.render import render_plan  # docx/docxtpl/Jinja load on first use, not at start-up

    plan = plans.load_plan(conn, resolve_plan_id(conn, plan_id))
    unit = units.load_unit(conn)
    written = [render_plan(plan, unit, out, template)]
    if pdf:
        written.append(to_pdf(out))
    return written


def compile_for(conn: sqlite3.Connection, plan_id: int | None, start: date | None = None,
                end: date | None = None):
    """The plan, unit, report record (stored or default), compiled figures and sections."""
    plan = plans.load_plan(conn, resolve_plan_id(conn, plan_id))
    unit = units.load_unit(conn)
    p_start, p_end = plans.plan_period(plan)
    start, end = start or p_start, end or p_end
    if start > end:
        raise UserError(f"Kỳ báo cáo không hợp lệ: ngày bắt đầu {start:%d/%m/%Y} sau ngày kết thúc {end:%d/%m/%Y}.")
    report = reports.latest_report(conn, plan.id)
    if report is None:
        today = date.today()
        report = default_report(plan, start, end)
        report.doc_date = PartialDate(today.year, today.month)
    report.period_start, report.period_end = start, end
    compiled: Compiled = compile_report(plan, unit, activities.load_activities(conn, start, end), start, end)
    sections: list[Section] = apply_edits(drafts(plan, unit, compiled), report.texts)
    return plan, unit, report, compiled, sections


def write_report(conn: sqlite3.Connection, out: str | Path, plan_id: int | None = None,
                 start: date | None = None, end: date | None = None, pdf: bool = False,
                 template: Path | None = None) -> list[Path]:
    from .docgen.pdf import to_pdf
    from .docgen.render import render_report

    plan, unit, report, compiled, sections = compile_for(conn, plan_id, start, end)
    written = [render_report(plan, unit, report, sections, compiled, out, template)]
    if pdf:
        written.append(to_pdf(out))
    return written


# ------------------------------------------------------------------ Excel exchange

def excel_lookup(conn: sqlite3.Connection, plan_id: int | None = None):
    """What workbook values are matched against: the unit's departments and the plan's tasks."""
    from .excel.lookup import Lookup

    unit = units.load_unit(conn)
    try:
        plan = plans.load_plan(conn, resolve_plan_id(conn, plan_id))
    except UserError:
        plan = None
    return Lookup.build(unit, plan), plan


def write_xlsx_template(conn: sqlite3.Connection, out: str | Path, plan_id: int | None = None) -> Path:
    from .excel.template import write_template

    lookup, plan = excel_lookup(conn, plan_id)
    return write_template(Path(out), lookup, plan.title if plan else "")


def _task_names(conn: sqlite3.Connection) -> tuple[dict[int, str], dict[int, str]]:
    from .domain.plan_text import task_labels

    labels: dict[int, str] = {}
    texts: dict[int, str] = {}
    for pid, _, _ in plans.list_plans(conn):
        plan = plans.load_plan(conn, pid)
        labels.update(task_labels(plan))
        texts.update({t.id: t.text for t in plan.tasks()})
    return labels, texts


def write_xlsx_export(conn: sqlite3.Connection, out: str | Path, acts=None, progress=None) -> Path:
    from .excel.export import write_export

    lookup, _ = excel_lookup(conn)
    unit = units.load_unit(conn)
    labels, texts = _task_names(conn)
    acts = activities.load_activities(conn) if acts is None else acts
    return write_export(Path(out), acts, lookup, labels, texts, {d.id: d.name for d in unit.departments}, progress)


def existing_keys(conn: sqlite3.Connection) -> set[tuple]:
    from .excel.reader import activity_key

    return {activity_key(*r) for r in conn.execute(
        "SELECT start_date, source_unit, dept_id, source_dept, title FROM activities")}


def read_imports(conn: sqlite3.Connection, paths, progress=None):
    """Dry run over several workbooks: what each would add, skip and reject (nothing written).
    Rows of an earlier file count as present for a later one."""
    from .excel.reader import dedupe_key, read_workbook

    lookup, _ = excel_lookup(conn)
    seen = existing_keys(conn)
    results = []
    for p in paths:
        res = read_workbook(Path(p), lookup, seen, progress)
        results.append(res)
        if res.ok:
            seen |= {dedupe_key(a) for a in res.to_add}
    return results


def commit_import(conn: sqlite3.Connection, result) -> int:
    """Writes one file's rows in one transaction, only when the file has no rejected row."""
    from .store import db

    if result.rejected:
        return 0
    with db.transaction(conn):
        activities.insert_activities(conn, result.to_add)
    return len(result.to_add)
