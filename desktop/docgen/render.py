"""Rendering the .docx templates with docxtpl in a sandboxed Jinja2 environment."""

from __future__ import annotations

import copy
import re
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from lxml import etree

from ..domain.errors import UserError
from ..domain.forms import DEFAULTS, Forms
from ..domain.models import Plan, Report, Unit
from ..domain.report import AppendixPart, Compiled, Section, appendix_parts
from ..files import atomic_path
from ..paths import template
from .context import plan_context, report_context
from .ruled_lines import break_names, fit_rules
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


XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MONTH_STYLE = "VBPhulucthang"  # "Tháng 3/2025" over its table (templates_docx/build_templates.py)
SHORT_PARAGRAPH = 240  # characters: about three lines of 14 pt body text


def _text_of(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def _is_closing(tbl) -> bool:
    first = next((p for p in tbl.iter(qn("w:p")) if _text_of(p).strip()), None)
    return first is not None and _text_of(first).strip().startswith("Nơi nhận")


def keep_closing(doc) -> None:
    """The closing block (Nơi nhận + signer) is never alone on a page nor split: its rows cannot
    split, its paragraphs keep together, and the closing sentence and the body paragraph before
    it keep with it (a page that holds only the signature holds the end of the text too)."""
    body = doc.element.body
    tbl = next((t for t in body.iterchildren(qn("w:tbl")) if _is_closing(t)), None)
    if tbl is None:
        return
    for tr in tbl.iterchildren(qn("w:tr")):
        trpr = tr.get_or_add_trPr()
        if trpr.find(qn("w:cantSplit")) is None:
            trpr.append(OxmlElement("w:cantSplit"))  # CT_TrPr's children are a choice: any order
        for p in tr.iter(qn("w:p")):
            ppr = p.get_or_add_pPr()
            ppr.get_or_add_keepNext()
            ppr.get_or_add_keepLines()
    texts = []
    prev = tbl.getprevious()
    while prev is not None and prev.tag == qn("w:p") and len(texts) < 2:
        if _text_of(prev).strip():
            texts.append(prev)
        prev = prev.getprevious()
    if not texts:
        return
    closing = texts[0].get_or_add_pPr()  # python-docx inserts these in schema order
    closing.get_or_add_keepNext()
    closing.get_or_add_keepLines()  # LibreOffice moves a paragraph with the next one only when unsplit
    if len(texts) > 1 and len(_text_of(texts[1])) <= SHORT_PARAGRAPH:
        # a short last paragraph goes along; a long one would be moved whole by LibreOffice, leaving
        # a half-empty page, so it only lends its last lines through widow control
        texts[1].get_or_add_pPr().get_or_add_keepNext()


def _heading(doc, text: str, page_break: bool):
    """The paragraph naming the month over an appendix table (direct formatting when a unit's
    own template has no such style)."""
    styled = doc.styles.element.find(f'{qn("w:style")}[@{qn("w:styleId")}="{MONTH_STYLE}"]') is not None
    ppr = f'<w:pStyle w:val="{MONTH_STYLE}"/>' if styled else "<w:keepNext/>"
    if page_break:
        ppr = ppr.replace("/>", "/><w:pageBreakBefore/>", 1) if styled else "<w:keepNext/><w:pageBreakBefore/>"
    if not styled:
        ppr += '<w:spacing w:before="120" w:after="60"/>'
    rpr = (
        ""
        if styled
        else (
            '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
            'w:cs="Times New Roman" w:eastAsia="Times New Roman"/><w:b/><w:sz w:val="24"/></w:rPr>'
        )
    )
    p = parse_xml(
        f'<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:pPr>{ppr}</w:pPr>'
        f"<w:r>{rpr}<w:t/></w:r></w:p>"
    )
    t = p.find(f".//{qn('w:t')}")
    t.text = text
    t.set(XML_SPACE, "preserve")
    return p


def split_appendix(doc, parts: list[AppendixPart], n_rows: int) -> None:
    """The appendix's one table of `n_rows` rows becomes consecutive tables, one per part (a
    month, or a part of a long month), each under a paragraph naming it and with the repeated
    header row; the totals row ends the last. LibreOffice lays out one long table in more than
    linear time, and tables of a bounded length in linear time. A table of another shape (a
    unit's own template) is left as it is."""
    if not parts:
        return
    body = doc.element.body
    tbl = None
    for t in body.iterchildren(qn("w:tbl")):
        first = t.find(qn("w:tr"))
        if first is not None and first.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
            tbl = t
    if tbl is None:
        return
    rows = tbl.findall(qn("w:tr"))
    n_head = 0
    while n_head < len(rows) and rows[n_head].find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is not None:
        n_head += 1
    head, data, tail = rows[:n_head], rows[n_head : n_head + n_rows], rows[n_head + n_rows :]
    if len(data) != n_rows or not tail or parts[-1].stop != n_rows:
        return
    for tr in data + tail:
        tbl.remove(tr)
    tblpr, grid = tbl.find(qn("w:tblPr")), tbl.find(qn("w:tblGrid"))
    at = tbl
    for k, part in enumerate(parts):
        if k == 0:
            t = tbl
        else:
            t = OxmlElement("w:tbl")
            t.append(copy.deepcopy(tblpr))
            t.append(copy.deepcopy(grid))
            for tr in head:
                t.append(copy.deepcopy(tr))
        label = f"{part.heading} (tiếp theo)" if part.continued else part.heading
        heading = _heading(doc, label, part.continued)
        if k == 0:
            tbl.addprevious(heading)
        else:
            at.addnext(heading)
            heading.addnext(t)
        for tr in data[part.start : part.stop]:
            t.append(tr)
        at = t
    for tr in tail:
        at.append(tr)


def layout(doc, parts: list[AppendixPart] | None = None, n_rows: int = 0) -> None:
    """What the template cannot say by itself: the closing block kept on one page, the appendix
    as consecutive tables, long names broken, short lines sized to the text over them."""
    keep_closing(doc)
    if parts:
        split_appendix(doc, parts, n_rows)
    break_names(doc)
    fit_rules(doc)


def render(template_path: Path, context: dict, out: str | Path, parts: list[AppendixPart] | None = None) -> Path:
    try:
        tpl = Template(str(template_path))
        tpl.render(context, jinja_env=_env())
    except TemplateError as e:
        where = f" (dòng {e.lineno})" if getattr(e, "lineno", None) else ""
        raise UserError(f"Mẫu {Path(template_path).name} có lỗi{where}: {_explain(e)}.") from e
    except (OSError, KeyError, ValueError, etree.XMLSyntaxError, PackageNotFoundError, zipfile.BadZipFile) as e:
        raise UserError(f"Không đọc được mẫu {Path(template_path).name}: {e}") from e
    except RecursionError:  # a macro or a recursive loop calling itself without end: Python's depth limit
        raise UserError(
            f"Mẫu {Path(template_path).name} có lỗi: một macro (hoặc vòng lặp recursive) gọi lại chính nó không "
            "dừng; hãy sửa mẫu trong Word. Chưa ghi tệp nào."
        ) from None
    layout(tpl.docx, parts, len(context.get("rows", ())))
    with atomic_path(out) as tmp:
        tpl.save(str(tmp))
    return Path(out)


def render_plan(
    plan: Plan, unit: Unit, out: str | Path, template_path: Path | None = None, forms: Forms = DEFAULTS
) -> Path:
    """`template_path`: a unit's own template, validated first (the built-in ones are by the tests); `forms`:
    the unit's catalogue (the targets' units)."""
    if template_path is not None:
        validate_template(template_path, "plan")
    return render(template_path or template(PLAN_TEMPLATE), plan_context(plan, unit, forms), out)


def render_report(
    plan: Plan,
    unit: Unit,
    report: Report,
    sections: list[Section],
    compiled: Compiled,
    out: str | Path,
    template_path: Path | None = None,
) -> Path:
    if template_path is not None:
        validate_template(template_path, "report")
    ctx = report_context(plan, unit, report, sections, compiled)
    return render(template_path or template(REPORT_TEMPLATE), ctx, out, appendix_parts(compiled, unit))
