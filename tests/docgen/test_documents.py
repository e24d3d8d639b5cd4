"""The generated Kế hoạch and Báo cáo, read back from their XML against docs/nd30.md."""

import re
import shutil
import subprocess
import unicodedata
import zipfile
from datetime import date

import pytest
from docx import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from desktop import app
from desktop.nd30 import check_docx
from desktop.store import activities, db


@pytest.fixture(scope="module")
def docs(demo_db, tmp_path_factory):
    out = tmp_path_factory.mktemp("docs")
    conn = db.open_db(demo_db)
    app.write_plan(conn, out / "ke_hoach.docx")
    app.write_report(conn, out / "bao_cao.docx")
    app.write_report(conn, out / "bao_cao_q2.docx", start=date(2025, 4, 1), end=date(2025, 6, 30))
    conn.close()
    return out


def effective(paragraph, run, attr):
    """A run property resolved as Word does: run, then the paragraph style chain, then docDefaults."""
    value = getattr(run.font, attr) if run is not None else None
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.font, attr)
        style = style.base_style
    if value is None and attr == "size":
        sz = paragraph.part.document.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:sz"))
        value = int(sz.get(qn("w:val"))) * 6350  # half-points to EMU
    return value


def para_format(paragraph, attr):
    value = getattr(paragraph.paragraph_format, attr)
    style = paragraph.style
    while value is None and style is not None:
        value = getattr(style.paragraph_format, attr)
        style = style.base_style
    return value


def cell_lines(cell):
    return [p for p in cell.paragraphs if p.text.strip()]


@pytest.mark.parametrize("name", ["ke_hoach.docx", "bao_cao.docx", "bao_cao_q2.docx"])
def test_checker_finds_no_fault(docs, name):
    assert check_docx(docs / name) == []


@pytest.mark.parametrize("name", ["ke_hoach.docx", "bao_cao.docx"])
def test_page_font_and_text(docs, name):
    d = Document(docs / name)
    # the plan: one A4 portrait section; the report: then the appendix, its own A4 landscape section
    assert len(d.sections) == (2 if name == "bao_cao.docx" else 1)
    for i, s in enumerate(d.sections):
        if i == 0:
            assert (s.page_width.twips, s.page_height.twips) == (11906, 16838)  # A4 portrait
            assert s.different_first_page_header_footer
        else:
            assert (s.page_width.twips, s.page_height.twips) == (16838, 11906)  # A4 landscape
            assert not s.different_first_page_header_footer  # the appendix's first page is numbered
            assert s.start_type == WD_SECTION.NEW_PAGE
        assert [round(m.mm, 1) for m in (s.top_margin, s.bottom_margin, s.left_margin, s.right_margin)] == [
            20,
            20,
            30,
            15,
        ]
        page = s.header.paragraphs[0]
        assert "PAGE" in s.header._element.xml
        assert para_format(page, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
        assert effective(page, page.runs[-1], "size").pt in (13, 14)
        assert "PAGE" not in s.first_page_header._element.xml
    with zipfile.ZipFile(docs / name) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        styles = z.read("word/styles.xml").decode("utf-8")
    rfonts = " ".join(re.findall(r"<w:rFonts [^>]*>", xml + styles))
    fonts = set(re.findall(r'w:(?:ascii|hAnsi|cs|eastAsia)="([^"]+)"', rfonts))
    assert fonts == {"Times New Roman"}
    assert not re.search(r"w:(ascii|hAnsi)Theme=", xml + styles)
    text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    assert unicodedata.is_normalized("NFC", text)
    assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", text)
    assert "{{" not in text and "{%" not in text and "}}" not in text


def test_header_table(docs):
    d = Document(docs / "ke_hoach.docx")
    body = d.element.body
    assert body[0].tag == qn("w:tbl")  # nothing before the header table
    t = d.tables[0]
    left = [p for r in t.rows for p in cell_lines(r.cells[0])]
    right = [p for r in t.rows for p in cell_lines(r.cells[1])]
    assert [p.text for p in left] == ["SỞ Y TẾ TỈNH LÂM ĐỒNG", "BỆNH VIỆN PHỔI BÌNH THUẬN", "Số: 05/KH-BVPBT"]
    assert [p.text for p in right] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lâm Đồng, ngày 05 tháng 9 năm 2025",
    ]
    parent, issuer, number = left
    assert effective(parent, parent.runs[0], "size").pt in (12, 13) and not effective(parent, parent.runs[0], "bold")
    assert effective(issuer, issuer.runs[0], "size").pt in (12, 13) and effective(issuer, issuer.runs[0], "bold")
    assert effective(number, number.runs[0], "size").pt == 13 and not effective(number, number.runs[0], "bold")
    qh, tn, pd = right
    assert effective(qh, qh.runs[0], "size").pt in (12, 13) and effective(qh, qh.runs[0], "bold")
    assert effective(tn, tn.runs[0], "size").pt in (13, 14) and effective(tn, tn.runs[0], "bold")
    assert effective(pd, pd.runs[0], "size").pt in (13, 14) and effective(pd, pd.runs[0], "italic")
    for p in left + right:
        assert para_format(p, "alignment") == WD_ALIGN_PARAGRAPH.CENTER
    borders = t._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    # the short line under the issuing body: a bordered empty paragraph, 1/3 to 1/2 of the name
    from desktop.nd30.textwidth import text_width_pt

    rule = issuer._p.getnext()
    ind = rule.find(qn("w:pPr")).find(qn("w:ind"))
    cell_tw = int(t._tbl.tblGrid.findall(qn("w:gridCol"))[0].get(qn("w:w"))) - 2 * 28
    line_tw = cell_tw - int(ind.get(qn("w:left"))) - int(ind.get(qn("w:right")))
    name_tw = text_width_pt(issuer.text, 12, True) * 20
    assert 1 / 3 <= line_tw / name_tw <= 1 / 2


def test_title_body_and_closing(docs):
    d = Document(docs / "ke_hoach.docx")
    paras = [p for p in d.paragraphs if p.text.strip()]
    assert paras[0].text == "KẾ HOẠCH" and effective(paras[0], paras[0].runs[0], "bold")
    assert paras[1].text.startswith("Truyền thông về Nghị quyết số 57-NQ/TW")
    body = paras[2:]
    heads = [p.text.split(" ")[0] for p in body if re.match(r"^[IVX]+\. ", p.text)]
    assert heads == ["I.", "II.", "III.", "IV.", "V."]
    for p in body:
        assert effective(p, p.runs[0], "size").pt == 14
        assert para_format(p, "alignment") == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert abs(para_format(p, "first_line_indent").cm - 1.27) < 0.01
        assert para_format(p, "space_after").pt >= 6
    assert body[-1].text.endswith("./.")
    closing = d.tables[-1]
    left = cell_lines(closing.rows[0].cells[0])
    assert left[0].text == "Nơi nhận:"
    assert effective(left[0], left[0].runs[0], "bold") and effective(left[0], left[0].runs[0], "italic")
    assert effective(left[0], left[0].runs[0], "size").pt == 12
    assert all(p.text.startswith("- ") and p.text.endswith(";") for p in left[1:-1])
    assert left[-1].text == "- Lưu: VT, KHTH."
    assert all(effective(p, p.runs[0], "size").pt == 11 for p in left[1:])
    right = closing.rows[0].cells[1].paragraphs
    assert [p.text for p in right if p.text.strip()] == ["GIÁM ĐỐC", "Lê Hồng Vũ"]
    assert sum(1 for p in right if not p.text.strip()) >= 3


def appendix_tables(d):
    """The appendix's consecutive tables (one per month or part of a month), after the closing table."""
    return d.tables[2:]


def appendix_rows(d):
    """(header rows of each table: its month and its column heads; data rows of all tables; totals row)."""
    tables = appendix_tables(d)
    heads, data = [], []
    for t in tables:
        rows = list(t.rows)
        heads.append((rows[0], rows[1]))
        data.extend(rows[2:])
    return heads, data[:-1], data[-1]


@pytest.mark.parametrize(
    "name, start, end",
    [("bao_cao.docx", date(2025, 1, 1), date(2025, 12, 31)), ("bao_cao_q2.docx", date(2025, 4, 1), date(2025, 6, 30))],
)
def test_report_appendix_lists_exactly_the_period(docs, demo_db, name, start, end):
    d = Document(docs / name)
    tables = appendix_tables(d)
    heads, data, totals = appendix_rows(d)
    for month, head in heads:  # every table repeats its month and its column heads on each of its pages
        assert month._tr.trPr.find(qn("w:tblHeader")) is not None
        assert head._tr.trPr.find(qn("w:tblHeader")) is not None
        assert [c.text for c in head.cells][:3] == ["STT", "Thời gian", "Nội dung"]
    conn = db.open_db(demo_db)
    expected = activities.load_activities(conn, start, end)
    assert [r.cells[2].text for r in data] == [a.title for a in expected]
    assert [r.cells[0].text for r in data] == [str(i) for i in range(1, len(expected) + 1)]  # STT goes on
    total = sum(a.cost for a in expected)
    assert totals.cells[2].text == f"Tổng cộng: {len(expected)} hoạt động"
    assert totals.cells[7].text == f"{total:,}".replace(",", ".")
    for t in tables:
        borders = {b.tag.split("}")[1]: b.get(qn("w:val")) for b in t._tbl.tblPr.find(qn("w:tblBorders"))}
        assert borders == dict.fromkeys(("top", "left", "bottom", "right", "insideH", "insideV"), "single")
    # one table per month, its first row naming it
    months = sorted({(a.start.year, a.start.month) for a in expected})
    headings = [month.cells[0].text for month, _ in heads]
    assert headings == [f"Tháng {m}/{y}" for y, m in months]
    assert len(tables) == len(months)
    # the appendix starts a new section (a new page), A4 landscape
    title = next(p for p in d.paragraphs if p.text == "Phụ lục")
    before = title._p.getprevious()
    assert before.find(f"{qn('w:pPr')}/{qn('w:sectPr')}") is not None
    assert d.sections[-1].start_type == WD_SECTION.NEW_PAGE
    assert d.sections[-1].page_width > d.sections[-1].page_height


def test_report_header_and_addressee(docs):
    d = Document(docs / "bao_cao.docx")
    left = [p.text for r in d.tables[0].rows for p in cell_lines(r.cells[0])]
    assert left[-1] == "Số: 45/BC-BVPBT"
    paras = [p.text for p in d.paragraphs if p.text.strip()]
    assert paras[0] == "BÁO CÁO"
    assert paras[1] == (
        "Kết quả thực hiện Kế hoạch số 05/KH-BVPBT ngày 05/9/2025 của Bệnh viện Phổi Bình Thuận về truyền thông về"
        " Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị năm 2025"
    )
    assert paras[2] == "Kính gửi: Sở Y tế tỉnh Lâm Đồng"
    assert "(Kèm theo Báo cáo số 45/BC-BVPBT ngày 05/12/2025 của Bệnh viện Phổi Bình Thuận)" in paras


def test_user_text_with_markup_characters_is_escaped(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        conn.execute("UPDATE unit SET name = 'Bệnh viện A & B <Phổi>'")
        conn.execute("UPDATE activities SET title = 'Hỏi & đáp <AI> \"x\" ''y''' WHERE id = 1")
    app.write_report(conn, tmp_path / "r.docx")
    d = Document(tmp_path / "r.docx")
    texts = [c.text for t in appendix_tables(d) for r in t.rows for c in r.cells]
    assert "Hỏi & đáp <AI> \"x\" 'y'" in texts
    assert any("BỆNH VIỆN A & B <PHỔI>" == p.text for r in d.tables[0].rows for p in r.cells[0].paragraphs)
    assert check_docx(tmp_path / "r.docx") == []


def test_blank_number_and_day_are_left_for_hand_filling(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        conn.execute("UPDATE plans SET number = NULL, doc_day = NULL")
    app.write_plan(conn, tmp_path / "kh.docx")
    d = Document(tmp_path / "kh.docx")
    number = d.tables[0].rows[1].cells[0].text
    place_date = d.tables[0].rows[1].cells[1].text
    assert re.fullmatch(r"Số: {5,}/KH-BVPBT", number)
    assert re.fullmatch(r"Lâm Đồng, ngày {5,}tháng 9 năm 2025", place_date)
    assert check_docx(tmp_path / "kh.docx") == []


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_pdf_through_libreoffice(demo_db, tmp_path):
    conn = db.open_db(demo_db)
    written = app.write_plan(conn, tmp_path / "kh.docx", pdf=True)
    pdf = written[-1]
    assert pdf.suffix == ".pdf" and pdf.read_bytes()[:5] == b"%PDF-"
    if shutil.which("pdffonts"):
        fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
        assert "LiberationSerif" in fonts or "TimesNewRoman" in fonts
        assert "DejaVu" not in fonts
