"""A table of the superior's outline ('Nội dung | Số lượng | Số người tham dự | Kinh phí', a row per form of
activity) reproduced in the report as a Word table, with the figures of the period in the cells the app can
fill and dots in the others; from a .docx outline (a real Word table) and from a .txt outline ('|' rows)."""

from __future__ import annotations

import re
import sqlite3
import zipfile
from pathlib import Path

import pytest

from desktop import cli
from desktop.domain.outline_table import CELL_DOTS, fill_table, table_row
from desktop.domain.report_outline import parse_outline
from desktop.domain.vnformat import number

HEAD = ["Nội dung", "Số lượng", "Số người tham dự", "Kinh phí"]
ROWS = [["Sinh hoạt chuyên đề", "", "", ""], ["Tờ rơi", "", "", ""], ["Mục chưa có trong sổ", "", "", ""]]
TOTAL = ["Tổng cộng", "", "", ""]
BEFORE = ["I. CÔNG TÁC CHỈ ĐẠO, TRIỂN KHAI", "II. KẾT QUẢ THỰC HIỆN", "1. Kết quả theo hình thức"]
AFTER = ["2. Kết quả của từng khoa, phòng", "III. KIẾN NGHỊ"]


def _txt(tmp_path: Path) -> Path:
    rows = [HEAD, *ROWS, TOTAL]
    p = tmp_path / "de_cuong.txt"
    p.write_text("\n".join([*BEFORE, *("| " + " | ".join(r) + " |" for r in rows), *AFTER]), encoding="utf-8")
    return p


def _docx(tmp_path: Path) -> Path:
    from docx import Document

    doc = Document()
    for line in BEFORE:
        doc.add_paragraph(line)
    rows = [HEAD, *ROWS, TOTAL]
    t = doc.add_table(rows=len(rows), cols=4)
    for r, values in enumerate(rows):
        for c, v in enumerate(values):
            t.cell(r, c).text = v
    for line in AFTER:
        doc.add_paragraph(line)
    p = tmp_path / "de_cuong.docx"
    doc.save(p)
    return p


def _sums(db: Path, form: str | None) -> tuple[int, int, int]:
    """Quantity, people and cost of the first quarter of 2025 in the ledger, summed here by SQL."""
    conn = sqlite3.connect(db)
    where = "start_date BETWEEN '2025-01-01' AND '2025-03-31'" + (" AND form_code = ?" if form else "")
    row = conn.execute(
        f"SELECT SUM(quantity), SUM(COALESCE(participants, 0)), SUM(cost) FROM activities WHERE {where}",
        (form,) if form else (),
    ).fetchone()
    conn.close()
    return tuple(v or 0 for v in row)


def _tables(path: Path) -> list[list[list[str]]]:
    """The body's tables as word/document.xml holds them: rows of cells' texts."""
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
    out = []
    for tbl in re.findall(r"<w:tbl>.*?</w:tbl>", xml, flags=re.S):
        rows = []
        for tr in re.findall(r"<w:tr[ >].*?</w:tr>", tbl, flags=re.S):
            cells = re.findall(r"<w:tc>.*?</w:tc>", tr, flags=re.S)
            rows.append(["".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", c)) for c in cells])
        out.append(rows)
    return out


def test_a_bar_separated_line_is_a_row_of_the_headings_table():
    heads = parse_outline("I. KẾT QUẢ\n| Nội dung | Số lượng |\n| Tờ rơi | |\nII. KIẾN NGHỊ")
    assert [h.label for h in heads] == ["I.", "II."]
    assert heads[0].table == [["Nội dung", "Số lượng"], ["Tờ rơi", ""]] and heads[0].notes == []
    assert table_row("Tỷ lệ a|b trong câu") == ["Tỷ lệ a", "b trong câu"] and table_row("không có vạch") is None
    assert table_row("Tờ rơi |") == ["Tờ rơi", ""]  # no bar before the first cell: the last bar ends a cell
    assert table_row("| Tờ rơi | |") == ["Tờ rơi", ""]


@pytest.mark.parametrize("make", [_txt, _docx], ids=["txt", "docx"])
def test_the_outlines_table_is_a_word_table_with_the_periods_figures(demo_copy, tmp_path, capsys, make):
    out = tmp_path / "bao_cao.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--period", "q1"]
    assert cli.main([*args, "--outline", str(make(tmp_path))]) == 0, capsys.readouterr().err
    mine = [t for t in _tables(out) if t and t[0] == HEAD]
    assert len(mine) == 1
    expected = [HEAD]
    for label, form in (("Sinh hoạt chuyên đề", "sinh_hoat"), ("Tờ rơi", "to_roi")):
        qty, people, cost = _sums(demo_copy, form)
        assert qty  # the demo's first quarter has both forms: the figures are not all zeros
        expected.append([label, number(qty), number(people), number(cost)])
    expected.append(["Mục chưa có trong sổ", CELL_DOTS, CELL_DOTS, CELL_DOTS])  # no such form or task: by hand
    qty, people, cost = _sums(demo_copy, None)
    activities = (
        sqlite3.connect(demo_copy)
        .execute("SELECT COUNT(*) FROM activities WHERE start_date BETWEEN '2025-01-01' AND '2025-03-31'")
        .fetchone()[0]
    )
    expected.append(["Tổng cộng", number(activities), number(people), number(cost)])  # forms of several units
    assert mine[0] == expected
    err = capsys.readouterr().err  # the part holding the table is not a dotted gap; the clerk's heading is
    assert "1. Kết quả theo hình thức" not in err and "III. KIẾN NGHỊ" in err
    assert cli.main(["check", str(out)]) == 0, capsys.readouterr().out


def test_a_cell_the_outline_wrote_is_kept_and_an_unknown_column_dotted():
    from datetime import date

    from desktop.domain.models import Activity, Plan, Unit
    from desktop.domain.report import compile_report

    unit = Unit("Bệnh viện A", "BVA", "Huế", "Sở Y tế")
    acts = [
        Activity(
            start=date(2025, 2, 1),
            dept_id=None,
            task_id=None,
            form_code="to_roi",
            title="Tờ rơi",
            quantity=300,
            cost=900000,
        )
    ]
    c = compile_report(Plan("Kế hoạch", None, items=[]), unit, acts, date(2025, 1, 1), date(2025, 3, 31))
    rows = [["STT", "Nội dung", "Số lượng", "Ghi chú"], ["1", "Tờ rơi", "", ""], ["2", "Tờ rơi", "theo quý", ""]]
    assert fill_table(rows, c) == [rows[0], ["1", "Tờ rơi", "300", CELL_DOTS], ["2", "Tờ rơi", "theo quý", CELL_DOTS]]


@pytest.mark.slow
def test_the_report_with_the_outlines_table_is_schema_valid(demo_copy, tmp_path):
    from tests.docgen.test_schema import schema_errors

    out = tmp_path / "bao_cao.docx"
    args = ["render", "report", "--db", str(demo_copy), "--out", str(out), "--period", "q1"]
    assert cli.main([*args, "--outline", str(_docx(tmp_path))]) == 0
    assert schema_errors(out) == []
