"""Issue 20 point 15: a month's heading is repeated when the month's table runs onto the next
appendix page. Each appendix table's first two rows (the month, the column heads) are header
rows (w:tblHeader), which Word and LibreOffice repeat at the top of every page the table runs
onto; a long month's later parts say "(tiếp theo)"."""

from __future__ import annotations

import re
import shutil

import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop import app
from desktop.nd30 import check_docx
from desktop.store import db
from desktop.store.demo import create_demo

from .test_layout import page_count, page_text, to_pdfs


def header_rows(table) -> list:
    rows = []
    for tr in table._tbl.findall(qn("w:tr")):
        if tr.find(f"{qn('w:trPr')}/{qn('w:tblHeader')}") is None:
            break
        rows.append(tr)
    return rows


def text(el) -> str:
    return "".join(t.text or "" for t in el.iter(qn("w:t")))


def test_each_month_table_repeats_its_month_and_column_heads(demo_db, tmp_path):
    conn = db.open_db(demo_db)
    (out,) = app.write_report(conn, tmp_path / "bc.docx")
    tables = Document(out).tables[2:]
    assert len(tables) >= 6
    for t in tables:
        head = header_rows(t)
        assert len(head) == 2, "the month and the column heads repeat on every page of the table"
        assert re.fullmatch(r"Tháng \d{1,2}/20\d\d( \(tiếp theo\))?", text(head[0]))
        assert text(head[1]).startswith("STTThời gianNội dung")
        cant = [tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None for tr in t._tbl.findall(qn("w:tr"))]
        assert all(cant)  # no row is cut across two pages
    assert check_docx(out) == []


def test_a_long_months_parts_say_continued(tmp_path):
    path = tmp_path / "demo.db"
    create_demo(path, 2000, 1)  # about 170 activities a month: more than one table (APPENDIX_CHUNK)
    conn = db.open_db(path)
    (out,) = app.write_report(conn, tmp_path / "bc.docx")
    headings = [text(header_rows(t)[0]) for t in Document(out).tables[2:]]
    assert "Tháng 1/2025" in headings and "Tháng 1/2025 (tiếp theo)" in headings
    assert headings.index("Tháng 1/2025 (tiếp theo)") == headings.index("Tháng 1/2025") + 1


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(
    not shutil.which("soffice") or not shutil.which("pdftotext"), reason="LibreOffice or poppler missing"
)
def test_every_appendix_page_starts_with_its_month_in_the_pdf(tmp_path):
    """Printed by LibreOffice: every appendix page after the first starts with a month's name (the
    repeated heading row or a new month's table) and then the column heads."""
    path = tmp_path / "demo.db"
    create_demo(path, 600, 1)  # about 50 activities a month: each month runs over two or three pages
    conn = db.open_db(path)
    (out,) = app.write_report(conn, tmp_path / "bc.docx")
    (pdf,) = to_pdfs([out], tmp_path / "pdf", tmp_path / "profile")
    n = page_count(pdf)
    first = next(k for k in range(1, n + 1) if "DANH SÁCH HOẠT ĐỘNG TRUYỀN THÔNG" in page_text(pdf, k))
    later = range(first + 1, n + 1)
    assert len(later) >= 20
    for k in later:
        lines = [ln.strip() for ln in page_text(pdf, k).splitlines() if ln.strip()]
        lines = [ln for ln in lines if not ln.isdigit()]  # the page number
        assert re.match(r"Tháng \d{1,2}/2025", lines[0]), f"page {k} starts with {lines[0]!r}"
        assert lines[1].startswith("STT"), f"page {k}: {lines[1]!r}"
