"""The values a template is rendered with, built from the domain objects: the records declared
once in template_check/fields.py (PlanFields, ReportFields), which the template checker reads too."""

from __future__ import annotations

from ..domain.forms import DEFAULTS, Forms
from ..domain.models import Plan, Report, Signer, Unit
from ..domain.plan_text import plan_blocks, recipient_lines
from ..domain.report import (
    Compiled,
    Section,
    appendix_parts,
    appendix_rows,
    appendix_totals,
    report_blocks,
    report_recipients,
    report_title,
)
from ..domain.text import clean
from ..domain.vnformat import doc_number, number_line, place_date, written_date
from .template_check.fields import AppendixRow, AppendixTable, PlanFields, ReportFields, as_context

NO_ACTIVITY = "Không có hoạt động trong kỳ báo cáo"  # the heading of an empty appendix's one table


def _signer(unit: Unit, signer_id: int | None) -> Signer:
    s = unit.signer(signer_id) or (unit.signers[0] if unit.signers else Signer("THỦ TRƯỞNG ĐƠN VỊ", ""))
    return s


def header(unit: Unit, doc_type: str, num: int | None, doc_date) -> dict:
    return {
        "parent_body": clean(unit.parent_body).upper(),
        "issuer": clean(unit.name).upper(),
        "number_line": number_line(num, doc_type, unit.abbr),
        "place_date": place_date(clean(unit.place), doc_date),
    }


def closing(unit: Unit, recipients: list[str], signer_id: int | None, archive_dept_id: int | None) -> dict:
    signer = _signer(unit, signer_id)
    dept = unit.department(archive_dept_id)
    return {
        "recipients": recipient_lines(recipients, dept.abbr if dept else ""),
        "signer_lines": [clean(x).upper() for x in signer.lines],
        "signer_name": clean(signer.full_name),
    }


def plan_context(plan: Plan, unit: Unit, forms: Forms = DEFAULTS) -> dict:
    """`forms`: the unit's catalogue of forms (the targets' units in the tasks' lines)."""
    ctx = header(unit, "KH", plan.number, plan.doc_date)
    ctx["title"] = clean(plan.title)
    ctx["blocks"] = plan_blocks(plan, unit, forms)
    ctx.update(closing(unit, plan.recipients or unit.recipients, plan.signer_id, plan.archive_dept_id))
    return as_context(PlanFields(**ctx))


def report_context(plan: Plan, unit: Unit, report: Report, sections: list[Section], compiled: Compiled) -> dict:
    ctx = header(unit, "BC", report.number, report.doc_date)
    ctx["title"] = report_title(plan, unit, compiled)
    ctx["addressee"] = clean(report.addressee)
    ctx["blocks"] = report_blocks(sections)
    ctx.update(
        closing(
            unit,
            report.recipients or report_recipients(report.addressee, unit.recipients),
            report.signer_id or plan.signer_id,
            plan.archive_dept_id,
        )
    )
    ctx["appendix_ref"] = (
        f"(Kèm theo Báo cáo số {doc_number(report.number, 'BC', unit.abbr)} "
        f"{written_date(report.doc_date)} của {clean(unit.name)})"
    )
    rows = [AppendixRow(*r) for r in appendix_rows(compiled, unit)]  # APPENDIX_HEAD's columns, named
    ctx["months"] = [
        AppendixTable(f"{p.heading} (tiếp theo)" if p.continued else p.heading, rows[p.start : p.stop])
        for p in appendix_parts(compiled, unit)
    ] or [AppendixTable(NO_ACTIVITY, [])]
    ctx["rows"] = rows
    ctx["totals"] = AppendixRow(*appendix_totals(compiled))
    return as_context(ReportFields(**ctx))
