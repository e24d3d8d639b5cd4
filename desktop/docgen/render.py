"""Rendering the .docx templates with docxtpl in a sandboxed Jinja2 environment."""
from __future__ import annotations

from pathlib import Path

from docxtpl import DocxTemplate
from jinja2 import TemplateError
from jinja2.sandbox import SandboxedEnvironment

from ..domain.errors import UserError
from ..domain.models import Plan, Report, Unit
from ..domain.report import Compiled, Section
from ..paths import template
from .context import plan_context, report_context
from .output import atomic_path
from .rules import fit_rules

PLAN_TEMPLATE = "ke_hoach.docx"
REPORT_TEMPLATE = "bao_cao.docx"


def _env() -> SandboxedEnvironment:
    # autoescape: '&', '<' and '>' typed by the clerk never break the XML
    return SandboxedEnvironment(autoescape=True)


def render(template_path: Path, context: dict, out: str | Path) -> Path:
    try:
        tpl = DocxTemplate(str(template_path))
        tpl.render(context, jinja_env=_env())
    except TemplateError as e:
        where = f" (dòng {e.lineno})" if getattr(e, "lineno", None) else ""
        raise UserError(f"Mẫu {Path(template_path).name} có lỗi{where}: {e.message or e}") from e
    except (OSError, KeyError, ValueError) as e:
        raise UserError(f"Không đọc được mẫu {Path(template_path).name}: {e}") from e
    fit_rules(tpl.docx)
    with atomic_path(out) as tmp:
        tpl.save(str(tmp))
    return Path(out)


def render_plan(plan: Plan, unit: Unit, out: str | Path, template_path: Path | None = None) -> Path:
    return render(template_path or template(PLAN_TEMPLATE), plan_context(plan, unit), out)


def render_report(plan: Plan, unit: Unit, report: Report, sections: list[Section], compiled: Compiled,
                  out: str | Path, template_path: Path | None = None) -> Path:
    ctx = report_context(plan, unit, report, sections, compiled)
    return render(template_path or template(REPORT_TEMPLATE), ctx, out)
