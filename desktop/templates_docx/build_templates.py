"""Builds desktop/templates_docx/ke_hoach.docx and bao_cao.docx (NĐ 30/2020 layout) with python-docx.

The templates are ordinary Word files: a unit may open one in Word, change wording or a
style, and point the app at its copy. Every tag is typed here in one run, so Word's
run splitting never breaks one. Rebuild with:  python desktop/templates_docx/build_templates.py
"""

from __future__ import annotations

import copy
import re
import sys
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from desktop.domain.report import APPENDIX_HEAD  # noqa: E402  (the same header the preview shows)

FONT = "Times New Roman"
BODY_CM = 16.5  # A4 210 mm - 30 mm left - 15 mm right
LANDSCAPE_CM = 25.2  # A4 landscape 297 mm - 30 mm left - 15 mm right
HEADER_COLS = (7.0, 9.5)
CLOSING_COLS = (7.5, 9.0)
OUTLINE_COLS = (BODY_CM / 3,) * 3  # the outline's table: its columns share the line (docxtpl widens the grid)
# The appendix is an A4 landscape section; every column holds its longest word unbroken at 11 pt
# ("05/02/2025 -", "34.431.810.000", "999.999" people in the totals row, the words of department names and
# form labels).
# Balanced on the demo's 5 000 activities (bench/page_fill.py): Ghi chú wide enough for a note of two
# lines, Hình thức and Số lượng two lines at most; rows of 2.2 lines on average (2.5 with 2.2 cm notes).
APPENDIX_COLS = (1.1, 2.2, 5.9, 2.6, 3.6, 1.5, 1.5, 2.6, 4.2)

C, J, L = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.JUSTIFY, WD_ALIGN_PARAGRAPH.LEFT

# name: (size pt, bold, italic, alignment, first-line cm, before pt, after pt, extra)
STYLES = {
    "VB Noi dung": (14, False, False, J, 1.27, 0, 6, {}),
    "VB Can cu": (14, False, True, J, 1.27, 0, 6, {}),
    "VB Muc I": (14, True, False, J, 1.27, 0, 6, {"keep_next": True}),
    "VB Muc 1": (14, True, False, J, 1.27, 0, 6, {"keep_next": True}),
    "VB Muc a": (14, True, False, J, 1.27, 0, 6, {"keep_next": True}),
    "VB Ket thuc": (14, False, False, J, 1.27, 0, 6, {"keep_next": True}),
    "VB Co quan chu quan": (12, False, False, C, 0, 0, 0, {}),
    "VB Co quan ban hanh": (12, True, False, C, 0, 0, 0, {}),
    "VB Quoc hieu": (12, True, False, C, 0, 0, 0, {}),
    "VB Tieu ngu": (13, True, False, C, 0, 0, 0, {}),
    "VB Ke ngan": (6, False, False, C, 0, 3, 0, {"rule": True}),
    "VB Ke dai": (6, False, False, C, 0, 3, 0, {"rule": True}),
    "VB So ky hieu": (13, False, False, C, 0, 6, 0, {}),
    "VB Dia danh": (14, False, True, C, 0, 6, 0, {}),
    "VB Ten loai": (14, True, False, C, 0, 18, 0, {"keep_next": True}),
    "VB Trich yeu": (14, True, False, C, 0, 0, 0, {"keep_next": True}),
    "VB Kinh gui": (14, False, False, C, 0, 6, 6, {}),
    # the closing block is kept on one page: its paragraphs keep together, its row cannot split
    "VB Noi nhan": (12, True, True, L, 0, 6, 0, {"keep_next": True, "keep_lines": True}),
    "VB Noi nhan dong": (11, False, False, L, 0, 0, 0, {"keep_next": True, "keep_lines": True}),
    "VB Chuc vu": (14, True, False, C, 0, 0, 0, {"keep_next": True, "keep_lines": True}),
    "VB Chu ky": (14, False, False, C, 0, 0, 0, {"keep_next": True, "keep_lines": True}),
    "VB Ho ten": (14, True, False, C, 0, 0, 0, {"keep_next": True, "keep_lines": True}),
    "VB So trang": (14, False, False, C, 0, 0, 0, {}),
    "VB Ngat phan": (1, False, False, L, 0, 0, 0, {"exact": 1}),  # holds the section break, takes no room
    "VB Phu luc": (14, True, False, C, 0, 0, 0, {}),  # first line of the landscape section
    "VB Phu luc ten": (14, True, False, C, 0, 0, 0, {}),
    "VB Phu luc kem theo": (14, False, True, C, 0, 0, 12, {}),
    "VB Phu luc thang": (12, True, False, L, 0, 2, 2, {}),  # "Tháng 3/2025": a month table's first row
    # between two month tables; kept with the table after it: LibreOffice, laying out a table that starts a
    # page with no paragraph of its own above it, broke it after three rows (a page 33 % full at 5 000 rows)
    "VB Phu luc cach": (6, False, False, L, 0, 0, 0, {"exact": 6, "keep_next": True}),
    "VB Bang tieu de": (11, True, False, C, 0, 2, 2, {}),
    "VB Bang": (11, False, False, L, 0, 2, 2, {}),
    "VB Bang so": (11, False, False, C, 0, 2, 2, {}),
    "VB Bang tong": (11, True, False, C, 0, 2, 2, {}),
}


def set_fonts(rpr_parent, size_pt: float | None = None) -> None:
    """Times New Roman for every script (no theme fonts), optional size."""
    rpr = rpr_parent.get_or_add_rPr() if hasattr(rpr_parent, "get_or_add_rPr") else rpr_parent
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(a), FONT)


def define_styles(doc: Document) -> None:
    # docDefaults: Times New Roman 14, Vietnamese, black; no theme fonts anywhere.
    styles_el = doc.styles.element
    rpr_default = styles_el.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr_default)
    for tag in ("w:sz", "w:szCs", "w:lang", "w:color"):
        el = rpr_default.find(qn(tag))
        if el is not None:
            rpr_default.remove(el)
    for tag, attrs in (
        ("w:color", {"w:val": "000000"}),
        ("w:sz", {"w:val": "28"}),
        ("w:szCs", {"w:val": "28"}),
        ("w:lang", {"w:val": "vi-VN", "w:eastAsia": "en-US"}),
    ):
        el = OxmlElement(tag)
        for k, v in attrs.items():
            el.set(qn(k), v)
        rpr_default.append(el)
    # Every style of the base template loses its theme fonts and colours.
    for rfonts in styles_el.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            del rfonts.attrib[attr]
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(a), FONT)
    for color in list(styles_el.iter(qn("w:color"))):
        color.set(qn("w:val"), "000000")
        for a in ("w:themeColor", "w:themeShade", "w:themeTint"):
            color.attrib.pop(qn(a), None)

    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    set_fonts(normal.element)
    normal.paragraph_format.space_after = Pt(0)

    for name, (size, bold, italic, align, first, before, after, extra) in STYLES.items():
        st = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        st.base_style = normal
        st.quick_style = True
        st.font.name = FONT
        set_fonts(st.element)
        st.font.size = Pt(size)
        st.font.bold = bold
        st.font.italic = italic
        pf = st.paragraph_format
        pf.alignment = align
        pf.first_line_indent = Cm(first) if first else Cm(0)
        pf.left_indent = Cm(0)
        pf.right_indent = Cm(0)
        pf.space_before = Pt(before)
        pf.space_after = Pt(after)
        pf.line_spacing_rule = WD_LINE_SPACING.SINGLE
        pf.widow_control = True
        if extra.get("keep_next"):
            pf.keep_with_next = True
        if extra.get("keep_lines"):
            pf.keep_together = True
        if extra.get("exact"):
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(extra["exact"])
        if extra.get("page_break"):
            pf.page_break_before = True
        if extra.get("rule"):
            pf.line_spacing_rule = WD_LINE_SPACING.EXACTLY
            pf.line_spacing = Pt(2)
            ppr = st.element.get_or_add_pPr()
            bdr = OxmlElement("w:pBdr")
            top = OxmlElement("w:top")
            for k, v in (("w:val", "single"), ("w:sz", "6"), ("w:space", "1"), ("w:color", "000000")):
                top.set(qn(k), v)
            bdr.append(top)
            ppr.insert_element_before(
                bdr,
                "w:shd",
                "w:tabs",
                "w:suppressAutoHyphens",
                "w:kinsoku",
                "w:wordWrap",
                "w:overflowPunct",
                "w:topLinePunct",
                "w:autoSpaceDE",
                "w:autoSpaceDN",
                "w:bidi",
                "w:adjustRightInd",
                "w:snapToGrid",
                "w:spacing",
                "w:ind",
                "w:contextualSpacing",
                "w:mirrorIndents",
                "w:suppressOverlap",
                "w:jc",
                "w:textDirection",
                "w:textAlignment",
                "w:textboxTightWrap",
                "w:outlineLvl",
                "w:divId",
                "w:cnfStyle",
                "w:rPr",
                "w:sectPr",
                "w:pPrChange",
            )


def para(container, text: str, style: str):
    p = container.add_paragraph(style=style)
    if text:
        run = p.add_run(text)
        t = run._r.find(qn("w:t"))
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def first_para(cell, text: str, style: str):
    p = cell.paragraphs[0]
    p.style = style
    if text:
        run = p.add_run(text)
        run._r.find(qn("w:t")).set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return p


def table_borders(table, val: str) -> None:
    tblpr = table._tbl.tblPr
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), val)
        if val != "nil":
            el.set(qn("w:sz"), "4")
            el.set(qn("w:space"), "0")
            el.set(qn("w:color"), "000000")
        borders.append(el)
    put_in_order(tblpr, borders)


# ECMA-376 CT_TblPr: its children in the schema's order (Word for the web refuses another order;
# desktop Word "repairs" the file by dropping what is misplaced)
TBLPR_ORDER = (
    "tblStyle",
    "tblpPr",
    "tblOverlap",
    "bidiVisual",
    "tblStyleRowBandSize",
    "tblStyleColBandSize",
    "tblW",
    "jc",
    "tblCellSpacing",
    "tblInd",
    "tblBorders",
    "shd",
    "tblLayout",
    "tblCellMar",
    "tblLook",
    "tblCaption",
    "tblDescription",
)


def put_in_order(tblpr, el) -> None:
    """Insert `el` into w:tblPr before the first child that the schema puts after it."""
    rank = {qn(f"w:{name}"): i for i, name in enumerate(TBLPR_ORDER)}
    mine = rank[el.tag]
    for child in tblpr:
        if rank.get(child.tag, len(rank)) > mine:
            child.addprevious(el)
            return
    tblpr.append(el)


def fixed_table(container, rows: int, widths_cm, borders: str, margins_cm: float = 0.1):
    table = container.add_table(rows=rows, cols=len(widths_cm))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    tblpr = table._tbl.tblPr
    style = tblpr.find(qn("w:tblStyle"))
    if style is not None:
        tblpr.remove(style)
    # table.autofit = False has written <w:tblLayout w:type="fixed"/> in its place
    mar = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:w"), str(int(margins_cm * 567)))
        el.set(qn("w:type"), "dxa")
        mar.append(el)
    put_in_order(tblpr, mar)
    table_borders(table, borders)
    total = sum(widths_cm)
    tblw = tblpr.find(qn("w:tblW"))
    tblw.set(qn("w:w"), str(round(total * 567)))
    tblw.set(qn("w:type"), "dxa")
    for gc, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths_cm):
        gc.set(qn("w:w"), str(round(w * 567)))
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)
    return table


def page_setup(doc: Document) -> None:
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance, sec.footer_distance = Mm(10), Mm(10)
    sec.different_first_page_header_footer = True
    # Page number in the default header: centred PAGE field (not on page 1).
    header = sec.header
    header.is_linked_to_previous = False
    p = header.paragraphs[0]
    p.style = doc.styles["VB So trang"]
    for kind, text in (("begin", None), (None, " PAGE "), ("separate", None), (None, "2"), ("end", None)):
        r = OxmlElement("w:r")
        if kind:
            fc = OxmlElement("w:fldChar")
            fc.set(qn("w:fldCharType"), kind)
            r.append(fc)
        elif text == " PAGE ":
            it = OxmlElement("w:instrText")
            it.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            it.text = text
            r.append(it)
        else:
            t = OxmlElement("w:t")
            t.text = text
            r.append(t)
        p._p.append(r)
    first = sec.first_page_header
    first.is_linked_to_previous = False
    first.paragraphs[0].style = doc.styles["VB So trang"]


def header_table(doc: Document) -> None:
    t = fixed_table(doc, 2, HEADER_COLS, "nil", margins_cm=0.05)
    left, right = t.cell(0, 0), t.cell(0, 1)
    first_para(left, "{%p if parent_body %}", "VB Co quan chu quan")
    para(left, "{{ parent_body }}", "VB Co quan chu quan")
    para(left, "{%p endif %}", "VB Co quan chu quan")
    para(left, "{{ issuer }}", "VB Co quan ban hanh")
    para(left, "", "VB Ke ngan")
    first_para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "VB Quoc hieu")
    para(right, "Độc lập - Tự do - Hạnh phúc", "VB Tieu ngu")
    para(right, "", "VB Ke dai")
    first_para(t.cell(1, 0), "{{ number_line }}", "VB So ky hieu")
    first_para(t.cell(1, 1), "{{ place_date }}", "VB Dia danh")


def title_block(doc: Document, doc_type: str, kinh_gui: bool) -> None:
    para(doc, doc_type, "VB Ten loai")
    para(doc, "{{ title }}", "VB Trich yeu")
    para(doc, "", "VB Ke ngan")
    if kinh_gui:
        para(doc, "{%p if addressee %}", "VB Kinh gui")
        para(doc, "Kính gửi: {{ addressee }}", "VB Kinh gui")
        para(doc, "{%p endif %}", "VB Kinh gui")


BODY_KINDS = (
    ("basis", "{{ b.text }}", "VB Can cu"),
    ("h1", "{{ b.label }} {{ b.text }}", "VB Muc I"),
    ("h2", "{{ b.label }} {{ b.text }}", "VB Muc 1"),
    ("h3", "{{ b.label }} {{ b.text }}", "VB Muc a"),
    ("closing", "{{ b.text }}", "VB Ket thuc"),
)


def body(doc: Document, report: bool = False) -> None:
    para(doc, "{%p for b in blocks %}", "VB Noi dung")
    for i, (kind, text, style) in enumerate(BODY_KINDS):
        para(doc, f'{{%p {"if" if i == 0 else "elif"} b.kind == "{kind}" %}}', "VB Noi dung")
        para(doc, text, style)
    if report:
        para(doc, '{%p elif b.kind == "table" %}', "VB Noi dung")
        outline_table(doc)
    para(doc, "{%p elif b.label %}", "VB Noi dung")
    para(doc, "{{ b.label }} {{ b.text }}", "VB Noi dung")
    para(doc, "{%p else %}", "VB Noi dung")
    para(doc, "{{ b.text }}", "VB Noi dung")
    para(doc, "{%p endif %}", "VB Noi dung")
    para(doc, "{%p endfor %}", "VB Noi dung")


def outline_table(doc: Document) -> None:
    """A table of the superior's outline (a block of kind 'table'): its head (`b.head`, repeated on every page)
    and its rows (`b.cells`), as many columns as the outline has (docxtpl's column loops); the grid shares the
    line's width between them."""
    t = fixed_table(doc, 4, OUTLINE_COLS, "single", margins_cm=0.08)
    for row, (loop, cell, style) in ((0, ("h in b.head", "h", "VB Bang tieu de")), (2, ("x in row", "x", "VB Bang"))):
        first_para(t.cell(row, 0), f"{{%tc for {loop} %}}", style)
        first_para(t.cell(row, 1), f"{{{{ {cell} }}}}", style)
        first_para(t.cell(row, 2), "{%tc endfor %}", style)
        strip_tcpr(t.rows[row])
    header_row(t.rows[0])
    t.rows[2]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    first_para(t.cell(1, 0), "{%tr for row in b.cells %}", "VB Bang")
    first_para(t.cell(3, 0), "{%tr endfor %}", "VB Bang")


def closing_table(doc: Document) -> None:
    t = fixed_table(doc, 1, CLOSING_COLS, "nil", margins_cm=0.05)
    left, right = t.cell(0, 0), t.cell(0, 1)
    first_para(left, "Nơi nhận:", "VB Noi nhan")
    para(left, "{%p for r in recipients %}", "VB Noi nhan dong")
    para(left, "{{ r }}", "VB Noi nhan dong")
    para(left, "{%p endfor %}", "VB Noi nhan dong")
    first_para(right, "{%p for line in signer_lines %}", "VB Chuc vu")
    para(right, "{{ line }}", "VB Chuc vu")
    para(right, "{%p endfor %}", "VB Chuc vu")
    for _ in range(4):
        para(right, "", "VB Chu ky")
    para(right, "{{ signer_name }}", "VB Ho ten")
    # the row never splits: "KT. GIÁM ĐỐC" and the signer's name stay on one page
    t.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def strip_tcpr(row) -> None:
    """Cells of the repeated row carry no properties: the grid gives the widths (smaller XML)."""
    for tc in row._tr.findall(qn("w:tc")):
        tcpr = tc.find(qn("w:tcPr"))
        if tcpr is not None:
            tc.remove(tcpr)


def landscape_section(doc: Document) -> None:
    """The appendix starts a new A4 landscape section (NĐ 30 allows landscape for tables): the
    empty paragraph after the closing table ends the portrait one. The new section inherits the
    headers (page numbers continue) and has no "different first page": its first page is numbered."""
    sec = doc.add_section(WD_SECTION.NEW_PAGE)
    brk = doc.element.body.findall(qn("w:p"))[-1]  # python-docx's paragraph holding the old sectPr
    brk.get_or_add_pPr().get_or_add_pStyle().set(qn("w:val"), doc.styles["VB Ngat phan"].style_id)
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.different_first_page_header_footer = False


ROW_FIELDS = ("stt", "time", "content", "form", "doer", "quantity", "participants", "cost", "notes")
ROW_STYLES = (
    "VB Bang so",
    "VB Bang so",
    "VB Bang",
    "VB Bang",
    "VB Bang",
    "VB Bang so",
    "VB Bang so",
    "VB Bang so",
    "VB Bang",
)


def header_row(row) -> None:
    """A row repeated at the top of every page its table runs onto, never split."""
    trpr = row._tr.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))  # CT_TrPr's children are a choice: any order
    trpr.append(OxmlElement("w:tblHeader"))


def appendix(doc: Document) -> None:
    """The appendix as one table per month (`months`, a long month in parts): the month's name
    and the column heads are its two header rows, repeated on every page the month runs onto; an
    activity's row never splits; the totals row ends the last table. A small paragraph between
    two tables keeps Word from joining them."""
    landscape_section(doc)
    para(doc, "Phụ lục", "VB Phu luc")
    para(doc, "DANH SÁCH HOẠT ĐỘNG TRUYỀN THÔNG", "VB Phu luc ten")
    para(doc, "{{ appendix_ref }}", "VB Phu luc kem theo")
    para(doc, "{%p for m in months %}", "VB Phu luc cach")
    t = fixed_table(doc, 8, APPENDIX_COLS, "single", margins_cm=0.08)
    month = t.cell(0, 0).merge(t.cell(0, len(APPENDIX_COLS) - 1))
    first_para(month, "{{ m.heading }}", "VB Phu luc thang")
    header_row(t.rows[0])
    for cell, text in zip(t.rows[1].cells, APPENDIX_HEAD):
        first_para(cell, text, "VB Bang tieu de")
    header_row(t.rows[1])
    first_para(t.cell(2, 0), "{%tr for r in m.rows %}", "VB Bang")
    for i, (name, st) in enumerate(zip(ROW_FIELDS, ROW_STYLES)):
        first_para(t.cell(3, i), f"{{{{ r.{name} }}}}", st)
    first_para(t.cell(4, 0), "{%tr endfor %}", "VB Bang")
    first_para(t.cell(5, 0), "{%tr if loop.last %}", "VB Bang")
    for i, name in enumerate(ROW_FIELDS):
        first_para(t.cell(6, i), f"{{{{ totals.{name} }}}}", "VB Bang tong")
    first_para(t.cell(7, 0), "{%tr endif %}", "VB Bang")
    strip_tcpr(t.rows[3])
    for row in (t.rows[3], t.rows[6]):  # an activity's row is never split across two pages
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    # rows 2, 4, 5 and 7 hold only the loop tags; their other cells stay empty.
    para(doc, "", "VB Phu luc cach")
    para(doc, "{%p endfor %}", "VB Phu luc cach")


def clean_package(doc: Document) -> None:
    """No font but Times New Roman anywhere in the package: drop the legacy
    stylesWithEffects part, set the theme's fonts and the (unused) bullet fonts to it."""
    part = doc.part
    for rid, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rid)
    for rfonts in part.numbering_part.element.iter(qn("w:rFonts")):
        for attr in list(rfonts.attrib):
            del rfonts.attrib[attr]
        for a in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
            rfonts.set(qn(a), FONT)
    for lvl_text in part.numbering_part.element.iter(qn("w:lvlText")):
        if not lvl_text.get(qn("w:val"), "").startswith("%"):
            lvl_text.set(qn("w:val"), "-")
    for rel in part.rels.values():
        if rel.reltype.endswith("/theme"):
            theme = rel.target_part
            xml = theme.blob.decode("utf-8")
            xml = re.sub(r'(<a:(?:latin|ea|cs) typeface=")[^"]*(")', rf"\g<1>{FONT}\g<2>", xml)
            theme._blob = xml.encode("utf-8")


def build(doc_type: str, path: Path, report: bool) -> None:
    doc = Document()
    define_styles(doc)
    page_setup(doc)
    body_el = doc.element.body
    for p in list(body_el.findall(qn("w:p"))):
        body_el.remove(p)
    header_table(doc)
    title_block(doc, doc_type, kinh_gui=report)
    body(doc, report)
    closing_table(doc)
    if report:
        appendix(doc)
    # python-docx leaves an empty paragraph nowhere; a document must end with a paragraph
    # before sectPr only when it ends with a table.
    last = body_el.findall("*")[-2]
    if last.tag == qn("w:tbl"):
        body_el.insert(len(body_el) - 1, copy.deepcopy(OxmlElement("w:p")))
    clean_package(doc)
    core = doc.core_properties
    core.title = doc_type.capitalize()
    core.author = "Văn bản Y tế"
    core.language = "vi-VN"
    doc.save(path)


def main(out_dir: Path = HERE) -> None:
    build("KẾ HOẠCH", out_dir / "ke_hoach.docx", report=False)
    build("BÁO CÁO", out_dir / "bao_cao.docx", report=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE)
