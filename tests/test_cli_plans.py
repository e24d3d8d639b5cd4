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


def _seed(prefix):
    from pathlib import Path

    (path,) = (Path(__file__).resolve().parent / "fixtures" / "seeds").glob(f"{prefix}_*.txt")
    return path


def test_plan_import_of_a_superior_plan_already_imported_is_refused_unless_again(demo_copy, capsys):
    """The same superior document (issuer, number, date) imported twice: the second is refused, naming the
    plan made the first time (id, title, year), nothing written; --again makes the second plan on purpose."""
    status, out, err = call(capsys, "plan-import", "--db", demo_copy, _seed("002"), "--json")
    assert status == 0, err
    import json

    first = json.loads(out)["plan_id"]
    conn = db.open_db(demo_copy)
    try:
        title, year = next((t, y) for pid, t, y in plans.list_plans(conn) if pid == first)
        count = len(plans.list_plans(conn))
    finally:
        conn.close()
    status, out, err = call(capsys, "plan-import", "--db", demo_copy, _seed("002"))
    assert status == 1 and out == ""
    assert f"mã số {first}" in err and title[:40] in err and f"năm {year}" in err
    assert "--again" in err and "không thay đổi" in err and len(err.splitlines()) == 1
    conn = db.open_db(demo_copy)
    try:
        assert len(plans.list_plans(conn)) == count  # nothing created
    finally:
        conn.close()
    status, out, err = call(capsys, "plan-import", "--db", demo_copy, _seed("002"), "--again", "--json")
    assert status == 0, err
    assert json.loads(out)["plan_id"] not in (first, None)
    conn = db.open_db(demo_copy)
    try:
        assert len(plans.list_plans(conn)) == count + 1
    finally:
        conn.close()


def test_plan_import_of_the_demo_plans_superior_names_the_demo_plan(demo_copy, capsys):
    status, out, err = call(capsys, "plan-import", "--db", demo_copy, _seed("001"))
    assert status == 1 and "mã số 1" in err and "năm 2025" in err and "357/KH-SYT" in err
