"""Rendering the .docx templates with docxtpl in a sandboxed Jinja2 environment."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from jinja2 import TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.exceptions import SecurityError
from lxml import etree

from ..domain.errors import UserError
from ..domain.forms import DEFAULTS, Forms
from ..domain.models import Plan, Report, Unit
from ..domain.report import Compiled, Section
from ..files import atomic_path
from ..paths import template
from .context import plan_context, report_context
from .docxtpl_fast import Template
from .ruled_lines import break_names, fit_rules
from .template_check import sandbox_env, validate_template

PLAN_TEMPLATE = "ke_hoach.docx"
REPORT_TEMPLATE = "bao_cao.docx"


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


def layout(doc) -> None:
    """What the template cannot say by itself: the closing block kept on one page, long names
    broken, short lines sized to the text over them."""
    keep_closing(doc)
    break_names(doc)
    fit_rules(doc)


def render(template_path: Path, context: dict, out: str | Path) -> Path:
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
    layout(tpl.docx)
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
    return render(template_path or template(REPORT_TEMPLATE), ctx, out)
