"""`check` on documents made by others, built the way the real ones are: the decree 30/2020 and
its annexes, public forms, an appendix re-saved by LibreOffice, a landscape table section."""

from __future__ import annotations

import copy

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from desktop.nd30.textwidth import text_width_pt

from .builder import CELL_MARGINS, LEFT_COL, Builder, _add, _border_para, fmt, rules, set_text


def _remove(par) -> None:
    par._p.getparent().remove(par._p)


def _cell_borders(table, sides=("top", "left", "bottom", "right"), skip=None) -> None:
    """Borders on every cell (w:tcBorders) and none on the table, as LibreOffice saves a grid."""
    tblpr = table._tbl.tblPr
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        tblpr.remove(style)
    for r, row in enumerate(table.rows):
        for c, cell in enumerate(row.cells):
            tcpr = cell._tc.get_or_add_tcPr()
            tcb = OxmlElement("w:tcBorders")
            for side in sides:
                if skip == (r, c, side):
                    continue
                el = OxmlElement(f"w:{side}")
                for k, v in (("w:val", "single"), ("w:sz", "4"), ("w:space", "0"), ("w:color", "000000")):
                    el.set(qn(k), v)
                tcb.append(el)
            tcpr.append(tcb)


# -- an appendix re-saved by LibreOffice: the grid is on the cells


def test_cell_borders_are_the_grid(check):
    b = Builder("BC")
    _cell_borders(b.t["appendix"])
    findings = check(b)
    assert findings == [], fmt(findings)


def test_a_cell_without_its_border_is_still_found(check):
    b = Builder("BC")
    _cell_borders(b.t["appendix"], skip=(3, 0, "left"))  # the totals row's first cell, left side
    findings = check(b)
    assert rules(findings) == {"phu-luc.vien-bang"}, fmt(findings)
    assert "trái" in findings[0].message


# -- typed lines and blanks of public forms


def _typed_line(container, n: int, size: float):
    return _add(container, "_" * n, size)


def test_typed_underscore_lines_are_lines_not_names(check):
    b = Builder("KH")
    left = b.t["header"].rows[0].cells[0]
    line = _typed_line(left, 12, 12)  # 0.4 of the issuing body's width
    b.p["issuer_line"]._p.addprevious(line._p)
    _remove(b.p["issuer_line"])
    widest = max(text_width_pt(par.text, 14, True) for par in b.p["summary"])
    summary_line = _typed_line(b.doc, round(0.4 * widest / text_width_pt("_", 14)), 14)
    b.p["summary_line"]._p.addprevious(summary_line._p)
    _remove(b.p["summary_line"])
    findings = check(b)
    assert findings == [], fmt(findings)


def test_dotted_blank_is_not_the_issuing_body(check):
    b = Builder("KH")
    left = b.t["header"].rows[0].cells[0]
    blank = _add(left, "…………………", 12)
    b.p["issuer"]._p.addprevious(blank._p)  # a blank of a form over the name: neither parent nor issuer
    findings = check(b)
    assert findings == [], fmt(findings)


def test_dotted_blank_after_the_summary_is_not_the_summary(check):
    b = Builder("KH")
    blank = _add(b.doc, "………………………………", 14)
    b.p["summary_line"]._p.addnext(blank._p)
    findings = check(b)
    assert findings == [], fmt(findings)


# -- what fills the room for the signature


def test_signature_placeholders_are_not_the_authority(check):
    for text in (
        "(Đã ký)",
        "(Chữ ký, dấu)",
        "(Ký, ghi rõ họ tên)",
        "(Chữ ký của người có thẩm quyền, dấu/chữ ký số của cơ quan, tổ chức)",
    ):
        b = Builder("KH")
        b.p["signature_space"][1].add_run(text).font.size = Pt(14)
        findings = check(b)
        assert findings == [], f"{text}: {fmt(findings)}"


def test_placeholder_alone_does_not_make_room_for_the_signature(check):
    b = Builder("KH")
    for par in b.p["signature_space"]:
        _remove(par)
    b.p["signer"]._p.addprevious(_add(b.t["closing"].rows[0].cells[1], "(Đã ký)", 14)._p)
    findings = check(b)
    assert "chu-ky.tham-quyen" not in rules(findings), fmt(findings)


# -- a decision: clauses 1., 2. … restart under each "Điều"


def test_numbering_restarts_under_each_article(check):
    b = Builder("KH")
    at = b.p["last_body"]
    for text in (
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế.",
        "1. Phạm vi điều chỉnh.",
        "2. Đối tượng áp dụng.",
        "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.",
        "1. Giao Phòng Kế hoạch tổng hợp theo dõi.",
        "2. Các khoa, phòng thực hiện.",
    ):
        par = b._body_para(text, bold=text[0].isdigit())
        at._p.addprevious(par._p)
    findings = check(b)
    assert findings == [], fmt(findings)


def test_numbering_out_of_order_within_an_article_is_found(check):
    b = Builder("KH")
    at = b.p["last_body"]
    for text in ("Điều 1. Ban hành Quy chế.", "1. Phạm vi.", "3. Đối tượng."):
        at._p.addprevious(b._body_para(text, bold=text[0].isdigit())._p)
    assert "than.thu-tu-muc" in rules(check(b))


# -- a landscape section after the first page, holding a table


def _landscape_appendix(b: Builder) -> None:
    """The appendix in its own A4 landscape section, as the app and many units lay it out."""
    par = b.p["page_break"]
    for run in list(par.runs):
        run._r.getparent().remove(run._r)
    body_sect = b.doc.element.body.sectPr
    par._p.get_or_add_pPr().append(copy.deepcopy(body_sect))
    for ref in body_sect.findall(qn("w:headerReference")) + body_sect.findall(qn("w:titlePg")):
        body_sect.remove(ref)
    sec = b.doc.sections[-1]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)


def test_landscape_appendix_section_is_allowed(check):
    b = Builder("BC")
    _landscape_appendix(b)
    findings = check(b)
    assert findings == [], fmt(findings)


def test_landscape_first_page_is_still_found(check):
    b = Builder("KH")
    sec = b.doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    assert "trang.huong-giay" in rules(check(b))


def test_landscape_section_without_a_table_is_found(check):
    b = Builder("KH")
    b.doc.add_section(WD_SECTION.NEW_PAGE)
    sec = b.doc.sections[-1]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    b.doc.add_paragraph("Ghi chú thêm.")
    findings = check(b)
    assert "trang.huong-giay" in rules(findings), fmt(findings)


# -- an appendix of several tables (one per month), the totals row at the end of the last


def _split_appendix(b: Builder) -> None:
    tbl = b.t["appendix"]._tbl
    second = copy.deepcopy(tbl)
    rows = tbl.findall(qn("w:tr"))
    tbl.remove(rows[-1])  # the first table: header, rows 1–2; the second: header, totals
    for tr in second.findall(qn("w:tr"))[1:-1]:
        second.remove(tr)
    heading = b.doc.add_paragraph()
    tbl.addnext(heading._p)
    heading._p.addnext(second)


def test_appendix_of_several_tables(check):
    b = Builder("BC")
    _split_appendix(b)
    findings = check(b)
    assert findings == [], fmt(findings)


def test_several_tables_without_totals_at_the_end(check):
    b = Builder("BC")
    _split_appendix(b)
    last = b.doc.tables[-1]
    set_text(last.rows[-1].cells[1].paragraphs[0], "Cộng")
    findings = check(b)
    assert rules(findings) == {"phu-luc.dong-tong"}, fmt(findings)
    assert "bảng 4" in findings[0].message or "bảng 4" in findings[0].place


# -- a long unit name that wraps in its cell: the line is measured on the longest line


def _long_issuer(b: Builder, ratio: float, by_full_name: bool = False) -> None:
    name = "TRUNG TÂM KIỂM SOÁT BỆNH TẬT TỈNH BÌNH THUẬN"
    par = b.p["issuer"]
    set_text(par, "TRUNG TÂM KIỂM SOÁT")
    par.runs[0].add_break()
    par.add_run("BỆNH TẬT TỈNH BÌNH THUẬN")
    for run in par.runs:
        run.bold = True
        run.font.size = b.p["issuer"].runs[0].font.size
    longest = max(text_width_pt(x, 12, True) for x in ("TRUNG TÂM KIỂM SOÁT", "BỆNH TẬT TỈNH BÌNH THUẬN"))
    base = text_width_pt(name, 12, True) if by_full_name else longest
    left = b.t["header"].rows[0].cells[0]
    line = _border_para(left, ratio * base, LEFT_COL - CELL_MARGINS)
    b.p["issuer_line"]._p.addprevious(line._p)
    _remove(b.p["issuer_line"])


def test_line_under_a_wrapped_name_is_measured_on_its_longest_line(check):
    b = Builder("KH")
    _long_issuer(b, 0.42)
    findings = check(b)
    assert findings == [], fmt(findings)


def test_line_under_a_wrapped_name_measured_on_the_whole_name_is_too_long(check):
    b = Builder("KH")
    _long_issuer(b, 0.42, by_full_name=True)
    findings = check(b)
    assert rules(findings) == {"dau-trang.gach-co-quan"}, fmt(findings)
