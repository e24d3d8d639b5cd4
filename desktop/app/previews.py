"""The document as it will be printed, as HTML for the window's preview (Xem trước): the same values the
.docx template gets (docgen/context.py), laid out by docgen/preview.py. Nothing is written."""

from __future__ import annotations

from ..docgen.context import plan_context, report_context
from ..docgen.preview import document_html
from ..domain.forms import Forms
from ..domain.models import Plan, Report, Unit
from ..domain.report import Compiled, Section


def plan_html(plan: Plan, unit: Unit, forms: Forms) -> str:
    """The Kế hoạch, `forms` the unit's catalogue (the targets' units in the tasks' lines)."""
    return document_html(plan_context(plan, unit, forms), "KẾ HOẠCH")


def report_html(plan: Plan, unit: Unit, report: Report, sections: list[Section], compiled: Compiled) -> str:
    """The Báo cáo with its appendix (what app.compile_for returns)."""
    return document_html(report_context(plan, unit, report, sections, compiled), "BÁO CÁO")
