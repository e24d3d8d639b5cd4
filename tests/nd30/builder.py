"""A conforming Kế hoạch or Báo cáo built with python-docx, for the rule tests to break one rule
at a time; `rules` and `fmt` read findings."""

from __future__ import annotations

from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from desktop.nd30.textwidth import text_width_pt

CENTER = WD_ALIGN_PARAGRAPH.CENTER
JUSTIFY = WD_ALIGN_PARAGRAPH.JUSTIFY
LEFT = WD_ALIGN_PARAGRAPH.LEFT

TEXT_W = 9356  # A4 210 mm − 30 − 15 mm, in twips
LEFT_COL, RIGHT_COL = 3827, TEXT_W - 3827
CELL_MARGINS = 2 * 108  # "Normal Table" left + right cell margins

_PPR_AFTER_PBDR = (
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


def drawing_line_run(width_pt):
    """A run holding an inline DrawingML straight line `width_pt` long."""
    cx = int(width_pt * 12700)
    return parse_xml(
        '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
        ' xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"'
        ' xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"'
        ' xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">'
        f'<wp:extent cx="{cx}" cy="0"/><wp:docPr id="77" name="Line 77"/>'
        "<a:graphic>"
        '<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
        '<wps:wsp><wps:cNvCnPr/><wps:spPr><a:xfrm><a:off x="0" y="0"/>'
        f'<a:ext cx="{cx}" cy="0"/></a:xfrm><a:prstGeom prst="line"><a:avLst/></a:prstGeom>'
        '<a:ln w="9525"><a:solidFill><a:srgbClr val="000000"/></a:solidFill></a:ln></wps:spPr>'
        "<wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )


def add_page_field(par, size=13):
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
        self.page_field = add_page_field(par)
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
        p["issuer_line"] = _border_para(left, 0.4 * text_width_pt(issuer, 12, True), LEFT_COL - CELL_MARGINS)
        p["so"] = _add(left, f"Số: 12/{self.kind}-BVPBT", 13)
        p["quoc_hieu"] = _add(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 12, bold=True, first=True)
        motto = "Độc lập - Tự do - Hạnh phúc"
        p["tieu_ngu"] = _add(right, motto, 13, bold=True)
        p["tieu_ngu_line"] = _border_para(right, text_width_pt(motto, 13, True), RIGHT_COL - CELL_MARGINS)
        p["date"] = _add(right, "Lâm Đồng, ngày 05 tháng 9 năm 2025", 13, italic=True)

    def _title(self):
        doc, p = self.doc, self.p
        if self.kind == "KH":
            doc_type = "KẾ HOẠCH"
            summary = ["Truyền thông về khoa học, công nghệ, đổi mới sáng tạo", "và chuyển đổi số năm 2025"]
        else:
            doc_type = "BÁO CÁO"
            summary = [
                "Kết quả thực hiện Kế hoạch truyền thông về khoa học, công nghệ,",
                "đổi mới sáng tạo và chuyển đổi số năm 2025",
            ]
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
                self._body_para("Căn cứ Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị;", italic=True),
                self._body_para("Căn cứ Nghị quyết số 71/NQ-CP ngày 01/4/2025 của Chính phủ.", italic=True),
            ]
            self._body_para("Bệnh viện Phổi Bình Thuận xây dựng Kế hoạch truyền thông như sau:")
            sections = [
                ("I. MỤC ĐÍCH, YÊU CẦU", ["1. Mục đích", "2. Yêu cầu"]),
                ("II. NỘI DUNG", ["1. Tuyên truyền chủ trương", "2. Phổ biến kết quả"]),
                ("III. HÌNH THỨC TRUYỀN THÔNG", []),
                ("IV. TỔ CHỨC THỰC HIỆN", ["1. Phòng Kế hoạch tổng hợp"]),
            ]
        else:
            self._body_para(
                "Thực hiện Kế hoạch số 12/KH-BVPBT ngày 05/9/2025 của Bệnh viện, "
                "Bệnh viện Phổi Bình Thuận báo cáo kết quả như sau:"
            )
            sections = [
                ("I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", []),
                ("II. KẾT QUẢ THỰC HIỆN", ["1. Tin, bài", "2. Hội nghị"]),
                ("III. ĐÁNH GIÁ CHUNG", ["1. Ưu điểm", "2. Tồn tại, hạn chế"]),
                ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", []),
                ("V. ĐỀ XUẤT, KIẾN NGHỊ", []),
            ]
        for roman, subs in sections:
            p["roman"].append(self._body_para(roman, bold=True))
            for sub in subs:
                p["arabic"].append(self._body_para(sub, bold=True))
                self._body_para(
                    "- Tuyên truyền sâu rộng mục tiêu, quan điểm, nội dung, nhiệm vụ "
                    "và giải pháp đến toàn thể viên chức, người lao động."
                )
        p["last_body"] = self._body_para(
            "Trên đây là nội dung của Bệnh viện Phổi Bình Thuận, đề nghị các khoa, phòng thực hiện./."
        )

    def _closing(self):
        tbl = self.doc.add_table(rows=1, cols=2)
        _set_widths(tbl, (4678, TEXT_W - 4678))
        self.t["closing"] = tbl
        left, right = tbl.rows[0].cells
        p = self.p
        p["noi_nhan"] = _add(left, "Nơi nhận:", 12, bold=True, italic=True, align=LEFT, first=True)
        p["recipients"] = [
            _add(left, t, 11, align=LEFT)
            for t in ("- Sở Y tế tỉnh Lâm Đồng (báo cáo);", "- Ban Giám đốc;", "- Các khoa, phòng;")
        ]
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
        rows = [
            ("STT", "Nội dung", "Số lượng"),
            ("1", "Tin, bài trên Trang TTĐT", "24"),
            ("2", "Hội nghị", "2"),
            ("", "Tổng", "26"),
        ]
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


def rules(findings) -> set[str]:
    return {f.rule for f in findings}


def fmt(findings) -> str:
    return "\n".join(f"{f.rule}: {f.message}" for f in findings)
