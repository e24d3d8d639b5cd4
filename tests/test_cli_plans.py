"""The plan commands of docs/cli.md: `plans`, and `--plan` on the workbook, import and export."""

import hashlib
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop import cli
from desktop.domain.models import PartialDate, Plan, PlanItem
from desktop.store import activities, db, plans


def call(capsys, *args):
    status = cli.main([str(a) for a in args])
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def two_plans(demo_copy):
    conn = db.open_db(demo_copy)
    with db.transaction(conn):
        other = plans.insert_plan(
            conn,
            Plan(
                "phòng, chống bệnh lao năm 2025",
                PartialDate(2025, 10),
                items=[PlanItem("section", "Sinh hoạt chuyên đề", is_task=True)],
            ),
        )
    conn.close()
    return demo_copy, other


def test_plans_lists_oldest_first_tab_separated(two_plans, capsys):
    path, other = two_plans
    status, out, err = call(capsys, "plans", "--db", path)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert [ln.split("\t")[0] for ln in lines] == ["1", str(other)]
    assert lines[1] == f"{other}\t2025\tphòng, chống bệnh lao năm 2025"


@pytest.mark.slow
def test_workbook_import_and_export_of_one_plan(two_plans, capsys, tmp_path):
    path, other = two_plans
    book = tmp_path / "lao.xlsx"
    assert call(capsys, "xlsx-template", "--db", path, "--out", book, "--plan", other)[0] == 0
    wb = load_workbook(book)
    ws, lists = wb["Hoạt động"], wb["Danh mục"]
    assert lists.cell(2, 3).value.endswith("Sinh hoạt chuyên đề")  # the other plan's only task
    for r in (5, 6):
        ws.cell(r, 1, date(2025, 11, r))
        ws.cell(r, 3, lists.cell(2, 1).value)
        ws.cell(r, 4, f"Sinh hoạt về bệnh lao {r}")
        ws.cell(r, 5, lists.cell(2, 2).value)
    wb.save(book)
    status, out, err = call(capsys, "import", "--db", path, "--plan", other, book)
    assert status == 0, err
    conn = db.open_db(path)
    assert activities.count_for_plan(conn, other) == 2 and activities.count_for_plan(conn, 1) == 150
    conn.close()
    out_book = tmp_path / "xuat.xlsx"
    assert call(capsys, "export", "--db", path, "--out", out_book, "--plan", other)[0] == 0
    rows = [
        r
        for r in load_workbook(out_book).worksheets[0].iter_rows(values_only=True)
        if r and isinstance(r[3], str) and r[3].startswith("Sinh hoạt về bệnh lao")
    ]
    assert len(rows) == 2


def test_a_plan_that_does_not_exist_is_named_and_nothing_changes(two_plans, capsys, tmp_path):
    path, _ = two_plans
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    for args in (
        ("import", "--db", path, "--plan", 99, tmp_path / "x.xlsx"),
        ("export", "--db", path, "--out", tmp_path / "x.xlsx", "--plan", 99),
        ("xlsx-template", "--db", path, "--out", tmp_path / "y.xlsx", "--plan", 99),
    ):
        status, out, err = call(capsys, *args)
        assert status == 1 and err.strip() == "Không có kế hoạch mã số 99 trong cơ sở dữ liệu.", err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not (tmp_path / "x.xlsx").exists() and not (tmp_path / "y.xlsx").exists()
