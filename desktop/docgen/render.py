"""Rendering the .docx templates with docxtpl in a sandboxed Jinja2 environment."""
from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from lxml import etree

from ..domain.errors import UserError
from ..domain.models import Plan, Report, Unit
from ..domain.report import Compiled, Section
from ..paths import template
from .context import plan_context, report_context
from ..files import atomic_path
from .ruled_lines import fit_rules
from .template_check import sandbox_env, validate_template

PLAN_TEMPLATE = "ke_hoach.docx"
REPORT_TEMPLATE = "bao_cao.docx"


# A '\t', '\n', BEL or '\f' inside a text node: only then is docxtpl's listing pass needed.
_LISTING_CHARS = re.compile(r"<w:t(?: [^>]*)?>[^<]*[\t\n\a\f]")


class Template(DocxTemplate):
    """docxtpl with the passes that walk every paragraph and row of the rendered body skipped
    when they have nothing to do; they dominate the time of a long appendix. The body is
    parsed once, together with its document (python-docx's own strict parser), instead of
    being parsed apart and moved into the document node by node."""

    def build_xml(self, context, jinja_env=None):
        self._template_xml = self.get_xml()
        return super().build_xml(context, jinja_env)

    def resolve_listing(self, xml):
        if _LISTING_CHARS.search(xml) is None:
            return xml
        return super().resolve_listing(xml)

    def fix_tables(self, xml):
        if "{%tc" in self._template_xml:  # column loops need docxtpl's grid repair
            return super().fix_tables(xml)
        return xml

    def fix_docpr_ids(self, tree):
        if not isinstance(tree, str):
            super().fix_docpr_ids(tree)

    def map_tree(self, tree):
        if not isinstance(tree, str):
            return super().map_tree(tree)
        root_xml = etree.tostring(self.docx._element, encoding="unicode")
        start, end = root_xml.index("<w:body"), root_xml.rindex("</w:body>") + len("</w:body>")
        part = self.docx.part
        part._element = parse_xml(root_xml[:start] + tree + root_xml[end:])
        self.docx = part.document
        for elt in part._element.iter(qn("wp:docPr")):  # docxtpl's renumbering, for the new tree
            self.docx_ids_index += 1
            elt.set("id", str(self.docx_ids_index))


def _env():
    # Immutable sandbox without the globals and filters that reach Python objects (see
    # template_check); autoescape: '&', '<' and '>' typed by the clerk never break the XML;
    # StrictUndefined: a field the app does not know is an error, not a silent blank.
    return sandbox_env()


def _explain(e: TemplateError) -> str:
    """Jinja's message, said in Vietnamese with the field's name."""
    msg = (e.message or str(e)).rstrip(".")
    m = re.search(r"'([^']+)' is undefined|has no attribute '([^']+)'", msg)
    if isinstance(e, UndefinedError) and m:
        return f"trường “{m.group(1) or m.group(2)}” không có trong dữ liệu của ứng dụng"
    if isinstance(e, SecurityError):
        return f"mẫu truy cập thuộc tính không được phép ({msg})"
    if isinstance(e, TemplateSyntaxError):
        return f"thẻ viết sai ({msg})"
    return msg


def render(template_path: Path, context: dict, out: str | Path) -> Path:
    try:
        tpl = Template(str(template_path))
        tpl.render(context, jinja_env=_env())
    except TemplateError as e:
        where = f" (dòng {e.lineno})" if getattr(e, "lineno", None) else ""
        raise UserError(f"Mẫu {Path(template_path).name} có lỗi{where}: {_explain(e)}.") from e
    except (OSError, KeyError, ValueError, etree.XMLSyntaxError, PackageNotFoundError, zipfile.BadZipFile) as e:
        raise UserError(f"Không đọc được mẫu {Path(template_path).name}: {e}") from e
    fit_rules(tpl.docx)
    with atomic_path(out) as tmp:
        tpl.save(str(tmp))
    return Path(out)


def render_plan(plan: Plan, unit: Unit, out: str | Path, template_path: Path | None = None) -> Path:
    """`template_path`: a unit's own template, validated first (the built-in ones are by the tests)."""
    if template_path is not None:
        validate_template(template_path, "plan")
    return render(template_path or template(PLAN_TEMPLATE), plan_context(plan, unit), out)


def render_report(plan: Plan, unit: Unit, report: Report, sections: list[Section], compiled: Compiled,
                  out: str | Path, template_path: Path | None = None) -> Path:
    if template_path is not None:
        validate_template(template_path, "report")
    ctx = report_context(plan, unit, report, sections, compiled)
    return render(template_path or template(REPORT_TEMPLATE), ctx, out)
