"""People reached by group in the department workbook (issue 24, point 1: 'columns for reach'): the template
has a column per group (người bệnh, người nhà, nhân viên y tế, cộng đồng), a department fills them in, the import
reads them into the activity, the report's reach target counts them, the export writes them back."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from openpyxl import load_workbook

from desktop import app
from desktop.app.plans import ItemCopy
from desktop.domain.models import Target
from desktop.store import activities, db

GROUPS = {
    "Người bệnh": "người bệnh",
    "Người nhà": "người nhà",
    "Nhân viên y tế": "nhân viên y tế",
    "Cộng đồng": "cộng đồng",
}


@pytest.fixture
def conn(demo_copy):
    c = db.open_db(demo_copy)
    yield c
    c.close()


def _columns(ws, row: int) -> dict[str, int]:
    return {c.value: c.column for c in ws[row] if c.value}


def _plan_with_reach_target(conn) -> tuple[int, int]:
    pid = app.plans.list_plans(conn)[0][0]
    task = app.plans.load_plan(conn, pid).tasks()[0]
    fields = ItemCopy.of(task, {}).fields()
    fields["targets"] = [*task.targets, Target(500, "", kind="reach", group="người bệnh")]
    app.save_item(conn, task.id, **fields)
    return pid, task.id


def test_a_department_fills_in_people_reached_and_the_report_counts_them(conn, tmp_path, demo_copy):
    pid, task_id = _plan_with_reach_target(conn)
    book = app.write_xlsx_template(conn, tmp_path / "khoa.xlsx", pid)
    wb = load_workbook(book)
    ws, lists = wb["Hoạt động"], wb["Danh mục"]
    col = _columns(ws, 4)
    assert set(GROUPS) <= set(col), col  # a column per group, named as the department reads it
    for header in GROUPS:
        assert ws.cell(5, col[header]).number_format == "#,##0"
    numeric = {str(rng) for dv in ws.data_validations.dataValidation if dv.type == "whole" for rng in dv.sqref.ranges}
    assert all(any(r.startswith(f"{ws.cell(5, col[h]).column_letter}5:") for r in numeric) for h in GROUPS)
    guide = " ".join(str(c.value) for c in wb["Hướng dẫn"]["A"] if c.value)
    assert "Người bệnh, Người nhà, Nhân viên y tế, Cộng đồng" in guide
    # the department writes two rows under the plan's first task, as a person would
    task = next(lists.cell(r, 3).value for r in range(2, lists.max_row + 1) if lists.cell(r, 3).value)
    rows = (
        (date(2025, 3, 5), "Truyền thông tại khoa Nội về phòng lao", {"Người bệnh": 120, "Người nhà": 80}),
        (date(2025, 3, 12), "Tư vấn nhóm người bệnh ngoại trú", {"Người bệnh": "30", "Nhân viên y tế": 4}),
    )
    for r, (day, title, reach) in enumerate(rows, 5):
        ws.cell(r, col["Ngày"], day)
        ws.cell(r, col["Khoa, phòng"], lists.cell(2, 1).value)
        ws.cell(r, col["Nội dung hoạt động"], title)
        ws.cell(r, col["Hình thức"], "Sinh hoạt chuyên đề")
        ws.cell(r, col["Nhiệm vụ theo kế hoạch"], task)
        for header, n in reach.items():
            ws.cell(r, col[header], n)
    wb.save(book)

    [res] = app.read_imports(conn, [book], plan_id=pid)
    assert res.ok, res.rejected
    assert [a.reach for a in res.to_add] == [
        {"người bệnh": 120, "người nhà": 80},
        {"người bệnh": 30, "nhân viên y tế": 4},
    ]
    assert all(a.task_id == task_id for a in res.to_add)
    assert app.commit_import(conn, res) == 2

    # the report of the year: the reach target counts the people of its group the activities reached
    *_, sections = app.compile_for(conn, pid, date(2025, 1, 1), date(2025, 12, 31))
    text = "\n".join(s.text for s in sections)
    assert "chỉ tiêu 500 người bệnh, thực hiện 150 người bệnh (30%): CHƯA ĐẠT" in text

    # the export writes them in the same columns, and imports elsewhere as the same activities
    out = app.write_xlsx_export(conn, tmp_path / "xuat.xlsx")
    ex = load_workbook(out)["Hoạt động"]
    head = _columns(ex, 1)
    titled = {row[head["Nội dung hoạt động"] - 1].value: row for row in ex.iter_rows(min_row=2)}
    first = titled["Truyền thông tại khoa Nội về phòng lao"]
    assert [first[head[h] - 1].value for h in GROUPS] == [120, 80, None, None]
    fresh_path = tmp_path / "fresh.db"
    shutil.copy(demo_copy, fresh_path)
    fresh = db.open_db(fresh_path)
    fresh.execute("DELETE FROM activities")
    [again] = app.read_imports(fresh, [out])
    assert again.ok, again.rejected[:3]
    app.commit_import(fresh, again)
    reach = {a.title: a.reach for a in activities.load_activities(fresh) if a.reach}
    assert reach == {
        "Truyền thông tại khoa Nội về phòng lao": {"người bệnh": 120, "người nhà": 80},
        "Tư vấn nhóm người bệnh ngoại trú": {"người bệnh": 30, "nhân viên y tế": 4},
    }
    fresh.close()


def test_a_reach_cell_that_is_not_a_number_rejects_its_row_and_says_which(conn, tmp_path):
    pid, _ = _plan_with_reach_target(conn)
    book = app.write_xlsx_template(conn, tmp_path / "khoa.xlsx", pid)
    wb = load_workbook(book)
    ws, lists = wb["Hoạt động"], wb["Danh mục"]
    col = _columns(ws, 4)
    ws.cell(5, col["Ngày"], date(2025, 4, 2))
    ws.cell(5, col["Khoa, phòng"], lists.cell(2, 1).value)
    ws.cell(5, col["Nội dung hoạt động"], "Nói chuyện chuyên đề")
    ws.cell(5, col["Hình thức"], "Sinh hoạt chuyên đề")
    ws.cell(5, col["Người nhà"], "khoảng 80")
    wb.save(book)
    [res] = app.read_imports(conn, [book], plan_id=pid)
    assert not res.to_add and len(res.rejected) == 1
    assert res.rejected[0].row == 5 and "người nhà" in res.rejected[0].reason
