"""The command line never replaces a file it was not named: `render … --out FILE.pdf` converts from a temporary
.docx; `import --skip-bad FILE.xlsx` adds the valid rows and hands the rejected ones back in a workbook."""

from datetime import date
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from desktop import cli
from desktop.docgen import pdf
from desktop.excel.columns import BY_KEY, TEMPLATE_KEYS
from desktop.store import activities, db, units


@pytest.fixture
def fake_converter(monkeypatch):
    """Stands in for LibreOffice: copies the .docx it is given to OUTDIR/STEM.pdf."""
    seen = []

    def convert(cmd, timeout, cancel=None):
        src = Path(cmd[-1])
        seen.append(src)
        (Path(cmd[cmd.index("--outdir") + 1]) / (src.stem + ".pdf")).write_bytes(src.read_bytes())
        return 0

    monkeypatch.setattr(pdf, "find_soffice", lambda: "/usr/bin/soffice")
    monkeypatch.setattr(pdf, "run_converter", convert)
    return seen


def test_render_to_a_pdf_leaves_the_docx_beside_it(demo_copy, tmp_path, capsys, fake_converter):
    docx = tmp_path / "ke_hoach.docx"
    docx.write_bytes(b"hand edits made in Word")
    out = tmp_path / "ke_hoach.pdf"
    assert cli.main(["render", "plan", "--db", str(demo_copy), "--out", str(out), "--pdf"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Đã ghi {out}"]
    assert docx.read_bytes() == b"hand edits made in Word" and out.read_bytes()[:2] == b"PK"
    (src,) = fake_converter
    assert not src.parent.exists()  # the temporary .docx and its folder are gone


def test_render_docx_with_pdf_still_writes_both(demo_copy, tmp_path, capsys, fake_converter):
    out = tmp_path / "bao_cao.docx"
    assert cli.main(["render", "report", "--db", str(demo_copy), "--out", str(out), "--pdf"]) == 0
    assert capsys.readouterr().out.splitlines() == [f"Đã ghi {out}", f"Đã ghi {out.with_suffix('.pdf')}"]


HEADERS = ["Ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức", "Số lượng", "Số người tham dự", "Kinh phí (đồng)"]


def department_file(path: Path, dept: str, good: int = 17) -> Path:
    """`good` valid rows and 2 rejected ones (a department the unit does not have; a formula as the content)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Hoạt động"
    ws.append(HEADERS)
    for i in range(good):
        ws.append([date(2025, 5, 1 + i), dept, f"Truyền thông phòng bệnh lần {i + 1}", "Khác", 2, 30 + i, 1_500_000])
    ws.append([date(2025, 6, 2), "Khoa Không Có", "Tập huấn sơ cứu", "Khác", 1, 12, 250_000])
    ws.append([None, dept, '=HYPERLINK("http://x.invalid","bấm")', "Khác", 1, None, None])
    ws.cell(ws.max_row, 3).data_type = "s"  # text that looks like a formula, as a hostile file may hold
    wb.save(path)
    return path


def test_import_skip_bad_adds_the_valid_rows_and_hands_back_the_rejected(demo_copy, tmp_path, capsys):
    conn = db.open_db(demo_copy)
    dept = units.load_unit(conn).departments[0].name
    before = activities.count_activities(conn)
    conn.close()
    src = department_file(tmp_path / "khoa_noi.xlsx", dept)
    back = tmp_path / "gui_lai.xlsx"
    status = cli.main(["import", "--db", str(demo_copy), "--skip-bad", str(back), str(src)])
    out, err = capsys.readouterr()
    assert status == 0, err
    assert "khoa_noi.xlsx: đã thêm 17 hoạt động, bỏ qua 0 hoạt động đã có; 2 dòng bị từ chối" in out
    assert f"Đã ghi 2 dòng bị từ chối vào {back}" in out
    conn = db.open_db(demo_copy)
    assert activities.count_activities(conn) == before + 17
    conn.close()
    ws = load_workbook(back)["Hoạt động"]
    rows = [r for r in ws.iter_rows(values_only=True) if any(v is not None for v in r)]
    header = list(rows[2])
    template = [BY_KEY[k].header for k in TEMPLATE_KEYS]  # the entry template's columns, then the reason
    assert header[: len(template) + 1] == [*template, "Lý do"]
    first, second = (dict(zip(header, r, strict=True)) for r in rows[3:])
    assert first["Khoa, phòng"] == "Khoa Không Có" and first["Kinh phí (đồng)"] == 250_000
    assert first["Số người tham dự"] == 12 and "không có trong danh sách" in first["Lý do"]
    assert second["Nội dung hoạt động"].startswith("=HYPERLINK") and "thiếu ngày" in second["Lý do"]
    formula_cells = [
        c.coordinate for row in load_workbook(back)["Hoạt động"].iter_rows() for c in row if c.data_type == "f"
    ]
    assert formula_cells == []  # a foreign cell's “=…” is handed back as text, never as a formula
    fixed = load_workbook(back)
    ws = fixed["Hoạt động"]
    ws.cell(5, header.index("Khoa, phòng") + 1).value = dept
    ws.cell(6, header.index("Ngày") + 1).value = date(2025, 6, 3)
    ws.cell(6, header.index("Nội dung hoạt động") + 1).value = "Nói chuyện chuyên đề"
    fixed.save(tmp_path / "da_sua.xlsx")
    assert cli.main(["import", "--db", str(demo_copy), str(tmp_path / "da_sua.xlsx")]) == 0
    assert "da_sua.xlsx: đã thêm 2 hoạt động" in capsys.readouterr().out  # the department's fix imports as is


def test_import_without_skip_bad_stays_all_or_nothing(demo_copy, tmp_path, capsys):
    conn = db.open_db(demo_copy)
    dept = units.load_unit(conn).departments[0].name
    before = activities.count_activities(conn)
    conn.close()
    src = department_file(tmp_path / "khoa_noi.xlsx", dept)
    assert cli.main(["import", "--db", str(demo_copy), str(src)]) != 0
    assert "không nhập dòng nào vì có 2 dòng bị từ chối" in capsys.readouterr().err
    conn = db.open_db(demo_copy)
    assert activities.count_activities(conn) == before
    conn.close()


def test_skip_bad_never_writes_over_a_file_being_imported(demo_copy, tmp_path, capsys):
    conn = db.open_db(demo_copy)
    dept = units.load_unit(conn).departments[0].name
    before = activities.count_activities(conn)
    conn.close()
    src = department_file(tmp_path / "khoa_noi.xlsx", dept)
    original = src.read_bytes()
    assert cli.main(["import", "--db", str(demo_copy), "--skip-bad", str(src), str(src)]) != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "khoa_noi.xlsx là tệp đang nhập" in err[0]
    assert src.read_bytes() == original
    conn = db.open_db(demo_copy)
    assert activities.count_activities(conn) == before
    conn.close()
