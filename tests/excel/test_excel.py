"""Excel exchange: the entry template, import (formats, matching, duplicates, all-or-nothing),
export (round trip, formula-safe text, summary) and consolidation of subordinate units."""

from __future__ import annotations

import shutil
from datetime import date, datetime

import pytest
from openpyxl import Workbook, load_workbook

from desktop import app
from desktop.cli import main as cli
from desktop.excel.columns import match_header
from desktop.excel.values import parse_count, parse_date_value, parse_period
from desktop.store import activities, db, units

HEAD = [
    "Ngày",
    "Khoa, phòng",
    "Nội dung hoạt động",
    "Hình thức",
    "Nhiệm vụ theo kế hoạch",
    "Số lượng",
    "Số người tham dự",
    "Kinh phí (đồng)",
]


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


def workbook(path, rows, head=HEAD, top=0, sheet="Sheet1"):
    wb = Workbook()
    ws = wb.active
    ws.title = sheet
    for _ in range(top):
        ws.append(["Sổ ghi hoạt động của khoa"])
    ws.append(head)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def dept(conn, i=0):
    return units.load_unit(conn).departments[i].name


# ------------------------------------------------------------------ values


@pytest.mark.parametrize(
    "v, d",
    [
        (datetime(2025, 3, 5, 0, 0), date(2025, 3, 5)),
        (date(2025, 3, 5), date(2025, 3, 5)),
        ("05/3/2025", date(2025, 3, 5)),
        ("5-3-2025", date(2025, 3, 5)),
        ("2025-03-05", date(2025, 3, 5)),
        ("5.3.2025", date(2025, 3, 5)),
        (45721, date(2025, 3, 5)),
        ("5/3/25", date(2025, 3, 5)),
    ],
)
def test_dates_as_people_type_them(v, d):
    assert parse_date_value(v) == d


@pytest.mark.parametrize(
    "v, words",
    [
        ("31/02/2025", "tháng 2/2025 không có ngày 31"),
        ("hôm qua", "không phải là ngày"),
        ("", "chưa nhập ngày"),
        (1.5, "không phải là ngày"),
    ],
)
def test_bad_dates_say_why(v, words):
    with pytest.raises(ValueError, match=words):
        parse_date_value(v)


def test_period_range_as_the_appendix_writes_it():
    assert parse_period("05/3/2025 - 07/3/2025") == (date(2025, 3, 5), date(2025, 3, 7))


@pytest.mark.parametrize(
    "v, n",
    [
        (12, 12),
        (12.0, 12),
        ("1.500.000", 1500000),
        ("1,500,000", 1500000),
        ("1 500 000 đồng", 1500000),
        ("1.500.000đ", 1500000),
        ("250000 VNĐ", 250000),
        (None, None),
        ("", None),
    ],
)
def test_money(v, n):
    assert parse_count(v, "kinh phí", money=True) == n


@pytest.mark.parametrize("v, words", [("-5", "âm"), ("2,5", "số nguyên"), ("mười", "không phải là số")])
def test_bad_counts(v, words):
    with pytest.raises(ValueError, match=words):
        parse_count(v, "số lượng")


def test_headers_matched_by_name_with_or_without_diacritics():
    assert match_header("KHOA, PHÒNG") == "dept" and match_header("khoa phong") == "dept"
    assert match_header("Noi dung hoat dong") == "title" and match_header("Kinh phí (đồng)") == "cost"
    assert match_header("Đơn vị thực hiện") == "dept" and match_header("Đơn vị") == "source_unit"
    assert match_header("Cột lạ") is None and match_header(None) is None


# ------------------------------------------------------------------ template


@pytest.mark.slow
def test_template_is_made_for_people(conn, tmp_path):
    out = app.write_xlsx_template(conn, tmp_path / "mau.xlsx")
    wb = load_workbook(out)
    assert wb.sheetnames == ["Hướng dẫn", "Hoạt động", "Danh mục"]
    assert wb["Danh mục"].sheet_state == "hidden" and wb.active.title == "Hoạt động"
    ws = wb["Hoạt động"]
    head = [c.value for c in ws[4]]
    assert head[:5] == ["Ngày", "Đến ngày", "Khoa, phòng", "Nội dung hoạt động", "Hình thức"]
    assert ws.freeze_panes == "A5" and ws.auto_filter.ref.startswith("A4:")
    assert ws.page_setup.orientation == "landscape" and ws.sheet_properties.pageSetUpPr.fitToPage
    lists = {dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    assert lists == {"=ds_khoa_phong", "=ds_hinh_thuc", "=ds_nhiem_vu"}
    assert all(dv.prompt for dv in ws.data_validations.dataValidation)
    depts = [c.value for c in wb["Danh mục"]["A"][1:]]
    assert depts == [d.name for d in units.load_unit(conn).departments]
    assert wb.defined_names["ds_nhiem_vu"].attr_text.startswith("'Danh mục'!$C$2:$C$")
    assert ws["A5"].number_format == "dd/mm/yyyy"


@pytest.mark.slow
def test_template_filled_in_imports(conn, tmp_path):
    out = app.write_xlsx_template(conn, tmp_path / "mau.xlsx")
    wb = load_workbook(out)
    ws = wb["Hoạt động"]
    task = wb["Danh mục"]["C2"].value
    # rows are prepared; write into rows 5 and 6 as a person would
    for r, (d, title) in enumerate(
        ((date(2025, 3, 5), "Tập huấn nhập bệnh án điện tử"), (date(2025, 3, 9), "Bản tin phát thanh về tiêm chủng")), 5
    ):
        ws.cell(r, 1, d)
        ws.cell(r, 3, dept(conn, 1))
        ws.cell(r, 4, title)
        ws.cell(r, 5, "Tập huấn" if r == 5 else "Phát thanh nội bộ")
        ws.cell(r, 6, task)
        ws.cell(r, 7, 2)
        ws.cell(r, 9, 40)
        ws.cell(r, 10, 1500000)
    wb.save(out)
    before = activities.count_activities(conn)
    [res] = app.read_imports(conn, [out])
    assert res.ok and len(res.to_add) == 2 and res.duplicates == 0
    a = res.to_add[0]
    assert (a.start, a.form_code, a.quantity, a.participants, a.cost) == (date(2025, 3, 5), "tap_huan", 2, 40, 1500000)
    assert a.task_id is not None and a.dept_id == units.load_unit(conn).departments[1].id
    assert app.commit_import(conn, res) == 2
    assert activities.count_activities(conn) == before + 2
    [again] = app.read_imports(conn, [out])
    assert again.duplicates == 2 and not again.to_add


# ------------------------------------------------------------------ import


def test_header_lower_down_columns_reordered_no_diacritics(conn, tmp_path):
    head = ["Kinh phi", "Hinh thuc", "Noi dung", "KHOA PHONG", "Ngay", "Ghi chú riêng của khoa"]
    p = workbook(
        tmp_path / "k.xlsx",
        [["1.200.000 đ", "tập huấn", "Tập huấn kỹ năng số", dept(conn).upper(), "05/3/2025", "x"]],
        head=head,
        top=3,
    )
    [res] = app.read_imports(conn, [p])
    assert res.ok, res.rejected
    a = res.to_add[0]
    assert (a.cost, a.form_code, a.start, a.title) == (1200000, "tap_huan", date(2025, 3, 5), "Tập huấn kỹ năng số")


def test_any_rejected_row_imports_nothing_and_says_where(conn, tmp_path):
    rows = [
        ["05/3/2025", dept(conn), "Hoạt động đúng", "Tập huấn"],
        ["31/02/2025", dept(conn), "Ngày sai", "Tập huấn"],
        ["06/3/2025", "Khoa Không Có", "Khoa sai", "Tập huấn"],
        ["07/3/2025", dept(conn), "Hình thức sai", "Múa lân"],
        ["08/3/2025", dept(conn), "", "Tập huấn"],
        ["09/3/2025", dept(conn), "Nhiệm vụ sai", "Tập huấn", "IX.9 Việc không có"],
    ]
    p = workbook(tmp_path / "sai.xlsx", rows, sheet="Khoa Dược")
    before = activities.count_activities(conn)
    [res] = app.read_imports(conn, [p])
    reasons = [str(r) for r in res.rejected]
    assert [r.row for r in res.rejected] == [3, 4, 5, 6, 7]
    assert "trang “Khoa Dược”, dòng 3: tháng 2/2025 không có ngày 31" in reasons[0]
    assert "Khoa Không Có" in reasons[1] and "Múa lân" in reasons[2] and "thiếu nội dung" in reasons[3]
    assert "không có trong kế hoạch" in reasons[4]
    assert app.commit_import(conn, res) == 0 and activities.count_activities(conn) == before


def test_duplicates_in_file_and_database_are_skipped(conn, tmp_path):
    existing = activities.load_activities(conn)[0]
    unit = units.load_unit(conn)
    name = unit.department(existing.dept_id).name
    rows = [
        [existing.start, name, existing.title.upper(), "Khác"],
        ["05/3/2025", dept(conn), "Một việc mới", "Khác"],
        ["05/3/2025", dept(conn), "Một việc mới", "Khác"],
    ]
    [res] = app.read_imports(conn, [workbook(tmp_path / "d.xlsx", rows)])
    assert res.duplicates == 2 and [a.title for a in res.to_add] == ["Một việc mới"]


def test_export_reimports_into_a_fresh_database_as_the_same_activities(conn, tmp_path, demo_copy):
    out = app.write_xlsx_export(conn, tmp_path / "xuat.xlsx")
    fresh_path = tmp_path / "fresh.db"
    shutil.copy(demo_copy, fresh_path)
    fresh = db.open_db(fresh_path)
    fresh.execute("DELETE FROM activities")
    [res] = app.read_imports(fresh, [out])
    assert res.ok, res.rejected[:3]
    app.commit_import(fresh, res)

    def key(a):
        return (
            a.start,
            a.end,
            a.dept_id,
            a.task_id,
            a.form_code,
            a.title,
            a.quantity,
            a.unit_label,
            a.participants,
            a.cost,
            a.evidence,
            a.notes,
        )

    assert sorted(map(key, activities.load_activities(fresh)), key=repr) == sorted(
        map(key, activities.load_activities(conn)), key=repr
    )
    fresh.close()


def test_export_writes_text_never_formulas_and_a_summary(conn, tmp_path):
    a = activities.load_activities(conn)[0]
    for i, t in enumerate(("=1+1", "+84 912", "-Ý kiến", "@SUM(A1)")):
        a.title, a.id = t, None
        a.start = date(2025, 1, 1 + i)
        activities.insert_activities(conn, [a])
    out = app.write_xlsx_export(conn, tmp_path / "x.xlsx")
    wb = load_workbook(out)
    ws = wb["Hoạt động"]
    titles = {c.value: c.data_type for c in ws["D"][1:]}
    for t in ("=1+1", "+84 912", "-Ý kiến", "@SUM(A1)"):
        assert titles[t] == "s"
    summary = [[c.value for c in row] for row in wb["Tổng hợp"].iter_rows()]
    flat = [r[0] for r in summary if r and r[0]]
    assert "Theo nhiệm vụ" in flat and "Theo khoa, phòng" in flat and "Theo hình thức" in flat
    assert "Theo tháng" in flat
    total = next(r for r in summary if r[0] and str(r[0]).startswith("Tổng cộng"))
    assert total[1] == activities.count_activities(conn)


def test_consolidation_keeps_the_source_unit(conn, tmp_path):
    head = HEAD[:4] + ["Đơn vị"]
    rows = [
        ["05/3/2025", "Khoa Nhi", "Truyền thông tiêm chủng", "Tin, bài trên Trang TTĐT", "Bệnh viện Nhi tỉnh"],
        ["06/3/2025", "Khoa Nội", "Sinh hoạt chuyên đề", "Sinh hoạt chuyên đề", "Trung tâm Y tế huyện Đức Trọng"],
    ]
    [res] = app.read_imports(conn, [workbook(tmp_path / "u.xlsx", rows, head=head)])
    assert res.ok, res.rejected
    assert [(a.source_unit, a.source_dept, a.dept_id) for a in res.to_add] == [
        ("Bệnh viện Nhi tỉnh", "Khoa Nhi", None),
        ("Trung tâm Y tế huyện Đức Trọng", "Khoa Nội", None),
    ]
    app.commit_import(conn, res)
    stored = [a for a in activities.load_activities(conn) if a.source_unit]
    assert {a.source_unit for a in stored} == {"Bệnh viện Nhi tỉnh", "Trung tâm Y tế huyện Đức Trọng"}


# ------------------------------------------------------------------ command line


@pytest.mark.slow
def test_cli_import_export_template(demo_copy, tmp_path, capsys):
    assert cli(["xlsx-template", "--db", str(demo_copy), "--out", str(tmp_path / "mau.xlsx")]) == 0
    assert cli(["export", "--db", str(demo_copy), "--out", str(tmp_path / "x.xlsx")]) == 0
    capsys.readouterr()
    assert cli(["import", "--db", str(demo_copy), str(tmp_path / "x.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "đã thêm 0 hoạt động, bỏ qua 150 hoạt động đã có" in out


def test_cli_import_rejects_and_lists_rows(demo_copy, tmp_path, capsys):
    p = workbook(tmp_path / "sai.xlsx", [["05/3/2025", "Khoa Không Có", "Việc", "Khác"]])
    assert cli(["import", "--db", str(demo_copy), str(p)]) == 1
    err = capsys.readouterr().err
    assert "không nhập dòng nào" in err and "dòng 2" in err and "Khoa Không Có" in err


def test_legacy_vietnamese_fonts_are_converted(conn, tmp_path):
    """An old office types in TCVN3 (.VnTime) or VNI-Times: the text arrives as Latin-1 look-alikes."""
    rows_tcvn3 = [["05/3/2025", "Khoa D\u00adîc", "TËp huÊn sö dông phÇn mÒm", "TËp huÊn"]]
    rows_vni = [["06/3/2025", "Khoa Döôïc", "Sinh hoaït chuyeân ñeà", "Sinh hoaït chuyeân ñeà"]]
    for rows, enc, title in (
        (rows_tcvn3, "TCVN3", "Tập huấn sử dụng phần mềm"),
        (rows_vni, "VNI", "Sinh hoạt chuyên đề"),
    ):
        p = workbook(tmp_path / f"{enc}.xlsx", rows, head=HEAD[:4])
        [res] = app.read_imports(conn, [p])
        assert res.ok, res.rejected
        assert res.to_add[0].title == title and any(enc in n for n in res.notes)
        assert units.load_unit(conn).department(res.to_add[0].dept_id).name == "Khoa Dược"


@pytest.mark.slow
@pytest.mark.libreoffice
def test_template_filled_and_saved_by_libreoffice_calc_imports(conn, tmp_path):
    """The template goes through LibreOffice Calc (as a clerk's office saves it): dropdowns survive
    and the values picked from them import cleanly."""
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice not installed")
    src = app.write_xlsx_template(conn, tmp_path / "mau.xlsx")
    wb = load_workbook(src)
    ws, lists = wb["Hoạt động"], wb["Danh mục"]
    for r in range(5, 8):
        ws.cell(r, 1, date(2025, 5, r))
        ws.cell(r, 3, lists.cell(r - 3, 1).value)  # a department from the dropdown list
        ws.cell(r, 4, f"Hoạt động ghi bằng Calc {r}")
        ws.cell(r, 5, lists.cell(r - 3, 2).value)  # a form from the dropdown list
        ws.cell(r, 6, lists.cell(2, 3).value)  # a task from the dropdown list
        ws.cell(r, 10, 250000 * r)
    filled = tmp_path / "in" / "da_dien.xlsx"
    filled.parent.mkdir()
    wb.save(filled)
    out = tmp_path / "calc"
    proc = subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path / 'lo'}",
            "--convert-to",
            "xlsx:Calc Office Open XML",
            "--outdir",
            str(out),
            str(filled),
        ],
        capture_output=True,
        text=True,
        timeout=180,
    )
    saved = out / "da_dien.xlsx"
    if not saved.exists():
        pytest.skip(f"LibreOffice Calc could not convert: {proc.stderr[-200:]}")
    ws2 = load_workbook(saved)["Hoạt động"]
    assert any("ds_khoa_phong" in (dv.formula1 or "") for dv in ws2.data_validations.dataValidation)
    [res] = app.read_imports(conn, [saved])
    assert res.ok, res.rejected
    assert [a.title for a in res.to_add] == [f"Hoạt động ghi bằng Calc {r}" for r in range(5, 8)]
    assert all(a.task_id is not None and a.dept_id is not None for a in res.to_add)
    assert [a.cost for a in res.to_add] == [1_250_000, 1_500_000, 1_750_000]
