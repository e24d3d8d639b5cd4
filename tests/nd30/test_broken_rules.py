"""Each rule, broken one at a time, gives a finding with its rule id, and what it says."""

from __future__ import annotations

import unicodedata

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips

from .builder import CENTER, LEFT, Builder, add_page_field, fmt, rules, set_text

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
    add_page_field(par)


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
    add_page_field(par)


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
