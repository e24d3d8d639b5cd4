"""Issue 24 point 7: the appendix fills its pages, and a note (Ghi chú) takes two lines at most.

The 5 000-activity report measured by bench/page_fill.py: with Ghi chú 2.2 cm wide the notes took 3 to 4
lines (rows of 2.5 lines on average); rebalanced, no row of the demo's has a note, form or quantity over
two lines. LibreOffice broke the first table after a month's 150 rows three rows down its page (a page 33 %
full), unless the small paragraph before each table keeps with it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn

from desktop import app
from desktop.domain.report import APPENDIX_HEAD, appendix_rows
from desktop.nd30 import check_docx
from desktop.nd30.wrap import wrapped_lines
from desktop.store import db
from desktop.store.demo import create_demo

TWIPS_PER_PT = 20


def _widths_pt(docx_path) -> list[float]:
    """The appendix columns' text widths in pt: the grid less the cell margins, read from the file's XML."""
    t = Document(docx_path).tables[-1]
    grid = [int(g.get(qn("w:w"))) for g in t._tbl.tblGrid.findall(qn("w:gridCol"))]
    mar = t._tbl.tblPr.find(qn("w:tblCellMar"))
    side = sum(int(mar.find(qn(f"w:{s}")).get(qn("w:w"))) for s in ("left", "right"))
    return [(g - side) / TWIPS_PER_PT for g in grid]


def test_notes_form_and_quantity_take_two_lines_at_most(demo_db, tmp_path):
    conn = db.open_db(demo_db)
    (out,) = app.write_report(conn, tmp_path / "bc.docx")
    widths = _widths_pt(out)
    assert len(widths) == len(APPENDIX_HEAD)
    plan, unit, _, compiled, _ = app.compile_for(conn, None)
    rows = appendix_rows(compiled, unit)
    notes = [r[8] for r in rows if r[8]]
    assert len(notes) >= 10
    col = {h: i for i, h in enumerate(APPENDIX_HEAD)}
    for name in ("Ghi chú", "Hình thức", "Số lượng", "Thời gian"):
        i = col[name]
        worst = max((r[i] for r in rows if r[i]), key=lambda s: len(wrapped_lines(s, 11, False, widths[i])))
        assert len(wrapped_lines(worst, 11, False, widths[i])) <= 2, f"{name}: {worst!r}"
    # every column still holds its longest word unbroken: a cost of tens of billions, a date range's start
    for word, name in (
        ("34.431.810.000", "Kinh phí (đồng)"),
        ("05/02/2025 -", "Thời gian"),
        ("9.999", "Số người tham dự"),
    ):
        assert wrapped_lines(word, 11, False, widths[col[name]]) == [word]
    assert check_docx(out) == []


def test_the_paragraph_before_each_appendix_table_keeps_with_it(demo_db, tmp_path):
    conn = db.open_db(demo_db)
    (out,) = app.write_report(conn, tmp_path / "bc.docx")
    d = Document(out)
    style = d.styles["VB Phu luc cach"]
    assert style.paragraph_format.keep_with_next is True
    body = d.element.body
    tables = body.findall(qn("w:tbl"))[2:]  # after the header and the closing tables
    assert len(tables) >= 6
    for t in tables[1:]:
        before = t.getprevious()
        assert before.tag == qn("w:p")
        assert before.find(f"{qn('w:pPr')}/{qn('w:pStyle')}").get(qn("w:val")) == style.style_id


def _pgm(path) -> tuple[int, int, bytes]:
    """Width, height and grey bytes of a binary PGM (P5) as pdftoppm -gray writes it: no imaging library."""
    data = Path(path).read_bytes()
    fields, pos = [], 0
    while len(fields) < 4:  # magic, width, height, maxval: separated by whitespace
        while data[pos : pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos : pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    assert fields[0] == b"P5" and int(fields[3]) < 256, fields
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1 : pos + 1 + w * h]


def _fill(page) -> float:
    """How far down its text area (20 mm margins) a page's lowest ink goes, 0..1."""
    w, h, px = _pgm(page)
    margin = round(20 / 25.4 * 30)  # 30 dpi
    lowest = next((y for y in range(h - 1, -1, -1) if min(px[y * w : (y + 1) * w]) < 160), 0)
    return (lowest - margin) / (h - 2 * margin)


@pytest.mark.slow
@pytest.mark.libreoffice
@pytest.mark.skipif(
    not shutil.which("soffice") or not shutil.which("pdftoppm"), reason="LibreOffice or poppler missing"
)
def test_no_appendix_page_under_70_percent_at_5000_activities(tmp_path):
    """January of the 5 000-activity demo (420 rows: three tables): each appendix page but the last is at
    least 70 % full in LibreOffice's PDF (before: page 17 of 44 held three rows, 33 %)."""
    from .test_layout import to_pdfs

    path = tmp_path / "demo.db"
    create_demo(path, 5000, 1)
    conn = db.open_db(path)
    start, end = app.period_of_plan(conn, None, "m1")
    (out,) = app.write_report(conn, tmp_path / "bc.docx", None, start, end)
    (pdf,) = to_pdfs([out], tmp_path / "pdf", tmp_path / "profile")
    subprocess.run(["pdftoppm", "-r", "30", "-gray", str(pdf), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    landscape = [p for p in pages if _pgm(p)[0] > _pgm(p)[1]]
    assert len(landscape) >= 30
    short = {p.name: round(_fill(p), 2) for p in landscape[:-1] if _fill(p) < 0.70}
    assert short == {}
