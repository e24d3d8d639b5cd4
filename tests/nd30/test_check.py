"""Tests of desktop.docgen.check: a conforming document gives no finding; each rule, broken
one at a time, gives a finding with its rule id; unreadable files give CheckError."""

from __future__ import annotations

import unicodedata
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from desktop.docgen.check import CheckError, Finding, StyleResolver, check_docx
from desktop.docgen.textwidth import text_width_pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

TEXT_W = 9356  # A4 210 mm − 30 − 15 mm, in twips
LEFT_COL, RIGHT_COL = 3827, TEXT_W - 3827
CELL_MARGINS = 2 * 108  # "Normal Table" left + right cell margins

_PPR_AFTER_PBDR = ("w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                   "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
                   "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
                   "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
                   "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
                   "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange")


# --------------------------------------------------------------------------------------------
# Builder of conforming documents


def _run_fmt(par, size, bold=False, italic=False):
    for run in par.runs:
        run.font.size = Pt(size)
        run.bold = bold
        run.italic = italic


def _add(container, text, size, *, bold=False, italic=False, align=CENTER, first=False):
    """A paragraph with one run; `first` reuses the empty first paragraph of a new cell."""
    par = container.paragraphs[0] if first else container.add_paragraph()
    if text:
        par.add_run(text)
    _run_fmt(par, size, bold, italic)
    par.alignment = align
    return par


def _border_para(container, width_pt, avail_twips, side="top", val="single"):
    """An empty paragraph whose top border, narrowed by indents, is a centred line."""
    par = container.add_paragraph()
    pf = par.paragraph_format
    indent = (avail_twips - width_pt * 20) / 2
    pf.left_indent = Twips(indent)
    pf.right_indent = Twips(indent)
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)
    pbdr = OxmlElement("w:pBdr")
    edge = OxmlElement(f"w:{side}")
    for k, v in (("w:val", val), ("w:sz", "6"), ("w:space", "1"), ("w:color", "auto")):
        edge.set(qn(k), v)
    pbdr.append(edge)
    par._p.get_or_add_pPr().insert_element_before(pbdr, *_PPR_AFTER_PBDR)
    return par


def _drawing_line_run(width_pt):
    """A run holding an inline DrawingML straight line `width_pt` long."""
    cx = int(width_pt * 12700)
    return parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="0"/><wp:docPr id="77" name="Line 77"/>'
        '<a:graphic>'
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        '<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>'
    )


def _add_page_field(par, size=13):
    def fld_char(kind):
        run = par.add_run()
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        run._r.append(el)
        return run

    runs = [fld_char("begin")]
    run = par.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    run._r.append(instr)
    runs += [run, fld_char("separate"), par.add_run("2"), fld_char("end")]
    for run in runs:
        run.font.size = Pt(size)
        run.font.name = "Times New Roman"
    return runs


def _set_widths(table, widths):
    for col, w in zip(table._tbl.tblGrid.findall(qn("w:gridCol")), widths):
        col.set(qn("w:w"), str(w))
    for row in table.rows:
        for cell, w in zip(row.cells, widths):
            cell.width = Twips(w)


def set_text(par, text):
    """Replace the text of a paragraph, keeping the first run's formatting."""
    runs = par.runs
    runs[0].text = text
    for run in runs[1:]:
        run._r.getparent().remove(run._r)


class Builder:
    """A conforming Kế hoạch (kind="KH") or Báo cáo with appendix (kind="BC").

    `p` maps names to the paragraphs tests break: parent, issuer, issuer_line, so, quoc_hieu,
    tieu_ngu, tieu_ngu_line, date, doc_type, summary, summary_line, body (list), roman (list),
    arabic (list), can_cu (list), last_body, noi_nhan, recipients (list), luu, authority,
    signer; `t` maps header, closing, appendix to tables.
    """

    def __init__(self, kind="KH", appendix=None):
        self.kind = kind
        self.doc = Document()
        self.p: dict = {}
        self.t: dict = {}
        self._styles()
        self._page()
        self._header_table()
        self._title()
        self._body()
        self._closing()
        if appendix if appendix is not None else kind == "BC":
            self._appendix()

    # -- parts

    def _styles(self):
        normal = self.doc.styles["Normal"]
        normal.font.name = "Times New Roman"
        normal.font.size = Pt(14)
        pf = normal.paragraph_format
        pf.space_before = Pt(0)
        pf.space_after = Pt(0)
        pf.line_spacing = 1.0

    def _page(self):
        sec = self.doc.sections[0]
        sec.page_width, sec.page_height = Mm(210), Mm(297)
        sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
        sec.left_margin, sec.right_margin = Mm(30), Mm(15)
        sec.different_first_page_header_footer = True
        par = sec.header.paragraphs[0]
        par.alignment = CENTER
        self.page_field = _add_page_field(par)
        self.p["page_number"] = par

    def _header_table(self):
        tbl = self.doc.add_table(rows=1, cols=2)
        _set_widths(tbl, (LEFT_COL, RIGHT_COL))
        self.t["header"] = tbl
        left, right = tbl.rows[0].cells
        p = self.p
        p["parent"] = _add(left, "SỞ Y TẾ TỈNH LÂM ĐỒNG", 12, first=True)
        issuer = "BỆNH VIỆN PHỔI BÌNH THUẬN"
        p["issuer"] = _add(left, issuer, 12, bold=True)
        p["issuer_line"] = _border_para(left, 0.4 * text_width_pt(issuer, 12, True),
                                        LEFT_COL - CELL_MARGINS)
        p["so"] = _add(left, f"Số: 12/{self.kind}-BVPBT", 13)
        p["quoc_hieu"] = _add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True,
                              first=True)
        motto = "Độc lập - Tự do - Hạnh phúc"
        p["tieu_ngu"] = _add(right, motto, 13, bold=True)
        p["tieu_ngu_line"] = _border_para(right, text_width_pt(motto, 13, True),
                                          RIGHT_COL - CELL_MARGINS)
        p["date"] = _add(right, "Lâm Đồng, ngày 05 tháng 9 năm 2025", 13, italic=True)

    def _title(self):
        doc, p = self.doc, self.p
        if self.kind == "KH":
            doc_type = "KẾ HOẠCH"
            summary = ["Truyền thông về khoa học, công nghệ, đổi mới sáng tạo",
                       "và chuyển đổi số năm 2025"]
        else:
            doc_type = "BÁO CÁO"
            summary = ["Kết quả thực hiện Kế hoạch truyền thông về khoa học, công nghệ,",
                       "đổi mới sáng tạo và chuyển đổi số năm 2025"]
        p["doc_type"] = _add(doc, doc_type, 14, bold=True)
        p["summary"] = [_add(doc, s, 14, bold=True) for s in summary]
        widest = max(text_width_pt(s, 14, True) for s in summary)
        p["summary_line"] = _border_para(doc, 0.4 * widest, TEXT_W)
        if self.kind == "BC":
            p["kinh_gui"] = _add(doc, "Kính gửi: Sở Y tế tỉnh Lâm Đồng.", 14)

    def _body_para(self, text, *, bold=False, italic=False):
        par = _add(self.doc, text, 14, bold=bold, italic=italic, align=JUSTIFY)
        pf = par.paragraph_format
        pf.first_line_indent = Twips(720)
        pf.space_after = Pt(6)
        pf.line_spacing = 1.0
        self.p["body"].append(par)
        return par

    def _body(self):
        p = self.p
        p["body"], p["roman"], p["arabic"], p["can_cu"] = [], [], [], []
        if self.kind == "KH":
            p["can_cu"] += [
                self._body_para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;",
                                italic=True),
                self._body_para("Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ.",
                                italic=True),
            ]
            self._body_para("Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch truyền thông như sau:")
            sections = [("I. MỤC ĐÍCH, YÊU CẦU", ["1. Mục đích", "2. Yêu cầu"]),
                        ("II. NỘI DUNG", ["1. Tuyên truyền chủ trương", "2. Phổ biến kết quả"]),
                        ("III. HÌNH THỨC TRUYỀN THÔNG", []),
                        ("IV. TỔ CHỨC THỰC HIỆN", ["1. Phòng Kế hoạch tổng hợp"])]
        else:
            self._body_para("Thực hiện Kế hoạch số 12/KH-BVPBT ngày 05/9/2025 của Bệnh viện, "
                            "Bệnh viện Phổi Bình Thuận báo cáo kết quả như sau:")
            sections = [("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", []),
                        ("II. KẾT QUẢ THỰC HIỆN", ["1. Tin, bài", "2. Hội nghị"]),
                        ("III. ĐÁNH GIÁ CHUNG", ["1. Ưu điểm", "2. Tồn tại, hạn chế"]),
                        ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", []),
                        ("V. ĐỀ XUẤT, KIẾN NGHỊ", [])]
        for roman, subs in sections:
            p["roman"].append(self._body_para(roman, bold=True))
            for sub in subs:
                p["arabic"].append(self._body_para(sub, bold=True))
                self._body_para("- Tuyên truyền sâu rộng mục tiêu, quan điểm, nội dung, nhiệm vụ "
                                "và giải pháp đến toàn thể viên chức, người lao động.")
        p["last_body"] = self._body_para(
            "Trên đây là nội dung của Bệnh viện Phổi Bình Thuận, đề nghị các khoa, phòng "
            "thực hiện./.")

    def _closing(self):
        tbl = self.doc.add_table(rows=1, cols=2)
        _set_widths(tbl, (4678, TEXT_W - 4678))
        self.t["closing"] = tbl
        left, right = tbl.rows[0].cells
        p = self.p
        p["noi_nhan"] = _add(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT,
                             first=True)
        p["recipients"] = [_add(left, t, 11, align=LEFT)
                           for t in ("- Sở Y tế tỉnh Lâm Đồng (báo cáo);", "- Ban Giám đốc;",
                                     "- Các khoa, phòng;")]
        p["luu"] = _add(left, "- Lưu: VT, KHTH.", 11, align=LEFT)
        p["authority"] = _add(right, "GIÁM ĐỐC", 14, bold=True, first=True)
        p["signature_space"] = [_add(right, "", 14) for _ in range(3)]
        p["signer"] = _add(right, "Lê Hồng Vũ", 14, bold=True)

    def _appendix(self):
        doc, p = self.doc, self.p
        brk = doc.add_paragraph()
        brk.add_run().add_break(WD_BREAK.PAGE)
        p["page_break"] = brk
        _add(doc, "Phụ lục", 14, bold=True)
        _add(doc, "DANH SÁCH HOẠT ĐỘNG TRUYỀN THÔNG", 14, bold=True)
        _add(doc, "(Kèm theo Báo cáo số 45/BC-BVPBT ngày 05/12/2025)", 14, italic=True)
        rows = [("STT", "Nội dung", "Số lượng"), ("1", "Tin, bài trên Trang TTĐT", "24"),
                ("2", "Hội nghị", "2"), ("", "Tổng", "26")]
        tbl = doc.add_table(rows=len(rows), cols=3)
        tbl.style = doc.styles["Table Grid"]
        for row, values in zip(tbl.rows, rows):
            for cell, value in zip(row.cells, values):
                _add(cell, value, 12, first=True)
        trpr = tbl.rows[0]._tr.get_or_add_trPr()
        trpr.append(OxmlElement("w:tblHeader"))
        self.t["appendix"] = tbl

    # -- output

    def save(self, path: Path) -> Path:
        self.doc.save(str(path))
        return path


@pytest.fixture
def check(tmp_path):
    counter = iter(range(10_000))

    def run(builder: Builder) -> list[Finding]:
        return check_docx(builder.save(tmp_path / f"doc{next(counter)}.docx"))

    return run


def rules(findings) -> set[str]:
    return {f.rule for f in findings}


def fmt(findings) -> str:
    return "\n".join(f"{f.rule}: {f.message}" for f in findings)


# --------------------------------------------------------------------------------------------
# Conforming documents


def test_conforming_plan_has_no_finding(check):
    findings = check(Builder("KH"))
    assert findings == [], fmt(findings)


def test_conforming_report_with_appendix_has_no_finding(check):
    findings = check(Builder("BC"))
    assert findings == [], fmt(findings)


def test_blank_number_and_day_are_allowed(check):
    b = Builder()
    set_text(b.p["so"], "Số:      /KH-BVPBT")
    set_text(b.p["date"], "Lâm Đồng, ngày      tháng 9 năm 2025")
    assert check(b) == []


def test_leading_zero_months_and_day_pass(check):
    b = Builder()
    set_text(b.p["date"], "Lâm Đồng, ngày 09 tháng 02 năm 2026")
    set_text(b.p["so"], "Số: 05/KH-BVPBT")
    assert check(b) == []


def test_line_drawn_as_shape_is_accepted(check):
    b = Builder()
    par = b.p["issuer_line"]
    par._p.pPr.remove(par._p.pPr.find(qn("w:pBdr")))
    par._p.append(_drawing_line_run(0.45 * text_width_pt("BỆNH VIỆN PHỔI BÌNH THUẬN", 12, True)))
    assert check(b) == []


def test_line_drawn_as_shape_too_long(check):
    b = Builder()
    par = b.p["issuer_line"]
    par._p.pPr.remove(par._p.pPr.find(qn("w:pBdr")))
    par._p.append(_drawing_line_run(text_width_pt("BỆNH VIỆN PHỔI BÌNH THUẬN", 12, True)))
    assert rules(check(b)) == {"dau-trang.gach-co-quan"}


# --------------------------------------------------------------------------------------------
# One rule broken at a time


def _break_font(b):
    b.p["body"][3].runs[0].font.name = "Arial"


def _break_body_size(b):
    for run in b.p["body"][4].runs:
        run.font.size = Pt(12)


def _break_order(b):
    set_text(b.p["roman"][2], "IV. HÌNH THỨC TRUYỀN THÔNG")
    set_text(b.p["roman"][3], "III. TỔ CHỨC THỰC HIỆN")


def _break_closing_sentence(b):
    set_text(b.p["last_body"], "Trên đây là nội dung của Bệnh viện Phổi Bình Thuận.")


def _break_parent_bold(b):
    b.p["parent"].runs[0].bold = True


def _break_number(b):
    set_text(b.p["so"], "Số: 5/KH-BVPBT")


def _break_day(b):
    set_text(b.p["date"], "Lâm Đồng, ngày 5 tháng 9 năm 2025")


def _break_month_1(b):
    set_text(b.p["date"], "Lâm Đồng, ngày 15 tháng 1 năm 2026")


def _break_month_09(b):
    set_text(b.p["date"], "Lâm Đồng, ngày 15 tháng 09 năm 2025")


def _break_title_pg(b):
    b.doc.sections[0].different_first_page_header_footer = False


def _break_first_page_number(b):
    par = b.doc.sections[0].first_page_header.paragraphs[0]
    par.alignment = CENTER
    _add_page_field(par)


def _break_landscape(b):
    sec = b.doc.sections[0]
    sec.orientation = WD_ORIENT.LANDSCAPE
    sec.page_width, sec.page_height = Mm(297), Mm(210)


def _break_margin_top(b):
    b.doc.sections[0].top_margin = Mm(10)


def _break_margin_left(b):
    b.doc.sections[0].left_margin = Mm(25)


def _break_nfc(b):
    set_text(b.p["body"][2], unicodedata.normalize("NFD", b.p["body"][2].text))


def _break_control(b):
    set_text(b.p["body"][2], b.p["body"][2].text + "\u0085")


def _break_zero_width(b):
    set_text(b.p["body"][2], "Bệnh viện\u200b Phổi Bình Thuận xây dựng Kế hoạch như sau:")


def _break_header_borders(b):
    b.t["header"].style = b.doc.styles["Table Grid"]


def _break_closing_borders(b):
    b.t["closing"].style = b.doc.styles["Table Grid"]


def _break_recipient(b):
    set_text(b.p["recipients"][1], "- Ban Giám đốc")


def _break_luu(b):
    set_text(b.p["luu"], "- Lưu VT")


def _break_noi_nhan(b):
    b.p["noi_nhan"].runs[0].italic = False


def _break_color(b):
    from docx.shared import RGBColor
    b.p["body"][5].runs[0].font.color.rgb = RGBColor(0xFF, 0, 0)


def _break_issuer_line_missing(b):
    par = b.p["issuer_line"]
    par._p.getparent().remove(par._p)


def _break_issuer_line_too_long(b):
    par = b.p["issuer_line"]
    par.paragraph_format.left_indent = Twips(0)
    par.paragraph_format.right_indent = Twips(0)


def _break_motto_line_short(b):
    par = b.p["tieu_ngu_line"]
    par.paragraph_format.left_indent = Twips(1500)
    par.paragraph_format.right_indent = Twips(1500)


def _break_summary_line_missing(b):
    par = b.p["summary_line"]
    par._p.getparent().remove(par._p)


def _break_motto_text(b):
    set_text(b.p["tieu_ngu"], "Độc lập – Tự do – Hạnh phúc")


def _break_quoc_hieu_size(b):
    b.p["quoc_hieu"].runs[0].font.size = Pt(14)


def _break_date_italic(b):
    b.p["date"].runs[0].italic = False


def _break_so_bold(b):
    b.p["so"].runs[0].bold = True


def _break_doc_type(b):
    b.p["doc_type"].runs[0].bold = False


def _break_summary_alignment(b):
    b.p["summary"][1].alignment = LEFT


def _break_can_cu_italic(b):
    b.p["can_cu"][0].runs[0].italic = False


def _break_can_cu_last(b):
    set_text(b.p["can_cu"][1], "Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ;")


def _break_roman_case(b):
    set_text(b.p["roman"][1], "II. Nội dung")


def _break_arabic_bold(b):
    b.p["arabic"][0].runs[0].bold = False


def _break_arabic_order(b):
    set_text(b.p["arabic"][1], "3. Yêu cầu")


def _break_justify(b):
    b.p["body"][2].alignment = LEFT


def _break_indent(b):
    b.p["body"][2].paragraph_format.first_line_indent = Twips(0)


def _break_spacing(b):
    b.p["body"][2].paragraph_format.space_after = Pt(2)


def _break_line_spacing(b):
    b.p["body"][2].paragraph_format.line_spacing = 2.0


def _break_signer_upper(b):
    set_text(b.p["signer"], "LÊ HỒNG VŨ")


def _break_signature_space(b):
    for par in b.p["signature_space"]:
        par._p.getparent().remove(par._p)


def _break_authority_bold(b):
    b.p["authority"].runs[0].bold = False


def _break_text_before_header(b):
    body = b.doc.element.body
    par = OxmlElement("w:p")
    run = OxmlElement("w:r")
    t = OxmlElement("w:t")
    t.text = "Văn bản nháp"
    run.append(t)
    par.append(run)
    body.insert(0, par)


def _break_header_columns(b):
    b.t["header"].add_column(Twips(500))


def _break_page_number_missing(b):
    par = b.p["page_number"]
    for run in list(par.runs):
        run._r.getparent().remove(run._r)


def _break_page_number_left(b):
    b.p["page_number"].alignment = LEFT


def _break_page_number_size(b):
    for run in b.page_field:
        run.font.size = Pt(11)


def _break_page_number_footer(b):
    par = b.doc.sections[0].footer.paragraphs[0]
    par.alignment = CENTER
    _add_page_field(par)


def _break_symbol(b):
    set_text(b.p["so"], "Số: 12/KH-BVPBT")


BREAKS_KH = [
    (_break_font, "phong-chu"),
    (_break_body_size, "than.co-chu"),
    (_break_order, "than.thu-tu-muc"),
    (_break_closing_sentence, "than.ket-thuc"),
    (_break_parent_bold, "dau-trang.co-quan-chu-quan"),
    (_break_number, "dau-trang.so-ky-hieu"),
    (_break_day, "dau-trang.dia-danh-ngay"),
    (_break_month_1, "dau-trang.dia-danh-ngay"),
    (_break_month_09, "dau-trang.dia-danh-ngay"),
    (_break_title_pg, "so-trang.trang-dau"),
    (_break_first_page_number, "so-trang.trang-dau"),
    (_break_landscape, "trang.huong-giay"),
    (_break_margin_top, "trang.le-tren"),
    (_break_margin_left, "trang.le-trai"),
    (_break_nfc, "van-ban.nfc"),
    (_break_control, "van-ban.ky-tu-dieu-khien"),
    (_break_zero_width, "van-ban.ky-tu-dieu-khien"),
    (_break_header_borders, "dau-trang.vien"),
    (_break_closing_borders, "ket-thuc.vien"),
    (_break_recipient, "noi-nhan.dong"),
    (_break_luu, "noi-nhan.luu"),
    (_break_noi_nhan, "noi-nhan.tieu-de"),
    (_break_color, "mau-chu"),
    (_break_issuer_line_missing, "dau-trang.gach-co-quan"),
    (_break_issuer_line_too_long, "dau-trang.gach-co-quan"),
    (_break_motto_line_short, "dau-trang.gach-tieu-ngu"),
    (_break_summary_line_missing, "tieu-de.gach"),
    (_break_motto_text, "dau-trang.tieu-ngu"),
    (_break_quoc_hieu_size, "dau-trang.quoc-hieu"),
    (_break_date_italic, "dau-trang.dia-danh-ngay"),
    (_break_so_bold, "dau-trang.so-ky-hieu"),
    (_break_doc_type, "tieu-de.ten-loai"),
    (_break_summary_alignment, "tieu-de.trich-yeu"),
    (_break_can_cu_italic, "than.can-cu"),
    (_break_can_cu_last, "than.can-cu"),
    (_break_roman_case, "than.muc-la-ma"),
    (_break_arabic_bold, "than.muc-so"),
    (_break_arabic_order, "than.thu-tu-muc"),
    (_break_justify, "than.can-le"),
    (_break_indent, "than.thut-dau-dong"),
    (_break_spacing, "than.khoang-cach-doan"),
    (_break_line_spacing, "than.gian-dong"),
    (_break_signer_upper, "chu-ky.ho-ten"),
    (_break_signature_space, "chu-ky.khoang-trong"),
    (_break_authority_bold, "chu-ky.tham-quyen"),
    (_break_text_before_header, "dau-trang.bang"),
    (_break_header_columns, "dau-trang.so-cot"),
    (_break_page_number_missing, "so-trang.thieu"),
    (_break_page_number_left, "so-trang.can-giua"),
    (_break_page_number_size, "so-trang.co-chu"),
    (_break_page_number_footer, "so-trang.vi-tri"),
]


@pytest.mark.parametrize("breaker, rule", BREAKS_KH, ids=[f.__name__[7:] for f, _ in BREAKS_KH])
def test_each_broken_rule_is_reported(check, breaker, rule):
    b = Builder("KH")
    breaker(b)
    findings = check(b)
    assert rule in rules(findings), fmt(findings)
    for f in findings:
        assert unicodedata.is_normalized("NFC", f.message) and "\n" not in f.message


def _break_appendix_header_row(b):
    trpr = b.t["appendix"].rows[0]._tr.trPr
    trpr.remove(trpr.find(qn("w:tblHeader")))


def _break_appendix_borders(b):
    tblpr = b.t["appendix"]._tbl.tblPr
    tblpr.remove(tblpr.find(qn("w:tblStyle")))


def _break_appendix_page(b):
    par = b.p["page_break"]
    par._p.getparent().remove(par._p)


def _break_appendix_total(b):
    tbl = b.t["appendix"]
    tbl._tbl.remove(tbl.rows[-1]._tr)


def _break_kinh_gui(b):
    b.p["kinh_gui"].alignment = LEFT


def _break_appendix_size(b):
    tbl = b.t["appendix"]
    tbl.rows[1].cells[1].paragraphs[0].runs[0].font.size = Pt(9)


BREAKS_BC = [
    (_break_appendix_header_row, "phu-luc.lap-tieu-de"),
    (_break_appendix_borders, "phu-luc.vien-bang"),
    (_break_appendix_page, "phu-luc.trang-moi"),
    (_break_appendix_total, "phu-luc.dong-tong"),
    (_break_appendix_size, "phu-luc.co-chu"),
    (_break_symbol, "dau-trang.ky-hieu-loai"),
    (_break_kinh_gui, "tieu-de.kinh-gui"),
]


@pytest.mark.parametrize("breaker, rule", BREAKS_BC, ids=[f.__name__[7:] for f, _ in BREAKS_BC])
def test_each_broken_report_rule_is_reported(check, breaker, rule):
    b = Builder("BC")
    breaker(b)
    findings = check(b)
    assert rule in rules(findings), fmt(findings)


def test_iv_before_iii_names_the_heading(check):
    b = Builder()
    _break_order(b)
    msgs = [f.message for f in check(b) if f.rule == "than.thu-tu-muc"]
    assert any('"III."' in m and '"IV."' in m for m in msgs), msgs


def test_body_size_message_names_place_and_sizes(check):
    b = Builder()
    _break_body_size(b)
    [f] = [f for f in check(b) if f.rule == "than.co-chu"]
    assert f.message.startswith("đoạn ")
    assert "cỡ chữ 12 pt, cần 13–14 pt" in f.message


def test_repeated_findings_are_capped(check):
    b = Builder()
    for par in b.p["body"]:
        for run in par.runs:
            run.font.size = Pt(12)
    findings = [f for f in check(b) if f.rule == "than.co-chu"]
    assert len(findings) == 6
    assert findings[-1].message.startswith("… và ")
    assert "chỗ khác" in findings[-1].message


def test_page_break_before_and_section_break_start_appendix(check):
    b = Builder("BC")
    _break_appendix_page(b)
    heading = b.doc.paragraphs[[p.text for p in b.doc.paragraphs].index("Phụ lục")]
    heading.paragraph_format.page_break_before = True
    assert check(b) == []


def _section_break_before_appendix(b, kind=None):
    """Replace the page-break paragraph by a section break (a paragraph holding a sectPr)."""
    import copy
    par = b.p["page_break"]
    for run in list(par.runs):
        run._r.getparent().remove(run._r)
    body_sect = b.doc.element.body.sectPr
    sect = copy.deepcopy(body_sect)
    par._p.get_or_add_pPr().append(sect)
    if kind:
        type_el = OxmlElement("w:type")
        type_el.set(qn("w:val"), kind)
        body_sect.insert(0, type_el)


def test_section_break_starts_appendix_on_new_page(check):
    b = Builder("BC")
    _section_break_before_appendix(b)
    findings = check(b)
    assert findings == [], fmt(findings)


def test_continuous_section_break_is_not_a_new_page(check):
    b = Builder("BC")
    _section_break_before_appendix(b, "continuous")
    assert rules(check(b)) == {"phu-luc.trang-moi"}


def _vml_line_paragraph(width_pt):
    return parse_xml(
        '<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:v="urn:schemas-microsoft-com:vml"'
        ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">'
        '<w:pPr><w:jc w:val="center"/></w:pPr><w:r><mc:AlternateContent>'
        '<mc:Choice Requires="wps"><w:t></w:t></mc:Choice>'
        '<mc:Fallback><w:pict><v:line from="0,0" to="500pt,0"/></w:pict></mc:Fallback>'
        '</mc:AlternateContent></w:r>'
        f'<w:r><w:pict><v:line from="10pt,0" to="{10 + width_pt}pt,0"/></w:pict></w:r></w:p>'
    )


def test_vml_line_is_measured_and_fallback_ignored(check):
    motto_w = text_width_pt("Độc lập - Tự do - Hạnh phúc", 13, True)
    b = Builder()
    old = b.p["tieu_ngu_line"]._p
    old.addprevious(_vml_line_paragraph(motto_w))
    old.getparent().remove(old)
    findings = check(b)
    assert findings == [], fmt(findings)
    b = Builder()
    old = b.p["tieu_ngu_line"]._p
    old.addprevious(_vml_line_paragraph(motto_w / 2))
    old.getparent().remove(old)
    assert rules(check(b)) == {"dau-trang.gach-tieu-ngu"}


def test_all_caps_counts_as_uppercase(check):
    b = Builder()
    run = b.p["doc_type"].runs[0]
    run.text = "Kế hoạch"
    run.font.all_caps = True
    set_text(b.p["so"], "Số: 12/BC-BVPBT")  # the type code still comes from "KẾ HOẠCH"
    assert rules(check(b)) == {"dau-trang.ky-hieu-loai"}


# --------------------------------------------------------------------------------------------
# Style resolution


def test_bold_from_paragraph_style_chain(check):
    b = Builder()
    styles = b.doc.styles
    from docx.enum.style import WD_STYLE_TYPE
    base = styles.add_style("ParentBase", WD_STYLE_TYPE.PARAGRAPH)
    base.font.bold = True
    child = styles.add_style("ParentChild", WD_STYLE_TYPE.PARAGRAPH)
    child.base_style = base
    par = b.p["parent"]
    par.style = child
    par.runs[0].bold = None  # no direct b: the bold comes from the style chain
    assert "dau-trang.co-quan-chu-quan" in rules(check(b))


def test_theme_font_is_resolved(check):
    b = Builder()
    rpr = b.p["body"][2].runs[0]._r.get_or_add_rPr()
    fonts = OxmlElement("w:rFonts")
    fonts.set(qn("w:asciiTheme"), "minorHAnsi")
    fonts.set(qn("w:hAnsiTheme"), "minorHAnsi")
    rpr.insert(0, fonts)
    findings = [f for f in check(b) if f.rule == "phong-chu"]
    assert findings and "Times New Roman" in findings[0].message


def test_toggle_properties():
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    styles = parse_xml(
        f'<w:styles {w}><w:docDefaults><w:rPrDefault><w:rPr><w:sz w:val="24"/></w:rPr>'
        '</w:rPrDefault></w:docDefaults>'
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"/>'
        '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="Normal"/>'
        '<w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>'
        '<w:style w:type="character" w:styleId="Strong">'
        '<w:rPr><w:b w:val="true"/></w:rPr></w:style>'
        '</w:styles>')
    res = StyleResolver(styles)
    p = parse_xml(f'<w:p {w}><w:pPr><w:pStyle w:val="B"/></w:pPr><w:r><w:t>x</w:t></w:r></w:p>')
    r = p.find(qn("w:r"))
    props = res.run_props(p, r)
    assert props.bold and props.size_pt == 14 and props.ascii_font == "Times New Roman"
    r_off = parse_xml(f'<w:r {w}><w:rPr><w:b w:val="0"/></w:rPr><w:t>x</w:t></w:r>')
    assert not res.run_props(p, r_off).bold
    r_strong = parse_xml(f'<w:r {w}><w:rPr><w:rStyle w:val="Strong"/></w:rPr><w:t>x</w:t></w:r>')
    assert not res.run_props(p, r_strong).bold  # bold paragraph style XOR bold character style
    r_direct = parse_xml(f'<w:r {w}><w:rPr><w:rStyle w:val="Strong"/><w:b w:val="on"/></w:rPr>'
                         '<w:t>x</w:t></w:r>')
    assert res.run_props(p, r_direct).bold  # direct formatting is absolute
    plain = parse_xml(f'<w:p {w}><w:r><w:t>x</w:t></w:r></w:p>')
    assert res.run_props(plain, plain.find(qn("w:r"))).size_pt == 12


def test_text_width_is_plausible():
    assert text_width_pt("n", 12) == pytest.approx(6.0)
    bold = text_width_pt("BỆNH VIỆN", 12, True)
    assert bold > text_width_pt("BỆNH VIỆN", 12, False) > 0
    assert text_width_pt("\U0001F600", 10) == pytest.approx(text_width_pt("n", 10))


# --------------------------------------------------------------------------------------------
# Files that cannot be checked


def _assert_vietnamese_error(exc_info, name=None):
    msg = str(exc_info.value)
    assert "\n" not in msg and msg
    assert unicodedata.is_normalized("NFC", msg)
    assert any(ch in msg for ch in "ệếạảốờ"), msg
    if name:
        assert name in msg


def test_empty_path():
    with pytest.raises(CheckError) as e:
        check_docx("")
    _assert_vietnamese_error(e)


def test_missing_file(tmp_path):
    with pytest.raises(CheckError) as e:
        check_docx(tmp_path / "khong_co.docx")
    _assert_vietnamese_error(e, "khong_co.docx")


def test_not_a_zip(tmp_path):
    path = tmp_path / "van_ban.docx"
    path.write_text("đây không phải tệp Word", encoding="utf-8")
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "van_ban.docx")


def test_zip_without_document(tmp_path):
    path = tmp_path / "rong.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("hello.txt", "xin chào")
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "rong.docx")


def test_truncated_docx(tmp_path):
    good = Builder().save(tmp_path / "good.docx")
    data = good.read_bytes()
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "cut.docx")


def test_damaged_xml(tmp_path):
    good = Builder().save(tmp_path / "good.docx")
    path = tmp_path / "hong.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            if item.filename == "word/document.xml":
                data = data[: len(data) - 200]
            dst.writestr(item, data)
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "hong.docx")


def test_empty_document(tmp_path):
    path = tmp_path / "trong.docx"
    Document().save(str(path))
    with pytest.raises(CheckError) as e:
        check_docx(path)
    _assert_vietnamese_error(e, "trong.docx")


def test_directory(tmp_path):
    with pytest.raises(CheckError) as e:
        check_docx(tmp_path)
    _assert_vietnamese_error(e)


def test_document_without_header_table_gives_findings(tmp_path):
    doc = Document()
    doc.add_paragraph("Một đoạn văn bản.")
    path = tmp_path / "khong_bang.docx"
    doc.save(str(path))
    findings = check_docx(path)
    assert "dau-trang.bang" in rules(findings)
    assert "ket-thuc.bang" in rules(findings)


def test_missing_header_part_is_a_finding(tmp_path):
    good = Builder().save(tmp_path / "good.docx")
    path = tmp_path / "thieu.docx"
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            if item.filename.startswith("word/header"):
                continue
            dst.writestr(item, src.read(item))
    findings = check_docx(path)
    assert "cau-truc.thieu-phan" in rules(findings)
    assert "so-trang.thieu" in rules(findings)


@pytest.mark.parametrize("name", ["ke_hoach.docx", "bao_cao.docx"])
def test_generated_output_can_be_checked(name):
    """The app's real output, when present: checking it must not crash."""
    path = Path("/tmp/out") / name
    if not path.exists():
        pytest.skip(f"{path} not generated")
    findings = check_docx(path)
    assert all(isinstance(f, Finding) for f in findings)
