"""Each activity serves one plan: the upgrade links the existing ones, the database keeps a task's
activity on the task's plan, and a plan's report, import and export see only its own activities."""

import sqlite3
from datetime import date

import pytest

from desktop import app
from desktop.domain.models import Activity, Department, PartialDate, Plan, PlanItem, Unit
from desktop.store import activities, db, plans, units


def _v3_database(path):
    """A database of the schema before activities had a plan: two plans of 2025, one of 2026."""
    conn = sqlite3.connect(path)
    conn.isolation_level = None
    db.migrate(conn, path, upto=3)
    conn.executescript("""
        INSERT INTO unit (id, name, abbr, place) VALUES (1, 'Bệnh viện A', 'BVA', 'Hà Nội');
        INSERT INTO departments (id, name, abbr) VALUES (1, 'Khoa Lao', 'LAO');
        INSERT INTO plans (id, title, doc_year, period_start, period_end)
             VALUES (1, 'truyền thông 2025', 2025, '2025-01-01', '2025-12-31'),
                    (2, 'phòng chống lao 2025', 2025, NULL, NULL),
                    (3, 'truyền thông 2026', 2026, '2026-01-01', '2026-12-31');
        INSERT INTO plan_items (id, plan_id, position, kind, text, is_task)
             VALUES (10, 1, 0, 'section', 'Tin bài', 1), (20, 2, 0, 'section', 'Sinh hoạt', 1);
        INSERT INTO activities (id, start_date, dept_id, task_id, form_code, title) VALUES
             (1, '2025-03-05', 1, 10, 'tin_bai', 'Bài của kế hoạch 1'),
             (2, '2025-04-06', 1, 20, 'hoi_nghi', 'Buổi của kế hoạch 2'),
             (3, '2025-05-07', 1, NULL, 'khac', 'Việc không nhiệm vụ năm 2025'),
             (4, '2026-02-03', 1, NULL, 'khac', 'Việc không nhiệm vụ năm 2026'),
             (5, '2024-11-11', 1, NULL, 'khac', 'Việc của năm không có kế hoạch');
    """)
    conn.close()


def test_upgrade_links_activities_to_plans_and_marks_the_guesses(tmp_path):
    path = tmp_path / "cu.db"
    _v3_database(path)
    conn = db.open_db(path)
    got = {a.id: (a.plan_id, a.plan_guessed) for a in activities.load_activities(conn)}
    assert got == {
        1: (1, False),  # the plan of its task
        2: (2, False),
        3: (2, True),  # no task: the latest plan of its year (2 is newer than 1), to be checked
        4: (3, True),
        5: (3, True),  # no plan of 2024: the latest plan
    }
    assert activities.guessed_for_plan(conn, 2) == 1
    assert [a.id for a in activities.load_activities(conn, plan_id=1)] == [1]


def test_a_task_activity_always_serves_the_task_plan(tmp_path):
    conn = db.create(tmp_path / "a.db")
    t1, t2 = PlanItem("section", "Nhiệm vụ 1", is_task=True), PlanItem("section", "Nhiệm vụ 2", is_task=True)
    with db.transaction(conn):
        units.save_unit(conn, Unit("Bệnh viện A", "BVA", "Hà Nội", departments=[Department("Khoa Lao", "LAO")]))
        p1 = plans.insert_plan(conn, Plan("Một", PartialDate(2025), items=[t1]))
        p2 = plans.insert_plan(conn, Plan("Hai", PartialDate(2025), items=[t2]))
        a = Activity(date(2025, 6, 1), None, "tin_bai", "Bài", task_id=t1.id, plan_id=p2)  # wrong plan given
        b = Activity(date(2025, 6, 2), None, "khac", "Việc chung của kế hoạch hai", plan_id=p2)
        activities.insert_activities(conn, [a])
        activities.insert_activities(conn, [b, Activity(date(2025, 6, 3), None, "tin_bai", "Bài 2", task_id=t2.id)])
    assert [(x.title, x.plan_id) for x in activities.load_activities(conn)] == [
        ("Bài", p1),
        ("Việc chung của kế hoạch hai", p2),
        ("Bài 2", p2),
    ]
    a.task_id = t2.id
    with db.transaction(conn):
        activities.update_activity(conn, a)
    assert activities.load_activities(conn)[0].plan_id == p2


@pytest.mark.slow
def test_a_plans_report_counts_only_its_own_activities(demo_copy, tmp_path):
    conn = db.open_db(demo_copy)
    first = plans.latest_plan_id(conn)
    plan = plans.load_plan(conn, first)
    other_task = PlanItem("section", "Nhiệm vụ của kế hoạch khác", is_task=True)
    with db.transaction(conn):
        other = plans.insert_plan(
            conn,
            Plan(
                "phòng, chống bệnh lao",
                PartialDate(2025, 10),
                items=[other_task],
                period_start=plan.period_start,
                period_end=plan.period_end,
            ),
        )
        activities.insert_activities(
            conn,
            [
                Activity(date(2025, 10, 1 + i), None, "tin_bai", f"Bài của kế hoạch lao {i}", task_id=other_task.id)
                for i in range(7)
            ],
        )
    own = activities.count_for_plan(conn, first)
    assert own == 150 and activities.count_for_plan(conn, other) == 7
    *_, mine, _ = app.compile_for(conn, first)
    *_, theirs, _ = app.compile_for(conn, other)
    assert (mine.total, theirs.total) == (150, 7)
    assert "Bài của kế hoạch lao 0" not in [a.title for a in mine.activities]
    # a workbook for the other plan imports into it: the rows serve that plan, not the latest
    book = app.write_xlsx_template(conn, tmp_path / "lao.xlsx", other)
    from openpyxl import load_workbook

    wb = load_workbook(book)
    ws = wb["Hoạt động"]
    lists = wb["Danh mục"]
    ws.cell(5, 1, date(2025, 11, 2))
    ws.cell(5, 3, lists.cell(2, 1).value)  # a department, a form, this plan's only task from the lists
    ws.cell(5, 4, "Tọa đàm về bệnh lao")
    ws.cell(5, 5, lists.cell(2, 2).value)
    ws.cell(5, 6, lists.cell(2, 3).value)
    wb.save(book)
    [res] = app.read_imports(conn, [book], plan_id=other)
    assert res.ok, res.rejected
    assert res.to_add[0].task_id == other_task.id
    assert app.commit_import(conn, res) == 1
    assert activities.count_for_plan(conn, other) == 8 and activities.count_for_plan(conn, first) == own
